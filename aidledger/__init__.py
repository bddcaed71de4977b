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
    triage: bool = False,
    focused: bool = False,
) -> Iterator[Extraction]:
    """Extract from many documents, streaming, in batches of one language for spaCy; one extraction per
    document, in input order.

    A document the pipeline fails on, or one that takes longer than
    ``limits.seconds`` (:class:`~aidledger.limits.TooSlow`), is passed to
    ``on_error`` (and skipped) instead of ending the run; without ``on_error``
    the exception propagates. A text longer than
    :data:`~aidledger.sections.SECTION_CHARS` is extracted section by section.
    Amounts outside ``limits.amount_range`` are left out and listed in the
    extraction's ``warnings``.

    With ``triage``, a document that cannot hold a commitment
    (:mod:`aidledger.triage`) is not analysed: its extraction is empty and
    ``triaged_out``. With ``focused``, the trained models run only on the
    sentences that can matter to commitments and quotes
    (:mod:`aidledger.nlp.focus`): the commitments and quotes are those of the
    whole analysis, the entities those of the analysed sentences.
    """
    from aidledger.ingest.language import detect_language
    from aidledger.triage import triage as keyword_triage

    batch = _Batch(batch_size, on_error, limits, focused)
    for document in documents:
        lang = (document.lang or detect_language(document.text)).lower()
        if triage and not keyword_triage().can_hold_commitment(document.text, lang):
            yield from batch.add_done(document, lang, _triaged_out(document, lang))
        elif len(document.text) > SECTION_CHARS:
            yield from batch.flush()
            yield from _run_sections(document, lang, on_error, limits, focused)
        else:
            yield from batch.add(document, lang)
    yield from batch.flush()


#: A batch is cut at this many characters, so a batch of long articles stays well inside one time budget.
BATCH_CHARS = 500_000


def _triaged_out(document: Document, lang: str) -> Extraction:
    return Extraction(id=document.id, url=document.url, lang=lang, published=document.published, triaged_out=True)


class _Batch:
    """Documents waiting to go through one language's pipeline together, in input order with those that
    need no analysis (triaged out), so extractions come out in the order documents came in."""

    def __init__(
        self,
        size: int,
        on_error: Callable[[Document, Exception], None] | None,
        limits: Limits,
        focused: bool,
    ) -> None:
        self.size, self.on_error, self.limits, self.focused = size, on_error, limits, focused
        self.entries: list[tuple[Document, str, Extraction | None]] = []

    @property
    def _to_run(self) -> list[tuple[Document, str]]:
        return [(document, lang) for document, lang, done in self.entries if done is None]

    def add(self, document: Document, lang: str) -> Iterator[Extraction]:
        """Queue a document for analysis; flushes first when it cannot join the batch."""
        waiting = self._to_run
        if waiting and (
            lang != waiting[0][1]
            or len(waiting) >= self.size
            or sum(len(d.text) for d, _ in waiting) + len(document.text) > BATCH_CHARS
        ):
            yield from self.flush()
        self.entries.append((document, lang, None))

    def add_done(self, document: Document, lang: str, extraction: Extraction) -> Iterator[Extraction]:
        """Queue an extraction that needed no analysis, in its place."""
        self.entries.append((document, lang, extraction))
        if len(self.entries) >= 4 * self.size:
            yield from self.flush()

    def flush(self) -> Iterator[Extraction]:
        """Analyse the waiting documents and yield every queued extraction in order."""
        entries, self.entries = self.entries, []
        run = [(document, lang) for document, lang, done in entries if done is None]
        outcomes = iter(_outcomes(run, self.limits, self.focused) if run else [])
        for document, _, done in entries:
            yield from _delivered(document, done or next(outcomes), self.on_error)


def _delivered(
    document: Document, outcome: Extraction | Exception, on_error: Callable[[Document, Exception], None] | None
) -> Iterator[Extraction]:
    """The extraction, or the failure passed to ``on_error`` (raised without one)."""
    if isinstance(outcome, Exception):
        if on_error is None:
            raise outcome
        on_error(document, outcome)
    else:
        yield outcome


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
    document: Document,
    lang: str,
    on_error: Callable[[Document, Exception], None] | None,
    limits: Limits,
    focused: bool,
) -> Iterator[Extraction]:
    """A long document extracted section by section (each with the time budget) and joined into one extraction."""
    from aidledger.sections import cut, joined, shifted

    parts: list[Extraction] = []
    for offset, text in cut(document.text):
        (outcome,) = _outcomes([(document.model_copy(update={"text": text}), lang)], limits, focused)
        if isinstance(outcome, Exception):
            yield from _delivered(document, outcome, on_error)
            return
        parts.append(shifted(outcome, offset))
    yield joined(parts[0], parts)


def _outcomes(batch: list[tuple[Document, str]], limits: Limits, focused: bool) -> list[Extraction | Exception]:
    """One outcome per document of one language's batch: nlp.pipe over the batch within the time budget; on
    failure, or when the budget runs out, one by one (each with the budget), to isolate the bad document."""
    from aidledger.nlp.pipeline import get_nlp

    lang = batch[0][1]
    nlp = get_nlp(lang, focused)
    if len(batch) > 1:
        try:
            with deadline(limits.seconds):
                docs = nlp.pipe(_make_doc(nlp, document, lang, limits) for document, _ in batch)
                return [_extraction(document, doc, lang) for (document, _), doc in zip(batch, docs)]
        except Exception:
            pass
    outcomes: list[Extraction | Exception] = []
    for document, _ in batch:
        try:
            with deadline(limits.seconds):
                outcomes.append(_extraction(document, nlp(_make_doc(nlp, document, lang, limits)), lang))
        except Exception as exc:
            outcomes.append(exc)
    return outcomes
