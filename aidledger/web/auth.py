"""Reviewers, their passwords and sign-in sessions, and the CSRF check every form goes through.

Passwords are hashed with argon2id (``argon2-cffi``). A session is a random token in an HttpOnly,
SameSite=Lax cookie; the database keeps only its SHA-256, with the session's CSRF token and its
expiry, so signing out (or removing the reviewer) ends it for good. Every form carries a CSRF token:
a signed-in reviewer's is bound to the session on the server; before sign-in it is a random
cookie the form must echo (double submit), renewed at sign-in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from aidledger.ledger.review_models import Reviewer, ReviewerSession, utcnow

SESSION_COOKIE = "aidledger_session"
CSRF_COOKIE = "aidledger_csrf"
CSRF_FIELD = "csrf_token"
SESSION_DAYS = 14
MIN_PASSWORD = 10
NAME_PATTERN = re.compile(r"^[\w.@-]{1,100}$")

_hasher = PasswordHasher()
#: Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """A reviewer account that cannot be created or changed, with the reason."""


@dataclass(frozen=True)
class SignedIn:
    """The reviewer behind a request and the CSRF token their forms must carry."""

    reviewer_id: int
    name: str
    csrf_token: str


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password has at least {MIN_PASSWORD} characters")


def add_reviewer(session: Session, name: str, password: str) -> Reviewer:
    """Create a reviewer; the caller commits."""
    if not NAME_PATTERN.match(name):
        raise AccountError(f"{name!r}: a name is 1–100 letters, digits, '.', '@', '_' or '-'")
    _check_password(password)
    if session.scalar(select(Reviewer.id).where(Reviewer.name == name)) is not None:
        raise AccountError(f"a reviewer named {name} already exists")
    reviewer = Reviewer(name=name, password_hash=_hasher.hash(password))
    session.add(reviewer)
    try:
        session.flush()
    except IntegrityError:  # created by someone else meanwhile
        raise AccountError(f"a reviewer named {name} already exists") from None
    return reviewer


def _reviewer(session: Session, name: str) -> Reviewer:
    reviewer = session.scalars(select(Reviewer).where(Reviewer.name == name)).one_or_none()
    if reviewer is None:
        raise AccountError(f"there is no reviewer named {name}")
    return reviewer


def set_password(session: Session, name: str, password: str) -> None:
    """Give a reviewer a new password and sign them out everywhere."""
    _check_password(password)
    reviewer = _reviewer(session, name)
    reviewer.password_hash = _hasher.hash(password)
    session.execute(delete(ReviewerSession).where(ReviewerSession.reviewer_id == reviewer.id))


def remove_reviewer(session: Session, name: str) -> None:
    """Remove a reviewer and their sessions; their review events keep their name."""
    reviewer = _reviewer(session, name)
    session.execute(delete(ReviewerSession).where(ReviewerSession.reviewer_id == reviewer.id))
    session.delete(reviewer)


def list_reviewers(session: Session) -> list[Reviewer]:
    return list(session.scalars(select(Reviewer).order_by(Reviewer.name)))


def verify(session: Session, name: str, password: str) -> Reviewer | None:
    """The reviewer if the password is theirs, else None (in the same time whether or not the name exists)."""
    reviewer = session.scalars(select(Reviewer).where(Reviewer.name == name)).one_or_none()
    try:
        _hasher.verify(reviewer.password_hash if reviewer else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if reviewer is None:
        return None
    if _hasher.check_needs_rehash(reviewer.password_hash):
        reviewer.password_hash = _hasher.hash(password)
    return reviewer


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def start_session(session: Session, reviewer: Reviewer) -> tuple[str, SignedIn]:
    """A new session for ``reviewer``: the cookie value and who it signs in. Expired sessions are swept here."""
    session.execute(delete(ReviewerSession).where(ReviewerSession.expires_at < utcnow()))
    token, csrf = new_token(), new_token()
    session.add(
        ReviewerSession(
            token_hash=_digest(token),
            reviewer_id=reviewer.id,
            csrf_token=csrf,
            expires_at=utcnow() + dt.timedelta(days=SESSION_DAYS),
        )
    )
    return token, SignedIn(reviewer.id, reviewer.name, csrf)


def end_session(session: Session, token: str) -> None:
    session.execute(delete(ReviewerSession).where(ReviewerSession.token_hash == _digest(token)))


def signed_in(session: Session, token: str | None) -> SignedIn | None:
    """Who a session cookie signs in, if it is a live session."""
    if not token:
        return None
    row = session.execute(
        select(Reviewer.id, Reviewer.name, ReviewerSession.csrf_token)
        .join(ReviewerSession, ReviewerSession.reviewer_id == Reviewer.id)
        .where(ReviewerSession.token_hash == _digest(token), ReviewerSession.expires_at > utcnow())
    ).one_or_none()
    return SignedIn(*row) if row else None


def same_token(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison; a missing token never matches."""
    return bool(given and expected) and hmac.compare_digest(given.encode(), expected.encode())
