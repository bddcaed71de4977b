"""One commitment per package: restatements merged, parts, envelopes and multi-recipient sums left out.

Amounts that restate another (a headline and its body, "$400 million" and
"$398 million") become one candidate with every report; a smaller amount of
the same donor soon after a package, at the same stage, is one of its parts
unless announced as additional; an amount the next sentences split between
recipients or donors is an envelope; one shared by coordinated recipients
("for Ukraine, Israel and Taiwan") is no single commitment.
"""

from __future__ import annotations

import itertools

from aidledger.assemble.article import Article
from aidledger.assemble.candidates import SAME_AMOUNT, Candidate
from aidledger.assemble.fields import stage_of_unit
from aidledger.assemble.parties import QUALIFIER, SUBJECT_AFTER, roles

#: Sentences after a package within which a smaller amount of the same donor is one of its parts.
PART_DISTANCE = 12


def plainly_given(article: Article, cand: Candidate) -> bool:
    """Drop what its sentence does not plainly give: paid to an organisation, or stated without
    a verb of giving and without a giver named as subject, agent or qualifier."""
    if cand.to_organisation or cand.unknown_agent or cand.several_recipients:
        return False
    return not cand.weak or cand.donor_strength >= QUALIFIER


def same_amount(article: Article, a: Candidate, b: Candidate) -> bool:
    """The same sum in the same currency, give or take the rounding of a headline."""
    if not (a.money and b.money) or article.resolved_currency(a) != article.resolved_currency(b):
        return False
    x, y = a.money.amount, b.money.amount
    return abs(x - y) <= SAME_AMOUNT * max(x, y)


def same_parties(a: Candidate, b: Candidate) -> bool:
    """Same donor, and the same recipient where both are known."""
    return (a.donor and b.donor and a.donor.code == b.donor.code) and (
        not a.recipient or not b.recipient or a.recipient.code == b.recipient.code
    )


def bigger_amount_before(article: Article, cand: Candidate) -> bool:
    """Whether a larger amount in the same currency was stated shortly before (kept or not)."""
    for money in article.money:
        if money.start >= cand.anchor:
            break
        unit = article.unit_of(money.start)
        if (
            not money.is_conversion
            and money.currency == cand.currency
            and money.amount > cand.money.amount
            and cand.unit - unit <= PART_DISTANCE
        ):
            return True
    return False


def merge_restated(article: Article, candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per amount: a headline and its article, or a repeated sentence, are one."""
    kept: list[Candidate] = []
    for cand in candidates:
        twin = next((k for k in kept if same_amount(article, k, cand)), None)
        if twin is None:
            kept.append(cand)
            continue
        twin.twins.append(cand)
        if precision(cand.money.amount) > precision(twin.money.amount):
            twin.money = cand.money
    return kept


def is_envelope(article: Article, cand: Candidate, kept: list[Candidate]) -> bool:
    """An amount that the next sentences split between parties: "90 millions pour l'Ukraine et 15
    pour la Moldavie", or a World Bank loan, a Swiss grant and a US grant making up one financing."""
    shares = [
        k
        for k in kept
        if k is not cand
        and k.money
        and k.unit >= cand.unit
        and k.unit - cand.unit <= PART_DISTANCE
        and article.resolved_currency(k) == article.resolved_currency(cand)
    ]
    for size in range(2, min(4, len(shares)) + 1):
        for combo in itertools.combinations(shares, size):
            parties = {(k.donor.code if k.donor else None, k.recipient.code if k.recipient else None) for k in combo}
            total = sum(k.money.amount for k in combo)
            if len(parties) == size and abs(total - cand.money.amount) <= SAME_AMOUNT * cand.money.amount:
                for share in combo:
                    share.envelope = cand
                return True
    return False


def has_several_recipients(article: Article, cand: Candidate) -> bool:
    """ "for Ukraine, Israel and Taiwan": an envelope for several recipients is not one commitment."""
    start, end = cand.anchor, min(article.units[cand.unit][1], cand.anchor + 160)
    donor = cand.donor.code if cand.donor else None
    unit_actors = [a for a in article.unit_actors(cand.unit) if a.code != donor and a.kind != "demonyms" and a.is_state]
    for first, second in itertools.pairwise(unit_actors):
        after = first.start >= start and second.start < end
        # before the amount only places named as such count ("Séisme en Turquie et en Syrie : …")
        placed = roles(article.doc, article.folded, first, article.lang, cand.anchor).recipient > 0
        if (
            (after or placed)
            and first.code != second.code
            and article.grammar.coordination.match(article.folded[first.end : second.start])
        ):
            return True
    return bool(article.cues_between(cand.anchor, end, "cues", "multi_recipient"))


def announced_on_its_own(article: Article, cand: Candidate) -> bool:
    """ "Shortly after, the Department of Defense announced a $1 billion drawdown": a package of its own,
    announced by a giver its sentence names, not a part of the larger sum before it."""
    start, end = article.units[cand.unit]
    return cand.donor_strength >= SUBJECT_AFTER and bool(article.cues_between(start, end, "announcing"))


def is_part(article: Article, cand: Candidate, kept: list[Candidate]) -> bool:
    """A smaller amount of a donor's package is a part of it, unless announced as additional."""
    if not cand.money:
        return False
    bigger = [
        k
        for k in kept
        if k is not cand
        and k.money
        and same_parties(k, cand)
        and (cand.is_part or 0 <= cand.unit - k.unit <= PART_DISTANCE)
        and article.resolved_currency(k) == article.resolved_currency(cand)
        and k.money.amount > cand.money.amount * (1 + SAME_AMOUNT)
    ]
    stage = stage_of_unit(article, cand.unit, cand.anchor)
    bigger = [
        k for k in bigger if stage_of_unit(article, k.unit, k.anchor) == stage
    ]  # a delivery is no part of a pledge
    if not bigger:
        return cand.is_part and bigger_amount_before(article, cand)
    if not cand.is_part and (cand.additional or announced_on_its_own(article, cand)):
        return False
    bigger[0].parts.append(cand)
    return True


def precision(amount: float) -> int:
    """Significant digits of an amount: 404 000 000 is more precise than 400 000 000."""
    return len(str(int(amount)).rstrip("0"))
