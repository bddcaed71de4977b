"""Conversions at the ECB reference rate of the packaged table, never guessed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from aidledger.ledger.fx import convert, whole


def test_a_weekday_uses_that_days_ecb_rate_and_converts_exactly():
    result = convert(100_000_000, "EUR", dt.date(2024, 3, 15))
    assert result.rate_date == dt.date(2024, 3, 15)
    assert result.rate_usd == Decimal("1.0892")  # ECB reference rate of 15 March 2024
    assert (result.amount_usd, result.amount_eur) == (108_920_000, 100_000_000)


def test_amounts_are_whole_units_without_float_noise():
    assert whole(3.1 * 1e9) == 3_100_000_000 and whole(2.57e6) == 2_570_000
    result = convert(3.1e9, "GBP", dt.date(2024, 1, 12))
    assert isinstance(result.amount_usd, int) and result.amount_usd == round(Decimal(3_100_000_000) * result.rate_usd)


def test_a_weekend_uses_the_nearest_earlier_business_day():
    result = convert(100e6, "EUR", dt.date(2024, 3, 17))
    assert result.rate_date == dt.date(2024, 3, 15)
    assert result.note is None


def test_a_cross_rate_goes_through_the_euro():
    result = convert(2_500_000_000, "GBP", dt.date(2024, 1, 12))
    euro = convert(1, "EUR", dt.date(2024, 1, 12))
    assert abs(result.rate_usd - result.rate_eur * euro.rate_usd) < Decimal("1e-9")


def test_a_currency_the_ecb_does_not_quote_is_left_unconverted_with_a_note():
    result = convert(1.5e9, "UAH", dt.date(2024, 3, 15))
    assert (result.amount_usd, result.amount_eur, result.rate_date) == (None, None, None)
    assert "no ECB reference rate for UAH" in result.note


def test_a_currency_the_ecb_stopped_quoting_is_not_converted_after_that():
    assert convert(1e9, "RUB", dt.date(2024, 3, 15)).amount_usd is None
    assert convert(1e9, "RUB", dt.date(2021, 3, 15)).amount_usd is not None


def test_no_amount_means_no_conversion():
    assert convert(None, None, dt.date(2024, 3, 15)).amount_usd is None


def test_a_day_after_the_packaged_table_uses_its_last_rate_and_says_so():
    result = convert(1_000_000, "EUR", dt.date(2040, 1, 2))
    assert result.amount_usd is not None and "last day of the packaged ECB table" in result.note
