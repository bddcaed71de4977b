"""Sorted character spans answering position queries in log time, so long articles stay linear."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


class Spans:
    """Character spans, sorted: "does one of them contain [start, end)?" in log time."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._max_ends = list(itertools.accumulate((end for _, end in ordered), max))

    def contains(self, start: int, end: int) -> bool:
        """Whether a span holds ``[start, end)``: among those starting at or before it, the furthest end decides."""
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self._max_ends[i] >= end
