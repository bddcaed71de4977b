"""The web app: settings, database sessions, who is signed in, page rendering, security headers, errors.

:func:`create_app` assembles the JSON API (:mod:`aidledger.web.api`) and the HTML pages
(:mod:`aidledger.web.pages`) on one ledger. Reading is open when ``read_open`` (the default on
loopback); every write needs a signed-in reviewer and a form carrying its CSRF token.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import FormData, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

import aidledger
from aidledger.ledger.db import open_database
from aidledger.web import auth
from aidledger.web.auth import SignedIn

HERE = Path(__file__).parent
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

#: Sent with every response: no inline script or style runs, even if something slipped through escaping.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


@dataclass(frozen=True)
class WebSettings:
    """How the app runs: which ledger, whether reading needs sign-in, which Host headers it answers."""

    db: str | None = None
    read_open: bool = True
    allowed_hosts: tuple[str, ...] = field(default=LOOPBACK_HOSTS)


class Database:
    """Sessions on the ledger: readers are deferred, writers take the SQLite write lock up front."""

    def __init__(self, db: str | None) -> None:
        engine = open_database(db)
        self.read = sessionmaker(engine, expire_on_commit=False)
        self.write = sessionmaker(engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False)


class SignInRequired(Exception):
    """Raised where a request needs a signed-in reviewer: pages redirect to sign-in, the API answers 401."""


class SecurityHeaders:
    """Pure ASGI middleware adding :data:`SECURITY_HEADERS` (cheaper per request than BaseHTTPMiddleware)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


# --- dependencies ------------------------------------------------------------------------------------------------


def reader(request: Request) -> Iterator[Session]:
    """A read session for the request."""
    with request.app.state.database.read() as session:
        yield session


def current_reviewer(request: Request, session: Annotated[Session, Depends(reader)]) -> SignedIn | None:
    """Who the session cookie signs in, if anyone."""
    return auth.signed_in(session, request.cookies.get(auth.SESSION_COOKIE))


def may_read(request: Request, reviewer: Annotated[SignedIn | None, Depends(current_reviewer)]) -> SignedIn | None:
    """Let the request read the ledger: anyone when reading is open, else signed-in reviewers."""
    if reviewer is None and not request.app.state.settings.read_open:
        raise SignInRequired
    return reviewer


def must_review(reviewer: Annotated[SignedIn | None, Depends(may_read)]) -> SignedIn:
    """Only a signed-in reviewer may change the ledger."""
    if reviewer is None:
        raise SignInRequired
    return reviewer


async def checked_form(request: Request, reviewer: Annotated[SignedIn | None, Depends(current_reviewer)]) -> FormData:
    """The posted form, if it comes from this site and carries the right CSRF token; 403 otherwise."""
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "This form was sent from another site.")
    form = await request.form()
    expected = reviewer.csrf_token if reviewer else request.cookies.get(auth.CSRF_COOKIE)
    given = form.get(auth.CSRF_FIELD)
    if not auth.same_token(given if isinstance(given, str) else None, expected):
        raise HTTPException(403, "This form has expired or was not sent from this site: reload the page and try again.")
    return form


def is_https(request: Request) -> bool:
    return request.url.scheme == "https"


# --- rendering ---------------------------------------------------------------------------------------------------


def _compact(value: float | None) -> str:
    """325000000 -> '325.0 M', 2.7e9 -> '2.70 bn': amounts as a reader scans a column."""
    if value is None or not math.isfinite(value):
        return "—"
    for scale, suffix, digits in ((1e9, "bn", 2), (1e6, "M", 1), (1e3, "k", 0)):
        if abs(value) >= scale:
            return f"{value / scale:,.{digits}f} {suffix}"
    return f"{value:,.0f}"


def _amount(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:,.2f}".removesuffix(".00")


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.6g}"


def _plain(value: int | None) -> str:
    """A number as a form field shows it and reads it back unchanged."""
    return "" if value is None else str(value)


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, else None: a ``javascript:`` or ``data:`` URL never becomes a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def query_url(request: Request, **changes: Any) -> str:
    """This page's path with its query changed (a None or empty value drops the parameter)."""
    params = dict(request.query_params) | {k: v for k, v in changes.items()}
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return request.url.path + ("?" + urlencode(kept) if kept else "")


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(compact=_compact, amount=_amount, rate=_rate, plain=_plain, web_url=web_url)
    environment.globals.update(query_url=query_url, version=aidledger.__version__)
    return environment


def render(
    request: Request, name: str, context: dict[str, Any], reviewer: SignedIn | None, status_code: int = 200
) -> Response:
    """A page from template ``name``, with who is signed in and the CSRF token its forms carry."""
    token = reviewer.csrf_token if reviewer else request.cookies.get(auth.CSRF_COOKIE)
    new_token = None if token else auth.new_token()
    templates: Jinja2Templates = request.app.state.templates
    response = templates.TemplateResponse(
        request,
        name,
        context | {"reviewer": reviewer, "csrf_token": token or new_token, "csrf_field": auth.CSRF_FIELD},
        status_code=status_code,
    )
    if new_token:
        response.set_cookie(
            auth.CSRF_COOKIE, new_token, httponly=True, samesite="lax", secure=is_https(request), path="/"
        )
    return response


# --- errors ------------------------------------------------------------------------------------------------------


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _sign_in_required(request: Request, _exc: SignInRequired) -> Response:
    if _is_api(request) or request.method != "GET":
        return Response('{"detail":"sign in first"}', status_code=401, media_type="application/json")
    return RedirectResponse("/login?" + urlencode({"next": query_url(request)}), status_code=303)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if _is_api(request):
        return await http_exception_handler(request, exc)
    detail = exc.detail if isinstance(exc.detail, str) else "Something is wrong with this request."
    return render(request, "error.html", {"status": exc.status_code, "detail": detail}, None, exc.status_code)


async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    if _is_api(request):
        return await request_validation_exception_handler(request, exc)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ())[1:])
    in_path = first.get("loc", ("",))[0] == "path"
    status = 404 if in_path else 400
    detail = "There is no such page." if in_path else f"{where}: {first.get('msg', 'invalid value')}"
    return render(request, "error.html", {"status": status, "detail": detail}, None, status)


# --- the app -----------------------------------------------------------------------------------------------------


def create_app(settings: WebSettings = WebSettings()) -> FastAPI:
    """The app on the ledger ``settings.db`` (opened and migrated now, so a bad URL fails at start)."""
    from aidledger.web import api, pages

    app = FastAPI(
        title="aidledger",
        version=aidledger.__version__,
        summary="The aid ledger: packages, their sources and evidence, quotes, entities, totals, reviews.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.database = Database(settings.db)
    app.state.templates = Jinja2Templates(env=_environment())
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_exception_handler(SignInRequired, _sign_in_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_middleware(SecurityHeaders)
    if "*" not in settings.allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    return app
