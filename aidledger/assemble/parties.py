"""Who gives and who receives: the donor and recipient of an amount in a sentence.

Three signals, in order of trust:

1. the parse: an actor that is (inside) the subject of the sentence or the
   agent of a passive ("annoncée par les États-Unis", "by the EU") is a donor;
2. the words just before a mention: a recipient marker ("à l'Ukraine", "for
   Gaza", "en faveur de"), an agent marker ("par", "by", "from"), a location
   marker ("en Ukraine", "in Sudan", weaker), an opposition marker ("contre la
   Russie", "against"), which rules the actor out;
3. position: with no better signal, the first actor before the amount gives,
   the first after it receives.

The markers live in the ``parties`` section of the language files.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from aidledger.assemble.grammar import grammar
from aidledger.lang import load
from aidledger.nlp.actors import Actor
from aidledger.nlp.gazetteer import fold

_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"}
_AGENT_DEPS = {"obl:agent", "agent"}
_CLIMB_DEPS = {
    "amod",
    "compound",
    "nmod",
    "poss",
    "appos",
    "flat",
    "flat:name",
    "nmod:poss",
    "fixed",
    "nummod",
    "det",
    "conj",
}


@dataclass(frozen=True)
class Markers:
    recipient: tuple[str, ...]
    agent: tuple[str, ...]
    location: tuple[str, ...]
    opposition: tuple[str, ...]
    venue: tuple[str, ...]  # before a capital, the place of a meeting ("à Paris", "in Madrid"), not a recipient
    people: tuple[str, ...]  # nouns a demonym makes a recipient of ("l'armée ukrainienne", "Palestinian civilians")
    source: tuple[str, ...]  # after an aid word, the giver ("l'envoi d'aide de l'Allemagne", "aid from Japan")


@functools.cache
def markers(lang: str) -> Markers:
    """The markers of a language, folded, longest first."""
    section = load(lang).section("parties")

    def folded_list(key: str) -> tuple[str, ...]:
        return tuple(sorted({fold(str(w)) for w in section.get(key) or []}, key=len, reverse=True))

    return Markers(**{name: folded_list(name) for name in Markers.__dataclass_fields__})


def preceding(folded_text: str, start: int, lang: str, width: int = 30) -> str:
    """The folded words just before a mention, on its line, without a trailing article."""
    before = folded_text[max(0, start - width) : start].rsplit("\n", 1)[-1].rstrip()
    return " " + grammar(lang).articles.sub("", before).rstrip()


def ends_with(before: str, words: tuple[str, ...]) -> bool:
    """Whether folded words end with one of the phrases, as whole words."""
    return any(before.endswith((" " + w, "'" + w)) for w in words)


def _parsed_root(doc: Doc, actor: Actor) -> Token | None:
    """The head token of an actor's name, when the Doc has a parse (a focused or blank pipeline may not)."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None else None


#: Dependents that may stand between a marker and the name they mark: "to *earthquake-ravaged* Türkiye",
#: "for *war-torn* Sudan", "à la *fragile* Moldavie" (in a language with a parser).
_MODIFIER_DEPS = frozenset({"amod", "compound", "npadvmod", "advmod", "det", "punct", "hyph"})


def phrase_start(doc: Doc, actor: Actor) -> int:
    """Where the phrase an actor's name heads begins, when only modifiers come before the name in it (the
    parse's left edge), so that a marker before the modifiers reaches the name; else the name's start."""
    token = _parsed_root(doc, actor)
    if token is None or token.left_edge.idx >= actor.start:
        return actor.start
    before = doc[token.left_edge.i : token.i]
    if any(t.idx >= actor.start for t in before) or not all(
        t.dep_ in _MODIFIER_DEPS or (t.head.i < token.i and t.head.dep_ in _MODIFIER_DEPS) for t in before
    ):
        return actor.start
    return token.left_edge.idx


def syntactic_role(doc: Doc, actor: Actor) -> str | None:
    """``subject`` or ``agent`` when the parse puts the actor there, else None.

    The climb from the name to the clause goes through modifiers of the same
    phrase ("le gouvernement *japonais*", "*German* Defence Minister"), never
    through a prepositional complement ("l'aide … *au Liban*" is no subject).
    """
    token = _parsed_root(doc, actor)
    if token is None:
        return None
    for _ in range(6):
        if token.dep_ in _SUBJECT_DEPS:
            return "subject"
        if token.dep_ in _AGENT_DEPS or (token.dep_ == "pobj" and token.head.dep_ == "agent"):
            return "agent"
        if token.dep_ not in _CLIMB_DEPS or token.head is token or _has_case_marker(token):
            return None
        token = token.head
    return None


def owns_subject(doc: Doc, actor: Actor) -> bool:
    """An actor that qualifies the subject of a clause: "les dirigeants de l'OTAN se réuniront", "NATO's
    leaders agreed", "the leaders of the G7 pledged". The people named act for it."""
    token = _parsed_root(doc, actor)
    return token is not None and token.dep_ in ("nmod", "nmod:poss", "poss", "pobj") and (
        token.head.dep_ in _SUBJECT_DEPS or (token.head.dep_ == "prep" and token.head.head.dep_ in _SUBJECT_DEPS)
    )


#: The English possessive marks a determiner ("Germany's Foreign Office"), not a complement.
POSSESSIVE_CASES = {"'s", "’s", "'", "’"}


def _has_case_marker(token) -> bool:
    """A name introduced by a preposition ("au Liban", "of Haiti") complements its head; it does not head it."""
    return (
        any(child.dep_ in ("case", "prep") and child.lower_ not in POSSESSIVE_CASES for child in token.children)
        or token.dep_ == "pobj"
    )


@dataclass(frozen=True)
class Roles:
    """What the context says of one actor mention, for an amount at a given position."""

    actor: Actor
    recipient: int  # strength of the recipient reading, 0 = none
    donor: int  # strength of the donor reading, 0 = none
    excluded: bool


#: Strengths of the donor reading, strongest first: subject before the amount; agent of a passive
#: or "from X" (below a subject: in "un fonds géré par les Nations unies" the agent manages, it does
#: not give); name qualifying the aid ("UK package", "Australian funding"); named before the
#: amount; subject of a later clause ("…if the border opens").
SUBJECT_BEFORE, AGENT, QUALIFIER, BEFORE, SUBJECT_AFTER = 6, 5, 4, 2, 1
#: Strengths of the recipient reading.
MARKED, LOCATED = 3, 2


def roles(
    doc: Doc,
    folded_text: str,
    actor: Actor,
    lang: str,
    anchor: int,
    aid_words: frozenset[int] = frozenset(),
    aid_verbs: frozenset[int] = frozenset(),
) -> Roles:
    """Score one actor mention as recipient and as donor of the amount at ``anchor``.

    ``aid_words`` are the start offsets of aid words ("package", "aide"), to see
    a name that qualifies one ("a UK package"); ``aid_verbs`` those of the verbs
    among them, to see a name that is their subject where no parse says so.
    """
    m = markers(lang)
    before = preceding(folded_text, phrase_start(doc, actor), lang)
    if ends_with(before, m.opposition):
        return Roles(actor, 0, 0, True)
    role = syntactic_role(doc, actor) or _subject_by_position(doc, actor, before, m, aid_verbs)
    is_before = actor.start < anchor
    if ends_with(before, m.agent) or (role == "agent" and actor.kind != "demonyms"):
        return Roles(actor, 0, AGENT, False)
    marked = ends_with(before, m.recipient) and not possessive(folded_text, actor.end)
    if role == "subject":
        return Roles(actor, 0, SUBJECT_BEFORE if is_before else SUBJECT_AFTER, False)
    if marked and actor.is_state and not (actor.kind == "metonyms" and ends_with(before, m.venue)):
        return Roles(
            actor, MARKED, 0, False
        )  # "au Liban" inside the subject "L'aide … au Liban" is still the recipient
    if actor.end + 1 in aid_words - aid_verbs and _is_noun_at(doc, actor.end + 1):
        return Roles(actor, 0, QUALIFIER, False)
    if not actor.is_state and ends_with(before, m.recipient):
        return Roles(actor, 0, 0, False)  # "2 millions au HCR": a channel, neither giver nor recipient
    if actor.kind == "demonyms" and actor.is_state and qualifies_people(folded_text, actor, lang):
        return Roles(actor, LOCATED, 0, False)
    recipient = 0
    venue = actor.kind == "metonyms" and ends_with(before, m.venue)
    # aid goes to a country or territory; money paid to an organisation (a budget contribution) is no aid to it
    if not venue and not possessive(folded_text, actor.end) and actor.is_state:
        if ends_with(before, m.recipient):
            recipient = MARKED
        elif ends_with(before, m.location) and actor.kind != "demonyms":
            recipient = LOCATED
    # the place of a visit or a meeting ("bei seinem Besuch in Kiew", "à Paris") is where, not who gives
    donor = BEFORE if is_before and not recipient and not venue else 0
    return Roles(actor, recipient, donor, False)


def _subject_by_position(doc: Doc, actor: Actor, before: str, m: Markers, aid_verbs: frozenset[int]) -> str | None:
    """``subject`` for a name right before a verb of giving when there is no parse ("Schweden erhöht seine Hilfe",
    "España enviará", "Polska przekaże"), unless a preposition introduces it ("in Marokko stellt die Schweiz …"):
    a noun phrase a preposition opens is a complement, never the subject of the clause."""
    if doc.has_annotation("DEP") or actor.end + 1 not in aid_verbs:
        return None
    introduced = (m.recipient, m.agent, m.location, m.venue, m.source)
    return None if any(ends_with(before, words) for words in introduced) else "subject"


def qualifies_people(folded_text: str, actor: Actor, lang: str) -> bool:
    """ "l'armée ukrainienne", "les forces ukrainiennes", "Ukrainian armed forces", "Palestinian civilians"."""
    people = markers(lang).people
    before = preceding(folded_text, actor.start, lang, 20)
    after = " " + folded_text[actor.end : actor.end + 20].lstrip()
    return ends_with(before, people) or any(after.startswith(" " + p + " ") or after == " " + p for p in people)


def _is_noun_at(doc: Doc, offset: int) -> bool:
    """True when the token at a character offset is a noun (or when there is no tagger to ask)."""
    if not doc.has_annotation("POS"):
        return True
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and span[0].pos_ in ("NOUN", "PROPN")


def possessive(folded_text: str, end: int) -> bool:
    """ "Germany's commitment": the actor qualifies a noun, it is not itself the complement."""
    return folded_text[end : end + 2] in ("'s", "' ")
