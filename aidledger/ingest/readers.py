"""Readers that turn paths into Documents, one error per bad input and never an exception.

``read_paths`` picks the reader by file type; each format lives in its own
module (``text``, ``html``, ``jsonl``, ``feeds``, ``warc``). Files holding one
article are size-checked before they are opened; archives (JSONL, WARC) are
streamed and each record is checked instead, so a large corpus is readable
while one oversized article is not.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from aidledger.ingest.errors import ReadError, Unreadable, checked_document
from aidledger.ingest.feeds import SNIFF_BYTES, count_entries, feed_documents, looks_like_feed
from aidledger.ingest.html import extract_article
from aidledger.ingest.jsonl import count_lines, jsonl_documents
from aidledger.ingest.text import decode_text, normalize_newlines
from aidledger.ingest.warc import count_records, warc_documents
from aidledger.limits import DEFAULT_MAX_BYTES
from aidledger.schema import Document

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "ReadError", "count_documents", "read_paths"]

_TEXT, _HTML, _JSONL, _FEED, _WARC, _SNIFF = "text", "html", "jsonl", "feed", "warc", "sniff"
_KINDS: dict[str, str] = {
    ".txt": _TEXT,
    ".html": _HTML,
    ".htm": _HTML,
    ".jsonl": _JSONL,
    ".rss": _FEED,
    ".atom": _FEED,
    ".xml": _FEED,
    ".warc": _WARC,
    ".warc.gz": _WARC,
}
SUPPORTED_SUFFIXES = frozenset(_KINDS)
_STREAMED = frozenset({_JSONL, _WARC})


def read_paths(
    paths: Iterable[Path],
    lang: str | None = None,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | ReadError]:
    """Documents from files and folders, with a ReadError for each input (file, line or record) that fails.

    ``lang`` from the caller overrides what a document declares; ``published``
    from the caller only fills in documents that carry no date of their own.
    """
    for path in paths:
        for item in _read_path(Path(path), max_bytes):
            yield item if isinstance(item, ReadError) else _with_defaults(item, lang, published)


def count_documents(paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """How many items :func:`read_paths` will yield, counted far faster than they are extracted: the
    total of a progress bar. JSONL lines and WARC records are counted, a feed's entries parsed; a bad
    input counts as the one error it gives."""
    total = 0
    for path in map(Path, paths):
        files = _supported_files(path) if path.is_dir() else [path]
        total += sum(_count_file(file, max_bytes) for file in files) or 1
    return total


def _count_file(path: Path, max_bytes: int) -> int:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return 1
        kind = _KINDS.get(_suffix(path), _SNIFF)
        if kind == _JSONL:
            return max(count_lines(path, max_bytes), 1)
        if kind == _WARC:
            return max(count_records(path), 1)
        if kind in (_FEED, _SNIFF) and path.stat().st_size <= max_bytes:
            data = path.read_bytes()
            if looks_like_feed(data[:SNIFF_BYTES]):
                return max(count_entries(data), 1)
    except OSError:
        pass
    return 1


def _read_path(path: Path, max_bytes: int) -> Iterator[Document | ReadError]:
    if path.is_dir():
        files = _supported_files(path)
        if not files:
            yield ReadError(str(path), "no supported files in folder")
        for file in files:
            yield from _read_file(file, max_bytes)
    elif path.exists():
        yield from _read_file(path, max_bytes)
    else:
        yield ReadError(str(path), "no such file or folder")


def _supported_files(folder: Path) -> list[Path]:
    """Supported files under ``folder``, recursively, in sorted order; hidden files and folders skipped."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root, n) for n in names if not n.startswith(".") and _suffix(Path(n)) in _KINDS]
    return sorted(found)


def _suffix(path: Path) -> str:
    """The file type suffix, with ``.warc.gz`` as one suffix."""
    suffixes = [s.lower() for s in path.suffixes]
    return ".warc.gz" if suffixes[-2:] == [".warc", ".gz"] else (suffixes[-1] if suffixes else "")


def _read_file(path: Path, max_bytes: int) -> Iterator[Document | ReadError]:
    source = str(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or /dev/zero would block or never end
            raise Unreadable("not a regular file (a pipe, device or socket)")
        kind = _KINDS.get(_suffix(path), _SNIFF)
        if kind == _JSONL:
            yield from jsonl_documents(path, max_bytes)
        elif kind == _WARC:
            yield from warc_documents(path, max_bytes)
        else:
            yield from _read_whole_file(path, kind, max_bytes)
    except Unreadable as exc:
        yield ReadError(source, str(exc))
    except OSError as exc:
        yield ReadError(source, exc.strerror or type(exc).__name__)


def _read_whole_file(path: Path, kind: str, max_bytes: int) -> Iterator[Document | ReadError]:
    """The Documents of a file read in one piece, after checking its size on disk."""
    size = path.stat().st_size
    if size == 0:
        raise Unreadable("empty file")
    if size > max_bytes:
        raise Unreadable(f"file of {size} bytes is larger than the limit of {max_bytes}")
    data = path.read_bytes()
    if kind == _SNIFF:
        kind = _sniff(data)
    if kind == _FEED:
        yield from feed_documents(data, str(path))
    elif kind == _HTML:
        yield _html_document(data, path)
    else:
        yield _text_document(data, path)


def _sniff(data: bytes) -> str:
    """The kind of a file whose name does not say: a feed, an HTML page, or else text."""
    head = data[:SNIFF_BYTES]
    if looks_like_feed(head):
        return _FEED
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return _HTML if lowered.startswith((b"<!doctype html", b"<html")) else _TEXT


def _text_document(data: bytes, path: Path) -> Document:
    text = normalize_newlines(decode_text(data))
    if not text.strip():
        raise Unreadable("no text (only whitespace)")
    return checked_document(id=str(path), text=text, source=str(path))


def _html_document(data: bytes, path: Path) -> Document:
    article = extract_article(data)
    return checked_document(
        id=str(path),
        text=article.text,
        published=article.published,
        url=article.url,
        lang=article.lang,
        title=article.title,
        source=str(path),
    )


def _with_defaults(document: Document, lang: str | None, published: dt.date | None) -> Document:
    """``document`` with the caller's language (always) and date (only when it has none)."""
    updates: dict[str, object] = {}
    if lang:
        updates["lang"] = lang
    if published and document.published is None:
        updates["published"] = published
    return document.model_copy(update=updates) if updates else document
