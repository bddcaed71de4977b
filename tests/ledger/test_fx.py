"""Conversions at the ECB reference rate of the packaged table, never guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from aidledger.ledger.fx import convert


def test_a_weekday_uses_that_days_ecb_rate():
    result = convert(100e6, "EUR", dt.date(2024, 3, 15))
    assert result.rate_date == dt.date(2024, 3, 15)
    assert result.rate_usd == pytest.approx(1.0892)  # ECB reference rate of 15 March 2024
    assert result.amount_usd == pytest.approx(108.92e6)
    assert result.amount_eur == 100e6


def test_a_weekend_uses_the_nearest_earlier_business_day():
    result = convert(100e6, "EUR", dt.date(2024, 3, 17))
    assert result.rate_date == dt.date(2024, 3, 15)
    assert result.note is None


def test_a_cross_rate_goes_through_the_euro():
    result = convert(2.5e9, "GBP", dt.date(2024, 1, 12))
    assert result.amount_usd == pytest.approx(2.5e9 * result.rate_usd)
    assert result.amount_usd / result.amount_eur == pytest.approx(convert(1, "EUR", dt.date(2024, 1, 12)).rate_usd)


def test_a_currency_the_ecb_does_not_quote_is_left_unconverted_with_a_note():
    result = convert(1.5e9, "UAH", dt.date(2024, 3, 15))
    assert (result.amount_usd, result.amount_eur, result.rate_date) == (None, None, None)
    assert "no ECB reference rate for UAH" in result.note


def test_a_currency_the_ecb_stopped_quoting_is_not_converted_after_that():
    assert convert(1e9, "RUB", dt.date(2024, 3, 15)).amount_usd is None
    assert convert(1e9, "RUB", dt.date(2021, 3, 15)).amount_usd is not None


def test_no_amount_or_no_date_means_no_conversion():
    assert convert(None, None, dt.date(2024, 3, 15)).amount_usd is None
    assert "no date" in convert(1e6, "EUR", None).note
