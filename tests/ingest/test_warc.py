"""WARC archives: each HTML response record read as a page."""

from __future__ import annotations

import gzip
from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def write_warc(path, records: list[tuple[str, str, bytes]], gzipped: bool) -> None:
    """A WARC with one response record per (uri, content type, payload)."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzipped)
        for uri, content_type, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=BytesIO(payload), http_headers=headers)
            )


@pytest.mark.parametrize(("name", "gzipped"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_responses_in_warc_become_documents_named_by_uri(tmp_path, read_all, html_page, article_fr, name, gzipped):
    path = tmp_path / name
    page = html_page(f"<p>{article_fr}</p>").encode()
    write_warc(
        path,
        [
            ("https://news.example/a", "text/html; charset=utf-8", page),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
            ("https://news.example/b", "text/html", page.replace("suédois".encode(), "norvégien".encode())),
        ],
        gzipped,
    )
    docs, errors = read_all(path)
    assert errors == []
    assert [(d.id, d.url) for d in docs] == [("https://news.example/a",) * 2, ("https://news.example/b",) * 2]
    assert "norvégien" in docs[1].text and "Accueil" not in docs[1].text


def test_warc_record_without_text_is_an_error_and_others_still_read(tmp_path, read_all, html_page, article_fr):
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            ("https://news.example/empty", "text/html", b"<html><body><script>x()</script></body></html>"),
            ("https://news.example/ok", "text/html", html_page(f"<p>{article_fr}</p>").encode()),
        ],
        gzipped=True,
    )
    docs, errors = read_all(path)
    assert [d.id for d in docs] == ["https://news.example/ok"]
    assert "https://news.example/empty" in str(errors[0])


def test_corrupt_warc_is_an_error_not_an_exception(tmp_path, read_all):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC record at all\r\n\r\n"))
    docs, errors = read_all(path)
    assert docs == [] and errors[0].source == str(path)


@pytest.mark.parametrize("gzipped", [True, False])
def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path, read_all, html_page, article_fr, gzipped):
    """warcio drops a cut gzip member without a word, so only the plain archive reports the damage."""
    path = tmp_path / "cut.warc"
    page = html_page(f"<p>{article_fr}</p>").encode()
    write_warc(path, [("https://news.example/1", "text/html", page)], gzipped)
    first_record_end = path.stat().st_size
    write_warc(
        path, [("https://news.example/1", "text/html", page), ("https://news.example/2", "text/html", page)], gzipped
    )
    path.write_bytes(path.read_bytes()[: first_record_end + 60])
    docs, errors = read_all(path)
    assert [d.id for d in docs] == ["https://news.example/1"]
    assert len(errors) == (0 if gzipped else 1)
