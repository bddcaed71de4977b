"""Reviewing through the pages' forms: each action lands, shows, and is undone by nothing but another review."""

from __future__ import annotations

import csv
import io

import pytest

from tests.web.conftest import client_for, filled, package_id, post_form, sign_in


@pytest.fixture
def reviewer(client):
    """A client signed in as the test reviewer."""
    assert sign_in(client).status_code == 303
    return client


def _correction(client, package: int, **changes) -> dict:
    """The correction form as the package page fills it, with ``changes`` typed over it."""
    values = client.get(f"/api/packages/{package}").json()["values"]
    form = {name: "" if value is None else str(value) for name, value in values.items() if name != "items"}
    return form | {"items": values["items"]} | changes


def test_a_correction_through_the_form_shows_in_the_page_the_ledger_the_api_and_the_export(db_url):
    client = client_for(filled(db_url))
    sign_in(client)
    target = package_id(client, "USA")
    response = post_form(client, f"/packages/{target}/correct", _correction(client, target, amount="300,000,000"))
    assert (response.status_code, response.headers["location"]) == (303, f"/packages/{target}?done=correct")
    page = client.get(response.headers["location"]).text
    assert "Corrected." in page and '<td data-field="amount">300,000,000</td>' in page
    assert "<del>325,000,000</del>" in page
    assert client.get("/?donor=USA").text.count("300.0 M USD") == 1
    api = client.get(f"/api/packages/{target}").json()
    assert (api["state"], api["values"]["amount"], api["extracted"]["amount"]) == ("corrected", 300e6, 325e6)
    assert api["reviews"][0]["reviewer"] == "ann" and api["reviews"][0]["after"]["amount"] == 300e6
    rows = {row["package_id"]: row for row in csv.DictReader(io.StringIO(client.get("/api/export/packages").text))}
    assert (rows[str(target)]["amount"], rows[str(target)]["review_state"]) == ("300000000", "corrected")


def test_a_bad_correction_shows_its_error_on_the_package_page_and_stores_nothing(reviewer):
    target = package_id(reviewer, "USA")
    response = post_form(reviewer, f"/packages/{target}/correct", _correction(reviewer, target, currency="DOLLARS"))
    assert response.status_code == 400
    assert "currency: a three-letter ISO 4217 code, e.g. EUR" in response.text
    assert reviewer.get(f"/api/packages/{target}").json()["state"] == "unreviewed"


def test_items_are_corrected_with_the_boxes_ticked(reviewer):
    target = package_id(reviewer, "USA")
    post_form(reviewer, f"/packages/{target}/correct", _correction(reviewer, target, items=["drones", "air_defense"]))
    assert reviewer.get(f"/api/packages/{target}").json()["values"]["items"] == ["air_defense", "drones"]


def test_accepting_and_rejecting_show_in_the_ledgers_review_column(reviewer):
    usa, japan = package_id(reviewer, "USA"), package_id(reviewer, "JPN")
    post_form(reviewer, f"/packages/{usa}/accept")
    post_form(reviewer, f"/packages/{japan}/reject", {"note": "a restatement of last year's pledge"})
    assert '<span class="state state-accepted">accepted</span>' in reviewer.get("/?donor=USA").text
    assert "<td>JPN</td>" not in reviewer.get("/").text
    rejected = reviewer.get("/?state=rejected").text
    assert '<tr class="row-rejected">' in rejected and "<td>JPN</td>" in rejected
    assert "a restatement of last year&#39;s pledge" in reviewer.get("/reviews").text


def test_merging_through_the_form_moves_the_other_packages_mentions(reviewer):
    usa, eu = package_id(reviewer, "USA"), package_id(reviewer, "EU")
    response = post_form(reviewer, f"/packages/{usa}/merge", {"other": str(eu)})
    assert response.headers["location"] == f"/packages/{usa}?done=merge"
    assert len(reviewer.get(f"/api/packages/{usa}").json()["mentions"]) == 3
    gone = reviewer.get(f"/packages/{eu}")
    assert gone.url.path == f"/packages/{usa}" and f"Package {eu} was merged into this one." in gone.text
    assert reviewer.get(f"/api/packages/{eu}").status_code == 404
    refused = post_form(reviewer, f"/packages/{usa}/merge", {"other": "not a number"})
    assert refused.status_code == 400 and "whole number" in refused.text


def test_splitting_through_the_form_makes_a_new_package(reviewer):
    usa = package_id(reviewer, "USA")
    french = next(
        m["id"] for m in reviewer.get(f"/api/packages/{usa}").json()["mentions"] if m["article"]["language"] == "fr"
    )
    response = post_form(reviewer, f"/packages/{usa}/split", {"mention": str(french)})
    new = int(response.headers["location"].rsplit("new=", 1)[1])
    assert [m["id"] for m in reviewer.get(f"/api/packages/{new}").json()["mentions"]] == [french]
    assert "the chosen mentions are a package of their own" in reviewer.get(response.headers["location"]).text


def test_a_mention_is_corrected_and_rejected_from_its_package_page(reviewer):
    usa = package_id(reviewer, "USA")
    english, french = (m["id"] for m in reviewer.get(f"/api/packages/{usa}").json()["mentions"])
    form = {
        "package": str(usa),
        "donor": "USA",
        "recipient": "UKR",
        "amount": "325000000",
        "currency": "USD",
        "aid_type": "military",
        "mechanism": "PDA",
        "stage": "announced",
        "date": "2024-03-12",
        "items": ["air_defense"],
        "announcer": "Pentagon spokesperson",
    }
    response = post_form(reviewer, f"/mentions/{english}/correct", form)
    assert response.headers["location"] == f"/packages/{usa}?done=correct#mention-{english}"
    post_form(reviewer, f"/mentions/{french}/reject", {"package": str(usa)})
    mentions = reviewer.get(f"/api/packages/{usa}").json()["mentions"]
    assert [(m["state"], m["values"]["announcer"]) for m in mentions] == [
        ("corrected", "Pentagon spokesperson"),
        ("rejected", None),
    ]


def test_a_review_of_something_that_is_not_there_is_a_page_saying_so(reviewer):
    missing = post_form(reviewer, "/packages/999/accept")
    assert (missing.status_code, "There is no package 999." in missing.text) == (404, True)
    assert post_form(reviewer, "/packages/1/launch").status_code == 404
    assert post_form(reviewer, "/mentions/1/accept", {"package": "x"}).status_code == 400
