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
from collections.abc import Iterable, Iterator

from aidledger.schema import Commitment, Document, Entity, Extraction, Quote

__all__ = ["extract", "extract_document", "extract_documents", "Commitment", "Document", "Entity", "Extraction", "Quote"]
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


def extract_documents(documents: Iterable[Document], batch_size: int = 32) -> Iterator[Extraction]:
    """Extract from many documents, streaming; spaCy batches consecutive documents of one language."""
    from aidledger.assemble.records import to_extraction
    from aidledger.ingest.language import detect_language
    from aidledger.nlp.pipeline import get_nlp

    for document in documents:
        lang = (document.lang or detect_language(document.text)).lower()
        nlp = get_nlp(lang)
        doc = nlp.make_doc(document.text)
        doc._.published = document.published
        doc.user_data["aidledger.lang"] = lang
        doc.user_data["aidledger.url"] = document.url
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        yield to_extraction(document, doc, lang)
