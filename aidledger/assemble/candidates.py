"""Candidate commitments: the amounts whose sentence states giving and nothing that rules them out.

Every amount of money is a candidate. It stays one when its sentence is about
aid and states giving (a verb of giving, a stage, a mechanism or new money; a
headline may do without a verb, and so may a sentence that refers back to one
that gives) and nothing near the amount says it is something else: a cumulative
total ("portant à", "bringing the total to", "so far"), a request or a needs
estimate, a refusal, an arms sale, a unit price, an earlier package (a past
month, "last year", the pluperfect), an aggregate of many donors, tracker data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aidledger.assemble.article import Article, keys
from aidledger.nlp.actors import Actor
from aidledger.nlp.cues import Cue, within
from aidledger.nlp.gazetteer import fold
from aidledger.nlp.money import Money

#: Cue kinds that make a sentence about aid.
AID_KEYS = {"aid", "aid_verb", "top_up"}
#: A sentence shorter than this with no final stop is a headline or a list item.
HEADLINE = 140
#: Cue kinds that disqualify an amount when they stand shortly before it (within LEFT_WINDOW)...
BLOCKING = {"cumulative", "request", "refusal", "sale", "unit_price", "background", "past", "aggregate"}
#: ... those that do anywhere before it in its sentence...
SENTENCE_BLOCKING = {"cumulative", "past"}
#: ... and those that do when they follow it in its clause ("$6bn so far", "5 millions chacun").
BLOCKING_AFTER = {"cumulative", "unit_price", "sale", "past", "aggregate"}
#: How far (characters) a cue may stand before / after an amount to qualify it.
LEFT_WINDOW = 90
RIGHT_WINDOW = 60
#: Amounts this close (relative) are the same amount restated ("$400 million" / "$398 million").
SAME_AMOUNT = 0.02


@dataclass
class Candidate:
    """An amount (or none) with everything known about it so far."""

    unit: int
    anchor: int
    money: Money | None
    currency: str | None = None  # the stated one, or for a bare "26 millions" the one just before
    donor: Actor | None = None
    recipient: Actor | None = None
    is_part: bool = False
    additional: bool = False
    weak: bool = False  # stated without a verb of giving: needs a giver named plainly in its sentence
    donor_strength: int = 0  # how plainly its own sentence names the donor (0: taken from context)
    to_organisation: bool = False  # its sentence pays the money to an organisation, not to a country
    unknown_agent: bool = False  # given "by" someone whose country the article does not tell
    several_recipients: bool = False  # the sentence before names several ("Séisme en Turquie et en Syrie :")
    evidence: tuple[int, int] = (0, 0)
    twins: list[Candidate] = field(default_factory=list)  # other reports of the same amount in the article
    parts: list[Candidate] = field(default_factory=list)  # smaller amounts found to be parts of it
    envelope: Candidate | None = None  # the larger amount it is a share of ("140 millions", split 114 + 26)

    @property
    def reports(self) -> list[Candidate]:
        """This candidate and its twins, in text order."""
        return sorted([self, *self.twins], key=lambda c: c.anchor)


def find_candidates(article: Article) -> list[Candidate]:
    """The candidate commitments of an article, in text order, without amounts that only restate a conversion."""
    found = [c for c in (candidate(article, i, m) for i, m in enumerate(article.money)) if c is not None]
    return [c for c in found if not restates_conversion(article, c)]


def windows(article: Article, index: int, money: Money, unit: tuple[int, int]) -> tuple[int, int]:
    """Left and right limits of the context that qualifies one amount."""
    left = max(unit[0], money.start - LEFT_WINDOW)
    for other in article.money[:index]:
        if other.end <= money.start and other.end > left and other.conversion_of != index:
            left = other.end
    end = money.end
    following = len(article.text)
    for other in article.money[index + 1 :]:
        if other.conversion_of == index:
            end = other.end
        elif other.start >= end:
            following = other.start
            break
    if article.text[end : end + 1] == ")":
        end += 1
    clause_end = article.grammar.clause_end.search(article.text, end, min(unit[1], end + RIGHT_WINDOW))
    right = clause_end.start() if clause_end else min(unit[1], end + RIGHT_WINDOW)
    return left, min(right, following)


def states_giving(article: Article, unit: tuple[int, int], unit_cues: list[Cue]) -> str | None:
    """How a sentence reports giving: ``"verb"`` (a verb of giving, a stage: "disbursed", "will
    announce"), ``"weak"`` (only new money, a mechanism, or a headline with no verb), or None
    ("The largest share is the …" names an amount and gives nothing)."""
    if any(c.key in ("aid_verb", "top_up") or c.group in ("stages", "in_kind") for c in unit_cues):
        return "verb"
    if any(c.key == "new" or c.group == "mechanisms" for c in unit_cues):
        return "weak"
    text = article.text[unit[0] : unit[1]].strip()
    return "weak" if len(text) <= HEADLINE and not text.endswith((".", "!", "?")) else None


def continues_giving(article: Article, unit_index: int) -> bool:
    """A sentence that refers back ("It", "Ce paquet") to a sentence just before that states giving."""
    if unit_index == 0 or not article.continues(unit_index):
        return False
    previous = article.cues_between(*article.units[unit_index - 1])
    return states_giving(article, article.units[unit_index - 1], previous) == "verb"


def inherited_currency(article: Article, index: int) -> str | None:
    """The currency of a bare amount: that of the last amount stated shortly before it, which may
    itself be a bare amount of the same list ("143 millions d'euros … 38 millions … 35 millions")."""
    money = article.money[index]
    for i in range(index - 1, -1, -1):
        other = article.money[i]
        if money.start - other.end > 300:
            break
        if not other.is_conversion:
            return other.currency if other.currency is not None else inherited_currency(article, i)
    return None


def candidate(article: Article, index: int, money: Money) -> Candidate | None:
    """The candidate for one amount, or None when its sentence gives nothing or something near rules it out."""
    currency = money.currency or inherited_currency(article, index)
    if money.is_conversion or currency is None:
        return None
    unit_index = article.unit_of(money.start)
    unit = article.units[unit_index]
    unit_cues = article.cues_between(*unit)
    giving = states_giving(article, unit, unit_cues)
    if giving != "verb" and continues_giving(article, unit_index):
        giving = "verb"  # "It is valued at $375 million." after "The Department of Defense announces…"
    elif not any((c.group == "cues" and c.key in AID_KEYS) or c.group == "aid_types" for c in unit_cues):
        return None
    if giving is None or "report" in keys(unit_cues):
        return None
    left, right = windows(article, index, money, unit)
    near = keys(within(unit_cues, left, money.start, "cues")) & BLOCKING
    # a running total or a past time reaches further back: "Depuis février 2022, …, ont engagé 276 milliards"
    near |= keys(within(unit_cues, unit[0], money.start, "cues")) & SENTENCE_BLOCKING
    near |= keys(within(unit_cues, money.end, right, "cues")) & BLOCKING_AFTER
    if earlier_month(article, left, money.start):
        near.add("past")
    if near:
        delivered = within(unit_cues, *unit, "stages", "delivered")
        if not (delivered and near <= {"background"}):
            return None
    before = keys(within(unit_cues, max(unit[0], money.start - 40), min(unit[1], money.end + 15), "cues"))
    return Candidate(
        unit=unit_index,
        anchor=money.start,
        money=money,
        currency=currency,
        is_part="part" in before,
        weak=giving == "weak",
        additional=bool(keys(within(unit_cues, *unit, "cues")) & {"additional"}),
        evidence=article.evidence(unit),
    )


def earlier_month(article: Article, start: int, end: int) -> bool:
    """A month named just before the amount ("En mars, Berlin avait versé…") that is not the month of publication."""
    published = article.doc._.published
    months = article.data.section("dates").get("months") or {}
    for mention in article.dates_between(start, end):
        if mention.kind == "vague":
            words = fold(mention.text).split()
            month = next((months.get(w) for w in words if w in months), None)
            if month and (published is None or month != published.month):
                return True
    return False


def restates_conversion(article: Article, cand: Candidate) -> bool:
    """A headline giving only the converted figure ("about 1 bln euros") of a bracketed conversion."""
    return any(
        m.currency == cand.currency
        and abs(m.amount - cand.money.amount) <= SAME_AMOUNT * max(m.amount, cand.money.amount)
        for m in article.conversions
    )
