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

from aidledger.limits import Limits, deadline
from aidledger.schema import Commitment, Document, Entity, Extraction, Quote
from aidledger.sections import SECTION_CHARS

__all__ = [
    "extract",
    "extract_document",
    "extract_documents",
    "Commitment",
    "Document",
    "Entity",
    "Extraction",
    "Limits",
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
    limits: Limits = Limits(),
) -> Iterator[Extraction]:
    """Extract from many documents, streaming, in batches of one language for spaCy.

    A document the pipeline fails on, or one that takes longer than
    ``limits.seconds`` (:class:`~aidledger.limits.TooSlow`), is passed to
    ``on_error`` (and skipped) instead of ending the run; without ``on_error``
    the exception propagates. A text longer than
    :data:`~aidledger.sections.SECTION_CHARS` is extracted section by section.
    Amounts outside ``limits.amount_range`` are left out and listed in the
    extraction's ``warnings``.
    """
    from aidledger.ingest.language import detect_language

    batch: list[tuple[Document, str]] = []
    for document in documents:
        lang = (document.lang or detect_language(document.text)).lower()
        long = len(document.text) > SECTION_CHARS
        if batch and (
            long or lang != batch[0][1] or len(batch) >= batch_size or _chars(batch) + len(document.text) > BATCH_CHARS
        ):
            yield from _run_batch(batch, on_error, limits)
            batch = []
        if long:
            yield from _run_sections(document, lang, on_error, limits)
        else:
            batch.append((document, lang))
    if batch:
        yield from _run_batch(batch, on_error, limits)


#: A batch is cut at this many characters, so a batch of long articles stays well inside one time budget.
BATCH_CHARS = 500_000


def _chars(batch: list[tuple[Document, str]]) -> int:
    return sum(len(document.text) for document, _ in batch)


def _make_doc(nlp, document: Document, lang: str, limits: Limits):
    doc = nlp.make_doc(document.text)
    doc._.published = document.published
    doc.user_data["aidledger.lang"] = lang
    doc.user_data["aidledger.url"] = document.url
    doc.user_data["aidledger.amount_range"] = limits.amount_range
    return doc


def _extraction(document: Document, doc, lang: str) -> Extraction:
    from aidledger.assemble.records import to_extraction

    extraction = to_extraction(document, doc, lang)
    warnings = doc.user_data.get("aidledger.warnings")
    return extraction.model_copy(update={"warnings": list(warnings)}) if warnings else extraction


def _run_sections(
    document: Document, lang: str, on_error: Callable[[Document, Exception], None] | None, limits: Limits
) -> Iterator[Extraction]:
    """A long document extracted section by section (each with the time budget) and joined into one extraction."""
    from aidledger.sections import cut, joined, shifted

    parts: list[Extraction] = []
    for offset, text in cut(document.text):
        section = document.model_copy(update={"text": text})
        try:
            (part,) = _run_batch([(section, lang)], None, limits)
        except Exception as exc:
            if on_error is None:
                raise
            on_error(document, exc)
            return
        parts.append(shifted(part, offset))
    yield joined(parts[0], parts)


def _run_batch(
    batch: list[tuple[Document, str]], on_error: Callable[[Document, Exception], None] | None, limits: Limits
) -> Iterator[Extraction]:
    """Run one language's batch through nlp.pipe within the time budget; on failure, or when the budget
    runs out, retry one by one (each with the budget) to isolate the bad document."""
    from aidledger.nlp.pipeline import get_nlp

    lang = batch[0][1]
    nlp = get_nlp(lang)
    if len(batch) > 1:
        try:
            with deadline(limits.seconds):
                docs = nlp.pipe(_make_doc(nlp, document, lang, limits) for document, _ in batch)
                results = [_extraction(document, doc, lang) for (document, _), doc in zip(batch, docs)]
        except Exception:
            results = None
        if results is not None:
            yield from results
            return
    for document, _ in batch:
        try:
            with deadline(limits.seconds):
                result = _extraction(document, nlp(_make_doc(nlp, document, lang, limits)), lang)
        except Exception as exc:
            if on_error is None:
                raise
            on_error(document, exc)
            continue
        yield result
