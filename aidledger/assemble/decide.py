"""From candidate mentions to packages and records, each decision taken by a fitted model.

1. :func:`~aidledger.assemble.mentions.propose` lists every amount and every
   sentence giving something in kind;
2. the ``commitment`` and ``in_kind`` models keep those that report a new
   commitment (not a running total, a request, a part already counted…);
3. reports of one amount (a headline and its body) become one package; the
   items of a list one verb opens go with its first item; an
   envelope the amounts after it add up to is counted by its shares when each
   names parties of its own, else whole without its parts; an amount for several
   states named together is not counted;
4. the ``donor`` and ``recipient`` models rank the article's actors for each
   package; coordinated givers of a distributive sentence ("la Belgique et
   l'Autriche ont chacune versé…") or of a gift in kind each get one;
5. the ``stage``, ``aid_type`` and ``date`` models fill those fields; the
   fields the text names outright come from :mod:`~aidledger.assemble.fields`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace

from aidledger.assemble import fields
from aidledger.assemble.article import Article
from aidledger.assemble.features import (
    BLOCKING_KINDS,
    PART_REACH,
    aid_type_features,
    date_features,
    kinds,
    mention_features,
    party_codes,
    party_features,
    same_amount,
    stage_features,
    windows,
)
from aidledger.assemble.mentions import Mention, propose
from aidledger.assemble.model import Models
from aidledger.lang import is_country_code
from aidledger.nlp.actors import Actor
from aidledger.nlp.cues import Cue
from aidledger.nlp.money import DONOR_DEPENDENT, Money
from aidledger.schema import Amount, Commitment, Span

#: The reports of one amount make a package when the chance that one of them reports a new commitment
#: reaches this. Chosen on 5-fold cross-validation of the dev passages (all languages), as the best mean of
#: commitments F1 and negatives clean among 0.5 / 0.6 / 0.7 without giving up more than 0.01 of F1:
#: 0.5 gave F1 0.601 with negatives clean 0.667; 0.6 gave 0.593 and 0.750; 0.7 gave 0.585 and 0.778.
THRESHOLD = 0.6
#: The same for a sentence giving in kind, a decision of its own model (5-fold cross-validation: 0.5 keeps
#: more of the few no-amount commitments at no cost in precision).
IN_KIND_THRESHOLD = 0.5
#: A date is given when the model finds one at least this probable; otherwise it stays null. Chosen by 5-fold
#: cross-validation on the dev passages: date accuracy on matched commitments 0.898 at 0.5, 0.914 at 0.4 and
#: 0.45, 0.906 at 0.3 and 0.35 (a page's own date line, the only date of a statement, was left null at 0.5).
DATE_THRESHOLD = 0.45


@dataclass
class Package:
    """The reports of one commitment in an article, and what the models decided of it."""

    reports: list[Mention]
    probabilities: list[float]
    donor: str | None = None
    recipient: str | None = None
    why: dict[str, list[tuple[str, float]]] = field(default_factory=dict)

    @property
    def main(self) -> Mention:
        """The report the models are surest of (the first among equals)."""
        return self.reports[max(range(len(self.reports)), key=lambda i: (self.probabilities[i], -i))]

    @property
    def stated(self) -> Mention | None:
        """The report that states the amount: one the text converts to another currency (NOK 2.9 billion
        over the "€250M" of a headline that rounds its conversion), else the most precise (404 000 000 over
        "about 400 million")."""
        reports = [m for m in self.reports if m.money is not None]
        return max(reports, key=lambda m: (bool(m.conversions), len(str(int(m.amount or 0)).rstrip("0"))), default=None)

    @property
    def money(self) -> Money | None:
        """The amount of :attr:`stated`."""
        stated = self.stated
        return stated.money if stated is not None else None


def assemble(article: Article, models: Models) -> list[Commitment]:
    """The commitments of an article, in text order."""
    if not article.data.available:
        return []  # no data file: no cue to weigh, so no claim
    groups = weighed(article, models)
    accepted = with_gapped_items(article, groups, [reported(article, g) for g in groups], models)
    accepted = with_split_envelopes(article, groups, accepted, models)
    accepted = [yes and not for_several_recipients(article, g) for g, yes in zip(groups, accepted)]
    packages = packages_of(article, [g for g, yes in zip(groups, accepted) if yes], models)
    rejected = [g for g, yes in zip(groups, accepted) if not yes]
    totals = running_totals(article, rejected, models) if packages else {}
    taken = {m.unit for p in packages for m in p.reports}
    records = []
    for package in packages:
        own = taken - {m.unit for m in package.reports}
        context = fields.context_units(article, package, own)
        records.append(record(article, package, packages, models, context, totals.get(package.donor, [])))
    return records


def weighed(article: Article, models: Models) -> list[Package]:
    """Every candidate mention with the chance that it reports a new commitment, restatements joined."""
    mentions = propose(article)
    groups: list[Package] = []
    for mention in mentions:
        model = models["commitment"] if mention.money is not None else models["in_kind"]
        x = mention_features(article, mention, mentions)
        p = model.probability(x)
        twin = next(
            (k for k in groups if mention.money and restates(k, mention) and not other_parties(article, k, mention)),
            None,
        )
        if twin is not None:
            twin.reports.append(mention)
            twin.probabilities.append(p)
        else:
            groups.append(Package([mention], [p], why={"commitment": model.explain(x)}))
    return groups


def packages_of(article: Article, packages: list[Package], models: Models) -> list[Package]:
    """The packages of an article from the groups of mentions that report a commitment: kept mentions,
    parties chosen."""
    for package in packages:
        keep = [i for i, p in enumerate(package.probabilities) if p >= THRESHOLD / 2 or package.money is None]
        keep = keep or [package.reports.index(package.main)]  # a share of an envelope: its surest report
        package.reports = [package.reports[i] for i in keep]
        package.probabilities = [package.probabilities[i] for i in keep]
    out: list[Package] = []
    for package in packages:
        if package.donor is None or package.recipient is None:  # a share's are set by its envelope
            choose_parties(article, package, models)
        if package.donor is None or package.recipient is None:
            continue
        for each in distribute(article, package):
            if not any(restates_as_decided(k, each) for k in out):
                out.append(each)
    out = [p for p in out if not told_with_its_amount(article, p, out)]
    return sorted((p for p in out if not split_among_recipients(article, p, out)), key=lambda p: p.reports[0].anchor)


def for_several_recipients(article: Article, group: Package) -> bool:
    """Whether every report of an amount gives it to several states named together, its first recipient
    and the next ("$16 million in assistance to Turkey and Syria", not "… for Afghanistan, where refugees
    return from Pakistan and Iran") or its first recipient and the words for its neighbours ("in Sudan and
    neighbouring countries"): an envelope for several recipients, which the labelling rules do not count
    (its shares, where the text gives them, are counted instead)."""
    return group.money is not None and all(_to_several(article, m) for m in group.reports)


def _to_several(article: Article, mention: Mention) -> bool:
    """Whether one report gives its amount to two states named together, or to one and its neighbours."""
    recipients = article.recipient_actors_in_stretch(mention)
    if article.coordinated_run(recipients[:2]) >= 2:
        return True
    return bool(recipients) and article.joined_to_region(recipients[0])


def split_among_recipients(article: Article, envelope: Package, packages: list[Package]) -> bool:
    """Whether ``envelope`` is shared out among recipients in the packages listed after it: the donor's,
    smaller and together no bigger, for two or more recipients, in the sentences after it ("140 millions
    pour l'Ukraine et la Moldavie. … 70 millions iront à l'Ukraine, 20 millions à la Moldavie") or in its own
    for recipients it does not name ("€60 million for the Sahel: Niger €25 million, Chad €20
    million"). The labelling rules count such an envelope share by share, not whole; shares of one recipient
    ("of which €60 million for drones") leave it whole, and in one sentence's list of recipients ("60 millions
    pour le Soudan, 35 pour le Tchad") the first amount is an item like the others."""
    money = envelope.money
    if money is None:
        return False
    main, currency = envelope.main, envelope.stated.currency
    named = {a.code for a in article.unit_actors(main.unit)}
    shares = [
        p
        for p in packages
        if p is not envelope
        and p.money is not None
        and p.donor == envelope.donor
        and p.stated.currency == currency
        and (p.main.unit > main.unit or p.recipient not in named)
        and 0 <= p.main.unit - main.unit <= PART_REACH
        and p.main.anchor > main.anchor
        and p.money.amount < money.amount
    ]
    recipients = {p.recipient for p in shares}
    return len(recipients) >= 2 and sum(p.money.amount for p in shares) <= money.amount * 1.02


#: How much less than an envelope the shares it is split into may add up to: a total rounded to the
#: tenth of a million ("€90.4 million") over shares each rounded the same way, or a small remainder
#: the text leaves unallotted.
SHARES_SHORTFALL = 0.05


@dataclass
class Split:
    """An envelope the text then breaks down, and the amounts it breaks it into. Shares with parties of their
    own (``by_parties``: recipients, or givers for a fund fed by several donors) count instead of the
    envelope; parts of the envelope's own parties ("DKK 2 billion of it to humanitarian aid") are not counted
    beside it."""

    envelope: Package
    shares: list[Package]
    by_parties: bool


def with_split_envelopes(article: Article, groups: list[Package], accepted: list[bool], models: Models) -> list[bool]:
    """Which groups report a commitment once each envelope the text breaks down is counted by its shares, or
    whole without its parts (see :func:`split_envelopes`)."""
    out = list(accepted)
    for split in split_envelopes(article, groups, accepted, models):
        out[groups.index(split.envelope)] = not split.by_parties
        for share in split.shares:
            out[groups.index(share)] = split.by_parties
    return out


def split_envelopes(article: Article, groups: list[Package], accepted: list[bool], models: Models) -> list[Split]:
    """The accepted envelopes that the text then breaks down, with the amounts that add up to each. The
    labelling rules count a multi-recipient (or multi-donor) envelope by its shares, not whole, and a package
    whole, not by its parts. Shares listed in one sentence, each naming parties the others do not all name,
    are shares ("Ghana gets €31.2 million, Togo (€24.6 million)…") when the envelope leaves that role open
    (see :func:`_shares_role`): their parties are set, one from their stretch of the list, the other from the
    envelope. Amounts naming no party but the envelope's are parts. An amount already taken as a share or a
    part is no envelope of its own (30 = 20 + 10 in a list of three)."""
    splits: list[Split] = []
    used: set[int] = set()
    for i, envelope in enumerate(groups):
        shared = not accepted[i] and _several_recipients_plain(article, envelope)
        if not (accepted[i] or shared) or envelope.money is None or i in used:
            continue
        run = following_amounts(envelope, groups[i + 1 :])
        listed = [g for g in run if g.reports[0].unit == run[0].reports[0].unit] if run else []
        split = None
        if len(listed) >= 2 and adds_up(envelope, listed) and _own_parties(article, listed) and _plain(article, listed):
            by_givers = _shares_role(article, envelope, listed, models)
            if by_givers is not None:
                split = _shared_out(article, envelope, listed, models, by_givers)
        elif not shared and len(run) >= 2 and adds_up(envelope, run):
            choose_parties(article, envelope, models)
            theirs = {envelope.donor, envelope.recipient}
            if all(article.parties_in_stretch(g.reports[0]) <= theirs for g in run):
                split = Split(envelope, run, by_parties=False)
        if split is not None:
            splits.append(split)
            used.update(groups.index(g) for g in split.shares)
    return splits


def _several_recipients_plain(article: Article, envelope: Package) -> bool:
    """An amount for several states named together that no total, request or need cue sets apart: an envelope
    the model rightly leaves uncounted, whose shares the text may still list ("1,75 milioni a favore di Turchia e
    Siria. Di questi, 1 milione…, mentre 750.000 euro…")."""
    return for_several_recipients(article, envelope) and _plain(article, [envelope])


def _plain(article: Article, shares: list[Package]) -> bool:
    """Whether no cue next to the shares makes them something else than allocations (needs, requests,
    running totals, sales…: "Sudan needs €25 million, Chad €14 million")."""
    near = [c for g in shares for window in windows(article, g.reports[0]) for c in article.cues_between(*window)]
    return not kinds(near) & set(BLOCKING_KINDS)


def _shares_role(article: Article, envelope: Package, shares: list[Package], models: Models) -> bool | None:
    """Which role the shares' own parties play: givers (True: a fund fed by several donors, or givers the
    envelope's sentence names together: "Germany and France pledged €100 million, with Germany providing
    €60 million") or recipients (False). None when the envelope already has that role filled by one state
    its sentence names: amounts after it for other states are then comparisons or needs, not its shares
    ("Japan pledged $60 million to Ukraine… Germany has given $38 million and France $20 million"), unless
    one of them is that state's ("140 millions pour l'Ukraine… 114 millions pour l'Ukraine, 26 pour la
    Moldavie")."""
    main = envelope.main
    own_givers = article.givers_in_stretch(main)
    by_givers = 2 * sum(bool(article.givers_in_stretch(g.reports[0])) for g in shares) > len(shares) or all(
        article.parties_in_stretch(g.reports[0]) <= own_givers for g in shares
    )
    choose_parties(article, envelope, models)
    named = {a.code for a in article.unit_actors(main.unit) if a.is_state and a.kind != "demonyms"}
    if by_givers:
        return None if envelope.donor in named and len(own_givers) <= 1 else True
    theirs = set().union(*(article.parties_in_stretch(g.reports[0]) for g in shares))
    if article.coordinated_recipients(main.unit) or envelope.recipient not in named or envelope.recipient in theirs:
        return False
    return None


def with_gapped_items(article: Article, groups: list[Package], accepted: list[bool], models: Models) -> list[bool]:
    """Which groups report a commitment once the items of a list that an accepted amount opens are taken with
    it (see :func:`gapped_items`), their parties set from it."""
    out = list(accepted)
    taken: set[int] = set()
    for i, head in enumerate(groups):
        if not accepted[i] or i in taken:
            continue
        items = gapped_items(article, head, groups[i + 1 :])
        if items:
            choose_parties(article, head, models)
        for item in items:
            _item_parties(article, item, head)
            taken.add(groups.index(item))
    for j in taken:
        out[j] = True
    return out


def gapped_items(article: Article, head: Package, later: list[Package]) -> list[Package]:
    """The amounts that go on a list one verb opens, each with a party of its own and, after the separator,
    nothing but names and the words that join them ("Rome a promis 20 millions d'euros, l'Espagne 15 millions et la
    Belgique 6 millions", "Berlin gave €50 million, Paris €20 million"): the verb, left out after the first,
    gives each of them."""
    first = head.reports[0]
    if first.money is None:
        return []
    items: list[Package] = []
    seen = [frozenset(article.parties_in_stretch(first))]
    previous = first
    for group in sorted(later, key=lambda g: g.reports[0].anchor):
        mention = group.reports[0]
        if mention.unit != first.unit or mention.money is None:
            break
        separators = list(article.grammar.list_separator.finditer(article.text, previous.end, mention.anchor))
        parties = frozenset(article.parties_in_stretch(mention))
        if not separators or not article.bare_item(separators[-1].end(), mention.anchor):
            break  # not the next item of a list, or one with words of its own ("less than Germany with…")
        if not parties or parties in seen:
            break
        items.append(group)
        seen.append(parties)
        previous = mention
    return items


def _item_parties(article: Article, item: Package, head: Package) -> None:
    """Set the parties of a gapped item: its own party plays the role of the head's party named on the same
    side of the amount (the giver in "Rome a promis 20 millions, l'Espagne 15 millions", the recipient in
    "Rome a promis 20 millions au Tchad, 15 millions au Niger"); the other role is the head's. Where names
    decline, the item's own case says its role instead: a nominative gives ("…, Dania – 15 mln euro"), another
    case receives ("…, Грузії – 40 млн доларів")."""
    mention = item.reports[0]
    start, end = article.stretch(mention, reach_back=False)
    own = [
        r.actor
        for r in article.readings(mention.unit, mention.anchor)
        if start <= r.actor.start < end and r.actor.code not in (head.donor, head.recipient)
    ]
    if len({a.code for a in own}) != 1:
        return
    code = own[0].code
    nominative = article.in_citation_form(own[0]) if own[0].kind == "countries" else None
    if nominative is not None and own[0].start < mention.anchor:  # "Dania – 15 mln", "Молдові – 50 млн"
        item.donor, item.recipient = (code, head.recipient) if nominative else (head.donor, code)
        return
    before = own[0].start < mention.anchor
    first = head.reports[0]
    named = [
        r.actor
        for r in article.readings(first.unit, first.anchor)
        if r.actor.code in (head.donor, head.recipient) and (r.actor.start < first.anchor) == before
    ]
    if not named:
        return
    varying = min(named, key=lambda a: abs(a.start - first.anchor)).code
    item.donor, item.recipient = (code, head.recipient) if varying == head.donor else (head.donor, code)


def following_amounts(envelope: Package, later: list[Package]) -> list[Package]:
    """The groups of amounts that follow an envelope one after the other, within :data:`PART_REACH` sentences
    of a report of it, each smaller and in its currency: what may break it down."""
    money = envelope.money
    run: list[Package] = []
    for group in sorted(later, key=lambda g: g.reports[0].anchor):
        first = group.reports[0]
        near = any(r.anchor < first.anchor and 0 <= first.unit - r.unit <= PART_REACH for r in envelope.reports)
        if not near or group.money is None or not same_currency(group.stated.currency, envelope.stated.currency):
            break
        if money is None or group.money.amount >= money.amount:
            break
        run.append(group)
    return run


def adds_up(envelope: Package, parts: list[Package]) -> bool:
    """Whether the amounts add up to the envelope's, within :data:`SHARES_SHORTFALL` below it (or a headline's
    rounding above it)."""
    if envelope.money is None:
        return False
    whole = envelope.money.amount
    total = sum(g.money.amount for g in parts if g.money is not None)
    return (1 - SHARES_SHORTFALL) * whole <= total <= 1.02 * whole


def _own_parties(article: Article, shares: list[Package]) -> bool:
    """Whether each share's stretch names parties, not all the same ones."""
    parties = [frozenset(article.parties_in_stretch(g.reports[0])) for g in shares]
    return all(parties) and len(set(parties)) == len(parties)


def _shared_out(article: Article, envelope: Package, shares: list[Package], models: Models, by_givers: bool) -> Split:
    """An envelope's split into shares, each share's parties set: its own giver (``by_givers``) or recipient,
    the other the envelope's."""
    for share in shares:
        _share_parties(article, share, envelope, by_givers, models)
    return Split(envelope, shares, by_parties=True)


def _share_parties(article: Article, share: Package, envelope: Package, by_givers: bool, models: Models) -> None:
    """Set a share's parties: its own giver (``by_givers``) or recipient, the likeliest its stretch names,
    and the envelope's other party."""
    mention = share.reports[0]
    own = (by_givers and article.givers_in_stretch(mention)) or article.parties_in_stretch(mention)
    decision = "donor" if by_givers else "recipient"
    scores = {code: models[decision].score(party_features(article, mention, code)) for code in own}
    code = max(sorted(scores), key=scores.__getitem__, default=None)
    donor, recipient = (code, envelope.recipient) if by_givers else (envelope.donor, code)
    if donor is not None and recipient is not None and donor != recipient:
        share.donor, share.recipient = donor, recipient


def running_totals(article: Article, rejected: list[Package], models: Models) -> dict[str | None, list[Amount]]:
    """The running totals an article states, by donor: amounts not taken for a new commitment that stand next to
    a cumulative or top-up cue ("bringing the total to", "raise it to"), each given the donor the rankers choose
    for it as for a package. The linkage weighs them (:attr:`aidledger.schema.Commitment.running_totals`)."""
    totals: dict[str | None, list[Amount]] = {}
    for group in rejected:
        money = group.money
        if money is None or not any(_next_to_total_cue(article, m) for m in group.reports):
            continue
        choose_parties(article, group, models)
        currency = article.resolved_currency(group.stated.currency, group.donor, group.recipient)
        if currency is not None:
            totals.setdefault(group.donor, []).append(Amount(amount=money.amount, currency=currency))
    return totals


#: Cue kinds that make an amount next to them a running total when it is no new commitment.
TOTAL_CUES = frozenset({"cumulative", "top_up"})


def _next_to_total_cue(article: Article, mention: Mention) -> bool:
    """Whether a cumulative or top-up cue stands in the clause before or after the amount."""
    return any(TOTAL_CUES & kinds(article.cues_between(*window)) for window in windows(article, mention))


def reported(article: Article, package: Package) -> bool:
    """Whether the reports of one amount, taken together, make a commitment: the chance that at least one of
    them reports a new one (each report is weak evidence on its own: a headline, a restatement). A sentence
    the page prints twice word for word (a lead repeated below, a teaser, a scraped paragraph) is one piece
    of evidence, not two: its reports count once, at the surest."""
    threshold = THRESHOLD if package.money is not None else IN_KIND_THRESHOLD
    surest: dict[str, float] = {}
    for mention, probability in zip(package.reports, package.probabilities, strict=True):
        start, end = article.units[mention.unit]
        sentence = " ".join(article.folded[start:end].split())
        surest[sentence] = max(surest.get(sentence, 0.0), probability)
    return 1.0 - math.prod(1.0 - p for p in surest.values()) >= threshold


def restates(package: Package, mention: Mention) -> bool:
    """The same amount in the same currency as a package's ("US$6 billion", "$6bn"), or as the conversion
    one of them states ("€250M" in a headline, "NOK 2.9 billion (about €248 million)" in the body): a
    restatement of it. Within one sentence only the very same figure is: two close ones there are two items
    of a list ("Mali €12.4 million, Niger €12.2 million"), not a headline's rounding of the body's."""
    first = package.reports[0]
    if first.money is None:
        return False
    tolerance = 0.0 if any(m.unit == mention.unit for m in package.reports) else 0.02
    if same_currency(first.currency, mention.currency) and same_amount(first.amount, mention.amount, tolerance):
        return True
    return any(_converts_to(r, mention, tolerance) or _converts_to(mention, r, tolerance) for r in package.reports)


def other_parties(article: Article, package: Package, mention: Mention) -> bool:
    """Whether an amount goes to other recipients, or comes from other giving states, than a package's first
    report: the same sum for each of several partners ("a €20 million measure for Bosnia and Herzegovina. … a €20
    million measure for the Mauritanian armed forces") or from each of several states ("Germany pledged $20
    million. Japan also announced $20 million"; "Ottawa pledged C$15 million, or about €10 million" after
    France's €10 million) is one commitment each, not a restatement. Organisations are left out of the givers
    compared, since one guarantees or channels another's sum ("an EU guarantee enabling the EIB's loan"). A
    report that names no party of that role (a headline naming only the giver) restates any."""
    first = package.reports[0]
    for of in (article.recipients_in_stretch, article.givers_in_stretch):
        theirs, ours = ({code for code in of(m) if is_country_code(code)} for m in (first, mention))
        if theirs and ours and theirs.isdisjoint(ours):
            return True
    return False


def _converts_to(mention: Mention, other: Mention, tolerance: float) -> bool:
    """Whether a conversion the text gives of ``mention`` states ``other``'s amount in ``other``'s currency."""
    return any(
        same_currency(c.currency, other.currency) and same_amount(c.amount, other.amount, tolerance)
        for c in mention.conversions
    )


def same_currency(a: str | None, b: str | None) -> bool:
    """Equal codes, or a code and the placeholder ("$", crowns, francs) the donor will resolve to it."""
    return a == b or ((a in DONOR_DEPENDENT) != (b in DONOR_DEPENDENT))


def restates_as_decided(kept: Package, package: Package) -> bool:
    """The same parties and the same gift: in kind ("va livrer 30 F-16… les trente avions"), or the same sum, whose
    reports :func:`other_parties` kept apart because their stretches named different giving states, when the choice
    of parties gives both the same donor and recipient after all: one package, told twice."""
    if (kept.donor, kept.recipient) != (package.donor, package.recipient):
        return False
    if package.money is None or kept.money is None:
        return package.money is None and kept.money is None
    same_sum = same_amount(kept.money.amount, package.money.amount)
    return same_sum and same_currency(kept.stated.currency, package.stated.currency)


def told_with_its_amount(article: Article, package: Package, packages: list[Package]) -> bool:
    """A gift without an amount whose giving word governs, in one clause, an amount kept for the same parties
    ("la Belgique fournira à Kyiv une aide de 60 millions d'euros pour des drones", or through a phrase that
    values the gift: "la livraison de 78 canons, financés à hauteur de 200 millions"): the word and the amount
    tell one commitment. A gift listed in a clause of its own beside an amount is one more ("fournirait dix
    chars et deux navires, et qu'elle verserait 300 millions")."""
    return package.money is None and any(
        other.money is not None
        and (other.donor, other.recipient) == (package.donor, package.recipient)
        and any(_one_clause(article, gift, amount) for gift in package.reports for amount in other.reports)
        for other in packages
    )


#: Relations that start a clause of its own: a coordinated or juxtaposed verb ("…, et qu'elle verserait 300 millions").
_OWN_CLAUSE = frozenset({"conj", "parataxis"})


def _one_clause(article: Article, gift: Mention, amount: Mention) -> bool:
    """Whether a giving word stands before an amount of its sentence with no clause boundary between them, or,
    where a parse exists, governs the amount through a phrase set off by a comma ("la livraison de 78 canons
    Caesar, financés à hauteur de 200 millions d'euros": the amount values the gift)."""
    if gift.unit != amount.unit or gift.anchor >= amount.anchor:
        return False
    if not article.grammar.clause_end.search(article.text, gift.end, amount.anchor):
        return True
    return _governs(article, gift, amount)


def _governs(article: Article, gift: Mention, amount: Mention) -> bool:
    """Whether the parse reaches the giving word from the amount up its heads, through no verb of a clause of
    its own (:data:`_OWN_CLAUSE`)."""
    doc = article.doc
    if not doc.has_annotation("DEP"):
        return False
    word = doc.char_span(gift.anchor, gift.end, alignment_mode="expand")
    value = doc.char_span(amount.anchor, amount.end, alignment_mode="expand")
    if word is None or value is None:
        return False
    token = value.root
    while token.head.i != token.i and token.dep_ not in _OWN_CLAUSE:
        token = token.head
        if word.start <= token.i < word.end:
            return True
    return False


def choose_parties(article: Article, package: Package, models: Models) -> None:
    """The donor and recipient pair the rankers prefer, two different actors: the sum of their scores is
    the log-probability of the pair under the conditional logit each ranker is."""
    codes = party_codes(article, package.main)
    giving: dict[str, float] = {}
    receiving: dict[str, float] = {}
    for code in codes:
        for mention in package.reports:
            x = party_features(article, mention, code)
            giving[code] = max(giving.get(code, -math.inf), models["donor"].score(x))
            receiving[code] = max(receiving.get(code, -math.inf), models["recipient"].score(x))
    pairs = [(d, r) for d in codes for r in codes if d != r]
    if not pairs:
        return
    package.donor, package.recipient = max(pairs, key=lambda dr: giving[dr[0]] + receiving[dr[1]])


def distribute(article: Article, package: Package) -> list[Package]:
    """One package per giver when the sentence coordinates several: a distributive amount
    ("ont chacune apporté 100 millions") or a gift in kind ("l'envoi de tentes par la Suède, l'Autriche
    et la Grèce")."""
    main = package.main
    if package.money is not None:  # the report whose sentence distributes the amount, if any
        distributing = (m for m in package.reports if any(article.distributive_word(c) for c in _cues_of(article, m)))
        main = next(distributing, None)
        if main is None:
            return [package]
    readings = [r for r in article.readings(main.unit, main.anchor) if r.actor.is_state and not r.recipient]
    actors = [r.actor for r in readings]
    donor_index = next((i for i, a in enumerate(actors) if a.code == package.donor), None)
    if donor_index is None:
        return [package]
    first = donor_index  # the run of coordinated givers the donor is in, whichever of them the ranker chose
    while first > 0 and _coordinated(article, actors[first - 1], actors[first], package):
        first -= 1
    last = donor_index
    while last + 1 < len(actors) and _coordinated(article, actors[last], actors[last + 1], package):
        last += 1
    others = dict.fromkeys(a.code for a in actors[first : last + 1] if a.code != package.donor)
    return [package] + [replace(package, donor=code) for code in others]


def _coordinated(article: Article, before: Actor, after: Actor, package: Package) -> bool:
    """Two givers joined by a comma or a coordinator ("la France et l'Italie"), neither the recipient."""
    gap = article.folded[before.end : after.start]
    return (
        package.recipient not in (before.code, after.code)
        and before.code != after.code
        and bool(article.grammar.coordination.match(gap))
    )


def _cues_of(article: Article, mention: Mention) -> list[Cue]:
    """The cues of a report's sentence."""
    return article.cues_between(*article.units[mention.unit])


def choose_date(article: Article, package: Package, models: Models) -> dt.date | None:
    """The day the date model finds likeliest to be the announcement's, if likely enough."""
    best, best_p = None, DATE_THRESHOLD
    for value in article.dated_values():
        named = [d for d in article.dates if d.value == value]
        p = models["date"].probability(date_features(article, package.reports, value, named))
        if p >= best_p:
            best, best_p = value, p
    return best


def record(
    article: Article,
    package: Package,
    packages: list[Package],
    models: Models,
    context: list[int],
    totals: list[Amount],
) -> Commitment:
    """The commitment record of a package, with the running totals the article states for its donor."""
    money = package.money
    start, end = fields.evidence(article, package)
    currency = article.resolved_currency(package.stated.currency, package.donor, package.recipient) if money else None
    aid_type = models["aid_type"].predict(aid_type_features(article, package.reports, package.donor))
    return Commitment(
        donor=package.donor,
        recipient=package.recipient,
        amount=money.amount if money else None,
        currency=currency,
        aid_type=aid_type,
        mechanism=fields.mechanism(article, package, context, packages, aid_type),
        stage=models["stage"].predict(stage_features(article, package.reports)),
        date=choose_date(article, package, models),
        items=fields.items(article, context),
        announcer=fields.announcer(article, package),
        evidence=Span(start=start, end=end, text=article.text[start:end]),
        running_totals=totals,
        series_number=fields.series_number(article, package, packages, context),
        raised_from=fields.raised_from(article, package, currency),
    )
