"""The fields of a commitment record: stage, date, aid type, mechanism, equipment, announcer.

Each comes from the cues of the package's own sentence first, then of the
other reports of the same amount, then of the sentences around it (the lead
for the date, the sentences that continue the package for its contents).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import get_args

from aidledger.assemble.article import Article
from aidledger.assemble.candidates import Candidate
from aidledger.nlp.cues import Cue
from aidledger.nlp.entities import full_name
from aidledger.nlp.gazetteer import fold
from aidledger.schema import Commitment, Item, Span

#: Sentences after a package's own that may still describe it.
CONTINUATION = 4
#: Sentences at the head of an article whose date is the article's event date.
LEAD = 3
#: Mechanisms that describe the form of the money rather than the instrument.
GENERIC_MECHANISMS = {"loan", "grant"}
#: Donor-specific mechanisms that may be stated anywhere in the article.
DOCUMENT_MECHANISMS = {"PDA": "USA", "USAI": "USA", "FMF": "USA", "EPF": "EU"}


def context_units(article: Article, cand: Candidate, kept: list[Candidate]) -> list[int]:
    """The candidate's sentence and the following ones that continue its package."""
    taken = {k.unit for k in kept if k is not cand}
    out = [cand.unit]
    for i in range(cand.unit + 1, min(len(article.units), cand.unit + 1 + CONTINUATION)):
        if i in taken:
            break
        out.append(i)
    return out


def stage(article: Article, cand: Candidate) -> str:
    """Anticipated if any report or a sentence continuing it says so; delivered if the reports say so."""
    stages = [stage_of_unit(article, r.unit, r.anchor) for r in cand.reports]
    follow = cand.unit + 1
    if follow < len(article.units) and article.continues(follow):
        stages.append(stage_of_unit(article, follow, article.units[follow][0]))
    if "anticipated" in stages:
        return "anticipated"
    return "delivered" if "delivered" in stages else "announced"


def stage_of_unit(article: Article, unit_index: int, anchor: int) -> str:
    """The stage one sentence states: delivered or anticipated by its cues (the nearest wins), else announced."""
    unit_cues = article.cues_in([unit_index], "stages")
    now = {fold(str(w)) for w in article.data.section("context").get("now") or []}
    anticipated = [c for c in unit_cues if c.key == "anticipated" and not followed_by(article, c, now)]
    future = tuple(fold(str(w)) for w in article.data.section("context").get("future") or [])
    delivered = [c for c in unit_cues if c.key == "delivered" and not article.preceded_by(c.start, future)]
    if delivered and (not anticipated or article.nearest(delivered + anticipated, anchor).key == "delivered"):
        return "delivered"
    return "anticipated" if anticipated else "announced"


def followed_by(article: Article, cue: Cue, words: set[str]) -> bool:
    after = article.folded[cue.end : cue.end + 20].strip()
    return any(after.startswith(w) for w in words)


def date(article: Article, cand: Candidate) -> dt.date | None:
    """The announcement date: in a sentence reporting the amount, next to it, else the article's lead."""
    for report in cand.reports:
        found = date_in_units(article, [report.unit], report.anchor)
        if found:
            return found
    around = [i for i in (cand.unit - 1, cand.unit + 1) if 0 <= i < len(article.units)]
    lead = range(min(LEAD, len(article.units)))
    # the first sentences about giving date the event better than a dateline, a byline or a caption
    about_aid = [i for i in range(len(article.units)) if article.cues_between(*article.units[i], "cues", "aid_verb")]
    about_aid = about_aid[:LEAD]
    return (
        date_in_units(article, around, cand.anchor)
        or date_in_units(article, about_aid, 0)
        or date_in_units(article, lead, 0)
    )


def date_in_units(article: Article, unit_indexes: Iterable[int], anchor: int) -> dt.date | None:
    """The resolved date nearest an offset in some sentences."""
    dated = []
    for i in unit_indexes:
        start, end = article.units[i]
        dated.extend(d for d in article.dates_between(start, end) if d.value is not None)
    return min(dated, key=lambda d: abs(d.start - anchor)).value if dated else None


def aid_type(article: Article, cand: Candidate, context: list[int]) -> str:
    """The aid type named nearest the amount (in its reports or those of the envelope it is a share of,
    else the sentences just before, else those after); mixed when its sentences say so or its parts differ."""
    own = [r.unit for r in cand.reports]
    if any(c.key == "mixed" for c in article.cues_in(own, "aid_types")):
        return "mixed"
    part_types = {aid_type_near(article, p) for p in cand.parts} - {None}
    if len(part_types) > 1:
        return "mixed"
    for report in cand.reports + (cand.envelope.reports if cand.envelope else []):
        nearest = aid_type_near(article, report)
        if nearest:
            return nearest
    before = [u for u in range(cand.unit - 1, max(-1, cand.unit - 3), -1)]
    for units in (before, context):
        around = Counter(c.key for c in article.cues_in(units, "aid_types") if c.key != "mixed")
        if around:
            return around.most_common(1)[0][0]
    by_donor = (article.data.section("aid_types_by_donor") or {}).get(cand.donor.code if cand.donor else None)
    if by_donor:
        return by_donor
    overall = Counter(c.key for c in article.cues if c.group == "aid_types" and c.key != "mixed")
    return overall.most_common(1)[0][0] if overall else "military"


def aid_type_near(article: Article, cand: Candidate) -> str | None:
    """The aid type named nearest the amount in its own sentence."""
    cues = [c for c in article.cues_in([cand.unit], "aid_types") if c.key != "mixed"]
    nearest = article.nearest(cues, cand.anchor)
    return nearest.key if nearest else None


def mechanism(article: Article, cand: Candidate, context: list[int], kept: list[Candidate]) -> str | None:
    """The mechanism named with the amount or just after; a donor's own (PDA, EPF) anywhere in the
    article when the article reports no other package of that donor."""
    donor = cand.donor.code if cand.donor else None
    start, end = article.stretch(cand)
    own = {
        c.key for c in article.cues_between(start, end, "mechanisms") if DOCUMENT_MECHANISMS.get(c.key, donor) == donor
    }
    single = one_mechanism(own)
    if single:
        return single
    units = [r.unit for r in cand.reports] + [u + 1 for u in (r.unit for r in cand.reports) if u + 1 in context]
    named = {c.key for c in article.cues_in(units, "mechanisms") if DOCUMENT_MECHANISMS.get(c.key, donor) == donor}
    if named:
        return one_mechanism(named)
    specific = {c.key for c in article.cues if c.group == "mechanisms" and DOCUMENT_MECHANISMS.get(c.key) == donor}
    alone = not any(k is not cand and k.donor and k.donor.code == donor for k in kept)
    if len(specific) == 1 and alone:
        return specific.pop()
    return (article.data.section("mechanisms_by_donor") or {}).get(donor)


def items(article: Article, context: list[int]) -> list[str]:
    """Equipment categories of the package; a weapon after an ammunition word in the same list item
    is its ammunition ("munitions pour les systèmes HIMARS")."""
    cues = article.cues_in(context, "items")
    ammo_words = [c for c in cues if c.key == "ammunition_words"]
    with_ammo = {k.removesuffix("_ammunition") for k in get_args(Item) if k.endswith("_ammunition")}
    items: list[str] = []
    for cue in cues:
        if cue.key == "ammunition_words":
            continue
        key = cue.key
        if key in with_ammo and any(same_list_item(article, a, cue) for a in ammo_words):
            key = f"{key}_ammunition"
        if key not in items:
            items.append(key)
    return items


def same_list_item(article: Article, ammo: Cue, weapon: Cue) -> bool:
    """ "munitions pour les systèmes HIMARS", "HIMARS rockets": no list separator between the two words."""
    if 0 <= weapon.start - ammo.end <= 150:
        return not article.grammar.list_separator.search(article.text, ammo.end, weapon.start)
    return 0 <= ammo.start - weapon.end <= 3


def announcer(article: Article, cand: Candidate) -> str | None:
    """The first person named in the package's sentence, by the fullest name the article uses
    (a one-word "name" the article never completes is more often a weapon or a place)."""
    start, end = article.units[cand.unit]
    for ent in article.doc.ents:
        if start <= ent.start_char < end and ent.label_ in ("PER", "PERSON"):
            name = full_name(article.doc, (ent.start_char, ent.end_char))
            if name and len(name.split()) > 1:
                return name
    return None


def evidence(article: Article, cand: Candidate) -> tuple[int, int]:
    """The evidence of a package: its sentence up to the end of the clause that holds the amount and the
    parties named in it ("La Belgique va fournir à l'Ukraine une aide de 200 millions d'euros",
    without ", a annoncé mardi le secrétaire d'État…")."""
    start, end = cand.evidence
    reach = cand.anchor
    if cand.money is not None:
        index = article.money.index(cand.money)
        reach = max(m.end for i, m in enumerate(article.money) if i == index or m.conversion_of == index)
    for actor in (cand.donor, cand.recipient):
        if actor is not None and start <= actor.start < end:
            reach = max(reach, actor.end)
    clause_end = article.grammar.clause_end.search(article.text, reach, end)
    return start, (clause_end.start() if clause_end else end)


def record(article: Article, cand: Candidate, kept: list[Candidate]) -> Commitment:
    """The commitment record of a package."""
    context = context_units(article, cand, kept)
    start, end = evidence(article, cand)
    return Commitment(
        donor=cand.donor.code if cand.donor else None,
        recipient=cand.recipient.code if cand.recipient else None,
        amount=cand.money.amount if cand.money else None,
        currency=article.resolved_currency(cand),
        aid_type=aid_type(article, cand, context),
        mechanism=mechanism(article, cand, context, kept),
        stage=stage(article, cand),
        date=date(article, cand),
        items=items(article, context),
        announcer=announcer(article, cand),
        evidence=Span(start=start, end=end, text=article.text[start:end]),
    )


def one_mechanism(named: set[str]) -> str | None:
    """The mechanism of a package from those its sentences name: a named instrument (PDA, EPF, a
    facility) over the loans and grants it is made of; None when it mixes two ("PDA … as well as
    USAI funds", "grants … loans")."""
    specific = named - GENERIC_MECHANISMS
    if specific:
        return next(iter(specific)) if len(specific) == 1 else None
    return next(iter(named)) if len(named) == 1 else None
