"""Reading, extracting and storing many documents, with a tally of what happened to each."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from aidledger.ingest.readers import ReadError
from aidledger.ledger.store import Ledger
from aidledger.limits import extraction_failure
from aidledger.schema import Document, Extraction

Extractor = Callable[[Iterable[Document]], Iterator[Extraction]]


@dataclass
class IngestSummary:
    """The end-of-run tally: documents read, already stored, failed (with one-line reasons), what was added,
    and the warnings of the stored documents (amounts left out as implausible)."""

    read: int = 0
    unchanged: int = 0
    stored: int = 0
    new_mentions: int = 0
    new_packages: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _extract_one(extractor: Extractor, document: Document) -> Extraction:
    """One document through the extractor alone, so a failure names that document and stops nothing else."""
    return next(iter(extractor([document])))


def ingest(
    ledger: Ledger,
    items: Iterable[Document | ReadError],
    extractor: Extractor,
    on_document: Callable[[IngestSummary], None] = lambda summary: None,
) -> IngestSummary:
    """Store every readable document not already in the ledger, one transaction each.

    A document already stored (same content, URL or input id) is skipped before extraction, which is
    what makes a re-run after a crash cheap and free of duplicates. Any failure, reading, extracting
    or storing, is recorded as one line naming the input, and the run goes on.
    """
    summary = IngestSummary()
    for item in items:
        summary.read += 1
        _ingest_item(ledger, item, extractor, summary)
        on_document(summary)
    return summary


def _ingest_item(ledger: Ledger, item: Document | ReadError, extractor: Extractor, summary: IngestSummary) -> None:
    if isinstance(item, ReadError):
        summary.failures.append(str(item))
        return
    name = item.source or item.id
    try:
        known = ledger.knows(item)
    except Exception as exc:  # the database refused the lookup; the next document may fare better
        summary.failures.append(f"{name}: not looked up: {type(exc).__name__}: {str(exc).splitlines()[0]}")
        return
    if known:
        summary.unchanged += 1
        return
    try:
        extraction = _extract_one(extractor, item)
    except Exception as exc:  # one bad document must not stop the run
        summary.failures.append(f"{name}: {extraction_failure(exc)}")
        return
    try:
        stored = ledger.add(item, extraction)
    except Exception as exc:  # the transaction was rolled back; nothing of this document is stored
        summary.failures.append(f"{name}: not stored: {type(exc).__name__}: {str(exc).splitlines()[0]}")
        return
    if not stored.new:
        summary.unchanged += 1
        return
    summary.stored += 1
    summary.new_mentions += stored.mentions
    summary.new_packages += stored.packages
    summary.warnings += [f"{name}: {message}" for message in extraction.warnings]
