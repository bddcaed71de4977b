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

from spacy.tokens import Doc

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


def syntactic_role(doc: Doc, actor: Actor) -> str | None:
    """``subject`` or ``agent`` when the parse puts the actor there, else None.

    The climb from the name to the clause goes through modifiers of the same
    phrase ("le gouvernement *japonais*", "*German* Defence Minister"), never
    through a prepositional complement ("l'aide … *au Liban*" is no subject).
    """
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(6):
        if token.dep_ in _SUBJECT_DEPS:
            return "subject"
        if token.dep_ in _AGENT_DEPS or (token.dep_ == "pobj" and token.head.dep_ == "agent"):
            return "agent"
        if token.dep_ not in _CLIMB_DEPS or token.head is token or _has_case_marker(token):
            return None
        token = token.head
    return None


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
    doc: Doc, folded_text: str, actor: Actor, lang: str, anchor: int, aid_words: frozenset[int] = frozenset()
) -> Roles:
    """Score one actor mention as recipient and as donor of the amount at ``anchor``.

    ``aid_words`` are the start offsets of aid words ("package", "aide"), to see
    a name that qualifies one ("a UK package").
    """
    m = markers(lang)
    before = preceding(folded_text, actor.start, lang)
    if ends_with(before, m.opposition):
        return Roles(actor, 0, 0, True)
    role = syntactic_role(doc, actor)
    is_before = actor.start < anchor
    if ends_with(before, m.agent) or (role == "agent" and actor.kind != "demonyms"):
        return Roles(actor, 0, AGENT, False)
    marked = ends_with(before, m.recipient) and not _possessive(folded_text, actor.end)
    if role == "subject":
        return Roles(actor, 0, SUBJECT_BEFORE if is_before else SUBJECT_AFTER, False)
    if marked and actor.is_state and not (actor.kind == "metonyms" and ends_with(before, m.venue)):
        return Roles(
            actor, MARKED, 0, False
        )  # "au Liban" inside the subject "L'aide … au Liban" is still the recipient
    if actor.end + 1 in aid_words and _is_noun_at(doc, actor.end + 1):
        return Roles(actor, 0, QUALIFIER, False)
    if role == "subject":
        return Roles(actor, 0, SUBJECT_BEFORE if is_before else SUBJECT_AFTER, False)
    if not actor.is_state and ends_with(before, m.recipient):
        return Roles(actor, 0, 0, False)  # "2 millions au HCR": a channel, neither giver nor recipient
    if actor.kind == "demonyms" and actor.is_state and _qualifies_people(folded_text, actor, m.people, lang):
        return Roles(actor, LOCATED, 0, False)
    recipient = 0
    venue = actor.kind == "metonyms" and ends_with(before, m.venue)
    # aid goes to a country or territory; money paid to an organisation (a budget contribution) is no aid to it
    if not venue and not _possessive(folded_text, actor.end) and actor.is_state:
        if ends_with(before, m.recipient):
            recipient = MARKED
        elif ends_with(before, m.location) and actor.kind != "demonyms":
            recipient = LOCATED
    donor = BEFORE if is_before and not recipient else 0
    return Roles(actor, recipient, donor, False)


def _qualifies_people(folded_text: str, actor: Actor, people: tuple[str, ...], lang: str) -> bool:
    """ "l'armée ukrainienne", "les forces ukrainiennes", "Ukrainian armed forces", "Palestinian civilians"."""
    before = preceding(folded_text, actor.start, lang, 20)
    after = " " + folded_text[actor.end : actor.end + 20].lstrip()
    return ends_with(before, people) or any(after.startswith(" " + p + " ") or after == " " + p for p in people)


def _is_noun_at(doc: Doc, offset: int) -> bool:
    """True when the token at a character offset is a noun (or when there is no tagger to ask)."""
    if not doc.has_annotation("POS"):
        return True
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and span[0].pos_ in ("NOUN", "PROPN")


def _possessive(folded_text: str, end: int) -> bool:
    """ "Germany's commitment": the actor qualifies a noun, it is not itself the complement."""
    return folded_text[end : end + 2] in ("'s", "' ")


def pick_parties(
    doc: Doc, folded_text: str, actors: list[Actor], anchor: int, lang: str, aid_words: frozenset[int] = frozenset()
) -> tuple[Roles | None, Roles | None]:
    """(donor, recipient) readings among the actors of a sentence, for an amount at ``anchor``."""
    scored = [r for r in (roles(doc, folded_text, a, lang, anchor, aid_words) for a in actors) if not r.excluded]
    recipient = _best(scored, lambda r: r.recipient, anchor, follows=True)
    donor = _best(scored, lambda r: r.donor, anchor)
    if donor and recipient and donor.actor.code == recipient.actor.code:
        if donor.donor >= SUBJECT_BEFORE:
            recipient = _best(
                [r for r in scored if r.actor.code != donor.actor.code], lambda r: r.recipient, anchor, follows=True
            )
        else:
            donor = _best([r for r in scored if r.actor.code != recipient.actor.code], lambda r: r.donor, anchor)
    if recipient is None:
        recipient, donor = _double_object(folded_text, scored, anchor, lang) or (None, donor)
    if recipient is None:
        others = [
            r
            for r in scored
            if (donor is None or r.actor.code != donor.actor.code) and r.actor.is_state and r.actor.kind != "demonyms"
        ]
        after = [r for r in others if r.actor.start >= anchor]
        recipient = after[0] if after else None
    return donor, recipient


def _double_object(folded_text: str, scored: list[Roles], anchor: int, lang: str) -> tuple[Roles, Roles] | None:
    """ "Japan gives Ukraine $400m", "der Ukraine 3 Milliarden Euro zur Verfügung stellen": a country named
    right before the amount, after another party, receives it; the earlier party gives."""
    before = [r for r in scored if r.actor.end <= anchor]
    if len(before) < 2 or not before[-1].actor.is_state or before[-1].actor.kind == "demonyms":
        return None
    last = before[-1]
    gap = grammar(lang).articles.sub("", " " + folded_text[last.actor.end : anchor].rstrip(" $€£")).strip()
    giver = next((r for r in reversed(before[:-1]) if r.actor.code != last.actor.code), None)
    return (last, giver) if not gap and giver is not None else None


def _best(scored: list[Roles], key, anchor: int, follows: bool = False) -> Roles | None:
    """The highest-scoring reading (score > 0), ties to the mention nearest the amount.

    An agent ("from the United States", "par la France") and, with ``follows``, a recipient
    ("90 millions pour l'Ukraine, et 15 millions pour la Géorgie") come after what they qualify.
    """
    candidates = [r for r in scored if key(r) > 0]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda r: (
            key(r),
            (follows or key(r) == AGENT) and r.actor.start > anchor,
            -abs(r.actor.start - anchor),
        ),
    )
