"""Who may do what: open reading on loopback, signed-in reviewers for every write, cookies, CSRF, passwords."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from aidledger.ledger import Ledger
from aidledger.ledger.review_models import Reviewer, ReviewerSession, ReviewEvent
from aidledger.web import auth
from tests.web.conftest import PASSWORD, REVIEWER, client_for, csrf_token, package_id, post_form, sign_in


def _events(db: str) -> int:
    with Ledger(db).sessions() as session:
        return len(session.scalars(select(ReviewEvent)).all())


def test_reading_is_open_but_a_write_without_sign_in_is_refused_and_stores_nothing(client, web_db):
    assert client.get("/").status_code == 200 and client.get("/api/packages").status_code == 200
    target = package_id(client, "USA")
    refused = post_form(client, f"/packages/{target}/reject")
    assert refused.status_code == 401
    assert client.get(f"/api/packages/{target}").json()["state"] == "unreviewed"
    assert _events(web_db) == 0


def test_sign_in_sets_an_httponly_samesite_session_cookie_and_goes_back_where_asked(client):
    response = client.post(
        "/login",
        data={"name": REVIEWER, "password": PASSWORD, "csrf_token": csrf_token(client), "next": "/packages/1"},
        follow_redirects=False,
    )
    assert (response.status_code, response.headers["location"]) == (303, "/packages/1")
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith(auth.SESSION_COOKIE + "="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert f"Signed in as <strong>{REVIEWER}</strong>" in client.get("/").text


@pytest.mark.parametrize("name, password", [(REVIEWER, "wrong password!"), ("nobody", PASSWORD), ("", "")])
def test_a_wrong_name_or_password_signs_no_one_in(client, name, password):
    response = sign_in(client, name, password)
    assert response.status_code == 401
    assert "Wrong name or password." in response.text
    assert auth.SESSION_COOKIE not in response.cookies


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "javascript:alert(1)", "/\\evil"])
def test_after_sign_in_the_next_page_is_always_on_this_site(client, target):
    response = client.post(
        "/login",
        data={"name": REVIEWER, "password": PASSWORD, "csrf_token": csrf_token(client), "next": target},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_a_form_without_the_right_csrf_token_is_refused_even_when_signed_in(client, web_db):
    sign_in(client)
    target = package_id(client, "USA")
    for data in ({}, {"csrf_token": "forged"}, {"csrf_token": ""}):
        response = client.post(f"/packages/{target}/reject", data=data, follow_redirects=False)
        assert response.status_code == 403
    assert _events(web_db) == 0


def test_a_form_posted_from_another_site_is_refused(client, web_db):
    sign_in(client)
    token = csrf_token(client, "/")
    response = client.post(
        f"/packages/{package_id(client, 'USA')}/reject",
        data={"csrf_token": token},
        headers={"origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert _events(web_db) == 0


def test_the_sign_in_form_needs_its_csrf_cookie_too(client):
    response = client.post("/login", data={"name": REVIEWER, "password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 403


def test_signing_out_ends_the_session_on_the_server(client, web_db):
    sign_in(client)
    stolen = client.cookies.get(auth.SESSION_COOKIE)
    assert post_form(client, "/logout").status_code == 303
    with Ledger(web_db).sessions() as session:
        assert session.scalars(select(ReviewerSession)).all() == []
    client.cookies.set(auth.SESSION_COOKIE, stolen)
    assert "Sign in to review" in client.get("/").text


def test_the_database_keeps_an_argon2_hash_and_only_a_digest_of_the_session_token(client, web_db):
    sign_in(client)
    with Ledger(web_db).sessions() as session:
        reviewer = session.scalars(select(Reviewer)).one()
        stored = session.scalars(select(ReviewerSession)).one()
    assert reviewer.password_hash.startswith("$argon2id$") and PASSWORD not in reviewer.password_hash
    assert stored.token_hash != client.cookies.get(auth.SESSION_COOKIE)


def test_when_reading_is_not_open_every_page_and_the_api_need_sign_in(web_db):
    client = client_for(web_db, read_open=False)
    page = client.get("/packages/1", follow_redirects=False)
    assert (page.status_code, page.headers["location"]) == (303, "/login?next=%2Fpackages%2F1")
    assert client.get("/api/packages").status_code == 401
    assert client.get("/charts/cumulative.svg", follow_redirects=False).status_code == 303
    assert client.get("/login").status_code == 200 and client.get("/static/style.css").status_code == 200
    sign_in(client)
    assert client.get("/api/packages").status_code == 200


def test_a_new_password_or_removing_a_reviewer_ends_their_sessions(client, web_db):
    sign_in(client)
    ledger = Ledger(web_db)
    with ledger.sessions.begin() as session:
        auth.set_password(session, REVIEWER, "another long password")
    assert "Sign in to review" in client.get("/").text
    assert sign_in(client, REVIEWER, "another long password").status_code == 303
    with ledger.sessions.begin() as session:
        auth.remove_reviewer(session, REVIEWER)
    assert "Sign in to review" in client.get("/").text


@pytest.mark.parametrize(
    "name, password, message",
    [
        ("ann", "long enough password", "already exists"),
        ("bob", "short", "at least 10 characters"),
        ("bob smith", "long enough password", "a name is"),
        ("<b>", "long enough password", "a name is"),
    ],
)
def test_an_account_that_cannot_be_made_is_refused_with_the_reason(web_db, name, password, message):
    with pytest.raises(auth.AccountError, match=message), Ledger(web_db).sessions.begin() as session:
        auth.add_reviewer(session, name, password)
