"""Coverage-guided fuzzing (atheris, libFuzzer) of every parser of untrusted text.

    make fuzz                                   # five minutes, corpus kept in fuzz/corpus/
    .venv/bin/python fuzz/fuzz_parsers.py -max_total_time=10 fuzz/corpus   # a short run (make test does one)

The first byte of each input picks the parser, the rest is its input. A
parser may raise its documented error (Unreadable); any other exception, or
an offset outside the text or not matching its span, is a crash that
libFuzzer reports with the input that caused it.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["aidledger"]):
    from aidledger.ingest.errors import ReadError, Unreadable
    from aidledger.ingest.feeds import feed_documents
    from aidledger.ingest.html import fragment_text
    from aidledger.ingest.jsonl import jsonl_documents
    from aidledger.ingest.text import decode_text
    from aidledger.nlp.dates import resolve_mentions
    from aidledger.nlp.money import find_money
    from aidledger.nlp.quotemarks import find_quotes, sentence_bounds
    from aidledger.schema import Document

logging.disable(logging.CRITICAL)  # feedparser and lxml log what they tolerate
_JSONL = Path(tempfile.mkdtemp(prefix="aidledger-fuzz-")) / "input.jsonl"


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape")


def _spans_exact(text: str, spans) -> None:
    for start, end, span_text in spans:
        if not (0 <= start <= end <= len(text) and text[start:end] == span_text):
            raise AssertionError(f"span {start}:{end} {span_text!r} is not the text's")


def money(data: bytes) -> None:
    text = _text(data)
    for lang in ("fr", "en"):
        _spans_exact(text, ((m.start, m.end, m.text) for m in find_money(text, lang)))


def dates(data: bytes) -> None:
    text = _text(data[2:])
    published = None if len(data) < 2 else dt.date.fromordinal(1 + (data[0] * 256 + data[1]) * 11 % dt.date.max.toordinal())
    for lang in ("fr", "en"):
        _spans_exact(text, ((m.start, m.end, m.text) for m in resolve_mentions(text, lang, published)))


def quotes(data: bytes) -> None:
    text = _text(data)
    for quote in find_quotes(text):
        _spans_exact(text, [(quote.start, quote.end, text[quote.start : quote.end])])
    sentence_bounds(text)


def decoding(data: bytes) -> None:
    try:
        decode_text(data)
    except Unreadable:
        pass


def jsonl(data: bytes) -> None:
    _JSONL.write_bytes(data)
    for item in jsonl_documents(_JSONL, max_bytes=100_000):
        if not isinstance(item, (Document, ReadError)):
            raise AssertionError(type(item))
        if isinstance(item, Document):
            item.model_dump_json()


def feed(data: bytes) -> None:
    try:
        for item in feed_documents(b'<?xml version="1.0"?><rss version="2.0"><channel>' + data, "fuzz.rss"):
            if not isinstance(item, (Document, ReadError)):
                raise AssertionError(type(item))
    except Unreadable:
        pass


def html_fragment(data: bytes) -> None:
    fragment_text(_text(data))


TARGETS = (money, dates, quotes, decoding, jsonl, feed, html_fragment)


def test_one_input(data: bytes) -> None:
    if data:
        TARGETS[data[0] % len(TARGETS)](data[1:])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
