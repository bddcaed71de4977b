"""Options and option parsing shared by the commands, so each is spelled, checked and documented once."""

from __future__ import annotations

import datetime as dt

import typer

from aidledger.lang import DATA_DIR
from aidledger.limits import DEFAULT_AMOUNT_RANGE, DEFAULT_MAX_BYTES, DEFAULT_SECONDS, Limits
from aidledger.schema import language_code
from aidledger.sections import SECTION_CHARS

INPUTS_HELP = (
    "Inputs: plain text (.txt), HTML pages (.html, .htm), JSON Lines (.jsonl), RSS/Atom feeds (.rss, .atom, .xml), "
    "WARC archives (.warc, .warc.gz), or folders of these (read recursively; other files are skipped)."
)

LIMITS_EPILOG = (
    f"Limits: an input document (a file, a JSONL line, a WARC record) over --max-bytes is skipped, unread; a text over "
    f"{SECTION_CHARS:,} characters is extracted in sections of that size; a document (or section) taking longer than "
    f"--timeout seconds is skipped as too slow. Each skipped input is one line on standard error naming it, the "
    f"others go on, and the exit code is 1."
)
AMOUNTS_EPILOG = LIMITS_EPILOG + " An amount outside --amount-range is left out, with a warning line."

LANG = typer.Option("auto", help="Language of the inputs (fr, en, fr-FR, ...; any language detected), or auto.")
MAX_BYTES = typer.Option(DEFAULT_MAX_BYTES, min=1, help="Skip an input document larger than this many bytes.")
TIMEOUT = typer.Option(
    DEFAULT_SECONDS, "--timeout", min=0, help="Skip a document whose extraction takes longer (seconds; 0: no limit)."
)
AMOUNT_RANGE = typer.Option(
    DEFAULT_AMOUNT_RANGE, help="Lowest and highest plausible amount; others are left out with a warning."
)
PUBLISHED = typer.Option(None, help="Publication date YYYY-MM-DD for inputs that carry none.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar (there is none when stderr is not a terminal).")
TRIAGE_HELP = (
    "Skip documents that cannot state an aid commitment (a keyword scan, before any parsing); they are "
    "not analysed{what}."
)
TRIAGE = typer.Option(False, "--triage/--no-triage", help=TRIAGE_HELP.format(what=" (printed with triaged_out true)"))
FOCUS_HELP = (
    "Run the trained models only on the sentences that can matter to commitments and quotes (the same "
    "commitments and quotes, faster; entities only from those sentences)."
)
FOCUS = typer.Option(False, "--focus/--no-focus", help=FOCUS_HELP)


def parse_date(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value, or a usage error naming it."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def supported_languages() -> frozenset[str]:
    """Languages aidledger has a knowledge file for."""
    return frozenset(path.stem for path in DATA_DIR.glob("*.yaml") if path.stem != "common")


def parse_lang(value: str) -> str | None:
    """``auto`` (None: detect per document) or a language aidledger supports or detects, region tags
    reduced to the language ("fr-FR", "fr_FR" → "fr"); anything else is a usage error."""
    if value.strip().lower() == "auto":
        return None
    from aidledger.ingest.language import detectable_languages

    code = language_code(value)
    if code is None or code not in supported_languages() | detectable_languages():
        supported = ", ".join(sorted(supported_languages()))
        raise typer.BadParameter(
            f"{value!r} is not a language code aidledger supports ({supported}) or detects, nor auto", param_hint="--lang"
        )
    return code


def limits(timeout: float, amount_range: tuple[float, float]) -> Limits:
    """The per-document limits of the options; a usage error for an empty amount range."""
    low, high = amount_range
    if not 0 <= low <= high:
        raise typer.BadParameter(f"{low:g} {high:g} is not a range 0 <= LOW <= HIGH", param_hint="--amount-range")
    return Limits(seconds=timeout or None, amount_range=(low, high))
