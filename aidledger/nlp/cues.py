"""``aidledger_cues``: the words that classify a sentence about aid.

One gazetteer per section of the language file: ``cues`` (aid words,
cumulative totals, requests, refusals, sales, unit prices, background, parts
of a package...), ``stages`` (anticipated, delivered), ``mechanisms`` (PDA,
USAI, FMF, EPF, loan, grant, other), ``aid_types`` and ``items`` (equipment
categories). Sections are matched independently, so one word can be a cue in
several ("prêt" is an aid word, a loan and a sign of financial aid).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from aidledger.lang import load
from aidledger.nlp import Annotator, cased, doc_text, doc_words, folded, lang_of, per_doc
from aidledger.nlp.dates import grammar as date_grammar
from aidledger.nlp.dates import ordinal_nouns
from aidledger.nlp.gazetteer import CLAUSE_END, Gazetteer
from aidledger.nlp.lemmas import lemmatizer

SECTIONS = ("cues", "announcing", "in_kind", "stages", "mechanisms", "aid_types", "items")


@dataclass(frozen=True)
class Cue:
    """A cue word in the text: its section (``group``) and its kind (``key``)."""

    start: int
    end: int
    text: str
    group: str
    key: str


#: The years a "since" may open a running total with ("depuis 2022", "seit 2014").
SINCE_YEARS = range(1990, 2051)
#: Characters within which a phrase of purpose ("to meet", "pour répondre aux", "um … zu decken") governs a
#: need that follows it in its clause ("to help meet Kyiv's most pressing air defence needs").
PURPOSE_REACH = 60
#: Characters within which a superlative before a running-total word makes it date a record ("largest aid
#: package so far"), and within which the aid noun it qualifies follows it ("plus important paquet").
RECORD_REACH = 60
RECORD_NOUN_REACH = 30
#: The most characters between a running-total word and a superlative right after it ("bisher größte").
RECORD_ADVERB_GAP = 2


@functools.cache
def gazetteers(lang: str) -> dict[str, Gazetteer]:
    """One phrase matcher per section of the language data."""
    data = load(lang)
    out = {}
    for section in SECTIONS:
        entries = {str(k): [str(p) for p in v or []] for k, v in data.section(section).items() if isinstance(v, list)}
        if section == "cues":
            entries["cumulative"] = [*entries.get("cumulative", []), *_since_phrases(lang)]
        out[section] = Gazetteer(
            entries, lemmatizer(lang), abbreviations=data.abbreviations, ordinal_nouns=ordinal_nouns(lang)
        )
    return out


def _since_phrases(lang: str) -> list[str]:
    """"Since" before a month or a year ("depuis octobre", "seit 2022", "od października"): the span of a
    running total, made from the language's words for "since" (``dates.since``) and its month names (CLDR),
    so that a data file lists the word once rather than every month and year it may open."""
    spans = [*sorted(date_grammar(lang).full_months), *map(str, SINCE_YEARS)]
    return [f"{since} {when}" for since in load(lang).section("dates").get("since") or [] for when in spans]


def find_cues(doc: Doc) -> list[Cue]:
    """Every cue of every section, sorted by position; found once per Doc (:mod:`aidledger.nlp.focus` reads
    them before the pipeline's cues component)."""
    return per_doc(doc, "cue_list", lambda: _find_cues(doc))


def _find_cues(doc: Doc) -> list[Cue]:
    cues: list[Cue] = []
    content, fold_text, case_text = doc_text(doc), folded(doc), cased(doc)
    words = doc_words(doc)
    for section, gaz in gazetteers(lang_of(doc)).items():
        cues.extend(
            Cue(m.start, m.end, m.text, section, m.key) for m in gaz.finditer(content, fold_text, case_text, words)
        )
    cues.sort(key=lambda c: c.start)
    return _records_read(_needs_read(cues, content), content)


def _needs_read(cues: list[Cue], text: str) -> list[Cue]:
    """Needs (``need`` cues) read as requests, except those a phrase of purpose governs.

    "The UN says needs reach $2 billion" states a need that is asked for, as an appeal does; "$400 million
    to meet Ukraine's defence needs" states what the aid answers, and reading it as a request would count
    the commonest wording of a donor's release against its package. A need is governed when a ``purpose``
    cue stands before it in its clause within :data:`PURPOSE_REACH` characters.
    """
    purposes = [c for c in cues if c.group == "cues" and c.key == "purpose"]

    def governed(need: Cue) -> bool:
        return any(
            0 <= need.start - p.end <= PURPOSE_REACH and not CLAUSE_END.search(text, p.end, need.start)
            for p in purposes
        )

    read = []
    for cue in cues:
        if cue.group == "cues" and cue.key == "need":
            if governed(cue):
                continue
            cue = Cue(cue.start, cue.end, cue.text, cue.group, "request")
        read.append(cue)
    return read


def _records_read(cues: list[Cue], text: str) -> list[Cue]:
    """Running-total words ("so far", "à ce jour", "bisher") dropped where they date a record: a superlative
    qualifying an aid noun in their clause ("its largest military aid package to date", "son plus important
    paquet d'aide à ce jour", "das bisher größte Hilfspaket") says the package is the biggest yet, not that the
    amount sums the earlier ones. Without the aid noun ("the largest donor so far") the total stands.

    The superlative stands within :data:`RECORD_REACH` characters before the word, or right after it
    (:data:`RECORD_ADVERB_GAP`) where the language puts the adverb first ("bisher größte"); its aid noun within
    :data:`RECORD_NOUN_REACH` after it.
    """
    superlatives = [c for c in cues if c.group == "cues" and c.key == "superlative"]
    aid_nouns = [c for c in cues if c.group == "cues" and c.key == "aid"]

    def of_a_package(superlative: Cue) -> bool:
        return any(0 <= a.start - superlative.end <= RECORD_NOUN_REACH for a in aid_nouns)

    def dates_a_record(total: Cue) -> bool:
        return any(
            (0 <= total.start - s.end <= RECORD_REACH or 0 <= s.start - total.end <= RECORD_ADVERB_GAP)
            and not CLAUSE_END.search(text, min(s.end, total.end), max(s.start, total.start))
            and of_a_package(s)
            for s in superlatives
        )

    return [c for c in cues if not (c.group == "cues" and c.key == "cumulative" and dates_a_record(c))]


def within(cues: Iterable[Cue], start: int, end: int, group: str | None = None, key: str | None = None) -> list[Cue]:
    """The cues inside ``[start, end)``, optionally of one group and key."""
    return [
        c
        for c in cues
        if c.start >= start and c.end <= end and (group is None or c.group == group) and (key is None or c.key == key)
    ]


@Language.factory("aidledger_cues")
def make_cues_component(nlp: Language, name: str) -> Annotator:
    """Sets ``doc._.cues``."""
    return Annotator(name, "cues", find_cues)
