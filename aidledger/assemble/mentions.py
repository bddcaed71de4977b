"""Candidate reports of a commitment, proposed with high recall for the fitted models to judge.

Two kinds are proposed:

- every amount of money that is not a conversion of the amount before it
  ("¥300bn ($2bn)"); a bare amount ("et 15 millions pour la Géorgie") takes
  the currency of the amount stated shortly before it;
- every sentence that gives something without an amount: an in-kind cue
  ("annoncé la livraison", "agreed to send"), or named equipment together
  with a verb of giving or a stage ("livrera des radars et des canons").

Nothing here decides; :mod:`aidledger.assemble.decide` weighs each mention with
the models of :mod:`aidledger.assemble.model`.
"""

from __future__ import annotations

from dataclasses import dataclass

from aidledger.assemble.article import Article
from aidledger.nlp.money import Money

#: How far back (characters) a bare amount looks for the currency it shares.
INHERIT_REACH = 300


@dataclass(frozen=True)
class Mention:
    """One candidate report: an amount, or a sentence giving something with no amount."""

    unit: int  # the sentence it stands in
    anchor: int  # character offset: the amount, or the word that gives
    end: int
    money: Money | None
    currency: str | None  # the stated currency, a placeholder ("$"), or the one a bare amount inherits
    inherited: bool = False  # the currency came from an amount before it
    conversions: tuple[Money, ...] = ()  # what the text converts the amount to ("NOK 2.9 billion (about €248 million)")

    @property
    def amount(self) -> float | None:
        return self.money.amount if self.money else None


def propose(article: Article) -> list[Mention]:
    """Every candidate report of an article, in text order."""
    found = [m for m in (amount_mention(article, i) for i in range(len(article.money))) if m is not None]
    found.extend(in_kind_mentions(article))
    return sorted(found, key=lambda m: m.anchor)


def amount_mention(article: Article, index: int) -> Mention | None:
    """The mention of one amount; None for a conversion or a bare amount with no currency in reach."""
    money = article.money[index]
    if money.is_conversion:
        return None
    currency, inherited = money.currency, False
    if currency is None:
        currency, inherited = inherited_currency(article, index), True
    if currency is None:
        return None
    conversions = tuple(c for c in article.conversions if c.conversion_of == index)
    return Mention(article.unit_of(money.start), money.start, money.end, money, currency, inherited, conversions)


def inherited_currency(article: Article, index: int) -> str | None:
    """The currency of a bare amount: that of the last amount stated shortly before it, reached through the
    bare amounts between them ("20 millones. Otros 12 millones… cinco millones"), each shortly after the last."""
    reached = article.money[index].start
    for other in reversed(article.money[:index]):
        if reached - other.end > INHERIT_REACH:
            break
        if other.is_conversion:
            continue
        if other.currency is not None:
            return other.currency
        reached = other.start
    return None


def in_kind_mentions(article: Article) -> list[Mention]:
    """One mention per sentence that gives without an amount of its own before the giving word:
    an in-kind cue, or equipment named with a verb of giving or a stage."""
    found = []
    for index, (start, end) in enumerate(article.units):
        trigger = giving_without_amount(article, start, end)
        if trigger is not None:
            found.append(Mention(index, trigger[0], trigger[1], None, None))
    return found


def giving_without_amount(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """The span of the word that gives something in kind in ``[start, end)``, if the sentence has one
    and no amount stands before it: an in-kind cue; equipment with a verb of giving or a stage; or, with no
    amount at all, aid announced or to be announced ("un nouveau paquet d'aide sera annoncé")."""
    first_amount = next(
        (m.start for m in article.money if start <= m.start < end and not m.is_conversion), end
    )
    in_kind = article.cues_between(start, first_amount, "in_kind")
    if in_kind:
        return in_kind[0].start, in_kind[0].end
    items = article.cues_between(start, end, "items")
    giving = [
        c
        for c in article.cues_between(start, first_amount)
        if (c.group == "cues" and c.key == "aid_verb") or c.group == "stages"
    ]
    if items and giving and first_amount == end:
        return giving[0].start, giving[0].end
    aid = article.cues_between(start, end, "cues", "aid")
    staged = [c for c in article.cues_between(start, end) if c.group in ("stages", "announcing")]
    if aid and staged and first_amount == end:
        return staged[0].start, staged[0].end
    return None
