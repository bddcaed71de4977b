"""``aidledger_actors``: countries, organisations, capitals and demonyms, normalised.

Donors and recipients are written as country names ("les États-Unis"),
organisations ("l'OTAN", "the IMF"), capitals and institutions standing for
their state ("Washington", "Kiev", "le Pentagone", "Bercy") and adjectives
("le gouvernement japonais", "Australian funding"). All of them map to the
contract's codes: ISO 3166-1 alpha-3 for states, EU, NATO, UN... for
organisations. Country names come from CLDR in the document's language and in
English; the rest from the ``actors`` section of the language files.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from aidledger.lang import is_country_code, load
from aidledger.nlp import Annotator, cased, doc_text, doc_words, folded, lang_of
from aidledger.nlp.datelines import in_dateline
from aidledger.nlp.gazetteer import Gazetteer, fold
from aidledger.nlp.lemmas import lemmatizer

#: Kinds of actor mention, from the section of the data they come from.
KINDS = ("countries", "organisations", "metonyms", "demonyms")
#: Organisations an anaphoric phrase ("the bloc", "l'Alliance") may stand for.
ANAPHORIC_CODES = ("EU", "NATO")
_SKIP = "_skip"


@dataclass(frozen=True)
class Actor:
    """A mention of a state or organisation, with its code."""

    start: int
    end: int
    text: str
    code: str
    kind: str  # countries | organisations | metonyms | demonyms

    @property
    def is_state(self) -> bool:
        """True for a country or territory (an ISO 3166 code), False for an organisation."""
        return is_country_code(self.code)


@functools.cache
def gazetteer(lang: str) -> Gazetteer:
    """The phrase matcher of every actor name of a language, keyed ``kind:code``."""
    actors = load(lang).section("actors")
    entries: dict[str, list[str]] = {}
    for kind in KINDS:
        for code, names in (actors.get(kind) or {}).items():
            entries.setdefault(f"{kind}:{code}", []).extend(str(n) for n in names or [])
    excluded = {str(n) for n in actors.get("exclude") or []}
    for key in list(entries):
        entries[key] = [n for n in entries[key] if n not in excluded]
    entries[_SKIP] = [str(n) for n in actors.get("not_actors") or []]
    entries["anaphoric:"] = [str(n) for n in actors.get("anaphoric") or []]
    return Gazetteer(entries, lemmatizer(lang), inflect=True)


def _named_codes(lang: str) -> Iterator[tuple[str, str]]:
    """Each (code, name) of the data's countries, organisations and metonyms."""
    for kind in KINDS[:3]:
        for code, names in (load(lang).section("actors").get(kind) or {}).items():
            for name in names or []:
                yield code, str(name)


@functools.cache
def capitalised_codes(lang: str) -> frozenset[str]:
    """Codes whose every name in the data is written with a capital: in lower case such a name is
    a common word ("того" is "that", not Togo; "reunião" a meeting, not Réunion)."""
    pairs = list(_named_codes(lang))
    return frozenset({code for code, _ in pairs} - {code for code, name in pairs if name.islower()})


@functools.cache
def demonym_forms(lang: str) -> dict[str, frozenset[str]]:
    """The demonyms of the data, folded, by code: a lower-case word that is also a country's name in lower case
    ("ucraina", the Italian feminine of "ucraino") is the adjective, not a common word to skip."""
    demonyms = load(lang).section("actors").get("demonyms") or {}
    return {code: frozenset(fold(str(n)) for n in names or []) for code, names in demonyms.items()}


@functools.cache
def capitalised_names(lang: str) -> frozenset[str]:
    """The folded names the data writes only with a capital, whatever other names of their code it writes in
    lower case: "Defensie" (the Dutch ministry) beside "kabinet" is still "defensie", defence, in lower case."""
    names = [name for _, name in _named_codes(lang)]
    return frozenset({fold(n) for n in names if not n.islower()} - {fold(n) for n in names if n.islower()})


def is_common_word(text: str, code: str, lang: str) -> bool:
    """Whether an actor's name is written as a common word: all in lower case, though the data capitalises it
    (every name of its code, or this very name)."""
    return text.islower() and (code in capitalised_codes(lang) or fold(text) in capitalised_names(lang))


def find_actors(doc: Doc) -> list[Actor]:
    """Actor mentions of a Doc, in text order; none inside a person's name ("Paris Hilton") or a wire story's
    dateline ("WASHINGTON, June 27 —" says where the story was filed), and none written as a common word."""
    content = doc_text(doc)
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PER", "PERSON")]
    found = []
    for match in gazetteer(lang_of(doc)).finditer(content, folded(doc), cased(doc), doc_words(doc)):
        if match.key == _SKIP or _is_prefix(content, match.end) or in_dateline(content, match.start, match.end):
            continue
        if any(start <= match.start and match.end <= end and match.text != content[start:end] for start, end in people):
            continue
        kind, code = match.key.split(":", 1)
        if kind != "demonyms" and is_common_word(match.text, code, lang_of(doc)):
            if fold(match.text) not in demonym_forms(lang_of(doc)).get(code, ()):
                continue
            kind = "demonyms"  # "la difesa ucraina": a demonym written as the country's name in lower case
        if kind == "anaphoric":
            code = next((a.code for a in reversed(found) if a.code in ANAPHORIC_CODES), "")
            if not code:
                continue
            kind = "organisations"
        found.append(Actor(match.start, match.end, match.text, code, kind))
    return _without_compounds(content, found)


def _without_compounds(text: str, actors: list[Actor]) -> list[Actor]:
    """Drop names joined by a hyphen ("US-Japan talks", "EU-Ukraine summit"): they qualify, they do not act."""
    joined: set[int] = set()
    for i, (first, second) in enumerate(zip(actors, actors[1:])):
        if text[first.end : second.start] in ("-", "‑", "–"):
            joined.update((i, i + 1))
    return [a for i, a in enumerate(actors) if i not in joined]


def _is_prefix(text: str, end: int) -> bool:
    """ "EU-led", "US-brokered", "Russian-backed": the name only qualifies what follows."""
    return text[end : end + 1] in "-‑" and text[end + 1 : end + 2].islower() if end < len(text) else False


@Language.factory("aidledger_actors")
def make_actors_component(nlp: Language, name: str) -> Annotator:
    """Sets ``doc._.actors``."""
    return Annotator(name, "actors", find_actors)
