"""aidledger: reads news about international aid and extracts every commitment, with evidence.

The Python API::

    >>> import aidledger
    >>> result = aidledger.extract("Le Canada versera 50 millions de dollars à Haïti, a annoncé vendredi la ministre.",
    ...                            published="2024-03-15")
    >>> result.commitments[0].donor, result.commitments[0].amount
    ('CAN', 50000000.0)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from aidledger.schema import Commitment, Document, Entity, Extraction, Quote

__all__ = [
    "extract",
    "extract_document",
    "extract_documents",
    "Commitment",
    "Document",
    "Entity",
    "Extraction",
    "Quote",
]
__version__ = "0.1.0"


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def extract(
    text: str,
    published: str | dt.date | None = None,
    lang: str | None = None,
    url: str | None = None,
    id: str = "doc",
) -> Extraction:
    """Extract commitments, quotes and entities from one article.

    ``published`` anchors relative dates ("mardi", "last week"); ``lang`` is
    detected when not given.
    """
    document = Document(id=id, text=text, published=_as_date(published), lang=lang, url=url)
    return extract_document(document)


def extract_document(document: Document) -> Extraction:
    """Extract everything from one :class:`Document`."""
    return next(extract_documents([document]))


def extract_documents(
    documents: Iterable[Document],
    batch_size: int = 64,
    on_error: Callable[[Document, Exception], None] | None = None,
) -> Iterator[Extraction]:
    """Extract from many documents, streaming, in batches of one language for spaCy.

    A document the pipeline fails on is passed to ``on_error`` (and skipped)
    instead of ending the run; without ``on_error`` the exception propagates.
    """
    from aidledger.ingest.language import detect_language

    batch: list[tuple[Document, str]] = []
    for document in documents:
        lang = (document.lang or detect_language(document.text)).lower()
        if batch and (lang != batch[0][1] or len(batch) >= batch_size):
            yield from _run_batch(batch, on_error)
            batch = []
        batch.append((document, lang))
    if batch:
        yield from _run_batch(batch, on_error)


def _make_doc(nlp, document: Document, lang: str):
    doc = nlp.make_doc(document.text)
    doc._.published = document.published
    doc.user_data["aidledger.lang"] = lang
    doc.user_data["aidledger.url"] = document.url
    return doc


def _run_batch(
    batch: list[tuple[Document, str]], on_error: Callable[[Document, Exception], None] | None
) -> Iterator[Extraction]:
    """Run one language's batch through nlp.pipe; on failure, retry one by one to isolate the bad document."""
    from aidledger.assemble.records import to_extraction
    from aidledger.nlp.pipeline import get_nlp

    lang = batch[0][1]
    nlp = get_nlp(lang)
    try:
        docs = list(nlp.pipe(_make_doc(nlp, document, lang) for document, _ in batch))
    except Exception:
        if on_error is None and len(batch) == 1:
            raise
        docs = None
    if docs is not None:
        for (document, _), doc in zip(batch, docs):
            yield to_extraction(document, doc, lang)
        return
    for document, _ in batch:
        try:
            doc = nlp(_make_doc(nlp, document, lang))
        except Exception as exc:
            if on_error is None:
                raise
            on_error(document, exc)
            continue
        yield to_extraction(document, doc, lang)
