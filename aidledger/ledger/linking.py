"""Linking stored mentions into packages: the merge rules applied to the database, one article at a time.

When an article arrives, its mentions are compared with the stored mentions that could be reports of
the same package (:func:`_candidates`), the *component* they belong to (every mention reachable
through linkable pairs) is gathered and clustered again with :func:`aidledger.ledger.merge.cluster`,
and the packages are rewritten to match: a package keeps its id when most of its mentions stay
together, packages are joined or split when new evidence says so, and the ones left empty are
deleted. Since a package never spans two components and a component's clustering depends only on
its mentions, the ledger ends with the same packages whatever the order the articles came in.

Each package's fields, conversions and stage history are then derived again from its mentions
(:func:`refresh_package`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, delete, or_, select, text, true
from sqlalchemy.orm import Session, contains_eager, selectinload

from aidledger.ledger import fx, merge
from aidledger.ledger.models import Mention, Package, PackageStage
from aidledger.ledger.review_models import PackageReview

#: PostgreSQL advisory lock taken by every transaction that links: two concurrent ingests link one
#: after the other, so they cannot both create a package for the same commitment. (SQLite writers are
#: serialised by ``BEGIN IMMEDIATE`` already.)
LINK_LOCK = 0x61696C64  # "aild"


def key_of(mention: Mention) -> str:
    """The mention's key, the same whatever the order of ingest: its article's content hash and position."""
    return f"{mention.article.content_hash[:16]}#{mention.position:03d}"


def record_of(mention: Mention) -> merge.MentionRecord:
    """The linkage view of a stored mention (its article and items loaded)."""
    return merge.MentionRecord(
        key=key_of(mention),
        article=mention.article.content_hash,
        donor=mention.donor,
        recipient=mention.recipient,
        amount=mention.amount,
        currency=mention.currency,
        aid_type=mention.aid_type,
        mechanism=mention.mechanism,
        stage=mention.stage,
        date=mention.date,
        published=mention.article.published,
        items=frozenset(item.item for item in mention.items),
        evidence_key=mention.evidence_key,
        running_totals=frozenset((fx.whole(amount), currency) for amount, currency in mention.running_totals or ()),
        series_number=mention.series_number,
        raised_from=tuple(mention.raised_from) if mention.raised_from else None,
    )


def _role_fits(column, value: str | None):
    """The stored party equals ``value`` or is unknown (anything fits an unknown ``value``)."""
    return or_(column == value, column.is_(None)) if value else true()


def _candidates(session: Session, mention: Mention) -> list[Mention]:
    """Stored mentions that might be linkable to ``mention``: a superset of those :func:`merge.compare` links.

    Parties must fit (equal, or unknown on either side); when a party is unknown on either side the
    amount and currency must be the same; a copy of the evidence sentence is always a candidate.
    Mentions of a package a reviewer decided on never are: linking must not regroup a human decision.
    """
    same_figure = (
        and_(Mention.amount == mention.amount, Mention.currency == mention.currency)
        if mention.amount is not None
        else None
    )
    if mention.donor and mention.recipient:
        figure_or_known = or_(and_(Mention.donor.is_not(None), Mention.recipient.is_not(None)), same_figure)
    else:
        figure_or_known = same_figure
    tests = []
    if figure_or_known is not None:
        tests.append(
            and_(
                _role_fits(Mention.donor, mention.donor),
                _role_fits(Mention.recipient, mention.recipient),
                figure_or_known,
            )
        )
    if mention.evidence_key:
        tests.append(Mention.evidence_key == mention.evidence_key)
    if not tests:
        return []
    query = (
        select(Mention)
        .join(Mention.article)
        .options(contains_eager(Mention.article), selectinload(Mention.items))
        .where(or_(*tests))
        .where(Mention.package_id.not_in(select(PackageReview.package_id)))
    )
    return list(session.scalars(query))


def _component(session: Session, new: list[Mention]) -> list[Mention]:
    """The new mentions and every stored mention reachable from them through linkable pairs."""
    found: dict[str, Mention] = {key_of(m): m for m in new}
    records = {key: record_of(m) for key, m in found.items()}
    frontier = list(found.values())
    while frontier:
        mention = frontier.pop()
        record = records[key_of(mention)]
        for candidate in _candidates(session, mention):
            key = key_of(candidate)
            if key in found:
                continue
            candidate_record = record_of(candidate)
            if merge.compare(record, candidate_record).linkable:
                found[key], records[key] = candidate, candidate_record
                frontier.append(candidate)
    return list(found.values())


def lock(session: Session) -> None:
    """Take the link lock for the rest of the transaction (PostgreSQL; SQLite writers hold the database lock)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LINK_LOCK})


def link(session: Session, new: list[Mention]) -> int:
    """Put ``new`` mentions (not flushed, no package yet) into packages; returns how many packages are new.

    The caller holds the write transaction and has taken the link lock (:func:`lock`) before reading.
    """
    if not new:
        return 0
    with session.no_autoflush:  # new mentions have no package yet: they must not be flushed before they have one
        mentions = _component(session, new)
        by_key = {key_of(m): m for m in mentions}
        groups = merge.cluster([record_of(m) for m in mentions])
        touched = _assign(session, [[by_key[key] for key in keys] for keys in groups])
    created = sum(1 for package in touched if package.id is None)
    session.flush()
    for package in touched:
        refresh_package(session, package)
    _delete_empty(session)
    return created


def _assign(session: Session, groups: list[list[Mention]]) -> list[Package]:
    """Give each group a package: the stored one most of its mentions are in (lowest id on a tie), else a new one."""
    taken: set[int] = set()
    touched: list[Package] = []
    for members in sorted(groups, key=lambda g: (-len(g), min(key_of(m) for m in g))):
        counts: dict[int, int] = {}
        for mention in members:
            if mention.package_id is not None:
                counts[mention.package_id] = counts.get(mention.package_id, 0) + 1
        free = sorted((pid for pid in counts if pid not in taken), key=lambda pid: (-counts[pid], pid))
        package = (
            session.get(Package, free[0]) if free else Package(aid_type=members[0].aid_type, stage=members[0].stage)
        )
        if package.id is not None:
            taken.add(package.id)
        else:
            session.add(package)
        for mention in members:
            if mention.package is not package:
                mention.package = package
            session.add(mention)
        touched.append(package)
    return touched


def _delete_empty(session: Session) -> None:
    """Packages whose mentions all moved to others are gone."""
    session.flush()
    empty = select(Package.id).where(~Package.mentions.any())
    session.execute(delete(PackageStage).where(PackageStage.package_id.in_(empty)))
    session.execute(delete(Package).where(Package.id.in_(empty)))


def reference(package: Package, date: dt.date | None) -> tuple[dt.date, str]:
    """The day a package is placed and converted at, and which it is: announcement, published or ingested."""
    if date is not None:
        return date, "announcement"
    articles = [m.article for m in package.mentions]
    published = [a.published for a in articles if a.published]
    if published:
        return min(published), "published"
    return min(a.ingested_at.date() for a in articles), "ingested"


def refresh_package(session: Session, package: Package) -> None:
    """Derive a package's fields, reference date, conversion and stage history from its mentions again."""
    session.flush()
    members = [record_of(m) for m in package.mentions]
    profile = merge.summarise(package.id, members)
    package.donor, package.recipient = profile.donor, profile.recipient
    package.amount, package.currency = profile.amount, profile.currency
    package.aid_type, package.mechanism = profile.aid_type, profile.mechanism
    package.stage, package.date = profile.stage, profile.date
    package.reference_date, package.reference_basis = reference(package, profile.date)
    conversion = fx.convert(profile.amount, profile.currency, package.reference_date)
    package.amount_usd, package.amount_eur = conversion.amount_usd, conversion.amount_eur
    package.fx_rate = float(conversion.rate_usd) if conversion.rate_usd is not None else None
    package.fx_rate_eur = float(conversion.rate_eur) if conversion.rate_eur is not None else None
    package.fx_date, package.fx_note = conversion.rate_date, conversion.note
    by_key = {key_of(m): m for m in package.mentions}
    existing = {step.stage: step for step in package.stages}
    for stage in set(existing) - set(profile.steps):
        package.stages.remove(existing[stage])
    for stage, first in profile.steps.items():
        step = existing.get(stage) or PackageStage(stage=stage)
        if stage not in existing:
            package.stages.append(step)
        mention = by_key[first.key]
        step.date, step.mention, step.evidence = first.when, mention, mention.evidence


def _stale():
    return Package.reference_basis.is_(None)


def has_stale_packages(session: Session) -> bool:
    """True when some package was written before reference dates existed (a ledger upgraded from 0001)."""
    return session.scalar(select(Package.id).where(_stale()).limit(1)) is not None


def rederive_stale_packages(session: Session) -> int:
    """Packages written before reference dates existed (``reference_basis`` NULL) derived again; returns how many."""
    stale = session.scalars(
        select(Package).where(_stale()).options(selectinload(Package.mentions).selectinload(Mention.article))
    ).all()
    for package in stale:
        refresh_package(session, package)
    return len(stale)
