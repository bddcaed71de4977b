"""JSON Lines: one document per line, each bad line reported on its own while the others are read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import dateparser

from aidledger.ingest.errors import ReadError, Unreadable, checked_document
from aidledger.schema import Document

_CHUNK = 1 << 20
#: A file whose first this many non-blank lines are all unreadable is not JSON Lines at all (a binary file,
#: a pretty-printed JSON array): it gets one error line instead of one per line.
NOT_JSONL_AFTER = 10
#: Only dates written out in full: a relative "published" ("yesterday") would be read against today's clock.
_ABSOLUTE = {"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["custom-formats", "absolute-time"]}


def jsonl_documents(path: Path, max_bytes: int) -> Iterator[Document | ReadError]:
    """A Document or a ReadError (``path:line``) per non-blank line of ``path``.

    Lines are read with a cap, so a single oversized line is skipped without
    being loaded, whatever the size of the file. Errors before the first good
    line are held back: if :data:`NOT_JSONL_AFTER` of them come first, the
    file is reported once as not JSON Lines and reading stops.
    """
    held: list[ReadError] = []
    seen_good = False
    for item in _line_items(path, max_bytes):
        if seen_good:
            yield item
        elif isinstance(item, ReadError):
            held.append(item)
            if len(held) == NOT_JSONL_AFTER:
                yield ReadError(str(path), f"not JSON Lines: the first {NOT_JSONL_AFTER} lines fail ({held[0].reason})")
                return
        else:
            seen_good = True
            yield from held
            yield item
    if not seen_good:
        yield from held


def count_lines(path: Path, max_bytes: int) -> int:
    """The number of non-blank lines of ``path`` (a progress bar's total), oversized lines drained unread."""
    with path.open("rb") as fh:
        return sum(1 for line in _bounded_lines(fh, max_bytes) if line is None or line.strip())


def _line_items(path: Path, max_bytes: int) -> Iterator[Document | ReadError]:
    with path.open("rb") as fh:
        for number, line in enumerate(_bounded_lines(fh, max_bytes), 1):
            source = f"{path}:{number}"
            if line is None:
                yield ReadError(source, f"line larger than {max_bytes} bytes")
                continue
            if not line.strip():
                continue
            try:
                yield _document(line.removeprefix(b"\xef\xbb\xbf") if number == 1 else line, source)
            except Unreadable as exc:
                yield ReadError(source, str(exc))


def _bounded_lines(fh: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Each line of ``fh``, or None in place of a line longer than ``max_bytes`` (drained in chunks)."""
    while line := fh.readline(max_bytes + 1):
        if len(line.rstrip(b"\r\n")) <= max_bytes:
            yield line
            continue
        while not line.endswith(b"\n") and (line := fh.readline(_CHUNK)):
            pass
        yield None


def _document(line: bytes, source: str) -> Document:
    try:
        obj = json.loads(line.rstrip(b"\r\n").decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise Unreadable(f"malformed JSON ({exc})") from None
    except ValueError as exc:  # an integer of more digits than Python converts
        raise Unreadable(f"malformed JSON ({str(exc).split(';')[0]})") from None
    except RecursionError:
        raise Unreadable("malformed JSON (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise Unreadable("not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise Unreadable('no "text"')
    return checked_document(
        id=str(obj.get("id") or source),
        text=text,
        published=_published(obj.get("published")),
        url=_optional_str(obj, "url"),
        lang=_optional_str(obj, "lang"),
        title=_optional_str(obj, "title"),
        source=source,
    )


def _published(value: object) -> dt.date | None:
    """A date from ``YYYY-MM-DD``, an ISO datetime (the date as written, not converted to UTC), or a
    full date in words that dateparser reads ("June 3, 2024", "3 juin 2024"); never a relative one."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        for parse in (dt.date.fromisoformat, lambda s: dt.datetime.fromisoformat(s).date()):
            try:
                return parse(value.strip())
            except ValueError:
                continue
        try:
            parsed = dateparser.parse(value[:100], settings=_ABSOLUTE)
        except (ValueError, OverflowError):  # dateparser raises on some out-of-range parts
            parsed = None
        if parsed is not None:
            return parsed.date()
    raise Unreadable(f'"published" is not a date: {str(value)[:40]!r}')


def _optional_str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise Unreadable(f'"{key}" is not a string')
