"""A package's place in its donor's series: "the 45th drawdown", "la cinquième tranche", "46. donacja".

Donors number their packages and the tranches of a loan; outlets repeat the number. Two reports of one
package state the same number and two of different packages different ones, which tells apart the many
packages of one round sum ($250 million, €500 million) when the reports carry no date. The ledger weighs
it when it links reports into packages (:mod:`aidledger.ledger.merge`).

An ordinal counts only right before a noun of the language's ``series`` section (a word starting or
ending with one of them, for inflected and compound forms: "pakietu", "Militärhilfepaket"), at most
:data:`MAX_GAP` words before it within one clause ("the 24th military aid package"). Ordinal words are
turned into digits by text2num where it reads the language; ``series.words`` lists the stems of those it
does not read.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from text_to_num import alpha2digit

from aidledger.lang import load
from aidledger.nlp.gazetteer import fold

#: Words that may stand between the ordinal and the noun it numbers ("the 24th military aid package").
MAX_GAP = 3
#: A word with the punctuation around it; a word ending in a clause mark ends the look back.
_WORD = re.compile(r"\S+")
_EDGES = "\"'“”‘’«»„()[]"
_CLAUSE_MARKS = tuple(",;:!?")


@dataclass(frozen=True)
class SeriesPlace:
    """An ordinal numbering a package: where the phrase starts and ends, and the number."""

    start: int
    end: int
    number: int


@dataclass(frozen=True)
class _Series:
    nouns: tuple[str, ...]
    digits: re.Pattern[str]
    words: tuple[tuple[str, int], ...]
    months: frozenset[str]  # "am 24. Februar geschnürte Paket": the ordinal is the day's


@functools.cache
def _series(lang: str) -> _Series | None:
    section = load(lang).section("series")
    nouns = tuple(fold(str(n)) for n in section.get("nouns") or [])
    if not nouns:
        return None
    suffixes = sorted({fold(str(s)) for s in section.get("suffixes") or []}, key=len, reverse=True)
    digits = re.compile(rf"(\d{{1,3}})(?:{'|'.join(map(re.escape, suffixes))})" if suffixes else r"(?!x)x")
    words = tuple(sorted(((fold(str(w)), int(n)) for w, n in (section.get("words") or {}).items()), reverse=True))
    months = frozenset(fold(str(m)) for m in load(lang).section("dates").get("months") or {})
    return _Series(nouns, digits, words, months)


def series_places(text: str, lang: str) -> list[SeriesPlace]:
    """Every ordinal of ``text`` that numbers a package or a tranche, in text order."""
    series = _series(lang)
    if series is None:
        return []
    tokens = list(_WORD.finditer(text))
    found = []
    for i, token in enumerate(tokens):
        word = _bare(token)
        if word and any(word.startswith(n) or word.endswith(n) for n in series.nouns):
            place = _ordinal_before(tokens, i, series, lang)
            if place is not None and not (found and found[-1].start == place[0]):  # "45th drawdown package": once
                found.append(SeriesPlace(place[0], token.end(), place[1]))
    return found


def _bare(token: re.Match[str]) -> str:
    """A word folded, without the quotes, brackets and punctuation around it."""
    return fold(token.group().strip(_EDGES + ".,;:!?"))


def _ordinal_before(tokens: list[re.Match[str]], noun: int, series: _Series, lang: str) -> tuple[int, int] | None:
    """(start, number) of the ordinal among the few words before the noun at ``noun``, in its clause."""
    for back in range(1, MAX_GAP + 2):
        i = noun - back
        if i < 0 or tokens[i].group().endswith(_CLAUSE_MARKS) or _bare(tokens[i]) in series.months:
            return None
        for first in (i - 1, i):  # an ordinal of two words ("vigésimo cuarto"), then of one
            if first < 0:
                continue
            number = _ordinal(" ".join(t.group() for t in tokens[first : i + 1]), series, lang)
            if number is not None:
                return tokens[first].start(), number
        if tokens[i].group().endswith("."):
            return None  # a full stop ends the clause unless the word before it was an ordinal ("24. Paket")
    return None


def _ordinal(phrase: str, series: _Series, lang: str) -> int | None:
    """The number an ordinal phrase writes ("45th", "cinquième", "24.", "piątą"), else None."""
    phrase = phrase.strip(_EDGES).lower()
    word = fold(phrase)
    for stem, number in series.words:
        if word.startswith(stem):
            return number
    if not any(c.isdigit() for c in word):
        word = fold(_in_digits(phrase, lang))
    found = series.digits.fullmatch(word)
    return int(found.group(1)) if found and int(found.group(1)) > 0 else None


def _in_digits(phrase: str, lang: str) -> str:
    """The phrase with its ordinal words written in digits ("cinquième" -> "5ème") where text2num reads the
    language; unchanged where it does not (Polish, Ukrainian, Czech: ``series.words`` serves those)."""
    try:
        return alpha2digit(phrase, lang, threshold=0)
    except ValueError:  # "unsupported language"
        return phrase
