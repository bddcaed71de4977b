"""Donor and recipient of each candidate, from its sentence, the sentences before, or the article.

The scoring of each name in a sentence is :mod:`aidledger.assemble.parties`;
here those readings are completed: a giver named as a person ("annoncée par
Emmanuel Macron") takes the country the article gives them, a sentence that
names no party continues the previous package or the article's main parties,
and money paid to an organisation or to several recipients named just before is
flagged so that it is not taken for a commitment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from aidledger.assemble.article import Article
from aidledger.assemble.candidates import AID_KEYS, Candidate
from aidledger.assemble.fields import DOCUMENT_MECHANISMS
from aidledger.assemble.parties import (
    AGENT,
    BEFORE,
    QUALIFIER,
    SUBJECT_AFTER,
    Roles,
    markers,
    pick_parties,
    roles,
)
from aidledger.nlp.actors import Actor


def fill_parties(article: Article, candidates: list[Candidate]) -> None:
    """Donor and recipient of each candidate; a sentence that names neither continues the article's."""
    aid_words = frozenset(
        c.start for c in article.cues if c.group in ("cues", "mechanisms") and c.key in AID_KEYS | {"loan", "grant"}
    )
    readings = [parties_of(article, c, aid_words) for c in candidates]
    main_donor = most_common(d.actor for d, _ in readings if d and d.donor >= BEFORE) or document_donor(article)
    main_recipient = most_common(r.actor for _, r in readings if r and r.recipient) or document_recipient(article)
    previous: Candidate | None = None
    for cand, (donor_reading, recipient_reading) in zip(candidates, readings):
        donor = donor_reading.actor if donor_reading else None
        recipient = recipient_reading.actor if recipient_reading else None
        cand.donor_strength = donor_reading.donor if donor_reading else 0
        if cand.donor_strength < SUBJECT_AFTER:
            named = person_agent(article, cand)
            if named is not None:  # "annoncée par Marc Lenoir": the person's country, or no guess
                donor, cand.donor_strength = country_of_person(article, named), AGENT
                cand.unknown_agent = donor is None
        cand.to_organisation = recipient is None and paid_to_organisation(article, cand)
        if donor and cand.donor_strength < SUBJECT_AFTER and main_recipient and donor.code == main_recipient.code:
            donor, recipient = None, recipient or donor  # a bare mention of the article's recipient
        if donor is None:
            donor = donor_of_mechanism(article, cand)
        if donor is None:
            donor = previous.donor if previous and previous.donor else main_donor
        if recipient is None or (donor is not None and recipient.code == donor.code):
            named_before = recipients_before(article, cand.unit, donor)
            cand.several_recipients = len({a.code for a in named_before}) > 1
            recipient = named_before[-1] if named_before else None
        if recipient is None:
            fallback = previous.recipient if previous and previous.recipient else main_recipient
            recipient = fallback if fallback is None or donor is None or fallback.code != donor.code else None
        cand.donor, cand.recipient = donor, recipient
        previous = cand


def parties_of(article: Article, cand: Candidate, aid_words: frozenset[int]) -> tuple[Roles | None, Roles | None]:
    """Donor and recipient readings for one amount: from its own stretch of an enumeration
    ("a $15 million grant from the Dutch government and a $40 million grant from Japan")
    when that stretch names a giver plainly, else from the whole sentence."""
    actors = article.unit_actors(cand.unit)
    start, end = article.stretch(cand)
    if (start, end) != article.units[cand.unit]:
        own = [a for a in actors if start <= a.start < end]
        donor, recipient = pick_parties(article.doc, article.folded, own, cand.anchor, article.lang, aid_words)
        if donor and donor.donor >= QUALIFIER:
            if recipient and recipient.recipient:
                return donor, recipient
            whole = [a for a in actors if a.code != donor.actor.code]
            return donor, pick_parties(article.doc, article.folded, whole, cand.anchor, article.lang, aid_words)[1]
    return pick_parties(article.doc, article.folded, actors, cand.anchor, article.lang, aid_words)


def donor_of_mechanism(article: Article, cand: Candidate) -> Actor | None:
    """The donor a named mechanism implies ("a Presidential Drawdown package" is the United States')."""
    start, end = article.units[cand.unit]
    for cue in article.cues_between(start, end, "mechanisms"):
        code = DOCUMENT_MECHANISMS.get(cue.key)
        if code:
            return Actor(cue.start, cue.end, cue.text, code, "metonyms")
    return None


def person_agent(article: Article, cand: Candidate) -> str | None:
    """The surname of a person (or handle) the amount is given or announced by ("… annoncée par Marc Lenoir")."""
    start, end = article.stretch(cand)
    agents = "|".join(re.escape(w) for w in markers(article.lang).agent)
    if not agents:
        return None
    found = re.compile(rf"(?:^|\s)(?:{agents})\s+(@\w+|(?:[A-ZÀ-Ý][\w'’-]+\s+)*[A-ZÀ-Ý][\w'’-]+)").search(
        article.text[start:end]
    )
    if found is None or any(
        a.start >= start + found.start(1) and a.start < start + found.end(1) for a in article.actors
    ):
        return None
    return found.group(1).split()[-1]


def country_of_person(article: Article, surname: str) -> Actor | None:
    """The country an article gives a person: a country or demonym just before one of their mentions
    ("le président français Emmanuel Macron", "German Chancellor Olaf Scholz")."""
    if surname.startswith("@"):
        return None
    for m in re.finditer(rf"\b{re.escape(surname)}\b", article.text):
        near = [a for a in article.actors if m.start() - 45 <= a.end <= m.start() and a.is_state]
        if near:
            return near[-1]
    return None


def paid_to_organisation(article: Article, cand: Candidate) -> bool:
    """ "la France a versé 26 milliards à l'Union européenne": money to an organisation's budget."""
    m = markers(article.lang)
    return any(
        not a.is_state and article.preceded_by(a.start, m.recipient)
        for a in article.unit_actors(cand.unit)
        if a.start > cand.anchor
    )


def recipients_before(article: Article, unit_index: int, donor: Actor | None) -> list[Actor]:
    """Recipients named in the two sentences before ("…l'appel pour Haïti. Le Conseil fédéral versera…")."""
    for index in range(unit_index - 1, max(-1, unit_index - 3), -1):
        end = article.units[index][1]
        readings = [roles(article.doc, article.folded, a, article.lang, end) for a in article.unit_actors(index)]
        marked = [r.actor for r in readings if r.recipient and (donor is None or r.actor.code != donor.code)]
        if marked:
            return marked
    return []


def document_donor(article: Article) -> Actor | None:
    """The state or organisation the article most often names as acting, for sentences that name none."""
    end = len(article.text)
    readings = [roles(article.doc, article.folded, a, article.lang, end) for a in article.actors]
    recipient = document_recipient(article)
    return most_common(
        r.actor for r in readings if r.donor >= BEFORE and (recipient is None or r.actor.code != recipient.code)
    )


def document_recipient(article: Article) -> Actor | None:
    """The actor the article most often names as a recipient, for packages whose sentences name none."""
    end = len(article.text)
    readings = [roles(article.doc, article.folded, a, article.lang, end) for a in article.actors]
    return most_common(r.actor for r in readings if r.recipient)


def most_common(actors: Iterable[Actor]) -> Actor | None:
    """The actor whose code is named most often (the first mention of it)."""
    first: dict[str, Actor] = {}
    counts: Counter[str] = Counter()
    for actor in actors:
        first.setdefault(actor.code, actor)
        counts[actor.code] += 1
    return first[counts.most_common(1)[0][0]] if counts else None
