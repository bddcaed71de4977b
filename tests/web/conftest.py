"""Web fixtures: the test ledger with a reviewer, an app client on it, and helpers to sign in and post forms."""

from __future__ import annotations

import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from aidledger.web import WebSettings, create_app
from aidledger.web.auth import add_reviewer
from tests.ledger.conftest import db_url  # noqa: F401  (the ledger tests' SQLite + PostgreSQL fixture)
from tests.web import ledger_data

REVIEWER, PASSWORD = "ann", "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def filled(db: str) -> str:
    """``db`` holding the test articles and the reviewer ann."""
    ledger = ledger_data.fill(db)
    with ledger.sessions.begin() as session:
        add_reviewer(session, REVIEWER, PASSWORD)
    return db


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    """The filled SQLite ledger, built once; tests get copies."""
    path = tmp_path_factory.mktemp("web") / "template.db"
    filled(f"sqlite:///{path}")
    return path


def copy_of(template, path) -> str:
    """A consistent copy of an SQLite ledger (the backup API includes what is still in the WAL)."""
    with sqlite3.connect(template) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return f"sqlite:///{path}"


@pytest.fixture
def web_db(template_db, tmp_path) -> str:
    """A filled ledger of the test's own, to change."""
    return copy_of(template_db, tmp_path / "web.db")


def client_for(db: str, **settings) -> TestClient:
    return TestClient(create_app(WebSettings(db=db, allowed_hosts=("testserver",), **settings)))


@pytest.fixture
def client(web_db) -> TestClient:
    """A client on a ledger of the test's own."""
    return client_for(web_db)


@pytest.fixture(scope="module")
def reading_client(template_db, tmp_path_factory) -> TestClient:
    """A client for tests that only read, sharing one ledger per module."""
    return client_for(copy_of(template_db, tmp_path_factory.mktemp("read") / "web.db"))


def csrf_token(client: TestClient, page: str = "/login") -> str:
    """The CSRF token the forms of ``page`` carry for this client."""
    return CSRF.search(client.get(page).text).group(1)


def sign_in(client: TestClient, name: str = REVIEWER, password: str = PASSWORD):
    token = csrf_token(client)
    return client.post(
        "/login", data={"name": name, "password": password, "csrf_token": token, "next": "/"}, follow_redirects=False
    )


def post_form(client: TestClient, url: str, data: dict | None = None, page: str = "/login"):
    """Post a form as the browser would: with the CSRF token the site gave this client."""
    return client.post(url, data={"csrf_token": csrf_token(client, page), **(data or {})}, follow_redirects=False)


def package_id(client: TestClient, donor: str) -> int:
    """The id of the (only) open package of ``donor``."""
    (row,) = client.get("/api/packages", params={"donor": donor}).json()["items"]
    return row["id"]
