"""Commitments with no amount: equipment or aid a named donor announces or sends.

"a annoncé la livraison de quatre hélicoptères à la Moldavie", "agreed to send
Kyiv more shells", "l'envoi d'aide de la Suède, la Norvège et le Danemark":
one commitment per coordinated donor, unless that donor's amount in the
article already covers it.
"""

from __future__ import annotations

from aidledger.assemble.article import Article, keys
from aidledger.assemble.candidates import RIGHT_WINDOW, Candidate
from aidledger.assemble.donors import document_recipient
from aidledger.assemble.parties import AGENT, Roles, markers, pick_parties
from aidledger.nlp.actors import Actor
from aidledger.nlp.cues import Cue, within

#: Cue kinds that rule out a commitment in kind in their sentence.
IN_KIND_BLOCKING = {"request", "refusal", "sale", "past", "aggregate", "cumulative"}


def in_kind(article: Article, kept: list[Candidate]) -> list[Candidate]:
    """Commitments with no amount: a sentence announcing equipment or aid sent by a named donor.

    Only sentences with no amount of their own, an in-kind cue ("annoncé la
    livraison", "agreed to give"), no blocking cue, a donor named in the
    sentence and a recipient; coordinated donors ("de l'Allemagne, la
    Roumanie et la Finlande") each make one.
    """
    with_amount = {k.donor.code for k in kept if k.donor}
    found: list[Candidate] = []
    for index, unit in enumerate(article.units):
        cues = article.cues_between(*unit, "cues")
        trigger = next(iter(article.cues_between(*unit, "in_kind")), None)
        if trigger is None or not equipment_before_amount(article, index, trigger):
            continue
        if keys(within(cues, unit[0], trigger.end + RIGHT_WINDOW)) & IN_KIND_BLOCKING:
            continue
        donors, recipient = in_kind_parties(article, index, trigger.start)
        for donor in donors:
            if recipient is None or donor.code == recipient.code:
                continue
            separate = "additional" in keys(cues)
            if (donor.code in with_amount and not separate) or any(
                k.donor and k.donor.code == donor.code for k in found
            ):
                continue
            found.append(
                Candidate(
                    unit=index,
                    anchor=trigger.start,
                    money=None,
                    donor=donor,
                    recipient=recipient,
                    evidence=article.evidence(unit),
                )
            )
    return found


def equipment_before_amount(article: Article, unit_index: int, trigger: Cue) -> bool:
    """A sentence with an amount may still announce things in kind before it
    ("livreraient 12 obusiers…, et qu'ils verseraient 80 millions")."""
    start, end = article.units[unit_index]
    amounts = [m for m in article.money if start <= m.start < end]
    if not amounts:
        return True
    first = amounts[0].start
    return trigger.start < first and bool(article.cues_between(trigger.end, first, "items"))


def in_kind_parties(article: Article, unit_index: int, anchor: int) -> tuple[list[Actor], Actor | None]:
    """The donors (coordinated ones each) and the recipient of a sentence announcing aid in kind."""
    actors = article.unit_actors(unit_index)
    donor_reading, recipient_reading = pick_parties(article.doc, article.folded, actors, anchor, article.lang)
    recipient = recipient_reading.actor if recipient_reading and recipient_reading.recipient else None
    recipient = recipient or document_recipient(article)
    sources = [a for a in actors if article.preceded_by(a.start, markers(article.lang).source)]
    if sources:
        donor_reading = Roles(sources[0], 0, AGENT, False)
    if donor_reading is None:
        candidates = [a for a in actors if recipient is None or a.code != recipient.code]
        if not candidates:
            return [], recipient
        donor = candidates[0]
    else:
        donor = donor_reading.actor
    donors = [donor]
    following = [a for a in actors if a.start > donor.end]
    for actor in following:
        if (
            article.grammar.coordination.match(article.folded[donors[-1].end : actor.start])
            and actor.code != donor.code
        ):
            donors.append(actor)
        else:
            break
    return donors, recipient
