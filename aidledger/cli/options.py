"""Option parsing shared by the commands."""

from __future__ import annotations

import datetime as dt

import typer


def parse_date(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value, or a usage error naming it."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None
