"""The JSON API under ``/api``: read-only views of the ledger, described by the OpenAPI schema at /api/openapi.json.

Values are the reviewed ones where a reviewer set them. Every parameter is bounded (ids fit a
32-bit integer, codes are short and plain) so that no request can reach the database with a value
it would reject.
"""

from __future__ import annotations

import datetime as dt
import io
from enum import Enum
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from aidledger.ledger import export
from aidledger.ledger.queries import get_package
from aidledger.ledger.views import (
    ArticleDetail,
    ArticleSummary,
    CumulativeSeries,
    EntitySummary,
    PackageDetail,
    PackageRow,
    Page,
    QuoteView,
    ReviewEventView,
    Total,
)
from aidledger.schema import AidType, EntityLabel, Mechanism, Stage
from aidledger.web import queries
from aidledger.web.app import may_read, reader

router = APIRouter(prefix="/api", tags=["ledger"], dependencies=[Depends(may_read)])

MAX_ID = 2**31 - 1
MAX_PAGE = 100_000
NOT_FOUND = {404: {"description": "No such record"}}

Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Code = Annotated[str | None, Query(pattern=r"^[A-Za-z][A-Za-z0-9]{1,9}$", description="ISO 3166 alpha-3 or org code")]
Since = Annotated[dt.date | None, Query(description="On or after this date")]
Until = Annotated[dt.date | None, Query(description="On or before this date")]
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE)]
PerPage = Annotated[int, Query(ge=1, le=queries.MAX_PER_PAGE)]
NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL
StateFilter = Literal["unreviewed", "accepted", "corrected", "rejected", "all"]


def package_filters(
    donor: Code = None,
    recipient: Code = None,
    aid_type: AidType | None = None,
    stage: Stage | None = None,
    mechanism: Mechanism | None = None,
    since: Since = None,
    until: Until = None,
    state: Annotated[
        StateFilter | None, Query(description="Review state; by default every package not rejected")
    ] = None,
) -> queries.PackageFilters:
    """The package filters shared by the list, the totals and the chart series."""
    return queries.PackageFilters(donor, recipient, aid_type, stage, mechanism, since, until, state)


Filters = Annotated[queries.PackageFilters, Depends(package_filters)]
DB = Annotated[Session, Depends(reader)]


@router.get("/packages", summary="The ledger: packages, filtered, sorted and paged")
def packages(
    filters: Filters,
    session: DB,
    sort: queries.SortKey = "date",
    order: Literal["asc", "desc"] = "desc",
    page: PageNumber = 1,
    per_page: PerPage = 50,
) -> Page[PackageRow]:
    return queries.list_packages(session, filters, sort, order == "desc", page, per_page)


@router.get(
    "/packages/{package_id}", summary="One package with its mentions, sources, stages and reviews", responses=NOT_FOUND
)
def package(package_id: Id, session: DB) -> PackageDetail:
    return _found(get_package(session, package_id), f"there is no package {package_id}")


def _found(value, message: str):
    if value is None:
        raise HTTPException(404, message)
    return value


@router.get("/articles", summary="Stored articles, newest first")
def articles(
    session: DB,
    language: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$", description="ISO 639-1 code")] = None,
    outlet: Annotated[
        str | None, Query(pattern=r"^[A-Za-z0-9.-]{1,255}$", description="Host name, e.g. nato.int")
    ] = None,
    since: Since = None,
    until: Until = None,
    page: PageNumber = 1,
    per_page: PerPage = 50,
) -> Page[ArticleSummary]:
    filters = queries.ArticleFilters(language, outlet, since, until)
    return queries.list_articles(session, filters, page, per_page)


@router.get(
    "/articles/{article_id}", summary="One article: text, commitments, quotes and entities", responses=NOT_FOUND
)
def article(article_id: Id, session: DB) -> ArticleDetail:
    return _found(queries.get_article(session, article_id), f"there is no article {article_id}")


@router.get("/quotes", summary="Quotes with their speakers")
def quotes(
    session: DB,
    speaker: Annotated[
        str | None, Query(max_length=200, pattern=NO_NUL, description="Part of the name, any case")
    ] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    page: PageNumber = 1,
    per_page: PerPage = 50,
) -> Page[QuoteView]:
    return queries.list_quotes(session, speaker, article_id, page, per_page)


@router.get("/entities", summary="People, organisations and places, the most often named first")
def entities(
    session: DB,
    label: EntityLabel | None = None,
    code: Code = None,
    name: Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description="Part of the name, any case")] = None,
    page: PageNumber = 1,
    per_page: PerPage = 50,
) -> Page[EntitySummary]:
    return queries.list_entities(session, label, code, name, page, per_page)


@router.get("/totals", summary="Package counts and USD and EUR sums by one dimension")
def totals(filters: Filters, session: DB, by: queries.Dimension = "donor") -> list[Total]:
    return queries.totals(session, by, filters)


@router.get("/totals/cumulative", summary="Each donor's running USD total per aid type over time")
def cumulative(filters: Filters, session: DB) -> list[CumulativeSeries]:
    return queries.cumulative(session, filters)


@router.get("/reviews", summary="Review events, newest first")
def reviews(session: DB, page: PageNumber = 1, per_page: PerPage = 50) -> Page[ReviewEventView]:
    return queries.list_review_events(session, page, per_page)


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"


MEDIA_TYPES = {ExportFormat.csv: "text/csv; charset=utf-8", ExportFormat.json: "application/json"}


@router.get(
    "/export/{what}",
    summary="Every package or mention, with reviewed values and review state, as CSV or JSON",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}, "application/json": {}}}},
)
def export_rows(
    what: Literal["packages", "mentions"], session: DB, format: ExportFormat = ExportFormat.csv
) -> Response:
    rows = export.package_rows(session) if what == "packages" else export.mention_rows(session)
    out = io.StringIO()
    (export.write_csv if format is ExportFormat.csv else export.write_json)(rows, out)
    filename = f"aidledger-{what}.{format.value}"
    return Response(
        out.getvalue(),
        media_type=MEDIA_TYPES[format],
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
