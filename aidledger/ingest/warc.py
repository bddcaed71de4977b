"""Web archives: each HTML response record of a WARC file read as an article page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from aidledger.ingest.errors import ReadError, Unreadable, checked_document
from aidledger.ingest.html import extract_article
from aidledger.schema import Document

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def warc_documents(path: Path, max_bytes: int) -> Iterator[Document | ReadError]:
    """A Document per HTML response in ``path`` (plain or gzipped WARC), a ReadError per record that fails.

    The archive is streamed record by record and each payload is read with a
    cap, so an archive of any size can be read.
    """
    source = str(path)
    found = False
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if not _is_html_response(record):
                    continue
                found = True
                yield _record_document(record, source, max_bytes)
    except ArchiveLoadFailed as exc:
        yield ReadError(source, f"not a WARC archive ({exc})")
        return
    except Exception as exc:  # warcio fails in many ways on damaged archives; the records before still count
        yield ReadError(source, f"damaged WARC after {'some' if found else 'no'} records ({type(exc).__name__})")
        return
    if not found:
        yield ReadError(source, "no HTML response records in WARC")


def count_records(path: Path) -> int:
    """The number of HTML response records in ``path``, payloads skipped (a progress bar's total)."""
    count = 0
    try:
        with path.open("rb") as fh:
            count = sum(1 for record in ArchiveIterator(fh) if _is_html_response(record))
    except Exception:  # damaged: the records before the damage, and the error line
        count += 1
    return count


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(_HTML_TYPES)


def _record_document(record, source: str, max_bytes: int) -> Document | ReadError:
    uri = record.rec_headers.get_header("WARC-Target-URI") or source
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return ReadError(source, f"record {uri}: larger than {max_bytes} bytes")
    try:
        article = extract_article(payload, url=uri)
        return checked_document(
            id=uri,
            text=article.text,
            published=article.published,
            url=uri,
            lang=article.lang,
            title=article.title,
            source=source,
        )
    except Unreadable as exc:
        return ReadError(source, f"record {uri}: {exc}")
