"""The ledger's tables, as SQLAlchemy 2 typed ORM classes.

The tables are deliberately plain (integers, text, ISO dates, no enums or arrays) so that the SQLite
file opens as it is in Datasette, DuckDB or any SQL client. Amounts of money are whole units of their
currency in integer columns, so they are exact on every backend (no 3099999999.9999995); exchange rates,
which are quotients, are stored to ten decimal places. Every change to the tables goes through a
migration in ``aidledger/ledger/migrations/versions``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of the ledger tables."""


class Article(Base):
    """One stored input document; ``n_commitments`` lets a check prove its mentions are all there."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[str] = mapped_column(String(500), index=True)
    source: Mapped[str | None] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(String(2000), index=True)
    outlet: Mapped[str | None] = mapped_column(String(255), index=True)
    language: Mapped[str] = mapped_column(String(16))
    published: Mapped[dt.date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    n_commitments: Mapped[int] = mapped_column(Integer)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    mentions: Mapped[list[Mention]] = relationship(back_populates="article", cascade="all, delete-orphan")
    quotes: Mapped[list[Quote]] = relationship(cascade="all, delete-orphan")
    entities: Mapped[list[Entity]] = relationship(cascade="all, delete-orphan")


class Package(Base):
    """A merged commitment: what several mentions, in any outlet or language, report together.

    Its fields are derived from its mentions (see :func:`aidledger.ledger.merge.summarise`). Every
    package has a ``reference_date``: its announcement date, else its earliest report's publication
    date, else the day it was first ingested (``reference_basis`` says which); reports place the package
    by it, and the amounts in USD and EUR use the ECB reference rate of that day (``fx_date`` is the
    ECB business day whose rate was used).
    """

    __tablename__ = "packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    donor: Mapped[str | None] = mapped_column(String(32), index=True)
    recipient: Mapped[str | None] = mapped_column(String(32), index=True)
    amount: Mapped[int | None] = mapped_column(BigInteger, comment="Whole units of the stated currency")
    currency: Mapped[str | None] = mapped_column(String(3))
    aid_type: Mapped[str] = mapped_column(String(16))
    mechanism: Mapped[str | None] = mapped_column(String(8))
    stage: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True, comment="Announcement date, when a report states it")
    reference_date: Mapped[dt.date | None] = mapped_column(
        Date, index=True, comment="date, else the earliest publication date, else the first ingest date"
    )
    reference_basis: Mapped[str | None] = mapped_column(
        String(16), comment="Which of the three reference_date is: announcement, published or ingested"
    )
    amount_usd: Mapped[int | None] = mapped_column(BigInteger, comment="Whole US dollars")
    amount_eur: Mapped[int | None] = mapped_column(BigInteger, comment="Whole euros")
    fx_rate: Mapped[float | None] = mapped_column(Float, comment="USD per unit of the stated currency")
    fx_rate_eur: Mapped[float | None] = mapped_column(Float, comment="EUR per unit of the stated currency")
    fx_date: Mapped[dt.date | None] = mapped_column(Date, comment="The ECB business day whose rates were used")
    fx_note: Mapped[str | None] = mapped_column(Text)

    mentions: Mapped[list[Mention]] = relationship(back_populates="package")
    stages: Mapped[list[PackageStage]] = relationship(cascade="all, delete-orphan", order_by="PackageStage.date")


class Mention(Base):
    """One commitment as one article reports it, with the evidence that supports it."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    donor: Mapped[str | None] = mapped_column(String(32), index=True)
    recipient: Mapped[str | None] = mapped_column(String(32), index=True)
    amount: Mapped[int | None] = mapped_column(BigInteger, comment="Whole units of the stated currency")
    currency: Mapped[str | None] = mapped_column(String(3))
    aid_type: Mapped[str] = mapped_column(String(16))
    mechanism: Mapped[str | None] = mapped_column(String(8))
    stage: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date, comment="Announcement date as the article states it")
    effective_date: Mapped[dt.date | None] = mapped_column(Date, comment="date, else the article's publication date")
    announcer: Mapped[str | None] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_key: Mapped[str] = mapped_column(
        String(64), index=True, comment="Hash of the normalised evidence: syndicated copies share it"
    )
    running_totals: Mapped[list[list] | None] = mapped_column(
        JSON, comment="[amount, currency] of each running total of the donor's aid the article states"
    )
    series_number: Mapped[int | None] = mapped_column(
        Integer, comment="The package's number in the donor's series the article states ('the 45th drawdown')"
    )
    raised_from: Mapped[list | None] = mapped_column(
        JSON, comment="[amount, currency] a raise starts from when the article gives it ('from 15 to 40 million')"
    )  # the amount in whole units, as every amount of the ledger

    article: Mapped[Article] = relationship(back_populates="mentions")
    package: Mapped[Package] = relationship(back_populates="mentions")
    items: Mapped[list[MentionItem]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (UniqueConstraint("article_id", "position"),)


class MentionItem(Base):
    """One category of equipment a mention lists (a row each, so it can be grouped and counted in SQL)."""

    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(40), index=True)


class PackageStage(Base):
    """One step of a package's history (anticipated, announced, delivered) with the mention that first showed it."""

    __tablename__ = "package_stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date)
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))
    evidence: Mapped[str] = mapped_column(Text)

    mention: Mapped[Mention] = relationship()

    __table_args__ = (UniqueConstraint("package_id", "stage"),)


class Quote(Base):
    """A quotation in an article with the person or institution it is attributed to."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    speaker: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    affiliation: Mapped[str | None] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    quote_start: Mapped[int] = mapped_column(Integer)
    quote_end: Mapped[int] = mapped_column(Integer)


class Entity(Base):
    """A person, organisation or place an article names; ``spans`` is a JSON list of [start, end] offsets."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(8))
    code: Mapped[str | None] = mapped_column(String(32), index=True)
    country: Mapped[str | None] = mapped_column(String(32))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    spans: Mapped[list[list[int]]] = mapped_column(JSON)
