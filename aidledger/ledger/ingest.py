"""Reading, extracting and storing many documents, with a tally of what happened to each."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from aidledger.ingest.readers import ReadError
from aidledger.ledger.store import Ledger
from aidledger.limits import extraction_failure
from aidledger.schema import Document, Extraction

#: What extracts the documents: :func:`aidledger.extract_documents` or an engine with its interface
#: (:class:`aidledger.workers.WorkerPool`, :class:`aidledger.raydata.RayEngine`): one extraction per
#: document, in input order, and each failure passed to ``on_error`` in its place.
Extractor = Callable[..., Iterator[Extraction]]


@dataclass
class IngestSummary:
    """The end-of-run tally: documents read, already stored, triaged out (not about aid), failed (with
    one-line reasons), what was added, and the warnings of the stored documents (amounts left out as
    implausible)."""

    read: int = 0
    unchanged: int = 0
    stored: int = 0
    triaged_out: int = 0
    new_mentions: int = 0
    new_packages: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def ingest(
    ledger: Ledger,
    items: Iterable[Document | ReadError],
    extractor: Extractor,
    on_document: Callable[[IngestSummary], None] = lambda summary: None,
) -> IngestSummary:
    """Store every readable document not already in the ledger, one transaction each.

    A document already stored (same content, URL or input id) is skipped before extraction, which is
    what makes a re-run after a crash cheap and free of duplicates. Documents are streamed through the
    extractor (in this process, in worker processes or on Ray) and stored here, by one writer, as their
    extractions come back. A document triage rules out is counted, not stored. Any failure, reading,
    extracting or storing, is recorded as one line naming the input, and the run goes on; ``on_document``
    is called once per item, when it is done with.
    """
    summary = IngestSummary()
    sent: deque[Document] = deque()

    def fresh() -> Iterator[Document]:
        for item in items:
            summary.read += 1
            if _settled_before_extraction(ledger, item, summary):
                on_document(summary)
            else:
                sent.append(item)
                yield item

    def failed(document: Document, exc: Exception) -> None:
        sent.popleft()
        summary.failures.append(f"{document.source or document.id}: {extraction_failure(exc)}")
        on_document(summary)

    for extraction in extractor(fresh(), on_error=failed):
        _store(ledger, sent.popleft(), extraction, summary)
        on_document(summary)
    return summary


def _settled_before_extraction(ledger: Ledger, item: Document | ReadError, summary: IngestSummary) -> bool:
    """Count an item that needs no extraction (unreadable, or already stored); False for one that does."""
    if isinstance(item, ReadError):
        summary.failures.append(str(item))
        return True
    try:
        known = ledger.knows(item)
    except Exception as exc:  # the database refused the lookup; the next document may fare better
        summary.failures.append(f"{item.source or item.id}: not looked up: {type(exc).__name__}: {_first_line(exc)}")
        return True
    if known:
        summary.unchanged += 1
    return known


def _store(ledger: Ledger, document: Document, extraction: Extraction, summary: IngestSummary) -> None:
    name = document.source or document.id
    if extraction.triaged_out:
        summary.triaged_out += 1
        return
    try:
        stored = ledger.add(document, extraction)
    except Exception as exc:  # the transaction was rolled back; nothing of this document is stored
        summary.failures.append(f"{name}: not stored: {type(exc).__name__}: {_first_line(exc)}")
        return
    if not stored.new:
        summary.unchanged += 1
        return
    summary.stored += 1
    summary.new_mentions += stored.mentions
    summary.new_packages += stored.packages
    summary.warnings += [f"{name}: {message}" for message in extraction.warnings]


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else ""
