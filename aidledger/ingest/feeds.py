"""RSS and Atom feeds: one Document per entry, its HTML summary or content flattened to text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser

from aidledger.ingest.errors import ReadError, Unreadable, checked_document
from aidledger.ingest.html import fragment_text
from aidledger.schema import Document

#: The root element of a feed, after an optional XML declaration, comments or a doctype.
_FEED_ROOT = re.compile(rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)
SNIFF_BYTES = 4096


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file open an RSS, Atom or RDF feed."""
    return bool(_FEED_ROOT.match(head.lstrip(b"\xef\xbb\xbf")))


def count_entries(data: bytes) -> int:
    """The number of entries of the feed in ``data``."""
    return len(feedparser.parse(data).entries)


@dataclass(frozen=True)
class Entry:
    """One entry of a feed: the link to its article (absolute), or only its own text when it has none."""

    key: str  # the link, else the feed's URL and the entry's id
    link: str | None
    title: str | None
    published: dt.date | None
    lang: str | None
    text: str


def feed_entries(data: bytes, feed_url: str) -> list[Entry]:
    """The entries of the feed in ``data``, links resolved against ``feed_url``; raises Unreadable when it
    holds none."""
    parsed = feedparser.parse(data, response_headers={"content-location": feed_url})
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise Unreadable(f"no feed entries ({type(problem).__name__})" if problem else "no feed entries")
    found = []
    for number, entry in enumerate(parsed.entries, 1):
        link = urljoin(feed_url, entry["link"]) if entry.get("link") else None
        found.append(
            Entry(
                key=link or f"{feed_url}#{entry.get('id') or number}",
                link=link,
                title=entry.get("title") or None,
                published=_entry_date(entry),
                lang=_entry_lang(entry, parsed.feed),
                text=_entry_text(entry),
            )
        )
    return found


def feed_documents(data: bytes, source: str) -> Iterator[Document | ReadError]:
    """The entries of the feed in ``data``, a ReadError for an entry that fails; raises Unreadable when it holds none.

    ``data`` is passed as bytes so feedparser never treats it as a URL to fetch.
    """
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise Unreadable(f"no feed entries ({type(problem).__name__})" if problem else "no feed entries")
    for number, entry in enumerate(parsed.entries, 1):
        text = _entry_text(entry)
        if not text:
            continue
        try:
            yield checked_document(
                id=entry.get("id") or entry.get("link") or f"{source}#{number}",
                text=text,
                published=_entry_date(entry),
                url=entry.get("link"),
                lang=_entry_lang(entry, parsed.feed),
                title=entry.get("title") or None,
                source=source,
            )
        except Unreadable as exc:
            yield ReadError(f"{source}#{number}", str(exc))


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    """Title, then the fullest body the entry has (content over summary), as plain text."""
    body = entry["content"][0].get("value", "") if entry.get("content") else entry.get("summary", "")
    parts = (fragment_text(entry.get("title", "")), fragment_text(body))
    return "\n\n".join(part for part in parts if part)


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    """The entry's date; None for none, or for one the calendar lacks (feedparser passes year 0 through)."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    except ValueError:
        return None


def _entry_lang(entry: feedparser.FeedParserDict, feed: feedparser.FeedParserDict) -> str | None:
    """The declared language tag of the entry or its feed (the Document keeps its primary subtag)."""
    detail = entry.get("content", [{}])[0] if entry.get("content") else entry.get("summary_detail", {})
    return detail.get("language") or feed.get("language")
