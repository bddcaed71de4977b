"""What ``aidledger watch`` remembers between polls and restarts, in two tables of the ledger database.

``watched_feeds`` keeps each feed's validators (ETag, Last-Modified) for
conditional GETs and how its last poll went; ``watched_entries`` keeps every
article link seen in any feed, with what became of it. A link is fetched once:
stored, triaged out, already in the ledger or refused for good, it is never
asked for again; a fetch that failed for a reason that can pass (a timeout, a
server error) is tried again on later polls, :data:`MAX_ATTEMPTS` times in all.
Keeping the state in the ledger means one file (or one PostgreSQL database) to
back up, on either backend (migration ``watch_state``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from aidledger.ledger.models import Base
from aidledger.ledger.store import Ledger

#: Fetches of one link, in all, when each failed for a reason that can pass.
MAX_ATTEMPTS = 3


class WatchedFeed(Base):
    """A feed polled by ``aidledger watch``: its validators for conditional GETs and its last poll."""

    __tablename__ = "watched_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[str | None] = mapped_column(String(300), comment="HTTP status of the last poll, or why it failed")


class WatchedEntry(Base):
    """An article link seen in a feed, and what became of it."""

    __tablename__ = "watched_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True, comment="The entry's link (or feed URL#entry id)")
    feed_id: Mapped[int] = mapped_column(ForeignKey("watched_feeds.id"), index=True)
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime)
    fetched_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(300), comment="stored, triaged out, unchanged, failed: …")
    done: Mapped[bool] = mapped_column(Boolean, default=False, comment="Never to be fetched again")


@dataclass(frozen=True)
class Validators:
    """What a conditional GET of a feed sends back: its last ETag and Last-Modified."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> list[tuple[str, str]]:
        sent = [("If-None-Match", self.etag)] if self.etag else []
        return sent + ([("If-Modified-Since", self.last_modified)] if self.last_modified else [])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class WatchState:
    """The feeds' validators and the entries seen, read and written through the ledger's database."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def validators(self, feed_url: str) -> Validators:
        with self.ledger.sessions() as session:
            feed = session.scalars(select(WatchedFeed).where(WatchedFeed.url == feed_url)).first()
            return Validators(feed.etag, feed.last_modified) if feed else Validators()

    def polled(self, feed_url: str, status: str, validators: Validators | None = None) -> None:
        """Record a poll of a feed; new validators replace the old when the feed answered with content."""
        with self.ledger.transaction() as session:
            feed = self._feed(session, feed_url)
            feed.checked_at, feed.status = _now(), status[:300]
            if validators is not None:
                feed.etag, feed.last_modified = validators.etag, validators.last_modified

    def wanted(self, links: list[str]) -> list[str]:
        """The links never seen, and those whose fetches failed for a reason that can pass, in order."""
        with self.ledger.sessions() as session:
            seen = {
                entry.url: entry
                for entry in session.scalars(select(WatchedEntry).where(WatchedEntry.url.in_(set(links))))
            }
        return [link for link in dict.fromkeys(links) if link not in seen or not seen[link].done]

    def record(self, feed_url: str, link: str, outcome: str, done: bool) -> None:
        """What became of one fetch of ``link``: ``done`` when it is never to be fetched again."""
        with self.ledger.transaction() as session:
            entry = session.scalars(select(WatchedEntry).where(WatchedEntry.url == link)).first()
            if entry is None:
                entry = WatchedEntry(url=link, feed_id=self._feed(session, feed_url).id, first_seen=_now(), attempts=0)
                session.add(entry)
            entry.attempts += 1
            entry.fetched_at, entry.outcome = _now(), outcome[:300]
            entry.done = done or entry.attempts >= MAX_ATTEMPTS

    @staticmethod
    def _feed(session, feed_url: str) -> WatchedFeed:
        feed = session.scalars(select(WatchedFeed).where(WatchedFeed.url == feed_url)).first()
        if feed is None:
            feed = WatchedFeed(url=feed_url)
            session.add(feed)
            session.flush()
        return feed
