"""The JSON API: what each endpoint answers on the test ledger, and its refusals."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from aidledger.cli import _register, app
from aidledger.ledger import Ledger, review
from tests.web.conftest import client_for

_register()


@pytest.fixture
def client(reading_client):
    """These tests only read: they share one ledger."""
    return reading_client


def test_packages_are_filtered_sorted_and_paged(client):
    everything = client.get("/api/packages", params={"sort": "amount_usd", "order": "desc"}).json()
    assert everything["total"] == 5
    assert [p["donor"] for p in everything["items"]] == ["EU", "DEU", "USA", "JPN", "NOR"]
    second = client.get(
        "/api/packages", params={"sort": "amount_usd", "order": "desc", "per_page": 2, "page": 2}
    ).json()
    assert [p["donor"] for p in second["items"]] == ["USA", "JPN"]
    sudan = client.get("/api/packages", params={"recipient": "sdn", "aid_type": "humanitarian"}).json()
    assert {p["donor"] for p in sudan["items"]} == {"JPN", "NOR"}
    march = client.get("/api/packages", params={"since": "2024-03-01", "until": "2024-03-31", "sort": "date"}).json()
    assert [p["donor"] for p in march["items"]] == ["EU", "USA"]


def test_one_package_comes_with_its_mentions_sources_stages_conversion_and_reviews(client):
    (usa,) = client.get("/api/packages", params={"donor": "USA"}).json()["items"]
    package = client.get(f"/api/packages/{usa['id']}").json()
    assert package["values"]["amount"] == 325e6 and package["state"] == "unreviewed"
    assert package["conversion"]["fx_date"] == "2024-03-12" and package["conversion"]["fx_rate"] == 1.0
    assert [(s["outlet"], s["language"], s["published"]) for s in package["sources"]] == [
        ("news.example.com", "en", "2024-03-12"),
        ("journal.example.fr", "fr", "2024-03-13"),
    ]
    evidence = package["mentions"][0]["evidence"]
    assert evidence["text"] == "The United States will send Ukraine a $325 million package"
    assert [s["stage"] for s in package["stages"]] == ["announced"]
    assert package["reviews"] == []


def test_aidledger_show_json_is_the_apis_package_to_the_letter(web_db):
    api = client_for(web_db)
    (usa,) = api.get("/api/packages", params={"donor": "USA"}).json()["items"]
    with Ledger(web_db).sessions.begin() as session:
        review.correct_package(session, usa["id"], {"mechanism": "USAI"}, "ann")
    shown = CliRunner().invoke(app, ["show", str(usa["id"]), "--db", web_db, "--json"])
    assert shown.exit_code == 0, shown.output
    package = api.get(f"/api/packages/{usa['id']}").json()
    assert json.loads(shown.stdout) == package
    assert package["stages"][0]["article"]["outlet"] == "news.example.com" and package["reviews"][0]["reviewer"] == "ann"


def test_an_article_comes_with_its_text_commitments_quotes_and_entities(client):
    (article,) = client.get("/api/articles", params={"outlet": "berlin-wire.example"}).json()["items"]
    detail = client.get(f"/api/articles/{article['id']}").json()
    start, end = detail["quotes"][0]["start"], detail["quotes"][0]["end"]
    assert detail["text"][start:end] == "We will stand by Kyiv for as long as it takes"
    assert {e["name"] for e in detail["entities"]} == {"Germany", "Olaf Scholz", "Berlin"}
    assert detail["mentions"][0]["values"]["announcer"] == "Olaf Scholz"


def test_quotes_and_entities_are_listed_across_articles(client):
    quotes = client.get("/api/quotes", params={"speaker": "austin"}).json()
    assert [q["speaker"] for q in quotes["items"]] == ["Lloyd Austin"]
    brussels = client.get("/api/entities", params={"name": "bruss"}).json()["items"]
    assert brussels == [{"name": "Brussels", "label": "GPE", "code": "BEL", "articles": 2}]


def test_totals_and_cumulative_series_for_charts(client):
    by_type = client.get("/api/totals", params={"by": "aid_type"}).json()
    assert [(t["key"], t["packages"]) for t in by_type] == [("military", 3), ("humanitarian", 2)]
    months = client.get("/api/totals", params={"by": "month"}).json()
    assert [t["key"] for t in months] == ["2024-02", "2024-03", "2024-04"]
    series = client.get("/api/totals/cumulative", params={"aid_type": "military"}).json()
    assert [(s["donor"], len(s["points"])) for s in series] == [("EU", 1), ("DEU", 1), ("USA", 1)]


def test_the_json_export_holds_every_package_with_its_review_state(client):
    response = client.get("/api/export/packages", params={"format": "json"})
    assert response.headers["content-disposition"] == 'attachment; filename="aidledger-packages.json"'
    assert {(row["donor"], row["review_state"]) for row in response.json()} >= {("USA", "unreviewed")}


@pytest.mark.parametrize(
    "url, status",
    [
        ("/api/packages/999", 404),
        ("/api/packages/0", 422),
        ("/api/packages?per_page=1000", 422),
        ("/api/packages?donor=%00", 422),
        ("/api/packages?sort=password", 422),
        ("/api/articles/2147483648", 422),
        ("/api/quotes?speaker=%00", 422),
    ],
)
def test_a_bad_request_is_answered_in_json_with_its_reason(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert "detail" in response.json()
