"""Cutting an article's text into runs, each with the marks (evidence, quotes, entities) that cover it.

Marks overlap freely (an entity inside a quote inside an evidence span), which HTML elements cannot
nest; so the text is cut at every mark boundary and each run carries all the marks covering it.
The template prints each run's text through Jinja's escaping: nothing of the article ever becomes
markup. Offsets outside the text are clipped; an empty mark is dropped.

>>> marks = [Mark(0, 4, "entity"), Mark(0, 13, "evidence")]
>>> [(run.text, [m.kind for m in run.marks]) for run in runs("Kyiv gets aid", marks)]
[('Kyiv', ['entity', 'evidence']), (' gets aid', ['evidence'])]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Mark:
    """A stretch of text to highlight: ``kind`` is its CSS class, ``anchor`` an id to link to its first run."""

    start: int
    end: int
    kind: str
    label: str = ""
    anchor: str | None = None


@dataclass(frozen=True)
class Run:
    """A stretch of text with the marks covering it, and the marks that begin at it (where their anchors go)."""

    text: str
    marks: tuple[Mark, ...] = ()
    opens: tuple[Mark, ...] = ()

    @property
    def classes(self) -> str:
        return " ".join(sorted({mark.kind for mark in self.marks}))

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(mark.label for mark in self.marks if mark.label))


def runs(text: str, marks: Iterable[Mark]) -> list[Run]:
    """``text`` cut at every boundary of ``marks``, in order; unmarked stretches have no marks."""
    size = len(text)
    kept = [
        Mark(max(0, m.start), min(size, m.end), m.kind, m.label, m.anchor)
        for m in marks
        if max(0, m.start) < min(size, m.end)
    ]
    cuts = sorted({0, size, *(m.start for m in kept), *(m.end for m in kept)})
    result = []
    for start, end in pairwise(cuts):
        covering = tuple(m for m in kept if m.start <= start and end <= m.end)
        result.append(Run(text[start:end], covering, tuple(m for m in covering if m.start == start and m.anchor)))
    return result
