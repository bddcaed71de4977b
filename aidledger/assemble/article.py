"""The annotated article the assembly works on: its sentences, amounts, names and cues.

One :class:`Article` per Doc gathers what the components found, with the small
look-ups every step of the assembly needs (the names of a sentence, the cues of
some sentences, the part of a sentence that belongs to one amount).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from aidledger.assemble.grammar import grammar
from aidledger.assemble.parties import ends_with, preceding
from aidledger.lang import load
from aidledger.nlp import doc_text, folded, lang_of
from aidledger.nlp.actors import Actor
from aidledger.nlp.cues import Cue
from aidledger.nlp.gazetteer import fold
from aidledger.nlp.money import DONOR_DEPENDENT, Money

if TYPE_CHECKING:
    from aidledger.assemble.candidates import Candidate

#: In an enumeration, how much of the text before an amount still belongs to it ("a $20 million grant").
STRETCH_BEFORE = 15


def units(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans by characters, also split at line breaks (headlines, bullets, paragraphs)."""
    out: list[tuple[int, int]] = []
    content = doc_text(doc)
    sents = doc.sents if (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")) else [doc[:]]
    for sent in sents:
        start = sent.start_char
        for piece in re.split(r"(\n+)", content[sent.start_char : sent.end_char]):
            if piece and not piece.startswith("\n") and piece.strip():
                out.append((start, start + len(piece)))
            start += len(piece)
    return out


def keys(cues: Iterable[Cue]) -> set[str]:
    """The kinds of a set of cues."""
    return {c.key for c in cues}


class Article:
    """A Doc's text and annotations, read once for the assembly."""

    def __init__(self, doc: Doc, url: str | None = None):
        self.doc = doc
        self.lang = lang_of(doc)
        self.data = load(self.lang)
        self.text = doc_text(doc)
        self.folded = folded(doc)
        self.units = units(doc)
        self.money: list[Money] = list(doc._.money or [])
        self.actors: list[Actor] = list(doc._.actors or [])
        self.cues: list[Cue] = list(doc._.cues or [])
        self.dates = list(doc._.dates or [])
        self.url = url
        self.grammar = grammar(self.lang)
        # indexes, so that long articles stay linear: sentences, cues and dates by position
        self._unit_starts = [start for start, _ in self.units]
        self._cue_starts = [c.start for c in self.cues]
        self._dates = sorted(self.dates, key=lambda d: d.start)
        self._date_starts = [d.start for d in self._dates]
        self.conversions = [m for m in self.money if m.is_conversion]
        self._actors_by_unit: dict[int, list[Actor]] = {}

    def unit_of(self, offset: int) -> int:
        """The index of the sentence that holds a character offset."""
        return max(0, bisect.bisect_right(self._unit_starts, offset) - 1)

    def cues_between(self, start: int, end: int, group: str | None = None, key: str | None = None) -> list[Cue]:
        """The cues inside ``[start, end)``, optionally of one group and key."""
        found = []
        for cue in self.cues[bisect.bisect_left(self._cue_starts, start) :]:
            if cue.start >= end:
                break
            if cue.end <= end and (group is None or cue.group == group) and (key is None or cue.key == key):
                found.append(cue)
        return found

    def dates_between(self, start: int, end: int) -> list:
        """The date mentions starting inside ``[start, end)``."""
        return self._dates[bisect.bisect_left(self._date_starts, start) : bisect.bisect_left(self._date_starts, end)]

    def preceded_by(self, offset: int, phrases: tuple[str, ...]) -> bool:
        """Whether the words just before an offset end with one of the (folded) phrases."""
        return ends_with(preceding(self.folded, offset, self.lang), phrases)

    def evidence(self, unit: tuple[int, int]) -> tuple[int, int]:
        """The evidence span of a package: its sentence, without surrounding blanks or a leading bullet."""
        start, end = unit
        while start < end and (self.text[start].isspace() or self.text[start] in "-–—•*"):
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def unit_actors(self, unit_index: int) -> list[Actor]:
        """Actors of a sentence, without those that only name a currency ("dollars canadiens")."""
        if unit_index not in self._actors_by_unit:
            start, end = self.units[unit_index]
            amounts = [m for m in self.money if start <= m.start < end]
            self._actors_by_unit[unit_index] = [
                a
                for a in self.actors
                if start <= a.start < end and not any(m.start <= a.start < m.end for m in amounts)
            ]
        return self._actors_by_unit[unit_index]

    def stretch(self, cand: Candidate) -> tuple[int, int]:
        """The part of the sentence that belongs to one amount: from the amount before it to the one after."""
        unit = self.units[cand.unit]
        amounts = [m for m in self.money if unit[0] <= m.start < unit[1] and not m.is_conversion]
        before = [m.end for m in amounts if m.end <= cand.anchor]
        after = [m.start for m in amounts if m.start > cand.anchor]
        start = max(before[-1], cand.anchor - STRETCH_BEFORE) if before else unit[0]
        return start, (after[0] if after else unit[1])

    def resolved_currency(self, cand: Candidate) -> str | None:
        """The ISO code of a candidate's currency: "$", crowns and francs by the donor's country
        (for "$", else by the outlet's)."""
        currency = cand.currency
        if currency not in DONOR_DEPENDENT:
            return currency
        table = self.data.section("currencies")
        donor = cand.donor.code if cand.donor else None
        if currency == "$":
            by_country = table.get("dollar_countries") or {}
            outlet = self.outlet_country()
            return by_country.get(donor) or by_country.get(outlet) or "USD"
        if currency == "CROWN":
            return (table.get("crown_countries") or {}).get(donor)
        return (table.get("franc_countries") or {}).get(donor, "CHF")

    def outlet_country(self) -> str | None:
        """The country of the outlet from its URL's top-level domain (".ca" → CAN)."""
        if not self.url:
            return None
        host = re.sub(r"^[a-z]+://", "", self.url).split("/")[0].lower()
        tld = host.rsplit(".", 1)[-1]
        return (self.data.section("currencies").get("outlet_tlds") or {}).get(tld)

    def cues_in(self, unit_indexes: list[int], group: str) -> list[Cue]:
        """The cues of a group in some sentences, without those inside an organisation's name ("Fonds monétaire")."""
        found = []
        for i in unit_indexes:
            found.extend(self.cues_between(*self.units[i], group))
        return [
            c
            for c in found
            if not any(a.start < c.end and c.start < a.end for a in self.actors if a.kind == "organisations")
        ]

    def nearest(self, cues: list[Cue], anchor: int) -> Cue | None:
        """The cue closest to an offset."""
        return min(cues, key=lambda c: abs(c.start - anchor)) if cues else None

    def continues(self, unit_index: int) -> bool:
        """A sentence that opens by referring back to the package ("Cette nouvelle tranche…", "The package…")."""
        opening = self.folded[self.units[unit_index][0] : self.units[unit_index][0] + 40].lstrip() + " "
        return any(
            opening.startswith(phrase) and not opening[len(phrase)].isalnum()
            for phrase in (fold(str(w)) for w in self.data.section("context").get("continuation") or [])
        )
