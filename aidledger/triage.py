"""Triage: whether a document can hold an aid commitment, decided from keywords before any spaCy work.

A news desk's feeds bring tens of thousands of articles a day and almost none
is about aid; the full pipeline on each costs a good part of a second where a
keyword scan costs a millisecond. One Aho-Corasick automaton (pyahocorasick)
holds the words of every language data file that a commitment is stated with:

- ``money``: currency symbols, ISO codes and currency names (the data files' and CLDR's);
- ``kind``: equipment (``items``), which a gift in kind names instead of an amount;
- ``aid``: words that name aid (``cues.aid``: "aid", "package", "tranche"), mechanisms, in-kind phrases;
- ``giving``: verbs of giving (``cues.aid_verb``: "pledged", "promis", "announced");
- ``actor``: countries, organisations, capitals and demonyms, the donors and recipients;
- ``type``: the kinds of aid that only aid has (``aid_types``: military, humanitarian).

A document can hold a commitment when an amount of money (or equipment) is
stated as given, judged sentence by sentence: a donor or recipient named in
its sentence or the one before (and within :data:`PARTY_WINDOW` characters),
and a word naming aid in its sentence, the one before or the lead (the first
:data:`LEAD_SENTENCES` sentences: a headline and its first line set the topic
of every amount below them) together with a second party, the kind of aid
("military", "humanitaire") or a verb of giving in its sentence; or, without a
word naming aid, two parties and a verb of giving in its sentence ("le Japon a
promis 1,5 milliard de dollars à l'Ukraine", "Germany has delivered two IRIS-T
systems to Ukraine"). The words of aid are the words of finance too ("loans",
"support package", "fund"), and business news "announces" and "unveils" its
millions with the names of countries around: each clause asks for what a
business story rarely has, and within the sentence, since a news page puts
unrelated stories side by side (a country named in one, a "support plan" in
the next, an amount in a third). Sentences end at ``.!?…`` before a space
and at line breaks; an abbreviation that ends one too early ("U.S.") only
moves its words into the sentence before, which still counts for parties and
aid words.
The automaton runs on the folded text (lower case, no accents, same length;
:func:`~aidledger.nlp.gazetteer.fold`); entries written in capitals ("USD",
"EU") only match capitals ("try" is a verb, "TRY" the lira). A word counts in
texts of its data file's language (or of unknown language) only: folded,
Portuguese "ceder" (to give) is French "céder" (to sell off a business).
Languages matched by lemma (German, Polish, Ukrainian…) list lemmas, so their
words are also matched by stem ("geliefert" by "liefer").

Triage only rules out what it can read: a text in a language without a data
file always passes. Its recall on the commitments of the dev passages is 1.0,
which ``tests/test_triage.py`` checks.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from aidledger.lang import DATA_DIR, load
from aidledger.nlp.gazetteer import GAP, fold

#: Money (or equipment) and a word naming aid at most this many characters apart (besides the lead).
AID_WINDOW = 400
#: Money and the name of a donor or recipient at most this many characters apart.
PARTY_WINDOW = 250
#: The sentences that set an article's topic: its headline and first sentence (or its first two).
LEAD_SENTENCES = 2
#: Shortest stem taken from a lemma (shorter ones match inside too many words).
MIN_STEM = 4

MONEY, KIND, AID, GIVING, ACTOR, TYPE = "money", "kind", "aid", "giving", "actor", "type"
#: The sections of a data file whose phrases make each kind of term (None: every key of the section).
_SECTIONS: dict[str, dict[str, tuple[str, ...] | None]] = {
    AID: {"cues": ("aid",), "mechanisms": None, "in_kind": None},
    GIVING: {"cues": ("aid_verb",)},
    KIND: {"items": None},
    TYPE: {"aid_types": ("military", "humanitarian")},
    ACTOR: {"actors": ("countries", "organisations", "metonyms", "demonyms")},
}
_WORD_CHAR = re.compile(r"\w")
#: The end of a sentence: a full stop (with any closing quote or bracket) before a space, or a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)]*\s+|\n")


@dataclass(frozen=True)
class Term:
    """What a key of the automaton signals, and how it must stand in the text."""

    kind: str
    upper: bool = False  # written in capitals (a code, an acronym): matched on the text as written
    stem: bool = False  # a stem of a lemma: matched inside words
    code: str = ""  # the actor an actor's name names (ISO 3166 alpha-3 or an organisation's code)
    lang: str = ""  # the data file it comes from: it counts in texts of that language (or of unknown language)

    @property
    def inside_words(self) -> bool:
        """A stem matches inside words: "liefer" in "geliefert"."""
        return self.stem

    def counts_in(self, lang: str | None) -> bool:
        """A word counts in its own language's texts only: Portuguese "ceder" is not French "céder"."""
        return lang is None or self.lang == lang


@dataclass(frozen=True)
class Hit:
    """A term found in a text: its kind and character span."""

    start: int
    end: int
    kind: str
    code: str = ""
    sentence: int = 0  # the index of the sentence it stands in


def data_languages() -> list[str]:
    """The languages with a data file."""
    return sorted(path.stem for path in DATA_DIR.glob("*.yaml") if path.stem != "common")


def _phrases(section: object, keys: Iterable[str] | None = None, key: str = "") -> Iterator[tuple[str, str]]:
    """(phrase, key) pairs of a data file section: a list, or a dict of lists (only ``keys`` of it when
    given); the key is the innermost one ("UKR" for a country's names)."""
    if isinstance(section, list):
        yield from ((str(p), key) for p in section)
    elif isinstance(section, dict):
        for name, value in section.items():
            if keys is None or name in keys:
                yield from _phrases(value, None, str(name))


def _stem(word: str) -> str | None:
    """What the forms of a lemma share, roughly: the lemma without its ending (its last two letters)."""
    stem = word[:-2] if len(word) > MIN_STEM + 1 else word
    return stem if len(stem) >= MIN_STEM else None


def _phrase_terms(phrase: str, kind: str, code: str, lang: str, lemmatized: bool) -> Iterator[tuple[str, Term]]:
    """A phrase as keys: as written (its longest part when split, "sagen … zu"; no wildcard star), and,
    for a language matched by lemma, the stem of a one-word phrase."""
    parts = [p.strip().strip("*") for p in phrase.split(GAP)]
    text = max(parts, key=len)
    if not text.strip():
        return
    upper = text.isupper() and " " not in text
    yield text, Term(kind, upper=upper, code=code, lang=lang)
    stem = _stem(fold(text)) if lemmatized and not upper and " " not in text else None
    if stem:
        yield stem, Term(kind, stem=True, code=code, lang=lang)


def _terms_of(lang: str) -> Iterator[tuple[str, Term]]:
    """(text, term) pairs of one language's data: money, equipment, aid, giving and actors."""
    data = load(lang)
    lemmatized = bool(data.raw.get("lemmatize"))
    currencies = data.section("currencies")
    for symbol in currencies.get("symbols") or {}:
        yield str(symbol), Term(MONEY, upper=str(symbol).isalpha(), lang=lang)
    for name in currencies.get("names") or {}:
        yield str(name), Term(MONEY, lang=lang)
    for kind, sections in _SECTIONS.items():
        for section, keys in sections.items():
            for phrase, key in _phrases(data.section(section), keys):
                yield from _phrase_terms(phrase, kind, key if kind == ACTOR else "", lang, lemmatized)


class Triage:
    """The automaton over the words of the language data files, and the decision it supports."""

    def __init__(self, langs: Iterable[str] | None = None) -> None:
        self.langs = frozenset(langs or data_languages())
        # words run on the folded text; codes and acronyms, fewer, on the text as written: two automata, so
        # that the pass over the text as written does not stop at every lower-case word
        self._folded, self._cased = ahocorasick.Automaton(), ahocorasick.Automaton()
        for lang in sorted(self.langs):
            for text, term in _terms_of(lang):
                automaton, key = (self._cased, text) if term.upper else (self._folded, fold(text))
                length, terms = automaton.get(key, (len(key), ()))
                if term not in terms:
                    automaton.add_word(key, (length, (*terms, term)))
        for automaton in (self._folded, self._cased):
            automaton.make_automaton()

    def hits(self, text: str, lang: str | None = None) -> list[Hit]:
        """The terms in ``text``, by position; stems only of ``lang``'s lemmas."""
        found: set[Hit] = set()
        sentence_ends = [match.end() for match in _SENTENCE_END.finditer(text)]
        for haystack, automaton in ((fold(text), self._folded), (text, self._cased)):
            for last, (length, terms) in automaton.iter(haystack):
                start, end = last + 1 - length, last + 1
                sentence = bisect.bisect_right(sentence_ends, start)
                for term in terms:
                    if term.counts_in(lang) and _stands(haystack, start, end, term):
                        found.add(Hit(start, end, term.kind, term.code, sentence))
        return sorted(found, key=lambda h: (h.start, h.end))

    def can_hold_commitment(self, text: str, lang: str | None = None) -> bool:
        """True when money or equipment is stated near a donor or recipient and near the giving (see the
        module); always True for a language without a data file, which triage cannot read."""
        if lang is not None and lang not in self.langs:
            return True
        at: dict[str, list[Hit]] = {kind: [] for kind in (MONEY, KIND, AID, GIVING, ACTOR, TYPE)}
        for hit in self.hits(text, lang):
            at[hit.kind].append(hit)
        return any(_states_giving(anchor, at) for anchor in at[MONEY] + at[KIND])


def _states_giving(anchor: Hit, at: dict[str, list[Hit]]) -> bool:
    """Whether the amount (or equipment) at ``anchor`` is stated as given: see the module."""
    parties = {hit.code for hit in _near(anchor, at[ACTOR], PARTY_WINDOW, sentences_before=1)}
    if not parties:
        return False
    giving = _near(anchor, at[GIVING], AID_WINDOW)
    aid = _near(anchor, at[AID], AID_WINDOW, sentences_before=1) or [h for h in at[AID] if h.sentence < LEAD_SENTENCES]
    kind_of_aid = _near(anchor, at[TYPE], AID_WINDOW, sentences_before=1)
    if aid and (len(parties) >= 2 or kind_of_aid or giving):
        return True
    return len(parties) >= 2 and bool(giving)


def _near(anchor: Hit, hits: list[Hit], window: int, sentences_before: int = 0) -> list[Hit]:
    """The hits within ``window`` characters of ``anchor``'s start, in its sentence or the
    ``sentences_before`` before it."""
    return [
        hit
        for hit in hits
        if abs(anchor.start - hit.start) <= window and 0 <= anchor.sentence - hit.sentence <= sentences_before
    ]


def _stands(text: str, start: int, end: int, term: Term) -> bool:
    """Whether a key found at ``[start, end)`` stands as a whole word (a stem anywhere), or is a symbol,
    which needs no word around it."""
    if term.inside_words:
        return True
    starts_word = not _WORD_CHAR.match(text[start]) or start == 0 or not _WORD_CHAR.match(text[start - 1])
    ends_word = not _WORD_CHAR.match(text[end - 1]) or end == len(text) or not _WORD_CHAR.match(text[end])
    return starts_word and ends_word


@functools.cache
def triage() -> Triage:
    """The triage of every language with a data file, built once per process."""
    return Triage()
