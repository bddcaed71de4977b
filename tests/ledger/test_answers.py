"""What an analyst asks of a ledger built from the sample articles by the real pipeline: report, show, export, SQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aidledger.cli import _register, app
from aidledger.ledger import Ledger, fx
from aidledger.ledger.export import KIEL_COLUMNS
from aidledger.ledger.models import Package
from aidledger.ledger.report import Filters, build, draw_chart

_register()
runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _run(*args) -> str:
    result = runner.invoke(app, [*map(str, args)])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("answers") / "ledger.db"
    _run("ingest", SAMPLES, "--db", path)
    return path


def _packages(ledger_db: Path) -> list[dict]:
    return json.loads(_run("export", "--db", ledger_db, "--format", "json"))


def _package(ledger_db: Path, donor: str) -> dict:
    return next(p for p in _packages(ledger_db) if p["donor"] == donor)


def test_every_package_has_exact_usd_and_eur_values_with_rate_date_and_basis(ledger_db):
    for package in _packages(ledger_db):
        assert isinstance(package["amount"], int) and isinstance(package["amount_usd"], int), package
        assert package["reference_basis"] in ("announcement", "published", "ingested")
        assert package["fx_date"] <= package["reference_date"]
        for column, rate in (("amount_usd", "fx_rate"), ("amount_eur", "fx_rate_eur")):
            assert package[column] == fx.whole(package["amount"] * Decimal(str(package[rate])))


def test_a_package_no_report_dates_is_placed_and_converted_at_its_ingest_date(ledger_db):
    japan = _package(ledger_db, "JPN")
    assert (japan["date"], japan["reference_basis"]) == (None, "ingested")
    assert japan["reference_date"] == dt.date.today().isoformat() and japan["amount_eur"] is not None


def test_an_undated_report_joins_the_dated_package_it_reports(ledger_db):
    netherlands = _package(ledger_db, "NLD")
    assert netherlands["n_sources"] == 2 and netherlands["reference_basis"] == "announcement"


def test_report_sums_in_euros_or_dollars_as_json(ledger_db):
    packages = _packages(ledger_db)
    for currency in ("EUR", "USD"):
        report = json.loads(_run("report", "--db", ledger_db, "--currency", currency, "--format", "json"))
        assert report["currency"] == currency
        by_donor = {line["key"]: line["amount"] for line in report["totals"]["donor"]}
        assert by_donor["NOR"] == next(p[f"amount_{currency.lower()}"] for p in packages if p["donor"] == "NOR")
        assert sum(by_donor.values()) == sum(p[f"amount_{currency.lower()}"] for p in packages)


def test_report_lists_open_commitments_and_packages_resting_on_one_source(ledger_db):
    report = json.loads(_run("report", "--db", ledger_db, "--format", "json"))
    listed = {title: {p["donor"] for p in rows} for title, rows in report["lists"].items()}
    assert listed["anticipated but never announced"] == {"ESP"}
    assert "USA" in listed["announced, no delivery reported"] and "NOR" not in listed["announced, no delivery reported"]
    assert "JPN" in listed["resting on one source"] and "NOR" not in listed["resting on one source"]


def test_report_as_csv_is_one_long_table(ledger_db):
    rows = list(csv.DictReader(io.StringIO(_run("report", "--db", ledger_db, "--format", "csv"))))
    sections = {row["section"] for row in rows}
    assert {"by donor", "by recipient", "by aid type", "by month", "resting on one source"} <= sections
    assert all(row["currency"] == "USD" for row in rows)


def test_report_piped_keeps_each_row_on_one_line(ledger_db):
    output = _run("report", "--db", ledger_db)
    canada = [line for line in output.splitlines() if "C$2.3 billion" in line]
    assert canada and all("CAN" in line and "financial" in line for line in canada)


def test_a_date_filter_places_undated_packages_and_says_how_many(ledger_db):
    today = dt.date.today().isoformat()
    report = json.loads(_run("report", "--db", ledger_db, "--since", today, "--format", "json"))
    assert {line["key"] for line in report["totals"]["donor"]} == {"JPN"}
    assert report["placed_without_announcement_date"] == {"ingested": 1}
    assert "placed 1 by ingest date" in _run("report", "--db", ledger_db, "--since", today)


def test_the_chart_draws_every_donor_even_with_one_package(ledger_db, tmp_path):
    with Ledger(str(ledger_db)).sessions() as session:
        packages = build(session, Filters(), "EUR").packages
        donors = {p.donor for p in packages}
        chart = tmp_path / "donors.svg"
        assert set(draw_chart(packages, chart, "EUR")) == donors
    svg = chart.read_text()
    assert all(f">{donor}<" in svg or f"{donor}</" in svg or donor in svg for donor in donors)
    _run("report", "--db", ledger_db, "--chart", tmp_path / "donors.png")


def test_show_prints_every_source_and_the_stage_history(ledger_db):
    norway = _package(ledger_db, "NOR")
    output = _run("show", norway["package_id"], "--db", ledger_db)
    assert "stage history" in output and "delivered" in output and "3 sources" in output
    assert "nordic-defence.example" in output and "fr" in output
    detail = json.loads(_run("show", norway["package_id"], "--db", ledger_db, "--json"))
    assert [step["stage"] for step in detail["stages"]] == ["announced", "delivered"]
    assert {source["language"] for source in detail["sources"]} == {"fr", "en"}


def test_show_links_an_anticipation_to_the_announcement_that_fulfils_it(ledger_db):
    usa = _package(ledger_db, "USA")
    detail = json.loads(_run("show", usa["package_id"], "--db", ledger_db, "--json"))
    assert [(step["stage"], step["date"]) for step in detail["stages"]] == [
        ("anticipated", "2024-10-15"),
        ("announced", "2024-10-17"),
    ]


def test_show_of_a_package_that_does_not_exist_is_an_error(ledger_db):
    result = runner.invoke(app, ["show", "999", "--db", str(ledger_db)])
    assert result.exit_code == 2 and "no package 999" in result.output


def test_kiel_layout_has_the_trackers_columns_and_committed_packages_to_ukraine(ledger_db):
    rows = list(csv.DictReader(io.StringIO(_run("export", "--db", ledger_db, "--layout", "kiel"))))
    assert tuple(rows[0]) == KIEL_COLUMNS
    donors = {row["donor"]: row for row in rows}
    # Spain only anticipated; Sudan, Lebanon not Ukraine; Finland from the German sample
    assert set(donors) == {"United States", "Norway", "Canada", "Netherlands", "Finland"}
    assert (donors["Norway"]["measure"], donors["United States"]["measure"]) == ("Allocation", "Commitment")
    assert donors["Canada"]["aid_type_specific"] == "Loan" and donors["Canada"]["reporting_currency"] == "CAD"
    assert donors["Norway"]["Source of Aid 2"].startswith("https://nordic-defence.example/")
    assert int(donors["Norway"]["tot_activity_value_EUR"]) == _package(ledger_db, "NOR")["amount_eur"]


def test_the_package_sources_view_gives_each_package_with_its_sources_in_one_row(ledger_db):
    with sqlite3.connect(ledger_db) as connection:
        connection.row_factory = sqlite3.Row
        rows = {row["donor"]: dict(row) for row in connection.execute("SELECT * FROM package_sources")}
    with Ledger(str(ledger_db)).sessions() as session:
        assert len(rows) == session.query(Package).count()
    assert rows["NOR"]["n_sources"] == 3 and rows["NOR"]["languages"] in ("fr,en", "en,fr")
    assert "https://nordic-defence.example/2025/03/20/nasams-missiles-arrive" in rows["NOR"]["source_urls"].split(" ")
