"""Inputs from the open web that once stopped a batch or were read wrongly: each is now one error line, or read right."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from aidledger.ingest.jsonl import NOT_JSONL_AFTER
from aidledger.schema import MAX_ID_CHARS, Document

ATOM_YEAR_ZERO = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><id>urn:1</id><title>Aide</title><updated>0000-01-01T00:00:00Z</updated>
<summary>Le Danemark a promis une aide de 20 millions de couronnes au Liban.</summary></entry>
<entry><id>urn:2</id><title>Aide</title><updated>2025-02-03T00:00:00Z</updated>
<summary>La Suède a promis une aide de 30 millions de couronnes au Liban.</summary></entry>
</feed>"""


def _jsonl(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_atom_entry_dated_year_zero_is_read_without_a_date(tmp_path, read_all):
    feed = tmp_path / "wire.atom"
    feed.write_text(ATOM_YEAR_ZERO, encoding="utf-8")
    documents, errors = read_all(feed)
    assert errors == []
    assert [d.published for d in documents][0] is None and len(documents) == 2


def test_a_jsonl_line_nested_100000_deep_is_one_error_and_the_next_line_is_read(tmp_path, read_all, article_fr):
    path = _jsonl(tmp_path / "deep.jsonl", json.dumps({"id": "ok-1", "text": article_fr}), "[" * 100_000 + "]" * 100_000,
                  json.dumps({"id": "ok-2", "text": article_fr}))
    documents, errors = read_all(path)
    assert [d.id for d in documents] == ["ok-1", "ok-2"]
    assert len(errors) == 1 and "nested too deeply" in str(errors[0]) and f"{path}:2" in str(errors[0])


def test_an_integer_of_5000_digits_is_one_error(tmp_path, read_all, article_fr):
    path = _jsonl(tmp_path / "big.jsonl", json.dumps({"id": "ok", "text": article_fr}), '{"id": ' + "9" * 5000 + "}")
    documents, errors = read_all(path)
    assert [d.id for d in documents] == ["ok"] and "malformed JSON" in str(errors[0])


def test_a_lone_surrogate_or_nul_becomes_one_replacement_character_keeping_offsets(tmp_path, read_all, article_fr):
    path = _jsonl(tmp_path / "s.jsonl", json.dumps({"id": "a\ud800\u0000b", "text": "x\ud800y\u0000z " + article_fr}))
    (document,), errors = read_all(path)
    assert errors == [] and document.id == "a\ufffd\ufffdb"
    assert document.text.startswith("x\ufffdy\ufffdz ") and len(document.text) == len("x\ud800y\u0000z " + article_fr)
    document.text.encode("utf-8")  # storable and printable


def test_a_relative_published_is_refused_rather_than_read_against_todays_clock(tmp_path, read_all, article_fr):
    path = _jsonl(tmp_path / "rel.jsonl", json.dumps({"id": "a", "text": article_fr, "published": "yesterday"}))
    documents, errors = read_all(path)
    assert documents == [] and '"published" is not a date' in str(errors[0])


def test_an_id_longer_than_the_ledger_stores_is_one_error(tmp_path, read_all, article_fr):
    path = _jsonl(tmp_path / "long.jsonl", json.dumps({"id": "x" * (MAX_ID_CHARS + 1), "text": article_fr}))
    documents, errors = read_all(path)
    assert documents == [] and f"at most {MAX_ID_CHARS} characters" in str(errors[0])


def test_a_binary_file_named_jsonl_is_one_error_line_not_one_per_line(tmp_path, read_all):
    path = tmp_path / "photo.jsonl"
    path.write_bytes(bytes(range(256)).replace(b"\n", b"") * 10 + b"\n" + (b"\xff\xfe garbage\n" * 200))
    documents, errors = read_all(path)
    assert documents == [] and len(errors) == 1
    assert f"not JSON Lines: the first {NOT_JSONL_AFTER} lines fail" in str(errors[0])


@pytest.mark.parametrize("where", ["named", "in-folder"])
def test_a_fifo_named_jsonl_is_refused_without_blocking(tmp_path, read_all, where):
    folder = tmp_path / "inbox"
    folder.mkdir()
    fifo = folder / "feed.jsonl"
    os.mkfifo(fifo)
    documents, errors = read_all(fifo if where == "named" else folder)
    assert documents == [] and "not a regular file" in str(errors[0])


def test_dev_zero_behind_a_jsonl_name_is_refused(tmp_path, read_all):
    link = tmp_path / "endless.jsonl"
    link.symlink_to("/dev/zero")
    documents, errors = read_all(link)
    assert documents == [] and "not a regular file" in str(errors[0])


def test_utf32_with_a_bom_is_decoded_as_utf32(tmp_path, read_all, article_fr):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF32_LE + article_fr.encode("utf-32-le"))
    (document,), _ = read_all(path)
    assert document.text == article_fr


def test_utf8_with_three_stray_bytes_stays_utf8(tmp_path, read_all, article_fr):
    path = tmp_path / "a.txt"
    path.write_bytes(article_fr.encode("utf-8") + b" \x81\xfe\xff")
    (document,), errors = read_all(path)
    assert errors == [] and document.text.startswith(article_fr) and "Ã" not in document.text


def test_html_nested_254_divs_deep_still_yields_its_article(tmp_path, read_all, html_page, article_fr):
    path = tmp_path / "deep.html"
    path.write_text(html_page("<div>" * 254 + f"<p>{article_fr}</p>" + "</div>" * 254), encoding="utf-8")
    (document,), errors = read_all(path)
    assert errors == [] and "1,5 milliard de couronnes" in document.text


@pytest.mark.parametrize("tag", ["fr-FR", "fr_FR", "FR", " fr-ca "])
def test_region_tags_are_reduced_to_the_language(tag):
    assert Document(id="a", text="b", lang=tag).lang == "fr"


def test_a_control_character_in_a_feed_summary_is_read_not_raised(tmp_path, read_all):
    """Found by the fuzzer: lxml refused to build a tree holding a control character, and the ValueError
    stopped the batch."""
    feed = tmp_path / "wire.rss"
    feed.write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Aide</title><description>'
        b"<![CDATA[<p>Le Danemark versera</p>\x01 20 millions de couronnes au Liban.]]></description></item></channel></rss>"
    )
    (document,), errors = read_all(feed)
    assert errors == [] and document.text == "Aide\n\nLe Danemark versera\n20 millions de couronnes au Liban."
