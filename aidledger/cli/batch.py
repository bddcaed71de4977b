"""One command's pass over its inputs: read, extract, and say what failed, one line each, with a progress bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import aidledger
from aidledger.cli.output import error, progress_bar, showing, warning
from aidledger.ingest.readers import ReadError, count_documents, read_paths
from aidledger.limits import DEFAULT_MAX_BYTES, Limits, extraction_failure
from aidledger.schema import Document, Extraction


class Batch:
    """Extractions of the inputs of one command, with the count of inputs that failed (for the exit code)."""

    def __init__(self) -> None:
        self.failed = 0

    def fail(self, message: str) -> None:
        self.failed += 1
        error(message)

    def extract(
        self,
        paths: list[Path],
        lang: str | None = None,
        published: dt.date | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        limits: Limits = Limits(),
        quiet: bool = False,
        description: str = "extracting",
        triage: bool = False,
        focused: bool = False,
    ) -> Iterator[Extraction]:
        """The extraction of every readable input; each unreadable or failed one is reported and counted."""
        total = count_documents(paths, max_bytes) if showing(quiet) else None
        with progress_bar(description, total, quiet) as advance:

            def documents() -> Iterator[Document]:
                for item in read_paths(paths, lang=lang, published=published, max_bytes=max_bytes):
                    if isinstance(item, ReadError):
                        self.fail(str(item))
                        advance()
                    else:
                        yield item

            def failed_on(document: Document, exc: Exception) -> None:
                self.fail(f"{document.source or document.id}: {extraction_failure(exc)}")
                advance()

            results = aidledger.extract_documents(
                documents(), on_error=failed_on, limits=limits, triage=triage, focused=focused
            )
            for result in results:
                for message in result.warnings:
                    warning(f"{result.id}: {message}")
                yield result
                advance()
