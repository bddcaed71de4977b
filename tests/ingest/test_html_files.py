"""HTML pages: article text without boilerplate, metadata from the markup, broken pages."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED_HEAD = (
    "<title>L'aide suédoise | Journal du Nord</title>"
    '<meta property="og:title" content="La Suède annonce une aide militaire">'
    '<meta property="article:published_time" content="2025-03-06T08:30:00+01:00">'
    '<link rel="canonical" href="https://journal-du-nord.example/monde/suede-ukraine">'
)


def test_html_page_yields_article_text_without_navigation_or_footer(tmp_path, read_all, html_page, article_fr):
    path = tmp_path / "page.html"
    path.write_text(html_page(f"<h1>La Suède annonce une aide</h1><p>{article_fr}</p>"), encoding="utf-8")
    [doc], errors = read_all(path)
    assert errors == []
    assert article_fr in doc.text
    assert "Accueil" not in doc.text and "Mentions légales" not in doc.text


def test_html_metadata_gives_title_date_url_and_language(tmp_path, read_all, html_page, article_fr):
    path = tmp_path / "page.htm"
    path.write_text(html_page(f"<p>{article_fr}</p>", head=PUBLISHED_HEAD, lang="fr-FR"), encoding="utf-8")
    [doc], _ = read_all(path)
    assert doc.published == dt.date(2025, 3, 6)
    assert doc.title == "La Suède annonce une aide militaire"
    assert doc.url == "https://journal-du-nord.example/monde/suede-ukraine"
    assert doc.lang == "fr"


def test_date_mentioned_in_the_body_is_not_taken_as_publication_date(tmp_path, read_all, html_page, article_fr):
    path = tmp_path / "page.html"
    body = f"<p>{article_fr}</p><p>Un premier paquet avait été annoncé le 12 mars 2024 à Stockholm.</p>"
    path.write_text(html_page(body), encoding="utf-8")
    [doc], _ = read_all(path)
    assert doc.published is None


def test_page_without_metadata_date_takes_the_callers_date(tmp_path, read_all, html_page, article_fr):
    path = tmp_path / "page.html"
    path.write_text(html_page(f"<p>{article_fr}</p>"), encoding="utf-8")
    [doc], _ = read_all(path, published=dt.date(2025, 1, 2))
    assert doc.published == dt.date(2025, 1, 2)


def test_callers_date_does_not_override_the_pages_own(tmp_path, read_all, html_page, article_fr):
    path = tmp_path / "page.html"
    path.write_text(html_page(f"<p>{article_fr}</p>", head=PUBLISHED_HEAD), encoding="utf-8")
    [doc], _ = read_all(path, published=dt.date(2025, 1, 2))
    assert doc.published == dt.date(2025, 3, 6)


def test_broken_html_still_yields_its_text(tmp_path, read_all, article_fr):
    path = tmp_path / "broken.html"
    path.write_text(f"<html><body><div><p>{article_fr}<b><i></p></div></span></td><<>></html></html", encoding="utf-8")
    [doc], errors = read_all(path)
    assert errors == [] and "aide militaire" in doc.text


@pytest.mark.parametrize(
    "content",
    [
        b"<html><head><title>x</title><style>p{}</style></head><body><script>var a = 1;</script><div> </div></body></html>",
        b"<<<>>>\x00\x01\x02<",
        b"\xff\xfe<",
    ],
    ids=["no-body", "garbage", "bad-bytes"],
)
def test_html_without_article_text_is_an_error(tmp_path, read_all, content):
    path = tmp_path / "empty.html"
    path.write_bytes(content)
    docs, errors = read_all(path)
    assert docs == []
    assert errors[0].source == str(path) and "\n" not in str(errors[0])


def test_html_in_legacy_encoding_is_decoded_from_its_charset(tmp_path, read_all, article_fr):
    path = tmp_path / "latin.html"
    page = f'<html><head><meta charset="windows-1252"></head><body><article><p>{article_fr}</p></article></body></html>'
    path.write_bytes(page.encode("cp1252"))
    [doc], _ = read_all(path)
    assert "suédois" in doc.text


def test_unknown_suffix_with_html_content_is_read_as_html(tmp_path, read_all, html_page, article_fr):
    path = tmp_path / "page.download"
    path.write_text(html_page(f"<p>{article_fr}</p>"), encoding="utf-8")
    [doc], _ = read_all(path)
    assert "Accueil" not in doc.text and article_fr in doc.text
