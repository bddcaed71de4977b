"""Readers that turn paths into Documents, one error per bad input and never an exception."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from aidledger.schema import Document

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: where it is and why, for a one-line message."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def read_paths(
    paths: Iterable[Path],
    lang: str | None = None,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | ReadError]:
    """Documents from files (.txt, .jsonl), with a ReadError for each input that fails."""
    for path in paths:
        path = Path(path)
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as fh:
                for number, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                        yield Document(
                            id=str(obj.get("id") or f"{path}:{number}"),
                            text=obj["text"],
                            published=obj.get("published"),
                            url=obj.get("url"),
                            lang=obj.get("lang") or lang,
                            source=f"{path}:{number}",
                        )
                    except Exception as exc:
                        yield ReadError(f"{path}:{number}", str(exc))
        else:
            yield Document(id=str(path), text=path.read_text(encoding="utf-8"), published=published, lang=lang, source=str(path))
