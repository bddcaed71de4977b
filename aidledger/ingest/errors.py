"""The two ways a reader reports a bad input: a value to yield, an exception to raise inside a reader."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from aidledger.schema import Document


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


def checked_document(**fields: object) -> Document:
    """A Document from a reader's fields; a field the schema refuses (an id over its length limit) is Unreadable."""
    try:
        return Document(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise Unreadable(f'"{where}": {first["msg"][:1].lower()}{first["msg"][1:]}') from None
