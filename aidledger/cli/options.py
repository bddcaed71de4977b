"""Option parsing shared by the commands."""

from __future__ import annotations

import datetime as dt
import re

import typer


def parse_date(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value, or a usage error naming it."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def parse_lang(value: str) -> str | None:
    """``auto`` (None: detect per document) or an ISO 639-1 code; anything else is a usage error."""
    value = value.strip().lower()
    if value == "auto":
        return None
    if not re.fullmatch(r"[a-z]{2,3}", value):
        raise typer.BadParameter(f"{value!r} is not a language code such as fr or en, nor auto")
    return value
