"""The tables of human review: reviewers and their sign-in sessions, review events, and reviewed values.

Reviewed values live beside the extracted ones, never over them: ``packages`` and ``mentions`` keep
what the machine derived (and what re-ingesting keeps deriving), ``package_reviews`` and
``mention_reviews`` hold what a reviewer decided, and ``review_events`` keeps every decision with
who, when, and the values before and after. Readers take a reviewed row over the extracted one
where there is one (:mod:`aidledger.ledger.review`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from aidledger.ledger.models import Base


def utcnow() -> dt.datetime:
    """The current time in UTC, without tzinfo: SQLite keeps no offset, so every stored time is UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Reviewer(Base):
    """Someone allowed to change the ledger through the web app (``aidledger user add NAME``)."""

    __tablename__ = "reviewers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(Text, comment="argon2id, in PHC string format")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ReviewerSession(Base):
    """A signed-in browser: the cookie holds a random token, the table only its SHA-256, so a leaked table signs no one in."""

    __tablename__ = "reviewer_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ReviewEvent(Base):
    """One review action on one package or mention: who, when, what, and the values before and after.

    ``reviewer`` is the name, not a key, so the history outlives the account.
    """

    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    reviewer: Mapped[str] = mapped_column(String(100))
    target: Mapped[str] = mapped_column(String(8), comment="package or mention")
    target_id: Mapped[int] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[dict[str, Any]] = mapped_column(JSON)
    after: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)


class _ReviewedValues:
    """The commitment fields a reviewer can set, shared by package and mention reviews."""

    state: Mapped[str] = mapped_column(String(16))
    donor: Mapped[str | None] = mapped_column(String(32))
    recipient: Mapped[str | None] = mapped_column(String(32))
    amount: Mapped[int | None] = mapped_column(BigInteger, comment="Whole units of the stated currency")
    currency: Mapped[str | None] = mapped_column(String(3))
    aid_type: Mapped[str] = mapped_column(String(16))
    mechanism: Mapped[str | None] = mapped_column(String(8))
    stage: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date)
    items: Mapped[list[str]] = mapped_column(JSON)
    corrected: Mapped[list[str]] = mapped_column(JSON, comment="The fields a reviewer set by hand")
    reviewer: Mapped[str] = mapped_column(String(100))
    reviewed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PackageReview(_ReviewedValues, Base):
    """The reviewed values of a package, placed in time and converted as the reviewed amount, currency and date say."""

    __tablename__ = "package_reviews"

    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"), primary_key=True)
    reference_date: Mapped[dt.date | None] = mapped_column(Date)
    reference_basis: Mapped[str | None] = mapped_column(String(16))
    amount_usd: Mapped[int | None] = mapped_column(BigInteger, comment="Whole US dollars")
    amount_eur: Mapped[int | None] = mapped_column(BigInteger, comment="Whole euros")
    fx_rate: Mapped[float | None] = mapped_column(Float)
    fx_rate_eur: Mapped[float | None] = mapped_column(Float)
    fx_date: Mapped[dt.date | None] = mapped_column(Date)
    fx_note: Mapped[str | None] = mapped_column(Text)


class MentionReview(_ReviewedValues, Base):
    """The reviewed values of one mention: what the article really says, as a reviewer read it."""

    __tablename__ = "mention_reviews"

    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True)
    announcer: Mapped[str | None] = mapped_column(Text)
