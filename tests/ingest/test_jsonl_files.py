"""JSON Lines: per-line documents and per-line errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest


def write_lines(path, *lines: str) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_fields_become_document_fields(tmp_path, read_all):
    path = tmp_path / "wire.jsonl"
    write_lines(
        path,
        line(
            id="w1",
            text="Aide de 10 millions.",
            published="2025-02-03",
            url="https://x.example/1",
            lang="FR",
            title="Titre",
        ),
    )
    [doc], errors = read_all(path)
    assert errors == []
    assert (doc.id, doc.text, doc.published, doc.url, doc.lang, doc.title, doc.source) == (
        "w1",
        "Aide de 10 millions.",
        dt.date(2025, 2, 3),
        "https://x.example/1",
        "fr",
        "Titre",
        f"{path}:1",
    )


def test_malformed_jsonl_line_is_reported_and_others_still_read(tmp_path, read_all):
    path = tmp_path / "wire.jsonl"
    write_lines(path, line(id="a", text="Premier."), '{"id": "b", "text": "cassé', line(id="c", text="Troisième."))
    docs, errors = read_all(path)
    assert [d.id for d in docs] == ["a", "c"]
    assert len(errors) == 1 and errors[0].source == f"{path}:2"
    assert str(errors[0]).startswith(f"{path}:2: malformed JSON")


@pytest.mark.parametrize(
    "bad",
    [line(id="x"), line(id="x", text="  "), line(id="x", text=42), "[1, 2]"],
    ids=["missing", "blank", "not-a-string", "not-an-object"],
)
def test_jsonl_line_without_text_is_an_error_naming_the_line(tmp_path, read_all, bad):
    path = tmp_path / "wire.jsonl"
    write_lines(path, line(id="ok", text="Bon."), bad)
    docs, errors = read_all(path)
    assert [d.id for d in docs] == ["ok"] and [e.source for e in errors] == [f"{path}:2"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-06", dt.date(2024, 5, 6)),
        ("2024-05-06T23:30:00+02:00", dt.date(2024, 5, 6)),
        ("2024-05-06T10:00:00Z", dt.date(2024, 5, 6)),
        ("May 6, 2024", dt.date(2024, 5, 6)),
        ("6 mai 2024", dt.date(2024, 5, 6)),
        (None, None),
    ],
)
def test_jsonl_published_accepts_dates_iso_datetimes_and_full_dates_in_words(tmp_path, read_all, value, expected):
    path = tmp_path / "wire.jsonl"
    write_lines(path, line(id="a", text="Texte.", published=value))
    [doc], _ = read_all(path)
    assert doc.published == expected


def test_jsonl_unparseable_published_is_an_error(tmp_path, read_all):
    path = tmp_path / "wire.jsonl"
    write_lines(path, line(id="a", text="Texte.", published="mardi dernier"), line(id="b", text="T.", published=12345))
    docs, errors = read_all(path)
    assert docs == [] and all("published" in e.reason for e in errors) and len(errors) == 2


def test_jsonl_line_without_id_gets_path_and_line_as_id(tmp_path, read_all):
    path = tmp_path / "wire.jsonl"
    write_lines(path, "", line(text="Sans identifiant."))
    [doc], _ = read_all(path)
    assert doc.id == f"{path}:2"


def test_jsonl_line_over_max_bytes_is_an_error_and_the_next_line_is_read(tmp_path, read_all):
    path = tmp_path / "wire.jsonl"
    write_lines(path, line(id="big", text="x" * 5000), line(id="small", text="Court."))
    docs, errors = read_all(path, max_bytes=1000)
    assert [d.id for d in docs] == ["small"]
    assert errors[0].source == f"{path}:1" and "larger than 1000 bytes" in errors[0].reason


def test_jsonl_line_in_latin1_is_an_error_naming_the_line(tmp_path, read_all):
    path = tmp_path / "wire.jsonl"
    path.write_bytes(
        line(id="a", text="Bon.").encode() + b"\n" + line(id="b", text="Aide à Haïti").encode("latin-1") + b"\n"
    )
    docs, errors = read_all(path)
    assert [d.id for d in docs] == ["a"] and errors[0].source == f"{path}:2" and "UTF-8" in errors[0].reason


def test_jsonl_with_byte_order_mark_reads_its_first_line(tmp_path, read_all):
    path = tmp_path / "wire.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line(id="a", text="Bon.").encode() + b"\n")
    [doc], errors = read_all(path)
    assert errors == [] and doc.id == "a"


def test_callers_language_overrides_the_declared_one(tmp_path, read_all):
    path = tmp_path / "wire.jsonl"
    write_lines(path, line(id="a", text="Texte.", lang="en"), line(id="b", text="Texte."))
    docs, _ = read_all(path, lang="fr")
    assert [d.lang for d in docs] == ["fr", "fr"]


def test_language_stays_unknown_when_nobody_declares_it(tmp_path, read_all):
    path = tmp_path / "wire.jsonl"
    write_lines(path, line(id="a", text="Texte.", lang="de"), line(id="b", text="Texte."))
    docs, _ = read_all(path)
    assert [d.lang for d in docs] == ["de", None]
