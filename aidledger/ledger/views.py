"""What readers of the ledger see: typed views of packages, mentions, articles, quotes, entities and totals.

:mod:`aidledger.ledger.queries` (one package) and :mod:`aidledger.web.queries` (lists and totals)
build them. They are the one read model of the ledger: ``aidledger show`` prints a
:class:`PackageDetail` as text or as its JSON, the web API serves these models as they are (so its
OpenAPI schema is them) and the HTML pages render them. Values are the reviewed ones where a
reviewer set them, the extracted ones otherwise; ``extracted`` keeps what the machine read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from aidledger.schema import AidType, EntityLabel, Item, Mechanism, Stage

ReviewState = Literal["unreviewed", "accepted", "corrected", "rejected"]
T = TypeVar("T")


class View(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Page(View, Generic[T]):
    """One page of a longer list."""

    total: int = Field(description="How many match the filters, on all pages")
    page: int
    per_page: int
    items: list[T]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class Values(View):
    """The fields of a commitment, as a package or a mention carries them."""

    donor: str | None
    recipient: str | None
    amount: int | None = Field(description="Whole units of the stated currency")
    currency: str | None
    aid_type: AidType
    mechanism: Mechanism | None
    stage: Stage
    date: dt.date | None
    items: list[Item] = Field(default_factory=list)
    announcer: str | None = None


class Conversion(View):
    """Where the package is placed in time, and its amount in USD and EUR at the ECB reference rate of ``fx_date``."""

    reference_date: dt.date | None = Field(description="The announcement date, else the earliest publication date")
    reference_basis: Literal["announcement", "published", "ingested"] | None
    amount_usd: int | None = Field(description="Whole US dollars")
    amount_eur: int | None = Field(description="Whole euros")
    fx_rate: float | None = Field(description="USD per unit of the stated currency")
    fx_rate_eur: float | None = Field(description="EUR per unit of the stated currency")
    fx_date: dt.date | None = Field(description="The ECB business day whose rate was used")
    fx_note: str | None


class PackageRow(View):
    """One line of the ledger."""

    id: int
    donor: str | None
    recipient: str | None
    amount: int | None
    currency: str | None
    amount_usd: int | None
    amount_eur: int | None
    aid_type: AidType
    mechanism: Mechanism | None
    stage: Stage
    date: dt.date | None = Field(description="Announcement date, when a report states it")
    reference_date: dt.date | None = Field(description="The announcement date, else the earliest publication date")
    state: ReviewState
    sources: int = Field(description="Articles reporting it")


class ArticleSummary(View):
    """Where a report comes from."""

    id: int
    title: str | None
    url: str | None
    outlet: str | None
    language: str
    published: dt.date | None
    source_id: str
    n_commitments: int


class Evidence(View):
    """The stretch of the article text a mention rests on (character offsets, end exclusive)."""

    start: int
    end: int
    text: str


class MentionView(View):
    """One article's report of a commitment."""

    id: int
    package_id: int
    article: ArticleSummary
    state: ReviewState
    values: Values
    extracted: Values
    corrected: list[str] = Field(description="Fields a reviewer changed")
    evidence: Evidence


class StageStep(View):
    """One step of a package's history: the first mention that showed it reaching a stage, and where it was read."""

    stage: Stage
    date: dt.date | None
    mention_id: int
    article: ArticleSummary
    evidence: str


class ReviewEventView(View):
    """One review action: who, when, what, with the values before and after."""

    id: int
    at: dt.datetime = Field(description="UTC")
    reviewer: str
    target: Literal["package", "mention"]
    target_id: int
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    note: str | None


class PackageDetail(View):
    """A package with everything it rests on: values, conversion, stage history, every report and review."""

    id: int
    state: ReviewState
    values: Values
    conversion: Conversion
    extracted: Values
    extracted_conversion: Conversion
    corrected: list[str] = Field(description="Fields a reviewer set on the package itself")
    reviewed_by: str | None
    reviewed_at: dt.datetime | None
    stages: list[StageStep]
    mentions: list[MentionView]
    sources: list[ArticleSummary]
    reviews: list[ReviewEventView]


class QuoteView(View):
    id: int
    article_id: int
    speaker: str | None
    role: str | None
    affiliation: str | None
    quote: str
    start: int
    end: int


class EntityMentions(View):
    """A person, organisation or place one article names, with where."""

    id: int
    name: str
    label: EntityLabel
    code: str | None
    country: str | None
    lat: float | None
    lon: float | None
    spans: list[list[int]]


class EntitySummary(View):
    """A person, organisation or place across the ledger."""

    name: str
    label: EntityLabel
    code: str | None
    articles: int


class ArticleDetail(ArticleSummary):
    """An article with all that was read in it."""

    text: str
    mentions: list[MentionView]
    quotes: list[QuoteView]
    entities: list[EntityMentions]


class Total(View):
    """One line of a totals table: packages, not mentions, so a package reported forty times counts once."""

    key: str
    packages: int
    amount_usd: int
    amount_eur: int
    unconverted: int = Field(description="Packages with an amount but no ECB rate, left out of the sums")


class Point(View):
    date: dt.date
    amount_usd: int


class CumulativeSeries(View):
    """A donor's running USD total of one aid type, a point per package date."""

    aid_type: str
    donor: str
    points: list[Point]
