"""Merging mentions into packages: the rules, as pure functions over plain records.

Dozens of outlets, in several languages, report one package; the donor's own press release
announces it, an earlier leak anticipates it, a later report says it was delivered. Each report is a
*mention*; this module decides which mentions are one *package*. It knows nothing of the database or
of spaCy, so the rules can be tested on hand-written records.

A mention joins a package when all of these hold (:func:`compatible`):

1. **Same parties.** Donor and recipient are both known and equal to the package's.
2. **Same money.** Both amounts are known and agree: within 1 % in the same currency, within 3 %
   after conversion to USD at each mention's ECB rate (outlets convert approximately and round), or
   one of the two amounts is missing. An amount that cannot be converted (no ECB rate, e.g. UAH) is
   compared only in its own currency. So a part of a package (£92m of £225m), a cumulative total
   ("bringing aid to $40bn") or a different sum is never merged into it.
3. **Same kind.** Aid types are equal (or one is ``mixed``); mechanisms are equal or one is missing
   (a PDA drawdown and a USAI contract of the same week are two packages).
4. **Dates that fit the stages** (each mention's date is its announcement date, else the article's
   publication date; with neither, it merges with nothing):

   - two reports of the same step (announced/announced, anticipated/anticipated,
     delivered/delivered) are at most ``SAME_STEP_DAYS`` (7) apart, so a second tranche of the same
     size announced weeks later stays a package of its own;
   - an anticipated commitment is fulfilled by an announcement 0–``ANTICIPATION_DAYS`` (45) days
     later (from ``SAME_STEP_DAYS`` before, since a leak is often reported on the day itself);
   - a delivery report belongs to a package announced 0–``DELIVERY_DAYS`` (365) days before it; a
     delivery report without an amount needs, in addition, an item in common with the package, and a
     package known only from delivery reports takes an announcement only if both amounts are known.

Among the packages a mention is compatible with, it joins the one with the most agreeing evidence
(amount known on both sides, same mechanism, items in common), then the nearest in time, then the
oldest (the first offered). Otherwise it starts a package of its own. A package's fields are derived from its mentions
(:func:`summarise`), and its stage history records the first mention of each step.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

SAME_STEP_DAYS = 7
ANTICIPATION_DAYS = 45
DELIVERY_DAYS = 365
SAME_CURRENCY_TOLERANCE = 0.01
CONVERTED_TOLERANCE = 0.03
#: The furthest a package has gone, in order.
STAGES = ("anticipated", "announced", "delivered")


@dataclass(frozen=True)
class MentionRecord:
    """What merging needs to know of one mention; ``key`` identifies it (a database id, a test label)."""

    key: Hashable
    donor: str | None
    recipient: str | None
    amount: float | None
    currency: str | None
    amount_usd: float | None
    aid_type: str
    mechanism: str | None
    stage: str
    date: dt.date | None
    items: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class PackageProfile:
    """A package as merging sees it: its merged fields and the first mention of each stage it reached."""

    key: Hashable
    donor: str | None
    recipient: str | None
    amount: float | None
    currency: str | None
    amount_usd: float | None
    aid_type: str
    mechanism: str | None
    steps: dict[str, MentionRecord]
    items: frozenset[str]

    @property
    def stage_dates(self) -> dict[str, dt.date | None]:
        """The first date of each stage reached."""
        return {stage: mention.date for stage, mention in self.steps.items()}

    @property
    def stage(self) -> str:
        """The furthest stage reached."""
        return max(self.steps, key=STAGES.index)

    @property
    def date(self) -> dt.date | None:
        """The announcement date; for a package not yet announced, the date of its first step."""
        step = self.steps.get("announced") or min(self.steps.values(), key=lambda m: m.date or dt.date.max)
        return step.date


def _lead_order(mention: MentionRecord) -> tuple:
    """Announcements speak for a package first, then earlier mentions, then those with an amount."""
    stage_rank = {"announced": 0, "anticipated": 1, "delivered": 2}[mention.stage]
    return (stage_rank, mention.amount is None, mention.date or dt.date.max, str(mention.key))


def summarise(key: Hashable, members: Sequence[MentionRecord]) -> PackageProfile:
    """The merged fields of a package from its mentions.

    The stated currency is the one most mentions use (a donor's own currency usually outnumbers the
    conversions some outlets print); the amount is the lead mention's in that currency.
    """
    ordered = sorted(members, key=_lead_order)
    lead = ordered[0]
    with_amount = [m for m in ordered if m.amount is not None and m.currency]
    amount_lead = lead
    if with_amount:
        currency = Counter(m.currency for m in with_amount).most_common(1)[0][0]  # ties: first in lead order
        amount_lead = next(m for m in with_amount if m.currency == currency)
    steps: dict[str, MentionRecord] = {}
    for mention in sorted(members, key=lambda m: (m.date or dt.date.max, str(m.key))):
        steps.setdefault(mention.stage, mention)
    return PackageProfile(
        key=key,
        donor=lead.donor,
        recipient=lead.recipient,
        amount=amount_lead.amount,
        currency=amount_lead.currency,
        amount_usd=amount_lead.amount_usd,
        aid_type=lead.aid_type,
        mechanism=next((m.mechanism for m in ordered if m.mechanism), None),
        steps=steps,
        items=frozenset().union(*(m.items for m in members)),
    )


def amounts_agree(mention: MentionRecord, package: PackageProfile) -> bool:
    """True when the amounts are equal within tolerance, or one of them is missing (rule 2)."""
    if mention.amount is None or package.amount is None:
        return True
    if mention.currency == package.currency:
        return _close(mention.amount, package.amount, SAME_CURRENCY_TOLERANCE)
    if mention.amount_usd is None or package.amount_usd is None:
        return False
    return _close(mention.amount_usd, package.amount_usd, CONVERTED_TOLERANCE)


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _same_kind(mention: MentionRecord, package: PackageProfile) -> bool:
    """Rule 3: aid types equal or one mixed; mechanisms equal or one missing."""
    types_agree = mention.aid_type == package.aid_type or "mixed" in (mention.aid_type, package.aid_type)
    mechanisms_agree = not mention.mechanism or not package.mechanism or mention.mechanism == package.mechanism
    return types_agree and mechanisms_agree


def _within(days: int, low: int, high: int) -> bool:
    return low <= days <= high


def date_gap(mention: MentionRecord, package: PackageProfile) -> int | None:
    """Days between the mention and the package step it would join, or None when the dates do not fit (rule 4)."""
    if mention.date is None:
        return None
    dates = package.stage_dates
    both_amounts = mention.amount is not None and package.amount is not None
    same_step = dates.get(mention.stage)
    if same_step is not None and abs((mention.date - same_step).days) <= SAME_STEP_DAYS:
        return abs((mention.date - same_step).days)
    announced, anticipated, delivered = dates.get("announced"), dates.get("anticipated"), dates.get("delivered")
    if mention.stage == "anticipated" and announced is not None:
        gap = (announced - mention.date).days
        return abs(gap) if _within(gap, -SAME_STEP_DAYS, ANTICIPATION_DAYS) else None
    if mention.stage == "announced" and "announced" not in dates:
        if anticipated is not None:
            gap = (mention.date - anticipated).days
            return abs(gap) if _within(gap, -SAME_STEP_DAYS, ANTICIPATION_DAYS) else None
        if delivered is not None and both_amounts:
            gap = (delivered - mention.date).days
            return gap if _within(gap, -SAME_STEP_DAYS, DELIVERY_DAYS) else None
    if mention.stage == "delivered" and announced is not None:
        gap = (mention.date - announced).days
        evidence = both_amounts or bool(mention.items & package.items)
        return abs(gap) if evidence and _within(gap, -SAME_STEP_DAYS, DELIVERY_DAYS) else None
    return None


def compatible(mention: MentionRecord, package: PackageProfile) -> int | None:
    """The date gap if ``mention`` may join ``package`` under all the rules, else None."""
    parties_known = mention.donor is not None and mention.recipient is not None
    if not parties_known or (mention.donor, mention.recipient) != (package.donor, package.recipient):
        return None
    if not amounts_agree(mention, package) or not _same_kind(mention, package):
        return None
    return date_gap(mention, package)


def choose_package(mention: MentionRecord, packages: Iterable[PackageProfile]) -> Hashable | None:
    """The key of the package ``mention`` joins, or None when it starts its own."""
    best: tuple | None = None
    chosen: Hashable | None = None
    for package in packages:
        gap = compatible(mention, package)
        if gap is None:
            continue
        agreement = (
            mention.amount is not None and package.amount is not None,
            bool(mention.mechanism) and mention.mechanism == package.mechanism,
            bool(mention.items & package.items),
        )
        rank = (agreement.count(True), -gap)
        if best is None or rank > best:
            best, chosen = rank, package.key
    return chosen


def group(mentions: Iterable[MentionRecord]) -> list[list[Hashable]]:
    """Merge mentions in the order given, as the ledger does one article at a time; returns groups of keys."""
    members: dict[int, list[MentionRecord]] = {}
    profiles: dict[int, PackageProfile] = {}
    for mention in mentions:
        key = choose_package(mention, profiles.values())
        if key is None:
            key = len(members)
            members[key] = []
        members[key].append(mention)
        profiles[key] = summarise(key, members[key])
    return [[m.key for m in group_members] for group_members in members.values()]
