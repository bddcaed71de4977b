"""Reading the ledger in lists (packages, articles, quotes, entities, reviews, totals): filtered, sorted and paged.

One package read as a whole is :func:`aidledger.ledger.queries.get_package`, which the CLI shares.

Every value a list shows or filters on is taken from ``package_reviews`` where a reviewer left a
row, else from ``packages`` (:data:`REVIEWED`), in SQL, so a page of a large ledger costs one
indexed query and a count. Packages a reviewer rejected are left out unless asked for.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, Select, case, distinct, func, select, union
from sqlalchemy.orm import Session, selectinload

from aidledger.ledger import report, review
from aidledger.ledger.models import Article, Entity, Mention, Package, Quote
from aidledger.ledger.queries import article_summary, mention_view
from aidledger.ledger.review_models import PackageReview, ReviewEvent
from aidledger.ledger.views import (
    ArticleDetail,
    ArticleSummary,
    CumulativeSeries,
    EntityMentions,
    EntitySummary,
    PackageRow,
    Page,
    Point,
    QuoteView,
    ReviewEventView,
    Total,
)

MAX_PER_PAGE = 200
LISTED = (
    "donor",
    "recipient",
    "amount",
    "currency",
    "amount_usd",
    "amount_eur",
    "aid_type",
    "mechanism",
    "stage",
    "date",
    "reference_date",
)


def _reviewed(name: str) -> ColumnElement:
    """A package column as reviewed where a review row exists, else as extracted (nulls included)."""
    return case((PackageReview.package_id.is_(None), getattr(Package, name)), else_=getattr(PackageReview, name))


#: The package columns lists show, filter and sort on, reviewed over extracted.
REVIEWED: dict[str, ColumnElement] = {name: _reviewed(name) for name in LISTED}
STATE: ColumnElement = func.coalesce(PackageReview.state, review.UNREVIEWED)
#: Sorting by "date" places packages by their reference date, as reports do: an undated package by its publication.
SORTS: dict[str, ColumnElement] = {"id": Package.id, **REVIEWED, "date": REVIEWED["reference_date"], "state": STATE}
#: What a list can be sorted by (the API documents it as an enum).
SortKey = Literal[tuple(SORTS)]  # type: ignore[valid-type]
Dimension = Literal["donor", "recipient", "aid_type", "mechanism", "stage", "month"]


@dataclass(frozen=True)
class PackageFilters:
    """Which packages a list or total covers; ``state`` None means every package not rejected; dates are reference dates."""

    donor: str | None = None
    recipient: str | None = None
    aid_type: str | None = None
    stage: str | None = None
    mechanism: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    state: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        tests: list[ColumnElement[bool]] = []
        for name in ("donor", "recipient", "aid_type", "stage", "mechanism"):
            value = getattr(self, name)
            if value:
                tests.append(REVIEWED[name] == (value.upper() if name in ("donor", "recipient") else value))
        if self.since:
            tests.append(REVIEWED["reference_date"] >= self.since)
        if self.until:
            tests.append(REVIEWED["reference_date"] <= self.until)
        if self.state == "all":
            pass
        elif self.state:
            tests.append(STATE == self.state)
        else:
            tests.append(STATE.not_in(review.CLOSED_STATES))
        return tests


def _filtered(query: Select, filters: PackageFilters) -> Select:
    return query.select_from(Package).outerjoin(PackageReview).where(*filters.conditions())


def _page_bounds(page: int, per_page: int) -> tuple[int, int]:
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    return max(1, page), per_page


def list_packages(
    session: Session,
    filters: PackageFilters = PackageFilters(),
    sort: SortKey = "date",
    descending: bool = True,
    page: int = 1,
    per_page: int = 50,
) -> Page[PackageRow]:
    """One page of the ledger, sorted (missing values last either way, then by id) and with source counts.

    The page's ids are chosen first and its rows read after: sorting bare ids is several times
    cheaper than sorting whole rows, since a reviewed-over-extracted key cannot use an index.
    """
    page, per_page = _page_bounds(page, per_page)
    total = session.scalar(_filtered(select(func.count()), filters))
    key = SORTS[sort]
    order = [key.is_(None), key.desc() if descending else key.asc(), Package.id.desc() if descending else Package.id]
    chosen = _filtered(select(Package.id), filters).order_by(*order).limit(per_page).offset((page - 1) * per_page)
    columns = [Package.id, *(REVIEWED[name].label(name) for name in LISTED), STATE.label("state")]
    query = (
        select(*columns).select_from(Package).outerjoin(PackageReview).where(Package.id.in_(chosen)).order_by(*order)
    )
    rows = session.execute(query).all()
    sources = _source_counts(session, [row.id for row in rows])
    items = [PackageRow(**row._mapping, sources=sources.get(row.id, 0)) for row in rows]
    return Page[PackageRow](total=total or 0, page=page, per_page=per_page, items=items)


def _source_counts(session: Session, package_ids: list[int]) -> dict[int, int]:
    if not package_ids:
        return {}
    query = (
        select(Mention.package_id, func.count(distinct(Mention.article_id)))
        .where(Mention.package_id.in_(package_ids))
        .group_by(Mention.package_id)
    )
    return dict(session.execute(query).all())


def list_review_events(session: Session, page: int = 1, per_page: int = 50) -> Page[ReviewEventView]:
    page, per_page = _page_bounds(page, per_page)
    total = session.scalar(select(func.count()).select_from(ReviewEvent))
    query = (
        select(ReviewEvent)
        .order_by(ReviewEvent.at.desc(), ReviewEvent.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    items = [ReviewEventView.model_validate(event) for event in session.scalars(query)]
    return Page[ReviewEventView](total=total or 0, page=page, per_page=per_page, items=items)


@dataclass(frozen=True)
class ArticleFilters:
    language: str | None = None
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        tests = []
        if self.language:
            tests.append(Article.language == self.language.lower())
        if self.outlet:
            tests.append(Article.outlet == self.outlet.lower())
        if self.since:
            tests.append(Article.published >= self.since)
        if self.until:
            tests.append(Article.published <= self.until)
        return tests


def list_articles(
    session: Session, filters: ArticleFilters = ArticleFilters(), page: int = 1, per_page: int = 50
) -> Page[ArticleSummary]:
    """Stored articles, newest first."""
    page, per_page = _page_bounds(page, per_page)
    total = session.scalar(select(func.count()).select_from(Article).where(*filters.conditions()))
    query = (
        select(Article)
        .where(*filters.conditions())
        .order_by(Article.published.is_(None), Article.published.desc(), Article.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    items = [article_summary(article) for article in session.scalars(query)]
    return Page[ArticleSummary](total=total or 0, page=page, per_page=per_page, items=items)


def get_article(session: Session, article_id: int) -> ArticleDetail | None:
    """An article with its text, the commitments read in it, its quotes and its entities."""
    article = session.scalars(
        select(Article)
        .where(Article.id == article_id)
        .options(
            selectinload(Article.mentions).selectinload(Mention.items),
            selectinload(Article.mentions).selectinload(Mention.review),
            selectinload(Article.quotes),
            selectinload(Article.entities),
        )
    ).one_or_none()
    if article is None:
        return None
    return ArticleDetail(
        **article_summary(article).model_dump(),
        text=article.text,
        mentions=[mention_view(m) for m in sorted(article.mentions, key=lambda m: m.position)],
        quotes=[_quote_view(q) for q in sorted(article.quotes, key=lambda q: q.quote_start)],
        entities=[EntityMentions.model_validate(e) for e in article.entities],
    )


def _quote_view(quote: Quote) -> QuoteView:
    return QuoteView(
        id=quote.id,
        article_id=quote.article_id,
        speaker=quote.speaker,
        role=quote.role,
        affiliation=quote.affiliation,
        quote=quote.quote,
        start=quote.quote_start,
        end=quote.quote_end,
    )


def list_quotes(
    session: Session, speaker: str | None = None, article_id: int | None = None, page: int = 1, per_page: int = 50
) -> Page[QuoteView]:
    """Quotes, newest article first; ``speaker`` matches part of the name, in any case."""
    page, per_page = _page_bounds(page, per_page)
    tests = []
    if speaker:
        tests.append(func.lower(Quote.speaker).contains(speaker.lower(), autoescape=True))
    if article_id is not None:
        tests.append(Quote.article_id == article_id)
    total = session.scalar(select(func.count()).select_from(Quote).where(*tests))
    query = (
        select(Quote)
        .join(Article)
        .where(*tests)
        .order_by(Article.published.is_(None), Article.published.desc(), Quote.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    items = [_quote_view(q) for q in session.scalars(query)]
    return Page[QuoteView](total=total or 0, page=page, per_page=per_page, items=items)


def list_entities(
    session: Session,
    label: str | None = None,
    code: str | None = None,
    name: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Page[EntitySummary]:
    """People, organisations and places across articles, the most often named first."""
    page, per_page = _page_bounds(page, per_page)
    tests = []
    if label:
        tests.append(Entity.label == label)
    if code:
        tests.append(Entity.code == code.upper())
    if name:
        tests.append(func.lower(Entity.name).contains(name.lower(), autoescape=True))
    articles = func.count(distinct(Entity.article_id)).label("articles")
    grouped = select(Entity.name, Entity.label, Entity.code, articles).where(*tests)
    grouped = grouped.group_by(Entity.name, Entity.label, Entity.code)
    total = session.scalar(select(func.count()).select_from(grouped.subquery()))
    query = grouped.order_by(articles.desc(), Entity.name, Entity.label).limit(per_page).offset((page - 1) * per_page)
    items = [EntitySummary(**row._mapping) for row in session.execute(query)]
    return Page[EntitySummary](total=total or 0, page=page, per_page=per_page, items=items)


def _money_rows(session: Session, filters: PackageFilters) -> list:
    columns = [Package.id, *(REVIEWED[name].label(name) for name in LISTED)]
    return list(session.execute(_filtered(select(*columns), filters)).all())


def _dimension_key(row, by: Dimension) -> str:
    if by == "month":
        return row.reference_date.strftime("%Y-%m") if row.reference_date else "undated"
    return getattr(row, by) or "?"


def totals(session: Session, by: Dimension = "donor", filters: PackageFilters = PackageFilters()) -> list[Total]:
    """Package counts and USD and EUR sums by donor, recipient, aid type, mechanism, stage or month, largest first."""
    lines: dict[str, Total] = {}
    for row in _money_rows(session, filters):
        key = _dimension_key(row, by)
        line = lines.setdefault(key, Total(key=key, packages=0, amount_usd=0, amount_eur=0, unconverted=0))
        line.packages += 1
        if row.amount_usd is not None:
            line.amount_usd += row.amount_usd
            line.amount_eur += row.amount_eur or 0
        elif row.amount is not None:
            line.unconverted += 1
    ordered = sorted(lines.values(), key=lambda t: (-t.amount_usd, -t.packages, t.key))
    return sorted(ordered, key=lambda t: t.key) if by == "month" else ordered


def cumulative(session: Session, filters: PackageFilters = PackageFilters()) -> list[CumulativeSeries]:
    """Each donor's running USD total per aid type over time (the chart page), largest aid types first."""
    by_type: dict[str, list] = defaultdict(list)
    for row in _money_rows(session, filters):
        by_type[row.aid_type].append(row)
    series = []
    for aid_type, rows in sorted(by_type.items(), key=lambda kv: -sum(r.amount_usd or 0 for r in kv[1])):
        by_donor = report.cumulative_by_donor(rows, "USD")
        for donor, points in sorted(by_donor.items(), key=lambda kv: -kv[1][-1][1]):
            series.append(
                CumulativeSeries(
                    aid_type=aid_type, donor=donor, points=[Point(date=d, amount_usd=v) for d, v in points]
                )
            )
    return series


def choices(session: Session) -> dict[str, list[str]]:
    """The donor and recipient codes the ledger holds, extracted or reviewed: suggestions for the filters.

    Read from the two columns' indexes rather than through the reviewed view, which would scan every package.
    """
    found = {}
    for name in ("donor", "recipient"):
        extracted = select(getattr(Package, name).label("code")).where(getattr(Package, name).is_not(None))
        reviewed = select(getattr(PackageReview, name).label("code")).where(getattr(PackageReview, name).is_not(None))
        found[name] = sorted(set(session.scalars(union(extracted, reviewed))))
    return found


def article_texts(session: Session, article_ids: Iterable[int]) -> dict[int, str]:
    """The full texts of these articles, for showing evidence in place."""
    ids = list(article_ids)
    if not ids:
        return {}
    return dict(session.execute(select(Article.id, Article.text).where(Article.id.in_(ids))).all())
