"""Plain-text files: encodings, binary data, empty and oversized files."""

from __future__ import annotations

import codecs
import tracemalloc

import pytest

from aidledger.ingest.readers import read_paths

ENCODINGS = {
    "utf8": lambda t: t.encode("utf-8"),
    "utf8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "cp1252": lambda t: t.encode("cp1252"),
    "latin1": lambda t: t.encode("latin-1"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_text_file_is_decoded_from_any_supported_encoding(tmp_path, read_all, article_fr, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODINGS[encoding](article_fr))
    docs, errors = read_all(path)
    assert errors == []
    assert docs[0].text == article_fr


def test_cp1252_punctuation_is_read_as_cp1252_not_latin1(tmp_path, read_all):
    path = tmp_path / "quotes.txt"
    path.write_bytes("Il a dit : “nous livrerons” – voilà.".encode("cp1252"))
    docs, _ = read_all(path)
    assert docs[0].text == "Il a dit : “nous livrerons” – voilà."


def test_binary_file_is_reported_as_not_text(tmp_path, read_all):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 20)
    docs, errors = read_all(path)
    assert docs == []
    assert str(errors[0]) == f"{path}: binary file, not text"


def test_binary_file_without_nul_bytes_is_reported_as_not_text(tmp_path, read_all):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(1, 256)) * 20)
    _, errors = read_all(path)
    assert errors[0].reason == "binary file, not text"


def test_non_latin_legacy_encoding_is_refused_rather_than_garbled(tmp_path, read_all):
    path = tmp_path / "russian.txt"
    path.write_bytes("Правительство объявило о новой помощи Украине на сумму 100 миллионов.".encode("cp1251"))
    docs, errors = read_all(path)
    assert docs == []
    assert "undecodable" in errors[0].reason


def test_invalid_utf16_after_bom_is_reported(tmp_path, read_all):
    path = tmp_path / "broken16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "aide".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    _, errors = read_all(path)
    assert "undecodable" in errors[0].reason


def test_windows_line_ends_become_newlines(tmp_path, read_all):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Titre\r\n\r\nPremier paragraphe.\rDeuxieme.")
    docs, _ = read_all(path)
    assert docs[0].text == "Titre\n\nPremier paragraphe.\nDeuxieme."


@pytest.mark.parametrize("content", [b"", b" \n\t\r\n"], ids=["empty", "whitespace"])
def test_empty_or_blank_file_is_an_error(tmp_path, read_all, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    docs, errors = read_all(path)
    assert docs == [] and len(errors) == 1 and errors[0].source == str(path)


def test_file_over_max_bytes_is_refused_without_being_loaded(tmp_path, read_all):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.write(b"a" * 50_000_000)
    tracemalloc.start()
    try:
        docs, errors = read_all(path, max_bytes=1_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert docs == []
    assert "larger than the limit" in errors[0].reason
    assert peak < 5_000_000


def test_file_id_and_source_are_the_path_as_given(tmp_path, monkeypatch, article_fr):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(article_fr, encoding="utf-8")
    [doc] = list(read_paths(["a.txt"]))
    assert doc.id == "a.txt" and doc.source == "a.txt"
