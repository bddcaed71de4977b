"""The bounds every document is held to: its size, the time spent on it, the amounts it may state.

Input comes from the open web and from archives nobody cleaned, so each bound
turns what would be a hang, an exhausted memory or a false number into one
reported document, and the batch goes on.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

#: The largest input document read by default (a file, a JSONL line, a WARC record): some 40 times a
#: long article. Checked before reading.
DEFAULT_MAX_BYTES = 2_000_000
#: The longest text the pipeline takes (spaCy's ``max_length``): as many characters as the default
#: byte limit allows, so a document read under the default limit is never refused later.
MAX_TEXT_CHARS = DEFAULT_MAX_BYTES
#: Seconds one document may take through the pipeline before it is reported as too slow and skipped.
#: A 2,000,000-character article takes some 30 s on one core; the budget leaves room for a loaded machine.
DEFAULT_SECONDS = 120.0
#: Amounts outside this range (in the stated currency) are reported and left out: 1 unit is the least an
#: aid commitment can be, and 10 trillion is above any budget of any state.
DEFAULT_AMOUNT_RANGE = (1.0, 1e13)


@dataclass(frozen=True)
class Limits:
    """What one run allows per document: ``seconds`` (None: no budget) and the plausible ``amount_range``."""

    seconds: float | None = DEFAULT_SECONDS
    amount_range: tuple[float, float] = DEFAULT_AMOUNT_RANGE


class TooSlow(TimeoutError):
    """A document took longer than its time budget."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TooSlow` in the block once ``seconds`` have passed.

    It uses SIGALRM, so it applies in the main thread of a POSIX process (the
    CLI) and is a no-op elsewhere (``seconds`` None, other threads, Windows).
    The signal interrupts Python code between two steps; spaCy and aidledger
    run Python between tokens and components, so the block ends within
    moments of the deadline.
    """
    if not seconds or not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame) -> None:
        raise TooSlow(f"took longer than the time budget of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class FailedElsewhere(Exception):
    """A document that failed in another process (a worker, a Ray actor), carrying the one-line reason
    :func:`extraction_failure` gave there."""


def extraction_failure(exc: BaseException) -> str:
    """The one-line reason a document was skipped: too slow, or the error the pipeline raised."""
    if isinstance(exc, FailedElsewhere):
        return str(exc)
    if isinstance(exc, TooSlow):
        return f"too slow: {exc}"
    first_line = " ".join(str(exc).split())
    return f"extraction failed: {type(exc).__name__}: {first_line}" if first_line else f"extraction failed: {type(exc).__name__}"
