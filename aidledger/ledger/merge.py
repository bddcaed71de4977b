"""Linking mentions into packages: evidence weighed pair by pair, then an order-free clustering.

Dozens of outlets, in several languages, report one package; a leak anticipates it, the donor's
release announces it, a later report says it was delivered. Each report is a *mention*; this module
decides which mentions are one *package*. It knows nothing of the database or of spaCy, so the
rules are tested on hand-written records.

**Weighing** (:func:`compare`). Each pair of mentions is scored in the manner of Fellegi–Sunter
record linkage: every field that agrees adds the weight of that agreement, every field that
disagrees subtracts, and a field missing on either side adds nothing, so a report without a date or
a donor is never held against a package. The weights (:data:`WEIGHTS`, in bits: log2 of how much
likelier the observation is for two reports of one package than for two different packages) are
explicit so that the README can print them. Two of them read more than the fields: agreeing on a
round figure ($500 million) is likelier by chance than on $1.85 billion, so it weighs less (the
term-frequency adjustment of record linkage, by the shape of the figure); and the running totals
the two articles state for the donor (and the level a raise reaches) place each report in the donor's history,
the same total for one package, totals at least a package apart for two (:func:`_totals`), and so does the number a
report gives the package in the donor's series ("the 45th drawdown", :func:`_series`). A few observations
are not weighed but decide alone
(*vetoes*): two commitments of one article, different donors or recipients (except in two copies of one
sentence stating the same sum, where the difference weighs), amounts more than
:data:`PART_RATIO` apart (what a part of a package, a cumulative total or another sum looks like),
and a mention missing its donor or recipient that has neither the same amount nor the same
evidence sentence as the other (too little to go by).

**Clustering** (:func:`cluster`). Mentions whose evidence is the same sentence (a syndicated copy)
are joined first; then, repeatedly, the two groups holding the best-scoring pair join, as long as
that pair reaches :data:`THRESHOLD` and no pair across the two groups is vetoed or scores below
:data:`FLOOR` (so an undated report never bridges two packages dated months apart, nor a part its
whole). Ties are broken by the mentions' keys, never by arrival order, so ingesting the same
reports in any order gives the same packages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from aidledger.ledger import fx

#: The furthest a package has gone, in order.
STAGES = ("anticipated", "announced", "delivered")

#: Bits of evidence each observation about a pair adds (positive) or takes away (negative).
WEIGHTS: dict[str, float] = {
    "same evidence sentence": 30,  # a syndicated copy: decisive unless vetoed
    "donor read otherwise in the same sentence": -6,  # a copy whose parse differs: the package takes the majority's
    "recipient read otherwise in the same sentence": -6,
    "same donor": 1,
    "same recipient": 1,
    "same amount": 8,  # same currency, within 1 %
    "same amount after conversion": 6,  # within 3 % at one day's ECB rate: outlets convert and round
    "same figure, other currency": 4,  # "25 million" in USD and in CAD: a currency misread by an outlet
    "what one raise adds is the other's amount": 6,  # "from 15 to 40 million" and "an extra 25 million"
    "a round figure": -2,  # agreeing on $500 million happens by chance more often than on $1.85 billion
    "amounts differ": -8,  # neither equal nor a part: closer than PART_RATIO
    "one amount missing": -1,  # the amount is what identifies a package best
    "no amount on either side": -2,  # equipment-only reports: parties and a date are not enough
    "dated within two days": 3,
    "dated within a week": 1,
    "dated weeks apart": -4,
    "dated far apart": -20,  # beyond a month for one step, or outside the window of the next step
    "announcement fulfils the anticipation": 1,
    "delivery within the year of the announcement": 2,
    "same aid type": 1,
    "aid types differ": -4,  # weighs, never vetoes: outlets call one package financial and military
    "one says financial, the other humanitarian": -1,  # money given for relief: outlets differ most on these two
    "same mechanism": 2,  # a named one: PDA, USAI, FMF, EPF, loan, grant ("other" says nothing)
    "mechanisms differ": -4,
    "anticipated, then announced": -1,
    "announced, then delivered": -1,
    "anticipated, then delivered": -3,
    "items in common": 3,
    "no item in common": -1,
    "same running total": 4,  # both say the package brings the donor's aid to the same total
    "running totals a package apart": -12,  # two points of the donor's history (or two scopes: "military aid")
    "same number in the donor's series": 4,  # both call it "the 45th drawdown"
    "numbers in the donor's series differ": -12,  # the 44th and the 45th: two packages, however alike
}
#: Score the best pair across two groups needs for them to be joined.
THRESHOLD = 6.0
#: A pair scoring below this keeps its two groups apart whatever their best pair (far dates, say).
FLOOR = -6.0
#: Amounts further apart than this factor are never one package: a part, a total or another sum.
PART_RATIO = 1.5
SAME_CURRENCY_TOLERANCE = 0.01
CONVERTED_TOLERANCE = 0.03
#: Two running totals this close are one total, however each report rounds it ("more than $6.1 billion").
TOTAL_TOLERANCE = 0.02
#: Two reports' running totals are a package apart when they differ by at least this share of its amount.
PACKAGE_APART = 0.9
#: Days within which the next step of a package is expected: anticipated → announced → delivered.
STEP_WINDOW = {("anticipated", "announced"): 45, ("announced", "delivered"): 365, ("anticipated", "delivered"): 410}
#: A later step may be reported up to this many days before the earlier one (a leak on the day itself).
STEP_SLACK = 7
#: The amount observations that say two sums are one: equal in one currency or at one day's rate.
EQUAL_SUMS = ("same amount", "same amount after conversion")
#: The amount observations that say two reports state one sum.
AGREEING_AMOUNTS = (*EQUAL_SUMS, "same figure, other currency", "what one raise adds is the other's amount")
#: Aid types that reports of one package differ on most often: money given for relief is financial to one outlet,
#: humanitarian to another (on dev, six of the extraction's eight aid-type errors between two of the three types),
#: while military aid is seldom called anything else.
RELIEF_MONEY = frozenset({"financial", "humanitarian"})
#: Evidence shorter than this is too generic to mark a copy ("Ukraine gets aid").
MIN_EVIDENCE_CHARS = 30


def evidence_key(evidence: str) -> str:
    """A hash of the evidence sentence, normalised (case, accents, punctuation, spacing): copies share it.

    Evidence shorter than :data:`MIN_EVIDENCE_CHARS` once normalised gets an empty key, which
    matches nothing.
    """
    folded = unicodedata.normalize("NFKD", evidence.casefold())
    words = re.findall(r"\w+", "".join(c for c in folded if not unicodedata.combining(c)))
    text = " ".join(words)
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if len(text) >= MIN_EVIDENCE_CHARS else ""


@dataclass(frozen=True)
class MentionRecord:
    """What linkage needs to know of one mention.

    ``key`` identifies the mention the same way whatever the order of ingest (an article's content hash
    and the commitment's position), since ties are broken by it; ``article`` identifies its article.
    ``date`` is the announcement date the report states, ``published`` its article's publication date.
    ``running_totals`` are the donor's totals the article states, (amount, currency) each
    (:attr:`aidledger.schema.Commitment.running_totals`); ``series_number`` the package's number in the
    donor's series ("the 45th drawdown", :attr:`aidledger.schema.Commitment.series_number`); ``raised_from``
    where a raise to ``amount`` starts, (amount, currency) (:attr:`aidledger.schema.Commitment.raised_from`).
    """

    key: str
    article: str
    donor: str | None
    recipient: str | None
    amount: int | None
    currency: str | None
    aid_type: str
    mechanism: str | None
    stage: str
    date: dt.date | None
    published: dt.date | None = None
    items: frozenset[str] = field(default_factory=frozenset)
    evidence_key: str = ""
    running_totals: frozenset[tuple[int, str]] = frozenset()
    series_number: int | None = None
    raised_from: tuple[int, str] | None = None

    @property
    def when(self) -> dt.date | None:
        """The day the report speaks of: the announcement date, else the publication date."""
        return self.date or self.published


@dataclass(frozen=True)
class Comparison:
    """The verdict on one pair: a veto (why they can never be one package), or a score and its reasons."""

    score: float
    reasons: tuple[str, ...] = ()
    veto: str | None = None

    @property
    def linkable(self) -> bool:
        """True when the pair could be one package on its own evidence (an edge of the clustering)."""
        return self.veto is None and self.score >= THRESHOLD


def _parties(a: MentionRecord, b: MentionRecord, same_sentence: bool) -> tuple[list[str], str | None]:
    """(reasons, veto) for donors and recipients. Two parties that differ veto, except in two copies of one
    sentence stating the same sum: one report read two ways (a banner above a copy can change the parse), so
    the difference only weighs. Two commitments of one sentence ("Japan and Korea each give $10 million")
    still stay apart, since each copy holds both and two commitments of one article never join."""
    reasons = []
    copies = same_sentence and (a.amount, a.currency) == (b.amount, b.currency)
    for role, x, y in (("donor", a.donor, b.donor), ("recipient", a.recipient, b.recipient)):
        if x and y:
            if x == y:
                reasons.append(f"same {role}")
            elif copies:
                reasons.append(f"{role} read otherwise in the same sentence")
            else:
                return [], f"different {role}s"
    return reasons, None


def _close(x: float, y: float, tolerance: float) -> bool:
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def _amounts(a: MentionRecord, b: MentionRecord) -> tuple[str | None, str | None]:
    """(reason, veto) for the two amounts: the sums themselves, else what a raise adds against the other sum."""
    reason, veto = _sums(a, b)
    if reason in AGREEING_AMOUNTS or a.amount is None or b.amount is None:
        return reason, veto
    for raise_, other in ((a, b), (b, a)):
        added = _added(raise_, other)
        if added is not None and _sums(added, other)[0] in EQUAL_SUMS:
            return "what one raise adds is the other's amount", None
    return reason, veto


def _added(raise_: MentionRecord, other: MentionRecord) -> MentionRecord | None:
    """``raise_`` as the sum it adds ("from 15 to 40 million": 25 million), unless ``other`` raises from the same
    start (two reports of one raise, whose levels are compared) or ``raise_`` states no start."""
    if raise_.raised_from is None or raise_.amount is None or other.raised_from == raise_.raised_from:
        return None
    start, currency = raise_.raised_from
    return replace(raise_, amount=raise_.amount - start) if currency == raise_.currency else None


def _sums(a: MentionRecord, b: MentionRecord) -> tuple[str | None, str | None]:
    """(reason, veto) for the two sums; sums in two currencies are compared at one day's rate."""
    if a.amount is None or b.amount is None:
        return ("no amount on either side" if a.amount is None and b.amount is None else "one amount missing"), None
    if a.currency == b.currency:
        x, y, tolerance, equal = a.amount, b.amount, SAME_CURRENCY_TOLERANCE, "same amount"
    else:
        day = _common_day(a, b)
        x, y = _in_unit(a.amount, a.currency, "USD", day), _in_unit(b.amount, b.currency, "USD", day)
        tolerance, equal = CONVERTED_TOLERANCE, "same amount after conversion"
        if x is None or y is None:  # no ECB rate for one of them: only the figures can be compared
            return ("same figure, other currency" if a.amount == b.amount else "amounts differ"), None
    if x and y and _close(x, y, tolerance):
        return equal, None
    if a.amount == b.amount:
        return "same figure, other currency", None
    if min(x, y) <= 0 or max(x, y) / min(x, y) >= PART_RATIO:
        return None, "a part, a total or another sum"
    return "amounts differ", None


def _round(amount: int) -> bool:
    """A figure of one significant digit ($500 million, €2 billion): the commonest kind, so the weakest match."""
    return len(str(amount).strip("0")) <= 1


def _common_day(a: MentionRecord, b: MentionRecord) -> dt.date:
    """The day two reports' amounts are converted at: the earlier of their days, else the last ECB day."""
    return min((d for d in (a.when, b.when) if d), default=None) or fx.last_day()


def _in_unit(amount: int, currency: str, unit: str, day: dt.date) -> int | None:
    """``amount`` in ``unit``: as stated in that currency, else in USD at the day's rate (None without one)."""
    if currency == unit:
        return amount
    return fx.convert(amount, currency, day).amount_usd if unit == "USD" else None


def _totals_including(record: MentionRecord) -> list[tuple[int, str]]:
    """The running totals a report states that can include its package: those above its amount, and the level
    a raise reaches ("from 100 to 300 million": the donor's total in that scope is now 300 million)."""
    totals = [(x, c) for x, c in record.running_totals if c != record.currency or x > (record.amount or 0)]
    if record.raised_from is not None and record.amount is not None and record.currency:
        totals.append((record.amount, record.currency))
    return totals


def _totals(a: MentionRecord, b: MentionRecord) -> list[str]:
    """The evidence of the running totals both reports state, compared in one currency.

    Two reports of one package state the same total; two reports of different packages state totals at
    least a package apart, since the later total includes the later package. Totals closer than that but
    not the same (aid "since the invasion" and "since 2021") say nothing, and so do totals on one side only.
    """
    left, right = _totals_including(a), _totals_including(b)
    if not left or not right or a.amount is None or b.amount is None:
        return []
    currencies = {c for _, c in left + right} | {a.currency, b.currency}
    unit, day = (currencies.pop() if len(currencies) == 1 else "USD"), _common_day(a, b)

    def values(sums: list[tuple[int, str | None]]) -> list[int]:
        return [v for v in (_in_unit(x, c, unit, day) for x, c in sums if c) if v]

    left_values, right_values = values(left), values(right)
    amounts = values([(a.amount, a.currency), (b.amount, b.currency)])
    if not left_values or not right_values or len(amounts) < 2:
        return []
    pairs = list(itertools.product(left_values, right_values))
    if any(_close(x, y, TOTAL_TOLERANCE) for x, y in pairs):
        return ["same running total"]
    if all(abs(x - y) >= PACKAGE_APART * min(amounts) for x, y in pairs):
        return ["running totals a package apart"]
    return []


def _dates(a: MentionRecord, b: MentionRecord) -> list[str]:
    """The date evidence: by the gap for two reports of one step, by the step's window otherwise."""
    if a.when is None or b.when is None:
        return []
    first, then = sorted((a, b), key=lambda m: STAGES.index(m.stage))
    if first.stage == then.stage:
        gap = abs((a.when - b.when).days)
        if gap <= 2:
            return ["dated within two days"]
        if gap <= 7:
            return ["dated within a week"]
        return ["dated weeks apart" if gap <= 30 else "dated far apart"]
    gap = (then.when - first.when).days
    if not -STEP_SLACK <= gap <= STEP_WINDOW[(first.stage, then.stage)]:
        return ["dated far apart"]
    if (first.stage, then.stage) == ("anticipated", "announced"):
        return ["announcement fulfils the anticipation"]
    return ["delivery within the year of the announcement"] if first.stage == "announced" else []


def _kind(a: MentionRecord, b: MentionRecord) -> list[str]:
    reasons = []
    if a.aid_type == b.aid_type:
        reasons.append("same aid type")
    elif {a.aid_type, b.aid_type} == RELIEF_MONEY:
        reasons.append("one says financial, the other humanitarian")
    elif "mixed" not in (a.aid_type, b.aid_type):
        reasons.append("aid types differ")
    if a.mechanism and b.mechanism and a.mechanism != b.mechanism:
        reasons.append("mechanisms differ")
    elif a.mechanism and a.mechanism == b.mechanism and a.mechanism != "other":
        reasons.append("same mechanism")
    if a.stage != b.stage:
        first, then = sorted((a.stage, b.stage), key=STAGES.index)
        reasons.append(f"{first}, then {then}")
    if a.items and b.items:
        reasons.append("items in common" if a.items & b.items else "no item in common")
    return reasons


def _series(a: MentionRecord, b: MentionRecord) -> list[str]:
    """The numbers two reports give the package in its donor's series: evidence only for one known donor."""
    if a.series_number is None or b.series_number is None or not a.donor or a.donor != b.donor:
        return []
    return [
        "same number in the donor's series"
        if a.series_number == b.series_number
        else "numbers in the donor's series differ"
    ]


def _same_sentence(a: MentionRecord, b: MentionRecord) -> bool:
    return bool(a.evidence_key) and a.evidence_key == b.evidence_key


def _enough_to_go_by(a: MentionRecord, b: MentionRecord) -> bool:
    """A mention missing a party is compared only with the same amount in the same currency, or a copy."""
    parties_known = all((a.donor, a.recipient, b.donor, b.recipient))
    same_figure = a.amount is not None and (a.amount, a.currency) == (b.amount, b.currency)
    return parties_known or same_figure or _same_sentence(a, b)


def compare(a: MentionRecord, b: MentionRecord) -> Comparison:
    """Weigh the evidence that ``a`` and ``b`` report one package."""
    if a.article == b.article:
        return Comparison(0.0, veto="two commitments of one article")
    if not _enough_to_go_by(a, b):
        return Comparison(0.0, veto="a party unknown, and neither the same amount nor the same sentence")
    same_sentence = _same_sentence(a, b)
    reasons, veto = _parties(a, b, same_sentence)
    if veto is None:
        amount_reason, veto = _amounts(a, b)
    if veto is not None:
        return Comparison(0.0, veto=veto)
    if same_sentence:
        reasons.append("same evidence sentence")
    if amount_reason:
        reasons.append(amount_reason)
    if amount_reason in AGREEING_AMOUNTS and (_round(a.amount) or _round(b.amount)):
        reasons.append("a round figure")
    reasons += _dates(a, b) + _kind(a, b) + _totals(a, b) + _series(a, b)
    return Comparison(float(sum(WEIGHTS[r] for r in reasons)), tuple(reasons))


def _linkage(left: list[int], right: list[int], pairs: dict[tuple[int, int], Comparison]) -> float | None:
    """The best score across two groups, or None when a pair across them is vetoed or below the floor."""
    best = None
    for i, j in itertools.product(left, right):
        verdict = pairs[(i, j) if i < j else (j, i)]
        if verdict.veto is not None or verdict.score < FLOOR:
            return None
        best = verdict.score if best is None else max(best, verdict.score)
    return best


def cluster(records: Sequence[MentionRecord]) -> list[list[str]]:
    """Group mentions into packages, the same way whatever the order of ``records``; returns groups of keys."""
    ordered = sorted(records, key=lambda r: r.key)
    pairs = {(i, j): compare(ordered[i], ordered[j]) for i, j in itertools.combinations(range(len(ordered)), 2)}
    groups: list[list[int]] = [[i] for i in range(len(ordered))]
    while True:
        best: tuple[float, int, int] | None = None
        for g, h in itertools.combinations(range(len(groups)), 2):
            score = _linkage(groups[g], groups[h], pairs)
            if score is not None and score >= THRESHOLD and (best is None or score > best[0]):
                best = (score, g, h)
        if best is None:
            break
        _score, g, h = best
        groups[g] = sorted(groups[g] + groups[h])
        del groups[h]
    return sorted(([ordered[i].key for i in group] for group in groups), key=lambda keys: keys[0])


def components(records: Sequence[MentionRecord]) -> list[list[MentionRecord]]:
    """The records split where no linkable pair joins them; a package never spans two components."""
    parent = list(range(len(records)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(records)), 2):
        if compare(records[i], records[j]).linkable:
            parent[root(i)] = root(j)
    split: dict[int, list[MentionRecord]] = {}
    for i, record in enumerate(records):
        split.setdefault(root(i), []).append(record)
    return list(split.values())


def group(records: Iterable[MentionRecord]) -> list[list[str]]:
    """Every package of a set of mentions (component by component, which gives what :func:`cluster` would)."""
    return sorted((keys for part in components(list(records)) for keys in cluster(part)), key=lambda keys: keys[0])


@dataclass(frozen=True)
class PackageProfile:
    """A package's fields as its mentions give them, and the first mention of each stage it reached."""

    key: Hashable
    donor: str | None
    recipient: str | None
    amount: int | None
    currency: str | None
    aid_type: str
    mechanism: str | None
    date: dt.date | None
    steps: dict[str, MentionRecord]

    @property
    def stage(self) -> str:
        """The furthest stage reached."""
        return max(self.steps, key=STAGES.index)


def _lead_order(mention: MentionRecord) -> tuple:
    """Announcements speak for a package first, then earlier mentions, then those with an amount."""
    stage_rank = {"announced": 0, "anticipated": 1, "delivered": 2}[mention.stage]
    return (stage_rank, mention.amount is None, mention.when or dt.date.max, mention.key)


def _most_common(values: Iterable, order: Sequence) -> object | None:
    """The value most mentions give, ties going to the one first in ``order``; None when none gives one."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return max(counts, key=lambda v: (counts[v], -order.index(v)))


def summarise(key: Hashable, members: Sequence[MentionRecord]) -> PackageProfile:
    """The fields of a package from its mentions.

    Donor, recipient, aid type and mechanism are those most mentions give (announcements first on a
    tie). The stated currency is the one most mentions use, a donor's own currency usually
    outnumbering the conversions some outlets print, and the amount the lead mention's in it. The date
    is the announcement date most reports of the lead stage state.
    """
    ordered = sorted(members, key=_lead_order)
    lead = ordered[0]
    currency = _most_common([m.currency for m in ordered if m.amount is not None], [m.currency for m in ordered])
    amount_lead = next((m for m in ordered if m.amount is not None and m.currency == currency), lead)
    lead_stage = [m for m in ordered if m.stage == lead.stage]
    steps: dict[str, MentionRecord] = {}
    for mention in sorted(members, key=lambda m: (m.when or dt.date.max, m.key)):
        steps.setdefault(mention.stage, mention)

    def common(attribute: str):
        values = [getattr(m, attribute) for m in ordered]
        return _most_common(values, values)

    dates = sorted(m.date for m in lead_stage if m.date)
    return PackageProfile(
        key=key,
        donor=common("donor"),
        recipient=common("recipient"),
        amount=amount_lead.amount if currency else None,
        currency=currency,
        aid_type=common("aid_type") or lead.aid_type,
        mechanism=common("mechanism"),
        date=_most_common(dates, dates),
        steps=steps,
    )
