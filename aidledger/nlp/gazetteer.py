"""Phrase lists matched on folded text, with character offsets into the original.

News copy writes one name many ways: "États-Unis", "Etats Unis", "Etats-Unis";
"l'Ukraine" with a straight or a curly apostrophe. Matching on a folded copy of
the text (lower case, accents removed, one apostrophe and one hyphen) that has
exactly the length of the original keeps every offset valid, so a match maps
back to the original characters and to spaCy tokens without alignment work.
Entries written in capitals ("US", "EU", "UE") are matched case-sensitively so
that "us" the pronoun is never the United States.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

_APOSTROPHES = "'’ʼ‘`´"
_HYPHENS = "-‐‑‒–—"


def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in _HYPHENS:
        return "-"
    if ch in "\u00a0\u202f\u2009":
        return " "
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else base


_FOLD_TABLE: dict[int, str] = {}


def fold(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with exactly the same length."""
    out = []
    for ch in text:
        code = ord(ch)
        mapped = _FOLD_TABLE.get(code)
        if mapped is None:
            mapped = _fold_char(ch)
            _FOLD_TABLE[code] = mapped
        out.append(mapped)
    return "".join(out)


def keep_case_fold(text: str) -> str:
    """Like :func:`fold` but keeps letter case (for acronyms)."""
    return "".join(_fold_char(c).upper() if c.isupper() else _fold_char(c) for c in text)


def _phrase_regex(phrase: str) -> str:
    """A regex for a phrase, flexible on spaces and hyphens between words."""
    parts = re.split(r"[\s\-]+", phrase.strip())
    return r"[\s\-]+".join(re.escape(p) for p in parts if p)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str
    text: str


class Gazetteer:
    """Finds the longest phrases of a ``{key: [phrases]}`` mapping in a text.

    Phrases are matched on word boundaries. A phrase in capitals is matched with
    its case; any other phrase case- and accent-insensitively.
    """

    def __init__(self, entries: Mapping[str, Iterable[str]]):
        folded: dict[str, str] = {}
        cased: dict[str, str] = {}
        for key, phrases in entries.items():
            for phrase in phrases or ():
                phrase = str(phrase).strip()
                if not phrase:
                    continue
                if phrase.upper() == phrase and any(c.isalpha() for c in phrase):
                    cased.setdefault(keep_case_fold(phrase), key)
                else:
                    folded.setdefault(fold(phrase), key)
        self._folded_lookup = {self._normalise(k): v for k, v in folded.items()}
        self._cased_lookup = {self._normalise(k): v for k, v in cased.items()}
        self._folded_re = self._compile(folded)
        self._cased_re = self._compile(cased)

    @staticmethod
    def _compile(table: Mapping[str, str]) -> re.Pattern[str] | None:
        if not table:
            return None
        alternation = "|".join(_phrase_regex(p) for p in sorted(table, key=len, reverse=True))
        return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")

    @staticmethod
    def _normalise(phrase: str) -> str:
        return re.sub(r"[\s\-]+", " ", phrase)

    def finditer(self, text: str, folded: str | None = None, cased: str | None = None) -> Iterator[Match]:
        """Yield non-overlapping matches, longest first at each position, in text order.

        ``folded`` and ``cased`` are :func:`fold` and :func:`keep_case_fold` of
        ``text``, passed in when the caller already has them.
        """
        found: list[Match] = []
        if self._folded_re is not None:
            self._collect(self._folded_re, self._folded_lookup, fold(text) if folded is None else folded, text, found)
        if self._cased_re is not None:
            self._collect(
                self._cased_re, self._cased_lookup, keep_case_fold(text) if cased is None else cased, text, found
            )
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        last_end = -1
        for match in found:
            if match.start >= last_end:
                last_end = match.end
                yield match

    def _collect(
        self, regex: re.Pattern[str], lookup: dict[str, str], haystack: str, text: str, found: list[Match]
    ) -> None:
        for m in regex.finditer(haystack):
            key = lookup.get(self._normalise(m.group(0)))
            if key is not None:
                found.append(Match(m.start(), m.end(), key, text[m.start() : m.end()]))
