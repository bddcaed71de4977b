"""`aidledger ingest`, `report` and `export` through the command line, on a ledger built from the merging corpus."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from aidledger.cli import _register, app
from aidledger.ledger import Ledger
from tests.ledger import corpus, news

_register()
runner = CliRunner()
MENTION_COLUMNS = {
    "source_id",
    "package_id",
    "donor",
    "recipient",
    "amount",
    "currency",
    "stage",
    "date",
    "series_number",
    "raised_from",
    "url",
    "evidence_start",
    "evidence_end",
    "evidence",
}
PACKAGE_COLUMNS = {
    "package_id",
    "donor",
    "recipient",
    "amount",
    "currency",
    "aid_type",
    "mechanism",
    "stage",
    "date",
    "amount_usd",
    "amount_eur",
    "fx_rate",
    "fx_date",
    "n_sources",
    "source_urls",
}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "ledger.db"
    ledger = Ledger(str(path))
    for _label, document, extraction in sorted(corpus.load(), key=lambda row: (row[1].published, row[1].id)):
        ledger.add(document, extraction)
    return path


def _run(*args):
    result = runner.invoke(app, [*map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def test_report_prints_totals_and_the_open_commitments(corpus_db):
    output = _run("report", "--db", corpus_db)
    for heading in (
        "donor",
        "recipient",
        "aid type",
        "month",
        "anticipated but never announced",
        "announced, no delivery reported",
    ):
        assert heading in output
    assert "DEU" in output and "2023-06" in output


def test_report_filters_by_donor_date_type_and_stage(corpus_db):
    output = _run(
        "report",
        "--db",
        corpus_db,
        "--donor",
        "usa",
        "--since",
        "2023-06-01",
        "--type",
        "military",
        "--stage",
        "announced",
    )
    donor_table = output.split("recipient")[0]
    assert "USA" in donor_table and "DEU" not in donor_table and "JPN" not in output
    assert "2023-05" not in output.split("anticipated but never announced")[0]


def test_report_lists_an_anticipation_never_announced(corpus_db):
    output = _run("report", "--db", corpus_db, "--stage", "anticipated")
    assert "ITA" in output.split("anticipated but never announced")[1].split("announced, no delivery")[0]


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_report_draws_the_cumulative_chart(corpus_db, tmp_path, suffix):
    chart = tmp_path / f"chart{suffix}"
    _run("report", "--db", corpus_db, "--chart", chart)
    assert chart.stat().st_size > 1000


def test_exported_mentions_have_source_package_and_evidence_columns(corpus_db):
    rows = list(csv.DictReader(io.StringIO(_run("export", "--db", corpus_db, "--what", "mentions", "--format", "csv"))))
    assert len(rows) == len(corpus.load()) and MENTION_COLUMNS <= set(rows[0])
    first = next(row for row in rows if row["source_id"] == "a1")
    assert first["evidence"].startswith("Today I am authorizing") and first["evidence_start"] == "0"


def test_exported_packages_carry_conversions_and_sources(corpus_db, tmp_path):
    packages = json.loads(_run("export", "--db", corpus_db, "--what", "packages", "--format", "json"))
    assert len(packages) == len(corpus.gold_groups(corpus.load())) and PACKAGE_COLUMNS <= set(packages[0])
    germany = next(p for p in packages if p["donor"] == "DEU")
    assert (germany["amount"], germany["currency"], germany["n_sources"], germany["stage"]) == (
        2.7e9,
        "EUR",
        6,
        "delivered",
    )
    assert germany["fx_date"] == "2023-05-12" and len(germany["source_urls"]) == 6
    parquet = tmp_path / "packages.parquet"
    _run("export", "--db", corpus_db, "--format", "parquet", "-o", parquet)
    assert pq.read_table(parquet).num_rows == len(packages)


def test_parquet_needs_an_output_file(corpus_db):
    result = runner.invoke(app, ["export", "--db", str(corpus_db), "--format", "parquet"])
    assert result.exit_code != 0 and "-o" in result.output


def test_the_sqlite_file_holds_plain_tables_with_iso_dates_and_whole_amounts(corpus_db):
    with sqlite3.connect(corpus_db) as connection:
        kinds = set(
            connection.execute(
                "SELECT typeof(date), typeof(fx_date), typeof(amount), typeof(amount_usd), typeof(amount_eur) "
                "FROM packages WHERE fx_date IS NOT NULL AND date IS NOT NULL"
            )
        )
        dates = [row[0] for row in connection.execute("SELECT date FROM packages WHERE date IS NOT NULL")]
    assert kinds == {("text", "text", "integer", "integer", "integer")}
    assert all(len(d) == 10 and d[4] == d[7] == "-" for d in dates)


def test_ingesting_twice_adds_nothing_the_second_time(tmp_path):
    jsonl = tmp_path / "news.jsonl"
    news.write_jsonl(jsonl, n_packages=3)
    db = tmp_path / "ledger.db"
    first = runner.invoke(app, ["ingest", str(jsonl), "--db", str(db)])
    second = runner.invoke(app, ["ingest", str(jsonl), "--db", str(db)])
    assert "stored 8," in first.output and "failed 1" in first.output and "news.jsonl:" in first.output
    assert "unchanged 8, stored 0," in second.output and "new mentions 0, new packages 0" in second.output


@pytest.mark.parametrize("command", [["report"], ["export", "--what", "packages", "--format", "json"]])
def test_reading_a_ledger_that_does_not_exist_is_an_error_and_creates_nothing(tmp_path, command):
    missing = tmp_path / "no" / "ledger.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 2
    assert "no ledger at" in result.output
    assert not missing.parent.exists()
