"""Long texts cut into sections at paragraph breaks, and their extractions put back together.

Parts of the pipeline grow faster than the text (the parser's memory, quote
attribution and commitment assembly look across the whole Doc), so a text of
2,000,000 characters in one Doc would take minutes. A news article is a few
thousand characters; anything past :data:`SECTION_CHARS` is a compilation of
many, and each section of it is extracted on its own, with every offset then
shifted back into the whole text.
"""

from __future__ import annotations

import re

from aidledger.schema import Entity, Extraction, Quote, Span

#: The longest text extracted as one Doc: some 20 long articles.
SECTION_CHARS = 100_000
#: Where a section may end, best first: a paragraph break, a line break, a sentence end, any space.
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?…]\s"), re.compile(r"\s"))


def cut(text: str, size: int = SECTION_CHARS) -> list[tuple[int, str]]:
    """``text`` as ``(offset, section)`` pairs of at most ``size`` characters that join back into it."""
    sections: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = _break_before(text, start, start + size)
        sections.append((start, text[start:end]))
        start = end
    sections.append((start, text[start:]))
    return sections


def _break_before(text: str, start: int, limit: int) -> int:
    """The end of the last break of the best kind in the second half of ``text[start:limit]``, else ``limit``."""
    floor = start + (limit - start) // 2
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(text, floor, limit)]
        if ends:
            return ends[-1]
    return limit


def _span(span: Span, offset: int) -> Span:
    return span.model_copy(update={"start": span.start + offset, "end": span.end + offset})


def shifted(extraction: Extraction, offset: int) -> Extraction:
    """The extraction of a section starting at ``offset``, with every offset made one into the whole text."""
    if offset == 0:
        return extraction
    return extraction.model_copy(
        update={
            "commitments": [
                c.model_copy(update={"evidence": _span(c.evidence, offset)}) for c in extraction.commitments
            ],
            "quotes": [_quote(q, offset) for q in extraction.quotes],
            "entities": [
                e.model_copy(update={"mentions": [_span(s, offset) for s in e.mentions]}) for e in extraction.entities
            ],
        }
    )


def _quote(quote: Quote, offset: int) -> Quote:
    mention = _span(quote.speaker_mention, offset) if quote.speaker_mention else None
    return quote.model_copy(update={"start": quote.start + offset, "end": quote.end + offset, "speaker_mention": mention})


def joined(first: Extraction, parts: list[Extraction]) -> Extraction:
    """One extraction from those of consecutive sections (already shifted): commitments, quotes and
    warnings in text order, and one entity per name and label with the mentions of every section."""
    entities: dict[tuple[str, str], Entity] = {}
    for part in parts:
        for entity in part.entities:
            key = (entity.name, entity.label)
            if key in entities:
                kept = entities[key]
                entities[key] = kept.model_copy(update={"mentions": kept.mentions + entity.mentions})
            else:
                entities[key] = entity
    return first.model_copy(
        update={
            "commitments": [c for part in parts for c in part.commitments],
            "quotes": [q for part in parts for q in part.quotes],
            "entities": list(entities.values()),
            "warnings": [w for part in parts for w in part.warnings],
        }
    )
