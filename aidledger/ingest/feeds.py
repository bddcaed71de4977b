"""RSS and Atom feeds: one Document per entry, its HTML summary or content flattened to text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import feedparser

from aidledger.ingest.errors import Unreadable
from aidledger.ingest.html import fragment_text
from aidledger.ingest.language import language_code
from aidledger.schema import Document

#: The root element of a feed, after an optional XML declaration, comments or a doctype.
_FEED_ROOT = re.compile(rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)
SNIFF_BYTES = 4096


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file open an RSS, Atom or RDF feed."""
    return bool(_FEED_ROOT.match(head.lstrip(b"\xef\xbb\xbf")))


def feed_documents(data: bytes, source: str) -> Iterator[Document]:
    """The entries of the feed in ``data``; raises Unreadable when it holds none.

    ``data`` is passed as bytes so feedparser never treats it as a URL to fetch.
    """
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise Unreadable(f"no feed entries ({type(problem).__name__})" if problem else "no feed entries")
    for number, entry in enumerate(parsed.entries, 1):
        text = _entry_text(entry)
        if text:
            yield Document(
                id=entry.get("id") or entry.get("link") or f"{source}#{number}",
                text=text,
                published=_entry_date(entry),
                url=entry.get("link"),
                lang=_entry_lang(entry, parsed.feed),
                title=entry.get("title") or None,
                source=source,
            )


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    """Title, then the fullest body the entry has (content over summary), as plain text."""
    body = entry["content"][0].get("value", "") if entry.get("content") else entry.get("summary", "")
    parts = (fragment_text(entry.get("title", "")), fragment_text(body))
    return "\n\n".join(part for part in parts if part)


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None


def _entry_lang(entry: feedparser.FeedParserDict, feed: feedparser.FeedParserDict) -> str | None:
    """The declared language of the entry or its feed ("fr" for "fr-FR"), None when undeclared."""
    detail = entry.get("content", [{}])[0] if entry.get("content") else entry.get("summary_detail", {})
    return language_code(detail.get("language") or feed.get("language"))
