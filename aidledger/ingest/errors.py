"""The two ways a reader reports a bad input: a value to yield, an exception to raise inside a reader."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: where it is and why, for a one-line message.

    Readers yield it in place of a Document so one bad file (or line) never
    stops the others from being read.
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return " ".join(f"{self.source}: {self.reason}".split())


class Unreadable(Exception):
    """Raised by a format reader for a whole input it cannot read; ``read_paths`` turns it into a ReadError."""
