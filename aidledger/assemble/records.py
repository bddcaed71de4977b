"""Turns an annotated spaCy Doc into one :class:`~aidledger.schema.Extraction` record."""

from __future__ import annotations

from spacy.tokens import Doc

from aidledger.schema import Document, Extraction


def to_extraction(document: Document, doc: Doc, lang: str) -> Extraction:
    """The record for one document from the Doc the pipeline annotated."""
    return Extraction(
        id=document.id,
        url=document.url,
        lang=lang,
        published=document.published,
        commitments=list(doc._.commitments or []),
        quotes=list(doc._.quotes or []),
        entities=list(doc._.entities or []),
    )
