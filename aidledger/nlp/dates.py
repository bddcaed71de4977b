"""Date mentions, resolved to the day against the publication date.

A commitment is dated by its announcement, which news copy almost never writes
as a full calendar date: "hier samedi", "on Thursday", "jeudi soir", "ce
vendredi 24 février", "Dec 7". The ``aidledger_dates`` component finds these
expressions and resolves them against ``doc._.published``:

- a weekday is the most recent such day on or before publication ("next
  Tuesday" / "mardi prochain" look forward, "last" / "dernier" strictly back);
- a relative word moves from publication by its offset ("hier" = -1);
- a calendar date without a year takes the year that puts it on or shortly
  before publication; with no publication date, a stated weekday fixes the year
  (the latest year, up to the latest year the text mentions, in which that day
  falls on that weekday), else a year the text states ("en 2024"), else none;
- vague spans ("la semaine dernière", "next month", "en mars") are kept, so
  later stages know a date was given, but have no day.

Patterns are built from each language's data (CLDR month and weekday names
plus the ``dates:`` section of ``aidledger/lang/<lang>.yaml``) and compiled once
per language. Matching runs on the folded text (lower case, no accents, same
offsets), so "Août", "aout" and "AOÛT" are one name. The patterns capture day,
month and year themselves; full calendar dates are normalised by dateparser
(never found by it: its ``search_dates`` guesses too freely for news copy).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import dateparser
from spacy.language import Language
from spacy.tokens import Doc

from aidledger.lang import load
from aidledger.nlp import doc_text, folded, lang_of
from aidledger.nlp.gazetteer import fold

#: Days after publication a year-less date may fall and still be this year's
#: ("le 28 février" in a 24 February article); beyond, it is last year's.
DEFAULT_FUTURE_DAYS = 7

#: How many years back a weekday may place a year-less date.
_WEEKDAY_YEAR_SEARCH = 40

_DAY = r"(?<![\d.,:/])(?P<d>3[01]|[12]\d|0?[1-9])(?!\d|[ ,.]\d{3}(?!\d)|[:h]\d)"
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)(?![\d]|[.,]\d)"
_SEP = r"(?:\s*,\s*|\s+)"

EXPLICIT, RELATIVE, WEEKDAY, VAGUE = "explicit", "relative", "weekday", "vague"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text and the day it stands for.

    ``value`` is None when the expression cannot be resolved to a day (vague
    spans, relative words without a publication date); ``year`` is set when the
    expression states a year but no day ("en 2024", "février 2022").
    """

    start: int
    end: int
    text: str
    value: dt.date | None
    kind: str
    year: int | None = None


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A pattern match before resolution: its span, rule and captured groups."""

    start: int
    end: int
    rule: str
    groups: Mapping[str, str]


@dataclass(frozen=True)
class _Grammar:
    """The compiled patterns and lookup tables of one language."""

    rules: tuple[tuple[str, re.Pattern[str]], ...]
    months: Mapping[str, int]
    full_months: frozenset[str]
    weekdays: Mapping[str, int]
    relative: Mapping[str, int]
    next_words: frozenset[str]
    last_words: frozenset[str]
    month_first_numeric: bool


@dataclass(frozen=True)
class _Context:
    """What resolution needs besides the match: publication, years the text states."""

    published: dt.date | None
    reference_year: int
    future_days: int
    stated_years: tuple[tuple[int, int], ...]  # (offset, year) of year-only mentions
    text: str = ""  # the text the matches index, for dateparser
    lang: str = "en"

    def stated_year_near(self, offset: int) -> int | None:
        """The year stated closest before ``offset``, else the first one after it."""
        before = [year for pos, year in self.stated_years if pos <= offset]
        if before:
            return before[-1]
        return self.stated_years[0][1] if self.stated_years else None


def _norm(phrase: str) -> str:
    """Folded phrase with spaces and hyphens unified, the key of every lookup table."""
    return re.sub(r"[\s\-]+", " ", fold(str(phrase)).strip())


def _alt(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, flexible on spaces and hyphens."""
    keys = sorted({_norm(p) for p in phrases if str(p).strip()}, key=len, reverse=True)
    if not keys:
        return r"(?!)"
    return "|".join(r"[\s\-]+".join(re.escape(w) for w in k.split(" ")) for k in keys)


def _opt_words(phrases: Iterable[str]) -> str:
    """An optional group of words followed by space (prepositions before a date)."""
    return rf"(?:(?:{_alt(phrases)})[\s\-]+)?"


def _full_month_names(months: Mapping[str, int]) -> frozenset[str]:
    """Month names that are not a shortened form of another name of the same month.

    A bare month ("en mars") is only taken in its full form: "sept" is also the
    number seven and "mar" the Spanish sea.
    """
    keys = {_norm(name): number for name, number in months.items()}
    return frozenset(
        name
        for name, number in keys.items()
        if not any(other != name and other.startswith(name) and n == number for other, n in keys.items())
    )


def _patterns(data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The regex source of every rule for one language's ``dates`` data."""
    month = rf"(?P<m>{_alt(data.get('months', {}))})\.?"
    weekday = rf"(?P<wd>{_alt(data.get('weekdays', {}))})"
    suffix = rf"(?:{_alt(data.get('day_suffixes', []))})?"
    joiners = data.get("joiners", [])
    join = rf"(?:\s*,\s*|\s+(?:(?:{_alt(joiners)})\s+)?)" if joiners else _SEP
    before = _opt_words([*data.get("before", []), *data.get("this", [])])
    direction = rf"(?:{_alt([*data.get('next', []), *data.get('last', [])])})"
    tod = rf"(?:\s*(?P<tod>{_alt(data.get('times_of_day', []))}))?"
    rel = rf"(?P<rel>{_alt(data.get('relative', {}))})"
    lead_weekday = rf"(?:{weekday}{_SEP})?"
    rules = [
        ("iso", r"(?<![\d.])(?P<y>(?:1[89]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>3[01]|[12]\d|0[1-9])(?!\d)"),
        ("numeric", rf"(?<![\d.,/])(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep){_YEAR}"),
        ("day_month", rf"{before}{lead_weekday}{_DAY}{suffix}{join}{month}(?:{join}{_YEAR})?"),
        (
            "weekday",
            rf"{before}(?:(?P<dir>{direction})\s+)?(?:{rel}{_SEP})?{weekday}(?:\s+(?P<dir2>{direction}))?{tod}",
        ),
        ("relative", rf"{before}{rel}{tod}"),
        ("this_time", rf"(?:{_alt(data.get('this', []))})\s+(?P<tod>{_alt(data.get('times_of_day', []))})"),
        ("vague", rf"{before}(?:{_alt(data.get('vague', []))})"),
        ("month", rf"(?P<prep>(?:{_alt(data.get('month_prepositions', []))})[\s\-]+)?{month}(?:{join}{_YEAR})?"),
        ("year", rf"(?:{_alt(data.get('year_prepositions', []))})\s+{_YEAR}"),
    ]
    if data.get("month_first"):
        rules += [
            ("month_day", rf"{before}{lead_weekday}{month}\s+{_DAY}{suffix}(?:\s*,?\s*{_YEAR})?"),
            ("year_month_day", rf"{_YEAR}\s+{month}\s+{_DAY}"),
        ]
    if data.get("embedded"):  # "— BFMTV (@BFMTV) June 16, 2022" in a French page
        embedded = data["embedded"]
        e_month = rf"(?P<m>{_alt(embedded['months'])})\.?"
        e_suffix = rf"(?:{_alt(embedded['day_suffixes'])})?"
        rules.append(("month_day", rf"{e_month}\s+{_DAY}{e_suffix}\s*,\s*{_YEAR}"))
    return tuple(rules)


def _embedded(data: Mapping[str, Any]) -> dict[str, Any]:
    """Month names and day suffixes of the languages whose dates the copy embeds.

    Pages quote tweets and wires with their own dates ("June 16, 2022"), so a
    language lists in ``embedded_languages`` those whose full dates (with a
    year, to stay unambiguous) are read too.
    """
    months: dict[str, int] = {}
    suffixes: list[str] = []
    for other in data.get("embedded_languages", []):
        other_data = load(other).section("dates")
        months.update(other_data.get("months", {}))
        suffixes += other_data.get("day_suffixes", [])
    return {"months": months, "day_suffixes": suffixes} if months else {}


@functools.cache
def grammar(lang: str) -> _Grammar:
    """The compiled date grammar of a language, built once per process."""
    data = load(lang).section("dates")
    data = {**data, "embedded": _embedded(data)}
    months = {_norm(k): int(v) for k, v in data.get("months", {}).items()}
    embedded_months = {_norm(k): int(v) for k, v in data["embedded"].get("months", {}).items()}
    return _Grammar(
        rules=tuple((name, re.compile(rf"(?<!\w){src}(?!\w)")) for name, src in _patterns(data)),
        months={**embedded_months, **months},
        full_months=_full_month_names(months),
        weekdays={_norm(k): int(v) for k, v in data.get("weekdays", {}).items()},
        relative={_norm(k): int(v) for k, v in data.get("relative", {}).items()},
        next_words=frozenset(_norm(w) for w in data.get("next", [])),
        last_words=frozenset(_norm(w) for w in data.get("last", [])),
        month_first_numeric=data.get("numeric_order", "dmy") == "mdy",
    )


@functools.cache
def ordinal_nouns(lang: str) -> frozenset[str]:
    """The folded words an ordinal written with a full stop comes before, where the stop ends no sentence:
    the language's month names ("am 21. November") and its ``series`` nouns ("das 3. Paket")."""
    series = load(lang).section("series").get("nouns") or ()
    return grammar(lang).full_months | frozenset(fold(str(noun)) for noun in series)


def _candidates(haystack: str, gram: _Grammar) -> list[_Candidate]:
    """Every rule's matches, then the longest non-overlapping ones in text order."""
    found = [
        _Candidate(m.start(), m.end() - m.group(0).endswith("."), rule, {k: v for k, v in m.groupdict().items() if v})
        for rule, regex in gram.rules
        for m in regex.finditer(haystack)
    ]  # a final full stop ("Oct.", "octobre.") belongs to the name or the sentence, not the date
    found.sort(key=lambda c: (c.start - c.end, c.start))
    kept: list[_Candidate] = []
    for cand in found:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for a day the calendar lacks, so a bad match never raises."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):  # "31 février", a year past the calendar
        return None


def _shifted(day: dt.date | None, days: int) -> dt.date | None:
    """``day`` moved by ``days``; None past the ends of the calendar ("hier" in an article of 0001-01-01)."""
    try:
        return day + dt.timedelta(days=days) if day is not None else None
    except OverflowError:
        return None


def _year_from_publication(month: int, day: int, ctx: _Context) -> dt.date | None:
    """The latest such day not after publication plus a few days."""
    assert ctx.published is not None
    limit = _shifted(ctx.published, ctx.future_days) or dt.date.max
    for year in range(limit.year, limit.year - 8, -1):  # 29 February may need a few years back
        day_ = _safe_date(year, month, day)
        if day_ is not None and day_ <= limit:
            return day_
    return None


def _year_from_weekday(month: int, day: int, weekday: int, ctx: _Context) -> dt.date | None:
    """The latest year up to the reference year in which the day falls on the weekday."""
    for year in range(ctx.reference_year, ctx.reference_year - _WEEKDAY_YEAR_SEARCH, -1):
        day_ = _safe_date(year, month, day)
        if day_ is not None and day_.weekday() == weekday:
            return day_
    return None


def _calendar_day(
    day: int, month: int, year: int | None, weekday: int | None, start: int, ctx: _Context
) -> dt.date | None:
    """A day from its parts, inferring a missing year from publication, weekday or text."""
    if year is not None:
        return _safe_date(year, month, day)
    if ctx.published is not None:
        return _year_from_publication(month, day, ctx)
    if weekday is not None:
        return _year_from_weekday(month, day, weekday, ctx)
    stated = ctx.stated_year_near(start)
    return _safe_date(stated, month, day) if stated is not None else None


def _explicit(c: _Candidate, gram: _Grammar, ctx: _Context) -> tuple[str, dt.date | None, int | None]:
    """A calendar date whose parts the pattern captured; a stated weekday helps find the year.

    A full date ("23 March 2022", "le 17 novembre 2025") is normalised by dateparser; the
    captured parts stand in where it cannot read one.
    """
    g = c.groups
    year = int(g["y"]) if "y" in g else None
    month = gram.months.get(_norm(g["m"])) if not g["m"].isdigit() else int(g["m"])
    weekday = gram.weekdays.get(_norm(g["wd"])) if "wd" in g else None
    if month is None:
        return EXPLICIT, None, None
    if year is not None:
        parsed = _dateparser_day(ctx.text[c.start : c.end], ctx.lang)
        if parsed is not None:
            return EXPLICIT, parsed, None
    return EXPLICIT, _calendar_day(int(g["d"]), month, year, weekday, c.start, ctx), None


@functools.lru_cache(maxsize=4096)
def _dateparser_day(text: str, lang: str) -> dt.date | None:
    """dateparser's reading of a full calendar date, or None when it needs more than the text gives."""
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    try:
        parsed = dateparser.parse(text, languages=[lang, "en"], settings=settings)
    except Exception:  # dateparser raises on some odd inputs; the captured parts stand in
        return None
    return parsed.date() if parsed else None


def _numeric(c: _Candidate, gram: _Grammar, ctx: _Context) -> tuple[str, dt.date | None, int | None]:
    """13/09/2023 or 09/13/2023: the language's order, swapped when only the other fits. Dotted dates
    ("05.11.2024") put the day first in every language that writes them, English pages from Europe too."""
    first, second, year = int(c.groups["a"]), int(c.groups["b"]), int(c.groups["y"])
    month_first = gram.month_first_numeric and c.groups["sep"] != "."
    day, month = (second, first) if month_first else (first, second)
    if month > 12 >= day:
        day, month = month, day
    return EXPLICIT, _safe_date(year, month, day), None


def _weekday(c: _Candidate, gram: _Grammar, ctx: _Context) -> tuple[str, dt.date | None, int | None]:
    """A weekday, possibly with "hier", "next"/"dernier" and a time of day."""
    if ctx.published is None:
        return WEEKDAY, None, None
    g = c.groups
    if "rel" in g:
        return WEEKDAY, _shifted(ctx.published, gram.relative[_norm(g["rel"])]), None
    weekday = gram.weekdays[_norm(g["wd"])]
    direction = _norm(g.get("dir") or g.get("dir2") or "")
    gap = (weekday - ctx.published.weekday()) % 7
    if direction in gram.next_words:
        return WEEKDAY, _shifted(ctx.published, gap or 7), None
    back = (ctx.published.weekday() - weekday) % 7
    if direction in gram.last_words:
        back = back or 7
    return WEEKDAY, _shifted(ctx.published, -back), None


def _relative(c: _Candidate, gram: _Grammar, ctx: _Context) -> tuple[str, dt.date | None, int | None]:
    """A relative word ("hier", "tomorrow") or a time of this day ("ce matin")."""
    offset = gram.relative.get(_norm(c.groups.get("rel", "")), 0)  # "ce matin": today
    return RELATIVE, _shifted(ctx.published, offset), None


def _vague(c: _Candidate, gram: _Grammar, ctx: _Context) -> tuple[str, dt.date | None, int | None]:
    """No day to resolve; a stated year ("en 2024", "février 2022") is kept."""
    return VAGUE, None, int(c.groups["y"]) if "y" in c.groups else None


_RESOLVERS: dict[str, Callable[[_Candidate, _Grammar, _Context], tuple[str, dt.date | None, int | None]]] = {
    "iso": _explicit,
    "numeric": _numeric,
    "day_month": _explicit,
    "month_day": _explicit,
    "year_month_day": _explicit,
    "weekday": _weekday,
    "relative": _relative,
    "this_time": _relative,
    "vague": _vague,
    "month": _vague,
    "year": _vague,
}


def _is_date(c: _Candidate, gram: _Grammar) -> bool:
    """Drop a bare month unless a preposition or a year anchors it ("en mars", "mai 2024")."""
    if c.rule != "month":
        return True
    return "y" in c.groups or ("prep" in c.groups and _norm(c.groups["m"]) in gram.full_months)


def _reference_year(haystack: str, today: dt.date) -> int:
    """The latest four-digit year the text mentions, else the current year."""
    years = [int(m.group("y")) for m in re.finditer(rf"(?<![\d.,]){_YEAR}", haystack)]
    return max(years) if years else today.year


def resolve_mentions(
    text: str,
    lang: str,
    published: dt.date | None,
    *,
    folded_text: str | None = None,
    today: dt.date | None = None,
    future_days: int = DEFAULT_FUTURE_DAYS,
) -> list[DateMention]:
    """Find and resolve the date expressions of ``text`` written in ``lang``.

    ``folded_text`` is :func:`~aidledger.nlp.gazetteer.fold` of ``text`` when the
    caller has it; ``today`` stands in for the current date when no year can be
    read from the text (tests pin it).
    """
    haystack = fold(text) if folded_text is None else folded_text
    gram = grammar(lang)
    cands = [c for c in _candidates(haystack, gram) if _is_date(c, gram)]
    ctx = _Context(
        published=published,
        reference_year=_reference_year(haystack, today or dt.date.today()),
        future_days=future_days,
        stated_years=tuple((c.start, int(c.groups["y"])) for c in cands if c.rule == "year"),
        text=text,
        lang=lang,
    )
    mentions = []
    for c in cands:
        kind, value, year = _RESOLVERS[c.rule](c, gram, ctx)
        mentions.append(DateMention(c.start, c.end, text[c.start : c.end], value, kind, year))
    return mentions


class DateRecognizer:
    """Sets ``doc._.dates`` to the resolved :class:`DateMention` list of a Doc."""

    def __init__(self, lang: str = "", future_days: int = DEFAULT_FUTURE_DAYS):
        self.lang = lang
        self.future_days = future_days

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = resolve_mentions(
            doc_text(doc),
            self.lang or lang_of(doc),
            doc._.published,
            folded_text=folded(doc),
            future_days=self.future_days,
        )
        return doc


@Language.factory("aidledger_dates", default_config={"lang": "", "future_days": DEFAULT_FUTURE_DAYS})
def make_dates_component(nlp: Language, name: str, lang: str, future_days: int) -> DateRecognizer:
    """The ``aidledger_dates`` component; ``lang`` overrides the pipeline's language."""
    return DateRecognizer(lang=lang, future_days=future_days)
