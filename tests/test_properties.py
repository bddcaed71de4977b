"""Properties of every parser of untrusted text, checked by hypothesis on generated hostile input.

For each parser: it raises nothing but its documented error, every offset it
returns lies inside the text and slices out exactly the span it reports, and
its time grows linearly with the size of the input.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import time

import pytest
import spacy
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

import aidledger
from aidledger.ingest.errors import ReadError, Unreadable
from aidledger.ingest.feeds import feed_documents
from aidledger.ingest.html import extract_article, fragment_text
from aidledger.ingest.jsonl import jsonl_documents
from aidledger.ingest.text import decode_text
from aidledger.ingest.warc import warc_documents
from aidledger.limits import DEFAULT_AMOUNT_RANGE
from aidledger.nlp.dates import resolve_mentions
from aidledger.nlp.money import find_money
from aidledger.nlp.quotemarks import find_quotes, sentence_bounds
from aidledger.nlp.runs import RunSafeTokenizer
from aidledger.schema import Document, storable

#: Characters that the parsers treat specially, so generated text hits their branches, plus any character.
HOSTILE = list("«»“”„‘’‹›\"'()[]{}.,;:!?…-–—&$€£¥%0123456789 \n\t\r\u00a0\u202f\u2009AaÉéMmkbn_/\\*#@=+<>\x00\ud800")
WORDS = ["millions", "milliard", "de dollars", "d'euros", "million", "bn", "USD", "hier", "mardi", "Tuesday",
         "le 3 mars 2024", "March 3", "a déclaré", "said", "<div>", "</p>", "&amp;", "[/x]"]  # fmt: skip
hostile_text = st.lists(
    st.one_of(st.text(alphabet=st.sampled_from(HOSTILE), max_size=12), st.sampled_from(WORDS), st.text(max_size=6)),
    max_size=40,
).map("".join)
languages = st.sampled_from(["fr", "en"])
published = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max]))
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=hostile_text, lang=languages)
def test_amounts_lie_in_the_text_and_in_the_plausible_range(text, lang):
    low, high = DEFAULT_AMOUNT_RANGE
    for money in find_money(text, lang):
        assert 0 <= money.start < money.end <= len(text) and text[money.start : money.end] == money.text
        assert math.isfinite(money.amount) and low <= money.amount <= high


@FAST
@given(text=hostile_text, lang=languages, day=published)
def test_dates_lie_in_the_text_whatever_the_publication_date(text, lang, day):
    for mention in resolve_mentions(text, lang, day):
        assert 0 <= mention.start < mention.end <= len(text) and text[mention.start : mention.end] == mention.text


@FAST
@given(text=hostile_text)
def test_quotes_and_sentences_lie_in_the_text(text):
    for quote in find_quotes(text):
        assert 0 <= quote.open_at < quote.start <= quote.end <= len(text)
    bounds = sentence_bounds(text)
    assert all(0 <= a < b <= len(text) for a, b in bounds)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(bounds, bounds[1:]))


@FAST
@given(text=hostile_text)
def test_the_run_safe_tokenizer_keeps_the_text_character_for_character(text):
    text = storable(text)  # as every Document's text is: spaCy cannot hash a lone surrogate
    nlp = _blank()
    assert RunSafeTokenizer(nlp.tokenizer, nlp.vocab)(text).text == text


@FAST
@given(data=st.binary(max_size=2000) | hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_text_decoding_raises_only_unreadable(data):
    try:
        assert isinstance(decode_text(data), str)
    except Unreadable:
        pass


@settings(max_examples=150, deadline=None)
@given(page=hostile_text.map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>") | st.binary(max_size=3000))
def test_html_extraction_raises_only_unreadable(page):
    try:
        assert extract_article(page).text.strip()
    except Unreadable:
        pass
    assert isinstance(fragment_text(page if isinstance(page, str) else page.decode("latin-1")), str)


@FAST
@given(lines=st.lists(hostile_text | st.binary(max_size=200).map(lambda b: b.decode("latin-1")) | st.builds(
    lambda t, i, p, lang: json.dumps({"id": i, "text": t, "published": p, "lang": lang}),
    hostile_text, st.one_of(st.none(), st.integers(), hostile_text), st.one_of(st.none(), hostile_text),
    st.one_of(st.none(), hostile_text)), max_size=8))  # fmt: skip
def test_jsonl_yields_only_documents_and_errors(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "x.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    for item in jsonl_documents(path, max_bytes=10_000):
        assert isinstance(item, (Document, ReadError))
        if isinstance(item, Document):
            item.model_dump_json()  # every field printable and storable


@FAST
@given(entries=st.lists(st.tuples(hostile_text, hostile_text, st.sampled_from(["2024-01-02", "0000-01-01", "x", ""])), max_size=5))
def test_feeds_yield_only_documents_and_errors(entries):
    items = "".join(
        f"<entry><id>{i}</id><title><![CDATA[{t}]]></title><updated>{d}</updated><summary><![CDATA[{s}]]></summary></entry>"
        for i, (t, s, d) in enumerate(entries)
    )
    data = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">{items}</feed>'.encode("utf-8", "replace")
    try:
        for item in feed_documents(data, "feed.atom"):
            assert isinstance(item, (Document, ReadError))
    except Unreadable:
        pass


@settings(max_examples=100, deadline=None)
@given(payload=st.binary(max_size=1500), body=hostile_text)
def test_warc_yields_only_documents_and_errors(tmp_path_factory, payload, body):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path_factory.mktemp("warc") / "x.warc"
    buffer = io.BytesIO()
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
    html = f"<html><body><p>{body}</p></body></html>".encode("utf-8", "surrogatepass")
    WARCWriter(buffer, gzip=False).write_record(
        WARCWriter(buffer).create_warc_record("http://example.org/a", "response", payload=io.BytesIO(html), http_headers=http)
    )
    path.write_bytes(buffer.getvalue() + payload)
    for item in warc_documents(path, max_bytes=100_000):
        assert isinstance(item, (Document, ReadError))


@SLOW
@given(text=hostile_text.filter(str.strip), lang=st.sampled_from(["fr", "en", "de"]), day=published)
def test_the_api_raises_nothing_and_every_span_is_exact(text, lang, day):
    result = aidledger.extract(text, published=day, lang=lang)
    clean = Document(id="x", text=text).text  # lone surrogates and NUL become U+FFFD, one for one
    spans = [c.evidence for c in result.commitments] + [m for e in result.entities for m in e.mentions]
    spans += [q.speaker_mention for q in result.quotes if q.speaker_mention]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(clean) and clean[span.start : span.end] == span.text
    for quote in result.quotes:
        assert clean[quote.start : quote.end] == quote.quote
    json.loads(result.model_dump_json())


def _blank() -> spacy.Language:
    return _BLANK.setdefault("fr", spacy.blank("fr"))


_BLANK: dict[str, spacy.Language] = {}


def _seconds(parse, text: str) -> float:
    """The best of three timings, to damp the noise of a shared machine."""
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - start)
    return best


PARSERS = {
    "amounts": lambda text: find_money(text, "fr"),
    "dates": lambda text: resolve_mentions(text, "en", dt.date(2024, 1, 1)),
    "quotes": find_quotes,
    "sentences": sentence_bounds,
    "tokenizer": lambda text: RunSafeTokenizer(_blank().tokenizer, _blank().vocab)(storable(text)),
}


@pytest.mark.parametrize("parser", PARSERS)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # shrinking a timing only repeats the slow case
)
@given(unit=st.text(alphabet=st.sampled_from(HOSTILE), min_size=1, max_size=4))
@example(unit="\u2009910")  # digit groups without end: each start once scanned the whole run
@example(unit="›4«“")  # openers never closed: each closing mark once looked back through all of them
def test_time_grows_linearly_with_the_size_of_a_repeated_pattern(parser, unit):
    """8 times the text may take at most 24 times as long (quadratic would be 64), above a floor of noise."""
    parse = PARSERS[parser]
    small, large = unit * (2_000 // len(unit)), unit * (16_000 // len(unit))
    assert _seconds(parse, large) <= max(24 * _seconds(parse, small), 0.05), repr(unit)
