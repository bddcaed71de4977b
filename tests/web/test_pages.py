"""The HTML pages: the ledger with filters, sorting and paging; a package with its evidence; an article; charts; errors."""

from __future__ import annotations

import re

import lxml.html
import pytest

from tests.web import ledger_data
from tests.web.conftest import client_for, package_id


@pytest.fixture
def client(reading_client):
    """These tests only read: they share one ledger."""
    return reading_client


COLUMNS = [
    "id",
    "date",
    "donor",
    "recipient",
    "amount",
    "eur",
    "usd",
    "type",
    "mechanism",
    "stage",
    "sources",
    "review",
]


def _rows(html: str) -> list[dict[str, str]]:
    """The ledger table's rows, cell text by column."""
    rows = lxml.html.fromstring(html).xpath("//table[@class='ledger']/tbody/tr[not(td[@class='empty'])]")
    return [dict(zip(COLUMNS, (cell.text_content().strip() for cell in row.xpath("td")))) for row in rows]


def _ledger_ids(html: str) -> list[int]:
    return [int(row["id"]) for row in _rows(html)]


def test_the_ledger_lists_every_package_with_stated_eur_and_usd_amounts(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "5 packages" in page.text
    eu = next(row for row in _rows(page.text) if row["donor"] == "EU")
    assert eu | {"id": "?"} == {
        "id": "?",
        "date": "2024-03-18",
        "donor": "EU",
        "recipient": "UKR",
        "amount": "5.00 bn EUR",
        "eur": "5.00 bn",
        "usd": "5.45 bn",
        "type": "military",
        "mechanism": "EPF",
        "stage": "announced",
        "sources": "1",
        "review": "unreviewed",
    }


@pytest.mark.parametrize(
    "query, donors",
    [
        ("donor=usa", ["USA"]),
        ("recipient=SDN", ["NOR", "JPN"]),
        ("aid_type=humanitarian", ["NOR", "JPN"]),
        ("mechanism=EPF", ["EU"]),
        ("stage=announced&since=2024-03-01&until=2024-03-31", ["EU", "USA"]),
        ("donor=&recipient=&aid_type=&stage=&mechanism=&since=&until=&state=", ["NOR", "JPN", "EU", "USA", "DEU"]),
        ("state=rejected", []),
    ],
)
def test_the_ledger_filters_by_each_field(client, query, donors):
    page = client.get(f"/?{query}")
    assert page.status_code == 200
    assert [row["donor"] for row in _rows(page.text)] == donors


def test_the_ledger_sorts_by_any_column_either_way_and_pages(client):
    by_usd = _ledger_ids(client.get("/?sort=amount_usd&order=desc").text)
    assert _ledger_ids(client.get("/?sort=amount_usd&order=asc").text) == by_usd[::-1]
    first, second = (
        client.get("/?sort=amount_usd&per_page=2").text,
        client.get("/?sort=amount_usd&per_page=2&page=2").text,
    )
    assert _ledger_ids(first) + _ledger_ids(second) == by_usd[:4]
    assert "page 1 of 3" in first and 'rel="next"' in first


@pytest.mark.parametrize("query", ["page=0", "sort=evil", "since=yesterday", "donor=%3Cscript%3E", "per_page=100000"])
def test_a_bad_query_value_is_a_400_page_naming_it(client, query):
    page = client.get(f"/?{query}")
    assert page.status_code == 400
    assert query.split("=")[0] in page.text
    assert "<script>" not in page.text


def test_a_package_page_shows_fields_conversion_stages_sources_and_highlighted_evidence(client):
    page = client.get(f"/packages/{package_id(client, 'USA')}").text
    assert '<td data-field="amount">325,000,000</td>' in page
    assert '<td data-field="amount_eur">' in page and "(ECB reference rate)" in page
    assert "PDA" in page and "air_defense, artillery_ammunition" in page
    assert re.search(r"<td>announced</td><td class=\"nowrap\">2024-03-12</td>", page)
    assert page.count('<article class="source"') == 2
    for outlet, language, published in [
        ("news.example.com", "en", "2024-03-12"),
        ("journal.example.fr", "fr", "2024-03-13"),
    ]:
        assert (
            f'<span class="outlet">{outlet}</span> · <span class="lang">{language}</span> · <span class="published">{published}</span>'
            in page
        )
    marked = re.findall(r'<mark class="evidence"[^>]*>([^<]*)</mark>', page)
    assert marked == [
        "The United States will send Ukraine a $325 million package",
        "Washington va livrer à Kiev des intercepteurs de défense aérienne",
    ]


def test_a_converted_amount_shows_its_rate_and_the_day_of_the_rate(client):
    page = client.get(f"/packages/{package_id(client, 'DEU')}").text
    assert "1 EUR = 1.0" in page and "USD" in page
    assert "2024-02-19 (ECB reference rate)" in page


def test_an_article_page_highlights_commitments_quotes_and_entities(client):
    article = client.get("/api/articles", params={"outlet": "berlin-wire.example"}).json()["items"][0]
    page = client.get(f"/articles/{article['id']}").text
    assert (
        re.search(r'<mark class="evidence" title="[^"]*">Germany will provide', page) is None
    )  # Germany is also an entity
    assert '<mark class="entity entity-gpe evidence"' in page
    assert re.search(r'<mark class="quote"[^>]*>We will stand by Kyiv for as long as it takes</mark>', page)
    assert re.search(r'<mark class="entity entity-person"[^>]*>Olaf Scholz</mark>', page)
    assert "Chancellor" in page


def test_hostile_markup_in_an_article_is_shown_as_text_everywhere(client):
    hostile = package_id(client, "NOR")
    article_id = client.get(f"/api/packages/{hostile}").json()["sources"][0]["id"]
    for url in ("/", "/articles", f"/articles/{article_id}", f"/packages/{hostile}", "/?state=all"):
        page = client.get(url).text
        assert len(re.findall(r"<script", page)) == 1, url  # only the app's own script tag
        assert not re.search(r"<(img|iframe|b|i)\b[^>]*\bon\w+=", page), url
        assert 'href="javascript:' not in page.lower() and 'src="javascript:' not in page.lower(), url
    article = lxml.html.fromstring(client.get(f"/articles/{article_id}").text)
    assert (
        article.get_element_by_id("article-text").text_content() == ledger_data.HOSTILE_TEXT
    )  # every character, as text
    assert article.xpath("//h1")[0].text_content() == ledger_data.HOSTILE_TITLE
    assert article.xpath("//span[@class='url']")[0].text_content() == ledger_data.HOSTILE_URL  # shown, not linked


def test_the_chart_page_draws_one_chart_per_aid_type_and_totals(client):
    page = client.get("/charts").text
    charts = re.findall(r'<img src="(/charts/cumulative\.svg\?[^"]+)"', page)
    assert [c.rsplit("=", 1)[1] for c in charts] == ["military", "humanitarian"]
    svg = client.get(charts[0].replace("&amp;", "&"))
    assert svg.headers["content-type"] == "image/svg+xml"
    assert svg.text.startswith("<?xml") and "USA" in svg.text and "NOR" not in svg.text
    assert re.search(r'<td class="nowrap">EU</td><td class="num">1</td><td class="num">5.45 bn</td>', page)


@pytest.mark.parametrize("url", ["/packages/999", "/articles/999", "/packages/x", "/packages/99999999999"])
def test_a_missing_page_is_a_404_page(client, url):
    page = client.get(url)
    assert page.status_code == 404
    assert "<h1>404</h1>" in page.text


def test_every_response_forbids_inline_script_framing_and_sniffing(client):
    for url in ("/", "/api/packages", "/static/style.css", "/packages/999"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert (headers["x-frame-options"], headers["x-content-type-options"]) == ("DENY", "nosniff")


def test_a_request_for_another_host_name_is_refused(web_db):
    client = client_for(web_db)
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400


def test_the_api_page_lists_every_endpoint_of_the_schema(client):
    page = client.get("/api").text
    for path in (
        "/api/packages",
        "/api/packages/{package_id}",
        "/api/articles",
        "/api/quotes",
        "/api/entities",
        "/api/totals",
        "/api/totals/cumulative",
        "/api/export/{what}",
    ):
        assert f"<code>GET {path}</code>" in page
