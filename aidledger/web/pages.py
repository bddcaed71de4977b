"""The HTML pages: the ledger, a package with its evidence, an article, charts, review history, sign-in, review forms.

Pages read query strings leniently (an empty field of a GET form means no filter) and answer a
bad value with a 400 page naming it. Review forms post to ``/packages/{id}/{action}`` and
``/mentions/{id}/{action}``; each needs a signed-in reviewer and the form's CSRF token, and on
success redirects back (post/redirect/get) so a reload never repeats a decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar, get_args
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from aidledger.ledger import review
from aidledger.ledger.models import Mention
from aidledger.ledger.queries import get_package
from aidledger.ledger.review import Blank, ReviewError
from aidledger.ledger.views import ArticleSummary, MentionView, PackageDetail
from aidledger.schema import AidType, Item, Mechanism, Stage
from aidledger.web import auth, charts, queries
from aidledger.web.app import (
    checked_form,
    current_reviewer,
    is_https,
    may_read,
    must_review,
    reader,
    render,
)
from aidledger.web.auth import SignedIn
from aidledger.web.highlight import Mark, Run, runs

router = APIRouter(include_in_schema=False)

MAX_ID = 2**31 - 1
Id = Annotated[int, PathParam(ge=1, le=MAX_ID)]
Reader = Annotated[SignedIn | None, Depends(may_read)]
Reviewer = Annotated[SignedIn, Depends(must_review)]
DB = Annotated[Session, Depends(reader)]
Form = Annotated[FormData, Depends(checked_form)]

Code = Annotated[Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]{1,9}$")] | None, Blank]
StateChoice = Literal["unreviewed", "accepted", "corrected", "rejected", "all"]
#: What each select of the forms offers.
CHOICES = {
    "aid_type": get_args(AidType),
    "stage": get_args(Stage),
    "mechanism": get_args(Mechanism),
    "state": get_args(StateChoice),
    "items": get_args(Item),
}
#: Confirmations shown after a review action (never text from the query string itself).
DONE = {
    "accept": "Accepted.",
    "reject": "Rejected: the package is no longer counted.",
    "correct": "Corrected.",
    "merge": "Merged.",
    "split": "Split: the chosen mentions are a package of their own.",
}


class _Query(BaseModel):
    model_config = ConfigDict(extra="ignore")


class LedgerQuery(_Query):
    """The ledger page's query string (also the chart page's, which ignores sorting and paging)."""

    donor: Code = None
    recipient: Code = None
    aid_type: Annotated[AidType | None, Blank] = None
    stage: Annotated[Stage | None, Blank] = None
    mechanism: Annotated[Mechanism | None, Blank] = None
    since: Annotated[dt.date | None, Blank] = None
    until: Annotated[dt.date | None, Blank] = None
    state: Annotated[StateChoice | None, Blank] = None
    sort: Annotated[queries.SortKey, Blank] = "date"
    order: Annotated[Literal["asc", "desc"], Blank] = "desc"
    page: Annotated[int, Blank, Field(ge=1, le=100_000)] = 1
    per_page: Annotated[int, Blank, Field(ge=1, le=queries.MAX_PER_PAGE)] = 50

    def filters(self) -> queries.PackageFilters:
        return queries.PackageFilters(
            self.donor, self.recipient, self.aid_type, self.stage, self.mechanism, self.since, self.until, self.state
        )


class ArticlesQuery(_Query):
    language: Annotated[Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}$")] | None, Blank] = None
    outlet: Annotated[Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9.-]{1,255}$")] | None, Blank] = None
    since: Annotated[dt.date | None, Blank] = None
    until: Annotated[dt.date | None, Blank] = None
    page: Annotated[int, Blank, Field(ge=1, le=100_000)] = 1


class PageQuery(_Query):
    page: Annotated[int, Blank, Field(ge=1, le=100_000)] = 1
    done: Annotated[str | None, Blank] = None
    new: Annotated[int | None, Blank, Field(ge=1, le=MAX_ID)] = None
    merged: Annotated[int | None, Blank, Field(ge=1, le=MAX_ID)] = None
    next: Annotated[str | None, Blank] = None


Q = TypeVar("Q", bound=_Query)


def _parsed(model: type[Q], request: Request) -> Q:
    """The query string as ``model``, or a 400 page naming the first bad parameter."""
    try:
        return model.model_validate(dict(request.query_params))
    except ValidationError as exc:
        error = exc.errors()[0]
        raise HTTPException(400, f"{'.'.join(map(str, error['loc']))}: {error['msg']}") from None


# --- reading -----------------------------------------------------------------------------------------------------


@router.get("/")
def ledger_page(request: Request, session: DB, reviewer: Reader) -> Response:
    query = _parsed(LedgerQuery, request)
    listing = queries.list_packages(
        session, query.filters(), query.sort, query.order == "desc", query.page, query.per_page
    )
    context = {"query": query, "listing": listing, "choices": CHOICES, "parties": queries.choices(session)}
    return render(request, "ledger.html", context, reviewer)


@dataclass(frozen=True)
class SourceBlock:
    """One article of a package: who published it, its mentions of the package, its text with their evidence marked."""

    article: ArticleSummary
    mentions: list[MentionView]
    runs: list[Run]


def _evidence_marks(mentions: list[MentionView]) -> list[Mark]:
    return [
        Mark(
            m.evidence.start,
            m.evidence.end,
            "evidence",
            f"mention {m.id}: {m.values.donor or '?'} → {m.values.recipient or '?'}",
            f"evidence-{m.id}",
        )
        for m in mentions
    ]


def _sources(session: Session, detail: PackageDetail) -> list[SourceBlock]:
    texts = queries.article_texts(session, [source.id for source in detail.sources])
    blocks = []
    for source in detail.sources:
        mentions = [m for m in detail.mentions if m.article.id == source.id]
        blocks.append(SourceBlock(source, mentions, runs(texts.get(source.id, ""), _evidence_marks(mentions))))
    return blocks


def _package_page(
    request: Request, session: Session, reviewer: SignedIn | None, package_id: int, error: str | None = None
) -> Response:
    detail = get_package(session, package_id)
    if detail is None:
        into = review.merged_into(session, package_id)
        if into is not None:
            return RedirectResponse(f"/packages/{into}?merged={package_id}", status_code=303)
        raise HTTPException(404, f"There is no package {package_id}.")
    query = _parsed(PageQuery, request)
    context = {
        "package": detail,
        "sources": _sources(session, detail),
        "choices": CHOICES,
        "done": DONE.get(query.done or ""),
        "new_package": query.new,
        "merged_from": query.merged,
        "error": error,
        "fields": review.PACKAGE_FIELDS,
    }
    return render(request, "package.html", context, reviewer, 400 if error else 200)


@router.get("/packages/{package_id}")
def package_page(package_id: Id, request: Request, session: DB, reviewer: Reader) -> Response:
    return _package_page(request, session, reviewer, package_id)


@router.get("/articles")
def articles_page(request: Request, session: DB, reviewer: Reader) -> Response:
    query = _parsed(ArticlesQuery, request)
    filters = queries.ArticleFilters(query.language, query.outlet, query.since, query.until)
    listing = queries.list_articles(session, filters, query.page)
    return render(request, "articles.html", {"query": query, "listing": listing}, reviewer)


def _article_marks(article) -> list[Mark]:
    marks = _evidence_marks(article.mentions)
    for q in article.quotes:
        marks.append(Mark(q.start, q.end, "quote", f"quote: {q.speaker or 'unattributed'}", f"quote-{q.id}"))
    for entity in article.entities:
        for start, end in entity.spans:
            label = f"{entity.label}: {entity.name}" + (f" ({entity.code})" if entity.code else "")
            marks.append(Mark(start, end, f"entity entity-{entity.label.lower()}", label))
    return marks


@router.get("/articles/{article_id}")
def article_page(article_id: Id, request: Request, session: DB, reviewer: Reader) -> Response:
    article = queries.get_article(session, article_id)
    if article is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    context = {"article": article, "runs": runs(article.text, _article_marks(article))}
    return render(request, "article.html", context, reviewer)


@router.get("/charts")
def charts_page(request: Request, session: DB, reviewer: Reader) -> Response:
    query = _parsed(LedgerQuery, request)
    filters = query.filters()
    aid_types = [line.key for line in queries.totals(session, "aid_type", filters)]
    chart_query = {k: v for k, v in request.query_params.items() if v and k not in ("sort", "order", "page")}
    context = {
        "query": query,
        "choices": CHOICES,
        "parties": queries.choices(session),
        "charts": [(t, "/charts/cumulative.svg?" + urlencode(chart_query | {"aid_type": t})) for t in aid_types],
        "by_donor": queries.totals(session, "donor", filters),
        "by_type": queries.totals(session, "aid_type", filters),
        "by_month": queries.totals(session, "month", filters),
    }
    return render(request, "charts.html", context, reviewer)


@router.get("/charts/cumulative.svg")
def cumulative_chart(request: Request, session: DB, _reader: Reader) -> Response:
    query = _parsed(LedgerQuery, request)
    series = queries.cumulative(session, query.filters())
    title = f"{query.aid_type or 'All'} aid: cumulative commitments per donor (USD)"
    return Response(charts.cumulative_svg(series, title), media_type="image/svg+xml")


@router.get("/reviews")
def reviews_page(request: Request, session: DB, reviewer: Reader) -> Response:
    query = _parsed(PageQuery, request)
    return render(request, "reviews.html", {"listing": queries.list_review_events(session, query.page)}, reviewer)


@router.get("/api")
def api_page(request: Request, reviewer: Reader) -> Response:
    """A readable index of the JSON API, from its own OpenAPI schema (no script from elsewhere needed)."""
    schema = request.app.openapi()
    endpoints = [
        {"path": path, "method": method.upper(), **operation}
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return render(request, "api.html", {"endpoints": endpoints}, reviewer)


# --- signing in --------------------------------------------------------------------------------------------------


def _local_path(target: str | None) -> str:
    """Where to go after sign-in: a path on this site only, so the form cannot send anyone elsewhere."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
def login_page(request: Request, reviewer: Annotated[SignedIn | None, Depends(current_reviewer)]) -> Response:
    query = _parsed(PageQuery, request)
    return render(request, "login.html", {"next": _local_path(query.next), "error": None}, reviewer)


@router.post("/login")
def login(request: Request, form: Form) -> Response:
    name, password = str(form.get("name") or ""), str(form.get("password") or "")
    target = _local_path(str(form.get("next") or ""))
    with request.app.state.database.write.begin() as session:
        found = auth.verify(session, name, password)
        started = auth.start_session(session, found) if found else None
    if started is None:
        context = {"next": target, "error": "Wrong name or password."}
        return render(request, "login.html", context, None, 401)
    token, _ = started
    response = RedirectResponse(target, status_code=303)
    secure = is_https(request)
    max_age = auth.SESSION_DAYS * 86400
    response.set_cookie(
        auth.SESSION_COOKIE, token, max_age=max_age, httponly=True, samesite="lax", secure=secure, path="/"
    )
    response.delete_cookie(auth.CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, form: Form) -> Response:
    token = request.cookies.get(auth.SESSION_COOKIE)
    if token:
        with request.app.state.database.write.begin() as session:
            auth.end_session(session, token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response


# --- reviewing ---------------------------------------------------------------------------------------------------


def _changes(form: FormData, fields: tuple[str, ...]) -> dict[str, Any]:
    """The values a correction form sends: every field it shows, items as the list of boxes ticked."""
    return {name: form.getlist(name) if name == "items" else form.get(name, "") for name in fields}


def _note(form: FormData) -> str | None:
    note = form.get("note")
    return note if isinstance(note, str) else None


def _ids(values: list) -> list[int]:
    """Numbers posted by a form, each a valid id, or a ReviewError."""
    try:
        ids = [int(value) for value in values]
    except (TypeError, ValueError):
        raise ReviewError("a mention or package number is a whole number") from None
    if any(not 1 <= i <= MAX_ID for i in ids):
        raise ReviewError("there is no such mention or package")
    return ids


PackageAction = Literal["accept", "reject", "correct", "merge", "split"]
MentionAction = Literal["accept", "reject", "correct"]


def _package_decision(session: Session, package_id: int, action: str, form: FormData, name: str) -> dict[str, Any]:
    """Carry out one package action; returns the query string of the page to show after it."""
    note = _note(form)
    if action == "accept":
        review.accept_package(session, package_id, name, note)
    elif action == "reject":
        review.reject_package(session, package_id, name, note)
    elif action == "correct":
        review.correct_package(session, package_id, _changes(form, review.PACKAGE_FIELDS), name, note)
    elif action == "merge":
        (other,) = _ids([form.get("other") or "x"])
        review.merge_packages(session, package_id, other, name, note)
    else:
        new = review.split_package(session, package_id, _ids(form.getlist("mention")), name, note)
        return {"done": action, "new": new.id}
    return {"done": action}


def _decided(request: Request, reviewer: SignedIn, package_id: int, decide) -> Response:
    """Run a decision in one write transaction; back to the package page, with the error if it could not be done."""
    try:
        with request.app.state.database.write.begin() as session:
            shown_id, params, anchor = decide(session)
    except ReviewError as exc:
        with request.app.state.database.read() as session:
            return _package_page(request, session, reviewer, package_id, error=str(exc))
    return RedirectResponse(f"/packages/{shown_id}?{urlencode(params)}{anchor}", status_code=303)


@router.post("/packages/{package_id}/{action}")
def package_action(package_id: Id, action: PackageAction, request: Request, reviewer: Reviewer, form: Form):
    return _decided(
        request,
        reviewer,
        package_id,
        lambda session: (package_id, _package_decision(session, package_id, action, form, reviewer.name), ""),
    )


@router.post("/mentions/{mention_id}/{action}")
def mention_action(mention_id: Id, action: MentionAction, request: Request, reviewer: Reviewer, form: Form):
    try:
        (package_id,) = _ids([form.get("package")])
    except ReviewError:
        raise HTTPException(400, "The form does not say which package the mention belongs to.") from None

    def decide(session: Session):
        note = _note(form)
        if action == "accept":
            event = review.accept_mention(session, mention_id, reviewer.name, note)
        elif action == "reject":
            event = review.reject_mention(session, mention_id, reviewer.name, note)
        else:
            changes = _changes(form, review.MENTION_FIELDS)
            event = review.correct_mention(session, mention_id, changes, reviewer.name, note)
        shown = session.get(Mention, event.target_id).package_id
        return shown, {"done": action}, f"#mention-{mention_id}"

    return _decided(request, reviewer, package_id, decide)
