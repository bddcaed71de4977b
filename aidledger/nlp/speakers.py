"""Who says what: speech cues, the speaker each cue names, and chains back to named speakers.

A cue is a speech verb ("a déclaré", "said"), a source preposition ("selon",
"according to") or a clause-initial one ("Pour Londres, ..."). Its speaker is
found by word order rather than by the parse alone, because parsers often read
the inverted subject of an incise ("…", a déclaré Blinken) as an object:

- after an incise or a passive agent ("annoncées par le président X") the
  speaker is the first candidate after the verb;
- otherwise it is the verb's subject, else the nearest candidate before it;
- a participle ("adding", "en ajoutant") shares the speaker of its governing verb.

Candidates are persons (see :mod:`aidledger.nlp.entities`), institutions
(actors, the ``quotes_institutions`` list, ORG entities), descriptions by title
("le chef de l'Etat français", "the PM") and subject pronouns. Pronouns and
descriptions are resolved against the speakers met so far, in document order,
so "a-t-il ajouté" finds the last male speaker and "the Defence Minister" the
person the article introduced with that title. A description after an
indefinite article ("un responsable européen") stays unnamed.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from aidledger.lang import load
from aidledger.nlp import cased, doc_quotes, doc_sentences, doc_text, doc_words, folded, kept, lang_of, per_doc
from aidledger.nlp.actors import Actor
from aidledger.nlp.entities import (
    Person,
    actor_matches,
    adjectives_follow,
    affiliation_before,
    complement_end,
    complement_links,
    demonym_matches,
    fold_word,
    institution_matches,
    is_acronym,
    is_city,
    knowledge,
    people,
    title_matches,
)
from aidledger.nlp.datelines import in_dateline
from aidledger.nlp.gazetteer import Gazetteer, Match, fold
from aidledger.nlp.lemmas import lemma as lemma_of
from aidledger.nlp.lemmas import lemmatizer, verb_of_participle
from aidledger.nlp.spans import Spans

_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "expl:subj"}
_AGENT_DEPS = {"obl:agent", "agent"}
_DIRECT_OBJECT_DEPS = {"dobj", "obj"}
#: A speech verb's objects: whom it tells ("told AFP", "told the BBC"), never who speaks.
_OBJECT_DEPS = _DIRECT_OBJECT_DEPS | {"iobj", "dative"}
_PASSIVE_DEPS = {"aux:pass", "auxpass"}
_NOUN_DEPS = {"det", "amod", "poss", "nmod:poss", "nummod", "compound", "case"}
_AUX_DEPS = {"aux", "aux:tense", "aux:pass", "auxpass", "expl:subj", "expl:comp", "neg", "advmod"}
#: An adposition in these relations belongs to an adverb ("en outre", "at least"), not to the noun after it.
_ADVERBIAL_DEPS = {"fixed", "advmod", "mwe"}
_CLOSING_MARKS = set('»”"’')
#: A parenthesis right after a quote: its opening as group 1, its content as group 2.
_PARENTHESIS = re.compile(r"[ \t]*(\()\s*([^()\n]{2,80}?)\s*\)")
#: How far (in tokens) a speaker may stand from its cue.
_REACH = 14
#: Words that may stand between a verb and the complementizer of its clause ("juge pour sa part que").
_CLAUSE_REACH = 4
#: Words a label may hold before the speaker it names ("le message d'", "the warning from").
_LABEL_WORDS = 3
#: Words that may open a sentence before a verb whose subject it drops: an auxiliary, an adverb, a relative
#: ("Ha lanciato", "Poi lancia", "Che avverte").
_OPENING_WORDS = 2
#: Words that may follow an incise's verb whose subject is dropped: a time, no subject ("«…», dijo el martes";
#: "«…», dice uno de los soldados" has a subject of its own).
_TRAILING_WORDS = 2


@dataclass(frozen=True)
class Speech:
    """The speech data of one language, prepared once."""

    verbs: frozenset[str]
    reply_verbs: frozenset[str]  # speech verbs of a reply ("répondre", "retort"), folded lemmas
    question_verbs: frozenset[str]  # verbs of asking ("interroger", "ask"): their agent asks, the one asked speaks
    incise_verbs: frozenset[str]  # speech only in an incise ("…», poursuit-il"), not "l'Union poursuivra"
    sources: Gazetteer
    clause_sources: Gazetteer
    agents: frozenset[str]
    pronouns: dict[str, str]
    source_pronouns: dict[str, str]  # pronouns after a source preposition ("selon lui"), lower case, with their gender
    prepositions: frozenset[str]  # prepositions of the grammar data, for pipelines without a tagger
    coordinators: frozenset[str]  # coordinators of the grammar data ("et", "and"), for pipelines without a tagger
    documents: frozenset[str]
    complementizers: frozenset[str]
    pro_drop: bool  # verbs go without a subject pronoun ("Podkreślił, że…"): the subject is the one already speaking
    institution_nouns: frozenset[str]  # one-word institutions of the data ("ministère", "resort", "Ministerium"), folded
    common_institutions: frozenset[str]  # those of them the data writes in lower case: common nouns, not names
    document_nouns: Gazetteer  # the documents again, to find them in the text
    unnamed_sources: Gazetteer  # words for a source left unnamed ("sources", "fuentes", "Quellen")
    issuer_links: frozenset[str]  # words between a document and its issuer ("un communiqué de la Commission"), folded
    quoted_as: frozenset[str]  # the word before a participle whose speaker is the verb's object ("quoted X as saying")
    back_references: re.Pattern[str]  # words saying who said the sentence before ("c'est ce qu'"), folded
    present_endings: tuple[tuple[str, tuple[str, ...]], ...]  # present-tense endings and their infinitive endings
    impersonal_subjects: frozenset[str]  # inverted subjects naming no one ("-t-on"), folded
    institution_pronouns: frozenset[str]  # pronouns a grammatical gender lets stand for a thing ("elle", "zij"), folded
    indefinite: frozenset[str]  # words that leave a noun unnamed ("un", "a", "einige"), folded
    determiners: frozenset[str]  # articles, indefinites and possessives ("la", "the", "ein", "sua"), folded
    auxiliaries: frozenset[str]  # auxiliaries of a compound past ("ha", "has"), folded, for pipelines without a parse
    topic_markers: re.Pattern[str]  # words setting out a topic a pronoun takes up ("quant au", "as for"), folded
    latest_pronouns: frozenset[str]  # pronouns for the person named last ("ce dernier", "the latter"), folded
    reflexive_pronouns: frozenset[str]  # the pronouns a reflexive verb is listed with ("s'", "se"), folded

    def without_determiner(self, text: str) -> str:
        """A mention's text without the determiner it opens with ("the ministry" → "ministry", "l'OMS" → "OMS")."""
        words = text.split()
        if len(words) > 1 and fold(words[0]) in self.determiners:
            return " ".join(words[1:])
        elided = re.match(r"\w+['’]", text)
        if elided and fold(elided.group()) in self.determiners:
            return text[elided.end() :]
        return text

    def infinitives_of_present(self, form: str) -> list[str]:
        """The infinitives a present-tense form may come from ("glisse" → "glisser", "lit" → "lire")."""
        return [
            form[: -len(ending)] + infinitive
            for ending, infinitives in self.present_endings
            if form.endswith(ending)
            for infinitive in infinitives
        ]

    def opens_with_back_reference(self, folded_text: str, start: int, end: int) -> bool:
        """Whether the sentence ``[start, end)`` of a folded text says who said the one before: a back reference
        within its first :data:`BACK_REFERENCE_REACH` characters ("C'est ce qu'a déclaré X", "Poinformował o tym
        minister")."""
        return self.back_references.search(folded_text, start, min(end, start + BACK_REFERENCE_REACH)) is not None

    @functools.cached_property
    def reflexive_listings(self) -> dict[str, str]:
        """The verbs the data lists with their reflexive pronoun, by bare lemma ("inquieter" → "s'inquieter")."""
        listings: dict[str, str] = {}
        for pronoun in sorted(self.reflexive_pronouns):
            prefix = pronoun if pronoun.endswith("'") else f"{pronoun} "
            for verb in sorted(self.verbs):
                if verb.startswith(prefix):
                    listings.setdefault(verb[len(prefix) :], verb)
        return listings

    @functools.cached_property
    def phrasal_heads(self) -> frozenset[str]:
        """The first words of the verbs the data lists as two words ("shoot" of "shoot back"): only after one of
        them can the next word complete a speech verb."""
        return frozenset(verb.split()[0] for verb in self.verbs if " " in verb)

    @functools.cached_property
    def pronoun_starts(self) -> frozenset[str]:
        """First words of the pronouns, to skip most tokens cheaply."""
        # the first word of "ce dernier", and "celui" of "celui-ci"
        return frozenset(w for p in self.pronouns for w in (p.split()[0], p.split("-")[0]) if w)

    @property
    def available(self) -> bool:
        return bool(self.verbs)


@functools.cache
def speech(lang: str) -> Speech:
    """Speech verbs, source markers and pronouns of ``lang`` from its data file."""
    data, grammar = load(lang).section("speech"), load(lang).section("grammar")
    lemma = lemmatizer(lang)
    return Speech(
        verbs=frozenset(fold(v) for v in [*data.get("verbs", []), *data.get("reply_verbs", [])]),
        reply_verbs=frozenset(fold(v) for v in data.get("reply_verbs", [])),
        question_verbs=frozenset(fold(v) for v in data.get("question_verbs", [])),
        incise_verbs=frozenset(fold(v) for v in data.get("incise_verbs", [])),
        sources=Gazetteer({"source": data.get("sources", [])}, lemma),
        clause_sources=Gazetteer({"source": data.get("clause_sources", [])}, lemma),
        agents=frozenset(fold(a) for a in data.get("agents", [])),
        pronouns={fold(k): v for k, v in (data.get("pronouns") or {}).items()},
        source_pronouns={k.lower(): v for k, v in (data.get("source_pronouns") or {}).items()},
        prepositions=frozenset(fold(p) for p in grammar.get("prepositions", [])),
        coordinators=frozenset(fold(str(c)) for c in grammar.get("coordinators", [])),
        documents=frozenset(fold(d) for d in data.get("documents", [])),
        complementizers=frozenset(fold(c) for c in data.get("complementizers", [])),
        pro_drop=bool(grammar.get("pro_drop")),
        institution_nouns=frozenset(fold(w) for w in _one_words(load(lang).section("quotes_institutions"))),
        common_institutions=frozenset(fold(w) for w in _one_words(load(lang).section("quotes_institutions")) if w.islower()),
        document_nouns=Gazetteer({"document": data.get("documents", [])}, lemma, inflect=True),
        unnamed_sources=Gazetteer({"source": data.get("unnamed_sources", [])}, lemma, inflect=True),
        issuer_links=frozenset(fold(w) for w in data.get("issuer_links", [])),
        quoted_as=frozenset(fold(w) for w in data.get("quoted_as", [])),
        back_references=_opening(data.get("back_references") or []),
        impersonal_subjects=frozenset(fold(w) for w in data.get("impersonal_subjects") or []),
        institution_pronouns=frozenset(fold(w) for w in data.get("institution_pronouns") or []),
        indefinite=frozenset(fold(str(w)) for w in grammar.get("indefinite") or []),
        determiners=frozenset(
            fold(str(w)) for key in ("articles", "indefinite", "possessives") for w in grammar.get(key) or []
        ),
        auxiliaries=frozenset(fold(str(w)) for w in grammar.get("perfect_auxiliaries") or []),
        topic_markers=_opening(data.get("topic_markers") or []),
        latest_pronouns=frozenset(fold(str(w)) for w in data.get("latest_pronouns") or []),
        reflexive_pronouns=frozenset(fold(str(w)) for w in data.get("reflexive_pronouns") or []),
        present_endings=tuple(
            (str(k), tuple(map(str, v))) for k, v in (grammar.get("present_endings") or {}).items()
        ),
    )


#: How far into a sentence (characters) its back reference may stand ("Poinformował o tym minister").
BACK_REFERENCE_REACH = 25


def _opening(phrases: list) -> re.Pattern[str]:
    """A pattern matching any of ``phrases`` (folded) at word bounds, the end bound left out after an elision
    ("c'est ce qu'" before "a déclaré")."""
    words = sorted((fold(str(p)) for p in phrases), key=len, reverse=True)
    bounded = [re.escape(w) + (r"(?!\w)" if w[-1:].isalnum() else "") for w in words]
    return re.compile(rf"\s*(?<!\w)(?:{'|'.join(bounded) or '(?!)'})")


def _one_words(phrases: list) -> list[str]:
    return [str(p) for p in phrases if re.fullmatch(r"\w+", str(p))]


@dataclass(frozen=True)
class Mention:
    """A stretch of text that can be a speaker."""

    start: int
    end: int
    kind: str  # "person", "institution", "description", "document", "pronoun" or "unnamed" (a source)
    text: str
    person: Person | None = None
    gender: str | None = None
    title_key: str | None = None
    affiliation: str | None = None
    indefinite: bool = False


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: a named person or an institution, with its mention in the text."""

    name: str
    mention: Mention
    person: Person | None = None
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Cue:
    """A speech cue: its character span and the speaker it names (None when unnamed)."""

    start: int
    end: int
    speaker: Speaker | None
    kind: str = "verb"  # or "source" for a preposition ("selon", "according to")


def _word_before(doc: Doc, start: int) -> str:
    """The folded word before ``start``; an acronym keeps its capitals ("UN" is not the article "un")."""
    m = re.search(r"([\w']+)\W*$", folded(doc)[max(0, start - 20) : start])
    if not m:
        return ""
    written = doc_text(doc)[max(0, start - 20) : start][m.start(1) : m.end(1)]
    return written if len(written) > 1 and written.isupper() else m.group(1)


def _person_mentions(doc: Doc) -> list[Mention]:
    found = []
    for person in people(doc):
        for start, end in person.mentions:
            found.append(Mention(start, end, "person", doc_text(doc)[start:end], person=person, gender=person.gender))
    return found


def _description_mentions(doc: Doc, taken: list[Mention]) -> list[Mention]:
    """Titles used as names ("le responsable américain", "the PM"), not those introducing a named person."""
    kn, indefinite = knowledge(lang_of(doc)), speech(lang_of(doc)).indefinite
    found = []
    for m in title_matches(doc):
        if (
            any(p.start <= m.start < p.end for p in taken)
            or _followed_by_person(doc, m.end, taken)
            or _in_apposition(doc, m.start, taken)
        ):
            continue
        end = complement_end(doc, m.end)
        text = doc_text(doc)[m.start : end]
        gender = "f" if any(kn.feminine.finditer(doc_text(doc)[max(0, m.start - 4) : end])) else None
        affiliation = affiliation_before(doc, m.start) or next(
            (a.key for g in (kn.actors, kn.demonyms) for a in g.finditer(doc_text(doc)[m.end : end])), None
        )
        found.append(
            Mention(
                m.start,
                end,
                "description",
                text,
                gender=gender,
                title_key=m.key,
                affiliation=affiliation,
                indefinite=_word_before(doc, m.start) in indefinite,
            )
        )
    return found


def _in_apposition(doc: Doc, start: int, persons: list[Mention]) -> bool:
    """True for a bare title right after a person's name and a comma ("Paul Roche, président de la commission,
    juge que…"): it describes that person, who speaks, rather than standing for someone. After "X, le chef de…"
    a new subject may as well begin."""
    text = doc_text(doc)
    return any(p.kind == "person" and re.fullmatch(r"\s*,\s*", text[p.end : start]) for p in persons if p.end <= start)


def _followed_by_person(doc: Doc, end: int, persons: list[Mention]) -> bool:
    """True when a person name follows a title closely ("le ministre X", "the chief, X")."""
    return _person_after(doc, end, persons) is not None


def _person_after(doc: Doc, end: int, persons: list[Mention]) -> Mention | None:
    """The person a title ending at ``end`` introduces ("le ministre X", "rzecznik resortu X"), if any; not one a
    complementizer puts in a clause of its own ("a ajouté le chef de la diplomatie polonaise, avant que X ne
    conclue", "tandis que X")."""
    complementizers = speech(lang_of(doc)).complementizers
    return next(
        (
            p
            for p in persons
            if 0 <= p.start - end <= 60
            and p.kind == "person"
            and not re.search(r"[.;:«»“”\"]|\s(?:a|has|avait|had)\s", doc_text(doc)[end : p.start])
            and not any(w in complementizers for w in re.findall(r"[\w'’]+", folded(doc)[end : p.start]))
        ),
        None,
    )


def _institution_mentions(doc: Doc, sp: Speech, taken: list[Mention]) -> list[Mention]:
    """Actors, institution words and ORG entities that no person or description already covers."""
    actors = actor_matches(doc)
    person_starts = [t.start for t in taken if t.kind == "person"]
    description_starts = {t.start for t in taken if t.kind == "description"}
    institutions = [(m.start, _extend_institution(doc, m.end, person_starts)) for m in institution_matches(doc)]
    raw = [(m.start, m.end, m.key) for m in actors]
    raw += [(start, end, None) for start, end in institutions]
    raw += _qualified_institutions(doc, [*actors, *demonym_matches(doc)], institutions)
    raw += [(e.start_char, e.end_char, None) for e in doc.ents if e.label_ == "ORG"]
    if not doc.has_annotation("ENT_IOB"):  # no NER to read organisations: their acronyms ("BBB", "PVV") at least
        raw += [(w.start, w.end, None) for w in doc_words(doc) if is_acronym(doc_text(doc)[w.start : w.end])]
    found: list[Mention] = []
    regions = sorted([(t.start, t.end) for t in taken] + [(m.start, _title_end(doc, m.end, taken)) for m in title_matches(doc)])
    persons = _Persons(doc, taken)
    covered_until, next_region = -1, 0  # the furthest end of the regions (and mentions found) that start before
    for start, end, code in sorted(raw, key=lambda r: (r[0], -r[1])):
        while next_region < len(regions) and regions[next_region][0] <= start:
            covered_until = max(covered_until, regions[next_region][1])
            next_region += 1
        if start < covered_until or (found and start < found[-1].end):
            continue
        if persons.inside(start, end):
            continue  # it holds a person ("Ms Berg" read as an organisation)
        if persons.described_from(end):
            continue
        if doc_text(doc)[end : end + 1] == "-" and end + 1 in description_starts:
            continue  # it qualifies the title its compound ends with ("der SPD-Politiker"): the title is the mention
        text = doc_text(doc)[start:end]
        if text.count("(") > text.count(")"):  # "World Bank (WB" cut by the NER inside its parenthesis
            text = text[: text.rindex("(")].rstrip()
            end = start + len(text)
        if not text or fold(text) in sp.documents or in_dateline(doc_text(doc), start, end):
            continue
        found.append(Mention(start, end, "institution", text, affiliation=code))
    return found


def _qualified_institutions(
    doc: Doc, actors: list[Match], institutions: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """An actor or its demonym right before a lower-case institution noun, one space or hyphen apart, qualifies
    it: "the EU executive", "the Russian ministry", "the Swedish government" are one mention, of the actor's
    affiliation (then resolved to the institution named before: :meth:`Attributor._named_before`)."""
    text = doc_text(doc)
    ends = {start: end for start, end in institutions if text[start : start + 1].islower()}
    return [
        (actor.start, ends[actor.end + 1], actor.key)
        for actor in actors
        if text[actor.end : actor.end + 1] in (" ", "-") and actor.end + 1 in ends
    ]


#: A compound an institution opens with a hyphen, and the space after it ("EU-Außenbeauftragte "), or the hyphen
#: alone where the person's name took the title in ("UN-|Nothilfekoordinator Tom Fletcher").
_HYPHEN_COMPOUND = re.compile(r"-(?:\w+\s+)?")
#: Parts of speech of the words that may stand between an institution and the person it describes
#: ("EU foreign policy chief Kaja Kallas"): a noun phrase, no verb, preposition or punctuation.
_DESCRIPTOR_POS = frozenset({"NOUN", "PROPN", "ADJ"})
#: The furthest (characters) a person may be named after the institution that opens a title the data lacks,
#: and the most words such a title has.
DESCRIPTION_REACH = 40
DESCRIPTION_WORDS = 4


class _Persons:
    """The persons of a text, by start, to see whether an institution opens the description of one of them."""

    def __init__(self, doc: Doc, taken: list[Mention]) -> None:
        self.doc = doc
        self.persons = sorted((m for m in taken if m.kind == "person"), key=lambda m: m.start)
        self.starts = [m.start for m in self.persons]
        # the listed titles that introduce a person, by where they start
        self.titles = {m.start for m in title_matches(doc) if _person_after(doc, m.end, self.persons) is not None}

    def inside(self, start: int, end: int) -> bool:
        """Whether a person's mention starts strictly inside ``(start, end)``."""
        i = bisect.bisect_right(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end

    def described_from(self, end: int) -> bool:
        """Whether the institution ending at ``end`` opens the description of a person named after it, so that
        it is the person's affiliation and no speaker of its own: a title the data lists, right after it or
        after its possessive ("agency spokesperson Olga Wirth", "Britain's defence secretary, X"); else, up to
        the person, the words of a title the data lacks: a compound the institution opens with a hyphen ("der
        CDU-Verteidigungspolitiker Roderich Kiesewetter", "EU-buitenlandchef Kaja Kallas") or, where a parse
        exists, a few nouns and adjectives ("EU foreign policy chief Kaja Kallas")."""
        if _next_word_start(self.doc, _possessive_end(self.doc, end)) in self.titles:
            return True
        i = bisect.bisect_right(self.starts, end)
        if i == len(self.persons) or self.starts[i] - end > DESCRIPTION_REACH:
            return False
        gap = doc_text(self.doc)[end : self.starts[i]]
        if _HYPHEN_COMPOUND.fullmatch(gap):
            return True
        if not self.doc.has_annotation("POS") or not gap.startswith(" "):
            return False
        span = self.doc.char_span(end, self.starts[i], alignment_mode="expand")
        words = [t for t in span or () if not t.is_space]
        return 0 < len(words) <= DESCRIPTION_WORDS and all(t.pos_ in _DESCRIPTOR_POS for t in words)


def _possessive_end(doc: Doc, end: int) -> int:
    """The end of a possessive marker the parse attaches right after ``end`` ("Britain|'s"), else ``end``."""
    tok = _token_at(doc, end)
    if tok is not None and tok.idx == end and tok.dep_ == "case" and tok.text[:1] in "'’":
        return end + len(tok.text)
    return end


def _next_word_start(doc: Doc, end: int) -> int:
    """Where the next word starts after ``end``, across spaces only."""
    text = doc_text(doc)
    return end + len(text[end : end + 5]) - len(text[end : end + 5].lstrip(" \u00a0"))


#: A name followed by its acronym in parentheses, at the end of a stretch of text.
_ACRONYM_AFTER_NAME = re.compile(r"\w\s*\(\s*[A-Z][\w.&-]{1,9}\s*\)$")
def _title_end(doc: Doc, end: int, taken: list[Mention]) -> int:
    """Where a title's description ends: after its complement, or at the person it introduces (an
    institution between them, "rzecznik resortu Matthew Miller", describes the person and speaks not)."""
    person = _person_after(doc, end, taken)
    return max(complement_end(doc, end), person.start if person else end)


def _extend_institution(doc: Doc, end: int, person_starts: Sequence[int] = ()) -> int:
    """Grow "ministère" into "ministère russe de la Défense" over the complements the language's
    ``roles.complement_links`` join ("ministerie van Buitenlandse Zaken", "Ministerium für Verteidigung",
    "ministero della Difesa") and, where the language puts adjectives after the noun
    (``grammar.adjectives_follow``), over adjectives: in German or Dutch the lower-case word after an
    institution is its verb ("das Ministerium kündigte an"). A person's name ends it ("ministère de la Défense
    Sébastien Lecornu"), as, where a parse exists, a lower-case word it reads as a verb does ("le ministère
    estime")."""
    m = _institution_tail(lang_of(doc)).match(doc_text(doc), end, end + 50)
    grown = m.end() if m else end
    name = next((s for s in person_starts if end <= s < grown), None)
    if name is not None:
        grown = len(doc_text(doc)[:name].rstrip())
    if grown > end and doc.has_annotation("POS"):
        span = doc.char_span(end, grown, alignment_mode="expand")
        verb = next((t for t in span or () if t.text[:1].islower() and t.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            grown = len(doc_text(doc)[:verb.idx].rstrip())
    return max(grown, end)


_COMPLEMENTS = (
    r"de\s+la\s+[A-ZÀ-Ý][\w-]+|de\s+l'[A-ZÀ-Ý][\w-]+|de\s+[A-ZÀ-Ý][\w-]+|du\s+[A-ZÀ-Ý][\w-]+|des\s+[A-ZÀ-Ý][\w-]+"
    r"|au\s+[A-ZÀ-Ý][\w-]+|of\s+[A-Z][\w-]+"
)
_TAIL_ADJECTIVE = (
    r"(?!(?:de|des|du|la|le|les)\b)[a-zà-ÿ]+(?:ain|aine|ais|aise|ien|ienne|and|ande|ois|oise|e|al|ale|ral)s?\b"
)


@functools.cache
def _institution_tail(lang: str) -> re.Pattern[str]:
    """The words that grow an institution's word into its name (see :func:`_extend_institution`): complements
    of one or two capitalised words after a link of the language, and adjectives where they follow their noun."""
    linked = complement_links(lang).replace("'", "['’]")
    parts = [_COMPLEMENTS, rf"(?:{linked})(?:(?<=['’])\s*|\s+)[A-ZÀ-Ý][\w-]+(?:\s+[A-ZÀ-Ý][\w-]+)?"]
    if adjectives_follow(lang):
        parts.append(_TAIL_ADJECTIVE)
    return re.compile(rf"(?:\s+(?:{'|'.join(parts)}))*")


#: A hyphenated word, or two words: the shapes of a pronoun for the person named last ("celui-ci", "ce dernier").
_LATEST_PRONOUN = re.compile(r"[\w-]+")


def _pronoun_mentions(doc: Doc, sp: Speech) -> list[Mention]:
    found = []
    for tok in doc:
        word = fold_word(tok.text)
        if word not in sp.pronoun_starts:
            continue
        gender = sp.pronouns.get(word) or sp.pronouns.get(
            fold(tok.text + " " + tok.nbor(1).text) if tok.i + 1 < len(doc) else ""
        )
        # "Celui-ci" in three tokens, "ce dernier" a determiner and an adjective to the tagger, "Celui" a name to
        # the NER
        words = _LATEST_PRONOUN.findall(doc_text(doc), tok.idx, tok.idx + 24)[:2]
        latest = next((w for w in (" ".join(words), words[0] if words else "") if fold(w) in sp.latest_pronouns), None)
        latest_gender = sp.pronouns.get(fold(latest)) if latest else None
        if latest and latest_gender:
            found.append(Mention(tok.idx, tok.idx + len(latest), "pronoun", latest, gender=latest_gender))
        elif gender and tok.pos_ in ("PRON", ""):
            found.append(Mention(tok.idx, tok.idx + len(tok), "pronoun", tok.text, gender=gender))
    return found


def mentions(doc: Doc) -> list[Mention]:
    """Every possible speaker mention of ``doc``, in text order (cached)."""
    return per_doc(doc, "speaker_mentions", lambda: _find_mentions(doc))


def _find_mentions(doc: Doc) -> list[Mention]:
    sp = speech(lang_of(doc))
    persons = _person_mentions(doc)
    descriptions = _description_mentions(doc, persons)
    institutions = _institution_mentions(doc, sp, persons + descriptions)
    documents = _document_mentions(doc, sp, persons + descriptions + institutions)
    unnamed = _unnamed_sources(doc, sp)
    pronouns = _pronoun_mentions(doc, sp)
    # a pronoun the recogniser took for a name ("Celui-ci a ajouté") is the pronoun
    persons = [p for p in persons if not any(q.start <= p.start < q.end for q in pronouns)]
    others = persons + descriptions + institutions + documents + pronouns
    # a source left unnamed is no institution or person, whatever else reads it so ("Quellen")
    others = [m for m in others if not any(u.start < m.end and m.start < u.end for u in unnamed)]
    return sorted(unnamed + others, key=lambda m: m.start)


def _unnamed_sources(doc: Doc, sp: Speech) -> list[Mention]:
    """Sources the text leaves unnamed ("diplomatic sources told Reuters", "sagten Quellen im Ministerium",
    "selon des sources au ministère"): mentions a speech verb's subject may be, which name no one (the labelling
    rules quote no one for them). Where nouns are not capitalised, a capital inside a sentence is a name's ("Ana
    María de la Fuente")."""
    text = doc_text(doc)
    nouns_capitalised = knowledge(lang_of(doc)).capitalised_nouns
    return [
        Mention(m.start, m.end, "unnamed", m.text, indefinite=True)
        for m in sp.unnamed_sources.finditer(text, folded(doc), cased(doc), doc_words(doc))
        if nouns_capitalised
        or m.text[:1].islower()
        or text[: m.start].rstrip(" \t\"„“”«»'–—-")[-1:] in ("", ".", "!", "?", ":", "\n")
    ]


def _document_mentions(doc: Doc, sp: Speech, taken: list[Mention]) -> list[Mention]:
    """Documents with a determiner ("le communiqué", "the statement"): they speak for whoever issued them."""
    covered = Spans((m.start, m.end) for m in taken)
    return [
        Mention(m.start, m.end, "document", m.text)
        for m in sp.document_nouns.finditer(doc_text(doc), folded(doc), cased(doc), doc_words(doc))
        if _word_before(doc, m.start) in sp.determiners and not covered.contains(m.start, m.end)
    ]


def _eligible(doc: Doc, m: Mention, sp: Speech, agent_ok: bool) -> bool:
    """A mention after a preposition ("à Prague", "in Kyiv") is a circumstance, not a speaker."""
    before = _word_before(doc, m.start)
    if before in sp.determiners:  # a word both article and preposition (Portuguese "a") is the article here
        before = _word_before(doc, m.start - len(before) - 1)
    if agent_ok and before in sp.agents:
        return True
    if not doc.has_annotation("POS"):  # no tagger: the prepositions of the language's data
        return before not in sp.prepositions and before not in sp.agents
    tok = _token_at(doc, m.start)
    return tok is None or not _after_preposition(doc, tok)


def _after_preposition(doc: Doc, tok: Token) -> bool:
    """Whether a preposition governs the phrase ``tok`` opens, or the one it is coordinated with ("sur Radio Nord et
    TV Sud")."""
    if tok.i == 0:
        return False
    prev = doc[tok.i - 1]
    if (prev.pos_ == "DET" or prev.dep_ in ("poss", "nmod:poss")) and tok.i > 1:
        prev = doc[tok.i - 2]
    if prev.pos_ == "CCONJ" and prev.i > 0:
        first = doc[prev.i - 1]
        while first.i > 0 and doc[first.i - 1].pos_ == "PROPN":
            first = doc[first.i - 1]
        return _after_preposition(doc, first)
    return (prev.pos_ == "ADP" and prev.dep_ not in _ADVERBIAL_DEPS) or _unaccented_preposition(prev)


def _unaccented_preposition(tok: Token) -> bool:
    """A capital opening its sentence that is a preposition of the language data once its accent is restored, as
    copy writes "A Kiev," for "À Kiev," and the tagger reads the auxiliary "a": the name after it is a place."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    opens = before is None or before.is_punct or before.is_space or "\n" in before.whitespace_
    return (
        opens
        and tok.text[:1].isupper()
        and tok.pos_ != "ADP"
        and fold_word(tok.text) in speech(lang_of(tok.doc)).prepositions
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].text[:1].isupper()
    )


def _in_subject_role(tok: Token) -> bool:
    """A subject, or a name in apposition to one ("The adviser, Omar Tariq, then appeared…")."""
    return tok.dep_ in _SUBJECT_DEPS or (tok.dep_ == "appos" and tok.head.dep_ in _SUBJECT_DEPS)


def _clause_head(subject: Token) -> Token:
    """The verb (or predicate) a subject belongs to, through an apposition."""
    return subject.head.head if subject.dep_ == "appos" else subject.head


def _is_object_of(verb: Token, m: Mention) -> bool:
    """Whether the parse makes a mention the object of a speech verb: the one told ("X, a researcher, told AFP"),
    not the speaker an incise inverts ("…, said AFP's correspondent")."""
    if not _parsed(verb):
        return False
    span = verb.doc.char_span(m.start, m.end, alignment_mode="expand")
    return any(t.dep_ in _OBJECT_DEPS and t.head.i == verb.i for t in span or ())


def _is_participle(tok: Token) -> bool:
    """A gerund or present participle ("adding", "ajoutant"), which has no subject of its own."""
    morph = str(tok.morph)
    return tok.tag_ == "VBG" or "VerbForm=Ger" in morph or ("VerbForm=Part" in morph and "Tense=Pres" in morph)


def _purpose_infinitive(tok: Token) -> bool:
    """An infinitive the parse makes an adverbial clause, of purpose mostly ("a reçu son homologue pour évoquer
    l'aide", "met him to discuss"): its subject is the governing verb's, not the nearest name."""
    return (
        "VerbForm=Inf" in str(tok.morph)
        and tok.dep_ == "advcl"
        and any(c.dep_ in ("mark", "aux") and c.i < tok.i for c in tok.children)  # "pour", "to": not "fait savoir"
    )


def _is_noun_phrase(tok: Token) -> bool:
    """A speech word used as a noun with its own determiner or modifier ("a Palestinian state", "its demands")."""
    return tok.pos_ == "NOUN" and _parsed(tok) and any(c.dep_ in _NOUN_DEPS for c in tok.children)


def _is_adjective(tok: Token) -> bool:
    """A speech participle qualifying a noun ("un contrat ferme et détaillé"), which reports nothing unless
    an agent follows it ("les mesures annoncées par X")."""
    return _parsed(tok) and (tok.dep_ == "amod" or (tok.dep_ == "conj" and tok.head.dep_ == "amod"))


def _parsed(tok: Token) -> bool:
    """Whether the Doc has a dependency parse: a blank pipeline has none, and its tree must not be read."""
    return tok.doc.has_annotation("DEP")


def _is_clitic(text: str) -> bool:
    """A pronoun joined by a hyphen ("-t-il", "-elle"), not a dash standing alone ("… - poinformowało")."""
    return text.startswith("-") and any(c.isalpha() for c in text)


def _clitics(tok: Token) -> list[Token]:
    """The hyphenated pronouns right after a verb ("-t", "-on" of "assure-t-on")."""
    return list(itertools.takewhile(lambda t: _is_clitic(t.text), tok.doc[tok.i + 1 : tok.i + 3]))


def _inversion_head(tok: Token) -> Token:
    """The verb that carries the inverted subject of a verb group: the modal of "peut-on lire", else the verb."""
    i = tok.i
    while i > 0 and _is_clitic(tok.doc[i - 1].text):
        i -= 1
    return tok.doc[i - 1] if i < tok.i and i > 0 else tok


def _proper(text: str, sp: Speech) -> bool:
    """Whether a name has a capitalised word after its determiner ("the Defence Ministry", "l'Organisation
    mondiale de la santé"): a proper name, which a bare noun ("the ministry") can stand for."""
    return any(w[:1].isupper() for w in sp.without_determiner(text).split())


def _object_pronoun_of(pronoun: Token, verb: Token) -> bool:
    """Whether a pronoun before a verb is its (or its auxiliary's) object: "lui" in "lui a répondu"."""
    return (
        pronoun.pos_ == "PRON"
        and pronoun.dep_ in _OBJECT_DEPS
        and (pronoun.head.i == verb.i or pronoun.head.head.i == verb.i and pronoun.head.dep_ in _AUX_DEPS)
    )


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


class Attributor:
    """Resolves the cues of one Doc in text order, keeping the chain of speakers met so far."""

    def __init__(self, doc: Doc, quote_spans: list[tuple[int, int]], sentences: list[tuple[int, int]]):
        self.doc = doc
        self.sp = speech(lang_of(doc))
        self.quotes = quote_spans
        self.sentences = sentences
        self.mentions = mentions(doc)
        self.history: list[tuple[int, Speaker]] = []
        self._cues: list[Cue] | None = None
        # sorted bounds for look-ups by position, so that long articles stay linear
        self._names = Spans((m.start, m.end) for m in self.mentions if m.kind == "person")
        self._quotes = Spans(self.quotes)
        self._sentence_starts = [start for start, _ in self.sentences]
        self._mention_starts = [m.start for m in self.mentions]

    def _mentions_from(self, char: int) -> Iterator[Mention]:
        """The mentions starting at or after ``char``, in text order."""
        return itertools.islice(self.mentions, bisect.bisect_left(self._mention_starts, char), None)

    def _in_name(self, char: int) -> bool:
        """True inside a person's name ("Mette" is not a form of "mettre")."""
        return self._names.contains(char, char + 1)

    def inside_quote(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return self._quotes.contains(start, end)

    def sentence_of(self, char: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sentence_starts, char) - 1
        if i >= 0 and self.sentences[i][0] <= char < self.sentences[i][1]:
            return self.sentences[i]
        return (0, len(doc_text(self.doc)))

    def labelled_speaker(self, start: int, end: int) -> Speaker | None:
        """The speaker a verbless label names before a colon, the way captions and transcripts introduce
        speech ("Claire Dubois, chercheuse : « … »"): its first person or institution. A clause before the
        colon with no speech verb introduces the words of the person it is about ("Le ministre X s'est montré
        ferme : « … »", "X's message was clear: “…”"): the person in its subject."""
        head = doc_text(self.doc)[start:end].rstrip()
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if not head.endswith(":") or span is None or not self.doc.has_annotation("POS"):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in span):
            return self._person_in_subject(span)
        first = next(
            (m for m in self._mentions_from(start) if m.start < end and m.kind in ("person", "institution", "description")),
            None,
        )
        return self._resolve(first) if first is not None and _eligible(self.doc, first, self.sp, False) else None

    def named_first(self, start: int, end: int) -> Speaker | None:
        """The speaker a stretch opens with: its first person, institution or description, within
        :data:`_LABEL_WORDS` words of its start and not behind a preposition, unless one joining a message to its
        issuer ("le message d'Emmanuel Macron", "a warning from X"); not "à Kiev"."""
        first = next(
            (m for m in self._mentions_from(start) if m.start < end and m.kind in ("person", "institution", "description")),
            None,
        )
        if first is None or len(re.findall(r"[\w']+", doc_text(self.doc)[start : first.start])) > _LABEL_WORDS:
            return None
        linked = _word_before(self.doc, first.start) in self.sp.issuer_links
        return self._resolve(first) if linked or _eligible(self.doc, first, self.sp, False) else None

    def back_referenced_speaker(self, start: int, end: int) -> Speaker | None:
        """Who a sentence opening with a back reference says spoke the words before it ("« … »\n\nC'est ce
        qu'a déclaré X", "That was the message from X"): the speaker of its cue, else the person it names first."""
        if not self.sp.opens_with_back_reference(folded(self.doc), start, end):
            return None
        cue = next((c for c in self.cues() if start <= c.start < end and c.speaker is not None), None)
        if cue is not None:
            return cue.speaker
        first = next(
            (m for m in self._mentions_from(start) if m.start < end and m.kind in ("person", "description")), None
        )
        speaker = self._resolve(first) if first is not None and not self.inside_quote(first.start) else None
        return speaker if speaker is not None and speaker.person is not None else None

    def _person_in_subject(self, span: Span) -> Speaker | None:
        """The person the subject of a clause names, describes or issues ("le message de X"), not an institution
        or a state: "L'Allemagne a été claire :" leaves the words to a cue of their own. Where the parse finds
        no subject, the mention the clause opens with."""
        if not _parsed(span[0]):
            return None
        subject = next((t for t in span if t.dep_ in _SUBJECT_DEPS and span.start <= t.head.i < span.end), None)
        if subject is not None:
            mention = self._phrase_mention(subject)
        else:
            mention = next(self._mentions_from(span.start_char), None)
            opening = doc_text(self.doc)[span.start_char : mention.start].split() if mention else []
            mention = mention if mention is not None and all(fold(w) in self.sp.determiners for w in opening) else None
        if mention is None or mention.kind not in ("person", "description", "document"):
            return None
        speaker = self._resolve(mention)
        return speaker if speaker is not None and speaker.person is not None else None

    # -- cues ---------------------------------------------------------------

    def cues(self) -> list[Cue]:
        """All cues of the doc, each with its speaker resolved against those before it (computed once)."""
        if self._cues is None:
            found: list[Cue] = []
            for start, end, kind, token in self._raw_cues():
                speaker = self._speaker_of(start, end, kind, token, found)
                if token is not None and self._replies(token, speaker):
                    speaker = self._replier(start, speaker) or speaker
                if speaker is not None:
                    self.history.append((start, speaker))
                found.append(Cue(start, end, speaker, kind))
            self._cues = found
        return self._cues

    def _replies(self, tok: Token, speaker: Speaker | None) -> bool:
        """Whether a verb of reply ("a répondu le président ukrainien", "he retorted") was given, through a
        title or a pronoun, to the one who spoke just before: who replies is someone else."""
        return (
            speaker is not None
            and speaker.mention.kind in ("description", "pronoun")
            and bool(self.history)
            and self.history[-1][1].name == speaker.name
            and self._lemma(tok) in self.sp.reply_verbs
        )

    def _replier(self, char: int, replied_to: Speaker) -> Speaker | None:
        """The person a title or pronoun of reply stands for: the last one named before it, outside quotations,
        other than the one replied to and of the gender the title or pronoun marks."""
        m = replied_to.mention
        for other in reversed([o for o in self.mentions if o.kind == "person" and o.end <= char]):
            if (
                other.person is not None
                and other.person.name != replied_to.name
                and not self.inside_quote(other.start)
                and _gender_ok(m.gender, other.person.gender)
                and _affiliation_ok(m, other.person)
            ):
                return self._from_person(other.person, m)
        return None

    def inner_incises(self) -> list[Cue]:
        """Incises the copy keeps inside the quotation marks ("« La décision est mauvaise, déclare la députée
        Anne Roux. Nous la combattrons »"): a speech verb after a comma, its inverted subject a person."""
        found = []
        for tok in self.doc:
            if not (self.inside_quote(tok.idx) and self._is_speech_verb(tok) and tok.pos_ in ("VERB", "")):
                continue
            group_start = self._group_start(tok)
            if not doc_text(self.doc)[max(0, group_start - 5) : group_start].rstrip().endswith(","):
                continue
            end = tok.idx + len(tok)
            person = next((m for m in self._mentions_from(end) if m.kind == "person"), None)
            if person is not None and self._inverted(end, person):
                found.append(Cue(tok.idx, end, self._resolve(person)))
        return found

    def speaker_of_verb(self, tok: Token) -> Speaker | None:
        """The speaker of any verb read as a cue ("unveiled", "a dévoilé"), resolved against the speakers before it."""
        done = [c for c in self.cues() if c.start < tok.idx]
        everyone = self.history
        self.history = [(start, speaker) for start, speaker in everyone if start < tok.idx]
        try:
            return self._speaker_of(tok.idx, tok.idx + len(tok), "verb", tok, done)
        finally:
            self.history = everyone

    def _raw_cues(self) -> list[tuple[int, int, str, Token | None]]:
        raw: list[tuple[int, int, str, Token | None]] = []
        for tok in self.doc:
            if (
                self._is_speech_verb(tok)
                and (self._listed_lemma(tok) not in self.sp.incise_verbs or self._in_incise(tok))
                and (
                    self._present_speech_verb(tok)
                    or (
                        tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "X", "")
                        and not _is_noun_phrase(tok)
                        and not (_is_adjective(tok) and self._agent_after(tok) is None)
                    )
                )
                and not self.inside_quote(tok.idx)
                and not self._in_name(tok.idx)
            ):
                raw.append((tok.idx, tok.idx + len(tok), "verb", tok))
        text, fd, cs = doc_text(self.doc), folded(self.doc), cased(self.doc)
        for m in self._sources:
            if not self.inside_quote(m.start):
                raw.append((m.start, m.end, "source", None))
        for m in self.sp.clause_sources.finditer(text, fd, cs, doc_words(self.doc)):
            opening = self.sentence_of(m.start)[0]
            head = text[opening : m.start].strip()
            if not self.inside_quote(m.start) and (
                not head or head[-1] in ",-•" or self._coordinators_only(opening, m.start)
            ):
                raw.append((m.start, m.end, "source", None))
        raw += [(start, start + 1, "source", None) for start in self._parenthesised_sources()]
        return sorted(raw, key=lambda r: r[0])

    def _coordinators_only(self, start: int, end: int) -> bool:
        """Whether the words opening a sentence before ``end`` are coordinators or adverbs only ("Mais pour
        Londres, …", "Et pour la Commission, …"): the clause still opens there. The tagger says which words
        they are; without one, the coordinators of the language's grammar data."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span):
            return False
        if self.doc.has_annotation("POS"):
            return all(t.pos_ in ("CCONJ", "ADV") for t in span)
        return all(fold(t.text) in self.sp.coordinators for t in span)

    def _parenthesised_sources(self) -> list[int]:
        """Where a parenthesis right after a quote holds nothing but a name: its source ("…" (Associated Press))."""
        found = []
        for _, quote_end in self.quotes:
            m = _PARENTHESIS.match(doc_text(self.doc), quote_end)
            inside = m and next(self._mentions_from(m.start(2)), None)
            if inside and inside.kind in ("institution", "person") and (inside.start, inside.end) == m.span(2):
                found.append(m.start(1))
        return found

    def _lemma(self, tok: Token) -> str:
        return fold_word(tok.lemma_) if tok.lemma_ else lemma_of(tok.text, lang_of(self.doc))

    def _is_speech_verb(self, tok: Token) -> bool:
        """A verb of the speech data, by its lemma, its form or its present-tense form in a verb's place
        (:meth:`_present_speech_verb`), or with the particle after it where the data lists the two ("shot back",
        "hit back": "shoot" alone reports nothing)."""
        lemma = self._lemma(tok)
        if lemma in self.sp.verbs or fold_word(tok.text) in self.sp.verbs or self._present_speech_verb(tok):
            return True
        if self._participle_speech_verb(tok):
            return True
        if self._listed_lemma(tok) in self.sp.verbs:
            return True
        return (
            lemma in self.sp.phrasal_heads
            and tok.i + 1 < len(tok.doc)
            and f"{lemma} {fold_word(tok.nbor(1).text)}" in self.sp.verbs
        )

    def _listed_lemma(self, tok: Token) -> str:
        """The lemma as the data lists it: with its reflexive pronoun where the verb has one and the data lists it
        so ("s'inquiéter" for "s'est-il inquiété")."""
        lemma = self._lemma(tok)
        if lemma in self.sp.verbs:
            return lemma
        listed = self.sp.reflexive_listings.get(lemma)
        # the pronoun is looked for only where the data lists the verb with one: most words are no verb at all
        return listed if listed is not None and self._reflexive(tok) else lemma

    def _reflexive(self, tok: Token) -> bool:
        """Whether a verb has a reflexive pronoun of the language ("s'est-il inquiété", "s'est réjoui le ministre"),
        which the data lists with its verb ("s'inquiéter") while the tagger gives the bare lemma ("inquiéter")."""
        before = tok.doc[max(0, tok.i - 3) : tok.i]
        return any(fold_word(t.text) in self.sp.reflexive_pronouns and t.pos_ in ("PRON", "") for t in before)

    def _participle_speech_verb(self, tok: Token) -> bool:
        """A past participle right after its auxiliary, read from its ending though the tagger reads a noun and
        keeps the form as its lemma ("« … », a martelé Jens Stoltenberg"): the verb the data file's
        participle endings give, where the dictionary knows it."""
        if tok.i == 0 or not tok.text[:1].islower() or fold_word(tok.doc[tok.i - 1].text) not in self.sp.auxiliaries:
            return False
        verb = verb_of_participle(tok.text.lower(), lang_of(self.doc))
        return verb is not None and fold_word(verb) in self.sp.verbs

    def _present_speech_verb(self, tok: Token) -> bool:
        """A speech verb in the present tense, read from its form where its place makes it a verb
        (:meth:`_verb_by_place`) though the tagger reads a noun or an adjective ("tranche-t-il", "X note que").
        Only a lower-case word can be one, which spares most tokens the endings."""
        if not self.sp.present_endings or not tok.text[:1].islower():
            return False
        infinitives = self.sp.infinitives_of_present(fold_word(tok.text))
        return any(v in self.sp.verbs for v in infinitives) and self._verb_by_place(tok)

    def _verb_by_place(self, tok: Token) -> bool:
        """A lower-case word its place makes a verb: before an inverted subject ("tranche-t-il"), or after no
        determiner and before the complementizer of its clause or the colon of the words it reports, a few words
        on ("X juge pour sa part que", "Che lancia un appello: «…»"), or right before those words themselves, a
        partial quotation its object ("Hélène Témoin, juge « indispensable de maintenir l'effort »"): a noun there
        would have its determiner."""
        if not tok.text[:1].islower():
            return False
        if _clitics(tok) or self._right_after_quotation(tok):
            return True
        if tok.i == 0 or tok.doc[tok.i - 1].pos_ == "DET" or fold_word(tok.doc[tok.i - 1].text) in self.sp.determiners:
            return False
        if tok.i + 1 < len(tok.doc) and self._quotation_at(tok.doc[tok.i + 1]):
            return True
        for nxt in tok.doc[tok.i + 1 : tok.i + 1 + _CLAUSE_REACH]:
            if fold_word(nxt.text) in self.sp.complementizers or self._opens_quote(nxt):
                return True
            if nxt.is_punct and nxt.text != ",":
                return False
        return False

    def _right_after_quotation(self, tok: Token) -> bool:
        """A word right after a quotation and its comma, with more words after it ("« … », juge Marie Dupont",
        "« … », note le ministre"): the place of an incise's verb."""
        head = doc_text(self.doc)[max(0, tok.idx - 6) : tok.idx].rstrip()
        following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return (
            head.endswith(",")
            and head[:-1].rstrip()[-1:] in _CLOSING_MARKS
            and following is not None
            and not following.is_punct
        )

    def _quotation_at(self, tok: Token) -> bool:
        """An opening quotation mark of a kept quotation."""
        return any(start == tok.idx for start, _ in self.quotes)

    def _opens_quote(self, tok: Token) -> bool:
        """A colon right before a quotation: it introduces the words a verb before it reports."""
        rest = doc_text(self.doc)[tok.idx + len(tok) : tok.idx + len(tok) + 4]
        return tok.text == ":" and self.inside_quote(tok.idx + len(tok) + len(rest) - len(rest.lstrip()))

    def _in_incise(self, tok: Token) -> bool:
        """A verb in an incise: after a comma, a quote or a colon, or introducing one ("he continued:"), also
        with its subject before it where a quote ends right before that subject ('…," the minister countered')."""
        rest = doc_text(self.doc)[tok.idx + len(tok) : tok.idx + len(tok) + 12]
        if self._opens_incise(self._group_start(_inversion_head(tok))) or re.match(r"(?:-t)?(?:-\w+)?\s*:", rest):
            return True
        subject = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS and c.i < tok.i), None) if _parsed(tok) else None
        if subject is None:
            return False
        head = doc_text(self.doc)[self.sentence_of(tok.idx)[0] : subject.left_edge.idx].rstrip()
        return bool(head) and (head[-1] in _CLOSING_MARKS or head[-2:-1] in _CLOSING_MARKS)

    def _speaker_of(self, start: int, end: int, kind: str, tok: Token | None, done: list[Cue]) -> Speaker | None:
        if kind == "source":
            return self._source_speaker(end)
        assert tok is not None
        if self._impersonal_inversion(tok):  # "assure-t-on à Matignon", "lit-on dans un communiqué du ministère",
            # before the passive: the parser may read the "-on" of "a-t-on assuré" as a passive auxiliary
            subject = _clitics(_inversion_head(tok))[-1]
            return self._resolve(self._place_after(max(end, subject.idx + len(subject))))
        agent = self._agent_after(tok)
        if agent is not None and self._lemma(tok) in self.sp.question_verbs:
            # "Marie X, interrogée par l'AFP, « … »", "asked by reporters": who asks does not speak, the one asked does
            return self._governing_speaker(tok, done) if _is_participle(tok) else None
        if self._is_passive(tok):
            return self._resolve(agent) if agent else None
        if agent is not None:
            return self._resolve(agent)
        if _is_participle(tok) or _purpose_infinitive(tok):
            return self._governing_speaker(tok, done)
        if done and done[-1].kind == "source" and self._source_clause(done[-1], tok):
            return self._resolve(self._first_after(end, agent_ok=False))  # "según contó X", "selon ce qu'a dit X"
        group_start = self._group_start(tok)
        pronoun = next((m for m in self.mentions if m.kind == "pronoun" and group_start <= m.start < tok.idx), None)
        if pronoun is not None:  # "a-t-il ajouté"
            return self._resolve(pronoun)
        if self._opens_incise(group_start):
            after = self._first_after(end, agent_ok=False)
            if after is not None and self._inverted(end, after) and not _is_object_of(tok, after):
                if after.kind == "document":  # "Le ministère, poursuit le communiqué, juge « … »"
                    return self._resolve(self._interrupted_subject(group_start) or after)
                return self._resolve(after)
            head = doc_text(self.doc)[self.sentence_of(group_start)[0] : group_start].rstrip()
            if head.endswith(",") and head[:-1].rstrip()[-1:] not in _CLOSING_MARKS:
                # "Le président du Conseil, Antonio Costa, a affiché : «…»": the subject precedes its apposition.
                before = self._subject(tok) or self._nearest_person_before(group_start)
                if before is not None:
                    return self._resolve(before)
            after_quotation = (  # "«…», dijo.", "«…», ha detto ieri.": no subject after the verb either
                head.endswith(",")
                and head[:-1].rstrip()[-1:] in _CLOSING_MARKS
                and len(re.findall(r"\w+", doc_text(self.doc)[end : self.sentence_of(end)[1]])) <= _TRAILING_WORDS
            )
            if self.sp.pro_drop and (not head.endswith(",") or after_quotation) and (
                not head or after is None or self._in_reported_clause(end, after)
            ):
                # "Podkreślił, że Polska…", "…» — powiedział.": no subject of its own, the speaker goes on
                return self._speaker_going_on(group_start)
            if after is not None and (self._in_reported_clause(end, after) or self._sourced(end, after)):
                after = None  # "Asked whether the United States would…", "…, selon l'agence SPA": no speaker
            return self._resolve(after or self._subject(tok))  # "…," the Bank (NIB) said
        subject = self._subject(tok)
        if subject is None and self._opened_by_unnamed_source(group_start):
            return None  # "Fuentes del Ministerio de Defensa que pidieron el anonimato aseguraron que…"
        found = self._resolve(subject or self._nearest_before(group_start) or self._first_after(end, agent_ok=False))
        if found is None and self.sp.pro_drop and self._opens_sentence(group_start):
            return self._dropped_subject(group_start)  # "… Sergio Mattarella. Ha lanciato un monito: «…»"
        return found

    def _opened_by_unnamed_source(self, char: int) -> bool:
        """Whether the sentence of ``char`` opens, before it, with a source left unnamed: its subject where no
        parse says otherwise."""
        start = self.sentence_of(char)[0]
        first = next((m for m in self._mentions_from(start) if m.start < char), None)
        return (
            first is not None
            and first.kind == "unnamed"
            and len(re.findall(r"\w+", doc_text(self.doc)[start : first.start])) <= 1  # an article at most
            and not self._crosses_quote(start, first.start)
        )

    def _opens_sentence(self, char: int) -> bool:
        """Whether at most :data:`_OPENING_WORDS` words stand before ``char`` in its sentence, none quoted ("Ha
        lanciato", "Che avverte", "Poi lancia"): a verb there has no subject in the sentence."""
        start = self.sentence_of(char)[0]
        head = doc_text(self.doc)[start:char]
        return len(re.findall(r"\w+", head)) <= _OPENING_WORDS and not self._crosses_quote(start, char)

    def _dropped_subject(self, char: int) -> Speaker | None:
        """The subject a verb leaves unsaid where the language drops it and its sentence names no one: the person
        named last since the last speaker spoke, the one the text has turned to ("In serata è intervenuto il
        presidente X. Ha lanciato un monito: «…»"), else the speaker going on."""
        since = self.history[-1][0] if self.history else -1
        named = [
            m
            for m in itertools.takewhile(lambda m: m.start < char, self._mentions_from(since + 1))
            if m.kind == "person"
            and m.end <= char
            and not self.inside_quote(m.start)
            and _eligible(self.doc, m, self.sp, False)  # not "a Kiev", "con Putin"
        ]
        return self._resolve(named[-1]) if named else self._speaker_going_on(char)

    def _impersonal_inversion(self, tok: Token) -> bool:
        """Whether a verb's inverted subject names no one ("assure-t-on", "explique-t-on")."""
        return any(fold_word(t.text) in self.sp.impersonal_subjects for t in _clitics(_inversion_head(tok)))

    def _place_after(self, end: int) -> Mention | None:
        """The institution or document named right after an impersonal inversion, where what is said is said or
        written ("à Matignon", "au ministère des Armées", "dans un communiqué du ministère"); no one for a circle
        or a source left unnamed ("dans l'entourage du ministre")."""
        place = self._first_after(end, agent_ok=True)
        if place is None or place.kind not in ("institution", "document"):
            return None
        return place if len(re.findall(r"[\w'’]+", doc_text(self.doc)[end : place.start])) <= _LABEL_WORDS else None

    def _source_speaker(self, end: int) -> Speaker | None:
        """Who a source preposition names: the person a pronoun after it stands for ("selon lui", "according
        to her"), else the first mention after it ("selon le Pentagone"), unless a speech verb comes first
        ("según contó a la radio un funcionario": that verb's own cue decides)."""
        word = re.match(r"\s*([\w'’-]+)", doc_text(self.doc)[end : end + 40])
        gender = self.sp.source_pronouns.get(word.group(1).lower()) if word else None  # accents count: "él", "el"
        if word and gender:
            return self._resolve(Mention(end + word.start(1), end + word.end(1), "pronoun", word.group(1), gender=gender))
        after = self._first_after(end, agent_ok=True)
        if after is not None and any(
            self._is_speech_verb(t) for t in self.doc.char_span(end, after.start, alignment_mode="expand") or ()
        ):
            return None
        return self._resolve(after)

    def _source_clause(self, source: Cue, tok: Token) -> bool:
        """Whether a verb opens the clause of the source just before it ("según contó", "selon ce qu'a dit"):
        its subject then follows it."""
        gap = doc_text(self.doc)[source.end : tok.idx]
        return source.speaker is None and len(re.findall(r"\w+", gap)) <= 3 and not re.search(r"[.,;:!?«»“”\"]", gap)

    def _interrupted_subject(self, group_start: int) -> Mention | None:
        """The subject an incise interrupts: the mention right before its comma ("La Commission, poursuit…")."""
        head = doc_text(self.doc)[self.sentence_of(group_start)[0] : group_start].rstrip()
        if not head.endswith(","):
            return None
        comma = self.sentence_of(group_start)[0] + len(head) - 1
        subject_end = len(doc_text(self.doc)[:comma].rstrip())
        return next(
            (m for m in self.mentions if m.end == subject_end and m.kind != "document" and not self.inside_quote(m.start)),
            None,
        )

    def _speaker_going_on(self, char: int) -> Speaker | None:
        """The speaker a verb without a subject continues: the last one met, else the last person named."""
        if self.history:
            return self.history[-1][1]
        previous = [m for m in self.mentions if m.kind == "person" and m.end <= char and not self.inside_quote(m.start)]
        return self._resolve(previous[-1]) if previous else None

    def _governing_speaker(self, tok: Token, done: list[Cue]) -> Speaker | None:
        """A participle ("adding", "ajoutant") speaks for the cue before it in its sentence, or for its head's subject."""
        sent_start = self.sentence_of(tok.idx)[0]
        previous = next((c for c in reversed(done) if c.start >= sent_start), None)
        if previous is not None:
            return previous.speaker
        if not _parsed(tok):
            return None
        if tok.dep_.startswith("acl"):  # "des manifestants réclamant…": the noun it qualifies speaks, or no one
            return self._resolve(self._mention_covering(tok.head.idx))
        if _word_before(self.doc, tok.idx) in self.sp.quoted_as:  # "the release quoted X as saying"
            obj = self._object_of_governing_verb(tok)
            if obj is not None:
                return self._resolve(obj)
        head = tok.head
        for _ in range(3):  # "he decided to spend ..., stating that": up to the verb that has a subject
            subject = self._subject(head)
            if subject is not None or head.head is head:
                return self._resolve(subject)
            head = head.head
        return None

    def _object_of_governing_verb(self, tok: Token) -> Mention | None:
        """The speaker mention in the object of the verb a participle depends on ("quoted the minister, X, as saying")."""
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        obj = next((c for c in verb.children if c.dep_ in _DIRECT_OBJECT_DEPS), None)
        return self._phrase_mention(obj) if obj is not None else None

    def _is_passive(self, tok: Token) -> bool:
        return _parsed(tok) and any(c.dep_ in _PASSIVE_DEPS for c in tok.children)

    def _agent_after(self, tok: Token) -> Mention | None:
        """The agent of a passive or participle: "annoncées par le président X", "announced by X"."""
        for nxt in tok.doc[tok.i + 1 : tok.i + 4]:
            if fold_word(nxt.text) in self.sp.agents:
                if _parsed(nxt) and nxt.head.pos_ == "ADV":
                    return None  # an adverb ("estime par ailleurs"), not an agent
                return self._first_after(nxt.idx + len(nxt), agent_ok=True)
            if nxt.pos_ not in ("ADV", "PUNCT", "NOUN", "PROPN") or nxt.is_punct:
                break
        return None

    def _group_start(self, tok: Token) -> int:
        """Start of the verb group: auxiliaries and clitics before the verb ("a-t-il ajouté"), and the object
        pronouns that go before it ("lui a répondu", "le ha detto", "m'a confié"): the group opens an incise
        after a quotation as much as "a répondu" does."""
        i = tok.i
        while i > 0 and not self._in_name(tok.doc[i - 1].idx) and (  # a name the parse hangs on the verb is its subject
            tok.doc[i - 1].dep_ in _AUX_DEPS and tok.doc[i - 1].head.i == tok.i
            or _is_clitic(tok.doc[i - 1].text)
            or _object_pronoun_of(tok.doc[i - 1], tok)
            or not _parsed(tok) and fold_word(tok.doc[i - 1].text) in self.sp.auxiliaries  # "«…», ha detto."
        ):
            i -= 1
        return tok.doc[i].idx

    def _inverted(self, verb_end: int, m: Mention) -> bool:
        """True when ``m`` is the inverted subject of the verb: close after it, not inside a clause
        it introduces ("a déclaré le ministre", not "a assuré fin août que Washington ...")."""
        title = next((t for t in title_matches(self.doc) if verb_end <= t.start < m.start), None)
        gap_end = title.start if title is not None and m.kind == "person" else m.start  # "…, a souligné vendredi
        words = re.findall(r"[\w'’]+", folded(self.doc)[verb_end:gap_end])  # le ministre de la Défense X"
        return len(words) <= 5 and not self._in_reported_clause(verb_end, m)

    def _sourced(self, verb_end: int, m: Mention) -> bool:
        """True when a source preposition stands between a speech verb and ``m`` ("…, a indiqué le prince héritier,
        selon l'agence SPA"): ``m`` is who relays the words, not the verb's inverted subject."""
        return any(verb_end <= source.start < m.start for source in self._sources)

    @functools.cached_property
    def _sources(self) -> list[Match]:
        """The source prepositions of the doc ("selon", "according to")."""
        return list(self.sp.sources.finditer(doc_text(self.doc), folded(self.doc), cased(self.doc), doc_words(self.doc)))

    def _in_reported_clause(self, verb_end: int, m: Mention) -> bool:
        """True when a complementizer stands between a speech verb and ``m`` ("Podkreślił, że Polska…")."""
        words = re.findall(r"[\w'’]+", folded(self.doc)[verb_end : m.start])
        return any(w.replace("’", "'") in self.sp.complementizers for w in words)

    def _nearest_person_before(self, char: int) -> Mention | None:
        """The person (or title) named last before ``char`` in its sentence, not one behind a preposition or an
        agent: "La ministra X, entrevistada por El País, aseguró" is the minister speaking, not the newspaper."""
        sent_start = self.sentence_of(char)[0]
        for m in reversed(self.mentions):
            if (
                m.end <= char
                and m.start >= sent_start
                and m.kind in ("person", "description")
                and not self.inside_quote(m.start)
                and _eligible(self.doc, m, self.sp, False)
            ):
                return m
        return None

    def _opens_incise(self, group_start: int) -> bool:
        """True when the verb group follows a comma, a closing quote, a colon or a sentence start; not after
        the acronym a name is given in ("L'Agence française de développement (AFD) a signé", "The World
        Food Programme (WFP) said") or a person's portfolio in parentheses: that name is the subject."""
        start = self.sentence_of(group_start)[0]
        head = doc_text(self.doc)[start:group_start].rstrip()
        return not head or (
            head[-1] in ',»”"’:—–-)'
            and not _ACRONYM_AFTER_NAME.search(head)
            and not self._bracketed_after_name(start, head)
        )

    def _bracketed_after_name(self, start: int, head: str) -> bool:
        """Whether ``head`` (text from ``start``) ends with a parenthesis right after a person's name, their portfolio
        or party ("Minister Karin de Boer (Buitenlandse Handel) zegt"): that name is the subject of the verb after."""
        if not head.endswith(")") or "(" not in head:
            return False
        name_end = start + len(head[: head.rindex("(")].rstrip())
        return any(m.end == name_end and m.kind == "person" for m in self.mentions)

    def _subject(self, tok: Token) -> Mention | None:
        """The mention in the verb's subject; a verb coordinated with an earlier one shares its subject
        ("La ministre a reçu Berlin et affirmé que…", "X met Poland's chief and said…")."""
        if not _parsed(tok):
            return None
        verb = tok.head if tok.dep_ in _AUX_DEPS else tok
        while True:
            # a subject the parser hung on the auxiliary counts too ("Le Kremlin a, lui, dénoncé")
            children = [*verb.children, *(g for c in verb.children if c.dep_ in _AUX_DEPS for g in c.children)]
            # a title and a name the parser reads as two subjects ("Sudan's army chief Gen. X said"): the person
            found = [
                m
                for m in (self._phrase_mention(c) for c in children if c.dep_ in _SUBJECT_DEPS and c.i < tok.i)
                if m is not None
            ]
            if found:
                return next((m for m in found if m.kind == "person"), found[0])
            if verb.dep_ != "conj" or verb.head.i >= verb.i:
                return None
            verb = verb.head

    def _phrase_mention(self, phrase: Token) -> Mention | None:
        """The speaker mention of a subject or object phrase: a person preferred ("La présidente de la Commission,
        Anna Berg, a ..."), never a mention behind a preposition ("La séance au Parlement a ...")."""
        sentence = self.sentence_of(phrase.head.idx)  # the parser's sentences may run over a line break
        found = [
            m
            for m in (self._mention_covering(sub.idx) for sub in phrase.subtree)
            if m is not None
            and sentence[0] <= m.start < sentence[1]
            and _eligible(self.doc, m, self.sp, False)
            and not self.inside_quote(m.start)
        ]
        head = self._mention_covering(phrase.idx)
        # the parse may make a name inside the quotation the subject ("« Jamais les Nations unies n'ont… », a
        # regretté le haut fonctionnaire"): what is said, not who says it
        if head is not None and not (sentence[0] <= head.start < sentence[1] and not self.inside_quote(head.start)):
            head = None
        return next((m for m in found if m.kind == "person"), None) or head or next(iter(found), None)

    def _mention_covering(self, char: int) -> Mention | None:
        return next((m for m in self.mentions if m.start <= char < m.end), None)

    def _nearest_before(self, char: int) -> Mention | None:
        sent_start = self.sentence_of(char)[0]
        for m in reversed(self.mentions):
            if (
                m.end <= char
                and m.start >= sent_start
                and not self.inside_quote(m.start)
                and _eligible(self.doc, m, self.sp, False)
            ):
                if self._crosses_quote(m.end, char):
                    return None
                return m
        return None

    def _crosses_quote(self, a: int, b: int) -> bool:
        return any(a <= qs and qe <= b for qs, qe in self.quotes)

    def _first_after(self, char: int, agent_ok: bool) -> Mention | None:
        sent_end = self.sentence_of(char)[1]
        limit = min(sent_end, char + _REACH * 8)
        for m in self.mentions:
            if char <= m.start < limit and not self.inside_quote(m.start):
                if self._crosses_quote(char, m.start):
                    return None
                if agent_ok or _eligible(self.doc, m, self.sp, False):
                    return m
        return None

    # -- resolution ----------------------------------------------------------

    def _resolve(self, m: Mention | None) -> Speaker | None:
        if m is None or m.indefinite:
            return None
        if m.kind == "person":
            return self._from_person(m.person, m)
        if m.kind == "institution":
            named = self._named_institution(m)
            return Speaker(name=self.sp.without_determiner(named.text), mention=m, affiliation=named.affiliation or m.affiliation)
        if m.kind == "pronoun":
            return self._resolve_pronoun(m)
        if m.kind == "document":
            return self._resolve_document(m)
        return self._resolve_description(m)

    def _resolve_document(self, m: Mention) -> Speaker | None:
        """Who speaks through a document: the issuer its phrase names ("un communiqué de la Commission",
        "the statement on the ministry's website"), else the speaker of the sentence that brought it in
        ("X a indiqué dans un communiqué… « … », précise le communiqué"), whatever word takes the document up
        ("…, a indiqué le ministère dans un communiqué. « … », précise le texte"); no one otherwise."""
        issuer = self._issuer(m)
        if issuer is not None:
            return self._resolve(issuer)
        for start, speaker in reversed(self.history):
            if start >= m.start or speaker.mention.kind == "document":
                continue
            sentence = self.sentence_of(start)
            if any(
                o.kind == "document"
                and o is not m
                and sentence[0] <= o.start < sentence[1]
                and not self.inside_quote(o.start)
                for o in self.mentions
            ):
                return speaker
        return None

    def _issuer(self, m: Mention) -> Mention | None:
        """The institution or person named in a document's own phrase, after it and joined by link words
        (or by a passive agent, "publié lundi par le Pentagone")."""
        nxt = next(self._mentions_from(m.end), None)
        if nxt is None or nxt.kind not in ("institution", "person"):
            return None
        gap = folded(self.doc)[m.end : nxt.start]
        words = re.findall(r"[\w']+", gap)
        if re.search(r"[.;:!?«»“”\"]", gap) or len(words) > 6:
            return None
        if any(w in self.sp.agents for w in words) or all(
            w in self.sp.issuer_links or w in self.sp.determiners for w in words
        ):
            return nxt
        return None

    def _named_institution(self, m: Mention) -> Mention:
        """The institution a bare noun stands for ("das Ministerium", "resort dyplomacji"): the last one named
        before in a compound of that noun ("Bundeswirtschaftsministerium"), else, for a common noun (one the
        data writes in lower case), the institution speaking until now if one is ("MSZ"), a country's name aside;
        the mention itself otherwise. A common noun followed by a name in apposition is that name
        ("le ministère des Finances, Bercy")."""
        words = self.sp.without_determiner(m.text).split()
        if words and words[0][:1].islower():
            following = next(self._mentions_from(m.end), None)
            if (
                following is not None
                and following.kind == "institution"
                and following.text[:1].isupper()
                and re.fullmatch(r"\s*,\s*", doc_text(self.doc)[m.end : following.start])
            ):
                return following
        if words and m.affiliation is not None and self._description(words):
            return self._named_before(m) or m
        noun = fold(words[0]) if len(words) == 1 else ""
        if m.affiliation is not None or noun not in self.sp.institution_nouns:
            return m
        named = [
            o
            for o in self.mentions
            if o.kind == "institution"
            and o.end <= m.start
            and any(w.endswith(noun) and (w != noun or _proper(o.text, self.sp)) for w in fold(o.text).split())
            and not self.inside_quote(o.start)
        ]
        if named:
            return named[-1]
        if noun in self.sp.common_institutions and self.history and not self._qualified(m):
            last = self.history[-1][1].mention  # the institution speaking until now, if one is
            if last.kind == "institution" and last.start < m.start and not self._is_country(last):
                return last
        return m

    def _description(self, words: list[str]) -> bool:
        """Whether an institution's words describe it rather than name it: a lower-case word first ("l'esecutivo
        Ue") or a lower-case head noun, the first word where adjectives follow their noun and the last elsewhere
        ("the EU executive"); "Commission européenne" is a name, its adjective lower case after a capital head."""
        head = words[0] if adjectives_follow(lang_of(self.doc)) else words[-1]
        return words[0][:1].islower() or head[:1].islower()

    def _named_before(self, m: Mention) -> Mention | None:
        """The institution a description stands for ("l'esecutivo Ue", "the EU executive", "the Russian
        ministry"): the last one named before by a proper name, of the same affiliation, outside quotes; the
        name of a state, a city standing for it or its adjective is the state, not one of its institutions."""
        named = [
            o
            for o in self.mentions
            if o.kind == "institution"
            and o.end <= m.start
            and self._code_of(o) == m.affiliation
            and self.sp.without_determiner(o.text)[:1].isupper()
            and not self._is_state(o)
            and not self.inside_quote(o.start)
        ]
        return named[-1] if named else None

    def _code_of(self, m: Mention) -> str | None:
        """The actor a mention names: its affiliation, else that of an actor named within it ("The European
        Commission" read whole by the entity recogniser)."""
        inside = (a.key for a in actor_matches(self.doc) if m.start <= a.start and a.end <= m.end)
        return m.affiliation or next(inside, None)

    def _is_state(self, m: Mention) -> bool:
        """A state named by its name, a city standing for it or its people's adjective ("Kyiv", "Russian"),
        not one of its institutions."""
        return any(a.end == m.end and a.kind in ("countries", "metonyms", "demonyms") for a in self._actors_at(m))

    def _qualified(self, m: Mention) -> bool:
        """Whether an actor qualifies the noun within its phrase ("the UN humanitarian agency"): the noun is
        then no reference back to an institution named before."""
        before = doc_text(self.doc)[max(0, m.start - 40) : m.start]
        phrase_start = m.start - len(before) + max(before.rfind(c) for c in ".,;:!?\n\"«»“”")
        return any(phrase_start < a.start and a.end <= m.start for a in self.doc._.actors or [])

    def _actors_at(self, m: Mention) -> list[Actor]:
        """The actor matches that start where a mention does."""
        return [a for a in self.doc._.actors or [] if a.start == m.start]

    def _is_country(self, m: Mention) -> bool:
        """A country named by its name ("Suède", not "Bercy" or "MSZ"): a state, not an institution of one."""
        return any(a.kind == "countries" for a in self._actors_at(m))

    def _from_person(self, person: Person | None, m: Mention) -> Speaker | None:
        if person is None:
            return None
        return Speaker(name=person.name, mention=m, person=person, role=person.role, affiliation=person.affiliation)

    def _resolve_pronoun(self, m: Mention) -> Speaker | None:
        """A subject pronoun's antecedent: the topic set out before it ("Quant au ministère, il a déclaré"),
        else the person made subject of a clause since the last speaker spoke ("X then appeared on television.
        “…,” he said"), or the person a title so made stands for, else the last speaker of its gender, else the
        last person of its gender named. A pronoun for the person named last ("ce dernier", "celle-ci") is that
        person, whoever spoke last ("…, avec son homologue lituanien, X. Ce dernier a estimé")."""
        if fold(m.text) in self.sp.latest_pronouns:
            latest = self._latest_person(m)
            if latest is not None:
                return self._from_person(latest.person, m)
        topic = self._dislocated_topic(m) or self._institution_subject(m)
        if topic is not None:
            return self._resolve(topic)
        subject = self._last_subject_person(self.history[-1][0] if self.history else 0, m)
        if subject is not None and subject.kind == "person":
            return self._from_person(subject.person, m)
        if subject is not None:  # "La présidente de la Commission a présenté… « … », a-t-elle lancé"
            found = self._resolve_description(subject)
            if found is not None:
                return Speaker(found.name, m, found.person, found.role, found.affiliation)
        for _, speaker in reversed(self.history):
            if _compatible(m.gender, speaker):
                return Speaker(speaker.name, m, speaker.person, speaker.role, speaker.affiliation)
        previous = [
            p for p in self.mentions if p.kind == "person" and p.end <= m.start and _gender_ok(m.gender, p.gender)
        ]
        return self._from_person(previous[-1].person, m) if previous else None

    def _latest_person(self, m: Mention) -> Mention | None:
        """The person named last before ``m``, outside quotations, of the gender it marks."""
        return next(
            (
                p
                for p in reversed(self.mentions[: bisect.bisect_left(self._mention_starts, m.start)])
                if p.kind == "person" and not self.inside_quote(p.start) and _gender_ok(m.gender, p.gender)
            ),
            None,
        )

    def _institution_subject(self, m: Mention) -> Mention | None:
        """The institution its sentence opens with, for a pronoun whose gender may be a thing's (the language's
        ``institution_pronouns``) and that no person comes between: "De EU wil “…” doen, laat zij weten", "La
        Commission veut « … », a-t-elle indiqué". English "she" is a person's, and a state's name is left out."""
        if fold(m.text) not in self.sp.institution_pronouns:
            return None
        start = self.sentence_of(m.start)[0]
        before = [
            o
            for o in itertools.takewhile(lambda o: o.start < m.start, self._mentions_from(start))
            if not self.inside_quote(o.start)
        ]
        first = before[0] if before else None
        if first is None or first.kind != "institution" or _names_a_state(self.doc, first):
            return None  # a state opening its sentence is often what it is about ("L'Ukraine recevra…, a-t-il dit")
        opening = re.findall(r"[\w']+", folded(self.doc)[start : first.start])
        if any(w not in self.sp.determiners and w not in self._determiners for w in opening):
            return None
        return None if any(o.kind in ("person", "description") for o in before[1:]) else first

    @functools.cached_property
    def _determiners(self) -> frozenset[str]:
        """The determiners of the language's data ("de", "het", "die"), folded."""
        return frozenset(fold(str(w)) for w in load(lang_of(self.doc)).section("entities_determiners"))

    def _dislocated_topic(self, m: Mention) -> Mention | None:
        """The phrase a pronoun takes up when it opens its clause after a verbless one ending with a mention
        and a comma ("Quant au ministère, il a déclaré", "As for the agency, it said")."""
        if not self.doc.has_annotation("POS"):
            return None
        sent_start = self.sentence_of(m.start)[0]
        topic = self._interrupted_subject(m.start)
        span = self.doc.char_span(sent_start, m.start, alignment_mode="expand")
        if topic is None or topic.kind == "pronoun" or span is None or any(t.pos_ in ("VERB", "AUX") for t in span[:-1]):
            return None
        # a phrase behind a preposition sets out a topic only after a marker of one ("Quant au ministère, il");
        # otherwise it says where or before whom the pronoun speaks ("Devant les députés du Bundestag, il a
        # déclaré")
        marked = self.sp.topic_markers.match(folded(self.doc), sent_start)
        if not _eligible(self.doc, topic, self.sp, False) and not marked:
            return None
        return topic if topic.kind != "person" or _gender_ok(m.gender, topic.gender) else None

    def _last_subject_person(self, since: int, m: Mention) -> Mention | None:
        """The last person, or title standing for one ("la présidente de la Commission"), between ``since`` and the
        pronoun ``m`` that the parse makes a clause's subject; without a parse, one that opens its sentence after
        nothing but determiners, titles and demonyms ("Der ukrainische Präsident X dankte Berlin. „…“, schrieb
        er")."""
        parsed = self.doc.has_annotation("DEP")
        for i in range(bisect.bisect_left(self._mention_starts, m.start) - 1, -1, -1):
            p = self.mentions[i]
            if p.start < since:
                return None
            if p.kind not in ("person", "description") or p.indefinite or self.inside_quote(p.start):
                continue
            if not _gender_ok(m.gender, p.gender):
                continue
            if not parsed:
                if self._subject_by_place(p):
                    return p
                continue
            span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
            subject = next((t for t in span or () if _in_subject_role(t)), None)
            if subject is not None and not self.inside_quote(_clause_head(subject).idx):
                return p
        return None

    def _subject_by_place(self, p: Mention) -> bool:
        """Whether a mention opens its sentence, after nothing but determiners and the words of titles and
        demonyms: the subject's place where no parse says which noun is the subject."""
        start = self.sentence_of(p.start)[0]
        words = (*title_matches(self.doc), *demonym_matches(self.doc))
        covered = [(t.start, t.end) for t in words if start <= t.start < p.start]
        return all(
            fold(w.group()) in self.sp.determiners or any(a <= start + w.start() < b for a, b in covered)
            for w in re.finditer(r"\w[\w'’-]*", doc_text(self.doc)[start : p.start])
        )

    def _resolve_description(self, m: Mention) -> Speaker | None:
        """The person the article named before with this title; else one of the same country; else the current
        speaker, unless of another country; else the nearest untitled person named in more than one word ("des
        canons Caesar" is no minister); else the role itself where one person holds it. A person named only
        inside quotations is spoken of, not speaking ("« Merci à Joe Biden », a dit la ministre")."""
        generic = m.title_key in knowledge(lang_of(self.doc)).generic_titles
        persons = [p for p in people(self.doc) if any(not self.inside_quote(start) for start, _ in p.mentions)]
        titled = [
            p
            for p in persons
            if (_same_title_word(m, p) if generic else p.title_key == m.title_key)
            and _affiliation_ok(m, p)
            and p.mentions[0][0] < m.start
        ]
        if not titled:  # "the minister" for the person introduced as "foreign minister X"
            titled = [p for p in persons if _title_word_in_role(m, p, self.sp) and _affiliation_ok(m, p) and p.mentions[0][0] < m.start]
        if titled:
            return self._from_person(min(titled, key=lambda p: (p.affiliation != m.affiliation, _distance(p, m.start))), m)
        same_country = [p for p in persons if m.affiliation and p.affiliation == m.affiliation]
        if same_country:
            return self._from_person(min(same_country, key=lambda p: _distance(p, m.start)), m)
        current = next((sp for _, sp in reversed(self.history) if sp.person is not None and _compatible(m.gender, sp)), None)
        # the current speaker, unless of another country ("le président moldave" is not the Dutch minister speaking)
        # or introduced with another title ("le secrétaire général de l'Otan" is not the minister speaking)
        if (
            current is not None
            and current.person is not None
            and _affiliation_ok(m, current.person)
            and not self._other_title(m, current.person)
        ):
            return Speaker(current.name, m, current.person, current.role, current.affiliation)
        untitled = [
            p
            for p in persons
            if p.title_key in (None, m.title_key)
            and _gender_ok(m.gender, p.gender)
            and _affiliation_ok(m, p)
            and " " in p.name  # a one-word "name" no title introduces is as often a weapon ("canons Caesar")
        ]
        if untitled:
            return self._from_person(min(untitled, key=lambda p: _distance(p, m.start)), m)
        return self._unique_role(m)

    def _other_title(self, m: Mention, p: Person) -> bool:
        """Whether a description names another office than the one a person was introduced with, both offices
        one person holds for a country or an organisation ("le secrétaire général de l'Otan" is not the foreign
        minister speaking); a title many hold ("the minister", "wicepremier") may be a second hat."""
        unique = _unique_titles(lang_of(self.doc))
        return m.title_key in unique and p.title_key in unique and m.title_key != p.title_key

    def _unique_role(self, m: Mention) -> Speaker | None:
        """A title one person holds for a country or an organisation names that holder, as the article words it,
        where it never gives the name ("the UN Secretary-General", "le chef de l'État français")."""
        if m.title_key not in _unique_titles(lang_of(self.doc)):
            return None
        before = next(
            (a for a in actor_matches(self.doc) if a.end <= m.start and not doc_text(self.doc)[a.end : m.start].strip()),
            None,
        )
        if m.affiliation is None and before is None:
            return None
        return Speaker(name=doc_text(self.doc)[before.start if before else m.start : m.end], mention=m, role=m.text)


def attributor(doc: Doc, quote_spans: list[tuple[int, int]] | None = None) -> Attributor:
    """The :class:`Attributor` of a Doc, made once: the quote component makes it with the quotations it keeps
    (``quote_spans``, outer bounds). Asked for without them (a commitment's announcer, whose component runs
    before the quotes), it is that one when made, else one over every stretch in quotation marks, kept apart
    so that the quote component still gets its own, unless it keeps every stretch: then the two are one, and
    the cues are resolved once."""
    if quote_spans is not None:
        every = kept(doc, "attributor_every_quote")
        if isinstance(every, Attributor) and every.quotes == quote_spans:
            return per_doc(doc, "attributor", lambda: every)
        return per_doc(doc, "attributor", lambda: Attributor(doc, quote_spans, doc_sentences(doc)))
    made = kept(doc, "attributor")
    if isinstance(made, Attributor):
        return made
    return per_doc(
        doc,
        "attributor_every_quote",
        lambda: Attributor(doc, [(q.open_at, q.outer_end) for q in doc_quotes(doc)], doc_sentences(doc)),
    )


def speaker_of_clause(doc: Doc, start: int, end: int) -> Speaker | None:
    """Who the text says states or announces what ``[start, end)`` reports, for a commitment's announcer: the
    subject of an announcing word of the language data ("unveiled", "a dévoilé"), else the speaker of a speech
    verb ("…, a annoncé Antony Blinken", "a-t-il annoncé" → the person the pronoun stands for, "the Pentagon
    said"). A person is preferred to an institution, and a state ("Les États-Unis ont annoncé", "Washington a
    annoncé") is the donor, not an announcer. None when the stretch names no one else."""
    att = attributor(doc)
    announcing = Spans((c.start, c.end) for c in doc._.cues or [] if c.group == "announcing" and start <= c.start < end)
    span = doc.char_span(start, end, alignment_mode="contract")
    verbs = [t for t in span or () if t.pos_ in ("VERB", "") and announcing.contains(t.idx, t.idx + len(t))]
    candidates = [att.speaker_of_verb(t) for t in verbs]
    candidates += [c.speaker for c in att.cues() if start <= c.start < end]
    speakers = [s for s in candidates if s is not None and not _names_a_state(doc, s.mention)]
    return next((s for s in speakers if s.person is not None), speakers[0] if speakers else None)


def _names_a_state(doc: Doc, m: Mention) -> bool:
    """A country by its name, or by its capital ("Washington"), rather than one of its institutions ("Pentagone",
    "US Department of Defense", whose first word alone names the country)."""
    actor = next((a for a in doc._.actors or [] if a.start <= m.start and m.end <= a.end), None)
    return actor is not None and actor.is_state and (actor.kind == "countries" or is_city(actor.text))


@functools.cache
def _unique_titles(lang: str) -> frozenset[str]:
    return frozenset(load(lang).section("roles").get("unique") or [])


def _gender_ok(want: str | None, have: str | None) -> bool:
    """Whether a pronoun or title of gender ``want`` may stand for a person of gender ``have`` ("n": either,
    as an honorific such as "Dr" marks)."""
    return want in (None, "n") or have in (None, "n") or want == have


def _compatible(gender: str | None, speaker: Speaker) -> bool:
    """Pronouns ("il", "she") continue a person's speech, not an institution's."""
    if speaker.person is None:
        return False
    return _gender_ok(gender, speaker.person.gender)


def _same_title_word(m: Mention, p: Person) -> bool:
    """A generic title ("official", "leader") stands for the person the article introduced with the same
    words ("Hamas official X … the official said"); the generic class alone says too little to go by."""
    role = fold(p.role or "").split()
    return bool(role) and fold(m.text).split()[: len(role)] == role


def _title_word_in_role(m: Mention, p: Person, sp: Speech) -> bool:
    """A bare title stands for the person the article introduced with a fuller one holding its word ("the
    minister" for "foreign minister X", "le ministre" for "le ministre des Armées X", "the secretary" for
    "Defense Secretary X")."""
    words = fold(sp.without_determiner(m.text)).split()
    return bool(words) and words[0] in fold(p.role or "").split()


def _affiliation_ok(m: Mention, p: Person) -> bool:
    return m.affiliation is None or p.affiliation is None or m.affiliation == p.affiliation


def _distance(p: Person, char: int) -> int:
    """Distance to the closest mention, earlier mentions preferred over later ones."""
    return min(char - s if s <= char else 2 * (s - char) for s, _ in p.mentions)
