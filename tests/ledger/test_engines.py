"""``ingest --workers N`` and ``ingest --engine ray`` store what one process stores, with the same tally."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aidledger.cli import _register, app
from aidledger.schema import Document, Extraction
from aidledger.workers import DIED, Options, WorkerPool

ARTICLES = [
    ("norway", "Norway will give Sudan 400 million crowns in humanitarian aid, the foreign minister said on Monday."),
    ("quiet", "The orchestra announced a tour of Japan next year, with concerts in Osaka and Tokyo in the spring."),
    ("canada", "Canada pledged $40 million in humanitarian aid to Haiti on Tuesday, the development minister said."),
    ("japan", "Japan will provide $1.5 billion to Ukraine for its power grid, Prime Minister Fumio Kishida said."),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Four English articles (one about a concert) and a line that is not JSON."""
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": i, "text": t, "lang": "en", "published": "2024-03-12"}) for i, t in ARTICLES]
    path.write_text("\n".join([*lines[:2], "{not json", *lines[2:]]) + "\n", encoding="utf-8")
    return path


def ingest(corpus: Path, db: Path, *options: str) -> tuple[str, dict]:
    """Run ``aidledger ingest``; its tally line and what the ledger then holds."""
    _register()
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--triage", "--focus", *options])
    tally = next(line for line in result.output.splitlines() if line.startswith("read "))
    with sqlite3.connect(db) as ledger:
        held = {
            "articles": sorted(ledger.execute("SELECT source_id, n_commitments FROM articles")),
            "packages": sorted(ledger.execute("SELECT donor, recipient, amount, currency FROM packages")),
            "quotes": ledger.execute("SELECT count(*) FROM quotes").fetchone()[0],
        }
    return tally, held


@pytest.fixture
def in_one_process(corpus: Path, tmp_path: Path) -> tuple[str, dict]:
    return ingest(corpus, tmp_path / "one.db")


def test_two_workers_store_what_one_process_stores(corpus: Path, tmp_path: Path, in_one_process) -> None:
    tally, held = ingest(corpus, tmp_path / "two.db", "--workers", "2")
    assert (tally, held) == in_one_process
    assert tally == "read 5, unchanged 0, triaged out 1, stored 3, failed 1, new mentions 3, new packages 3"


@pytest.mark.ray
def test_ray_on_two_cpus_stores_what_one_process_stores(corpus: Path, tmp_path: Path, in_one_process) -> None:
    tally, held = ingest(corpus, tmp_path / "ray.db", "--engine", "ray", "--workers", "2")
    assert (tally, held) == in_one_process


def dies_on_poison(documents: list[Document], options: Options) -> list[Extraction | str]:
    """A worker's job that kills its process on the document called "poison" (and extracts nothing)."""
    if any(document.id == "poison" for document in documents):
        os._exit(1)
    return [Extraction(id=document.id, lang="en") for document in documents]


def test_a_worker_that_dies_fails_only_the_document_that_killed_it() -> None:
    documents = [Document(id=name, text=name) for name in ("a", "b", "poison", "c", "d", "e")]
    failed: list[tuple[str, str]] = []
    pool = WorkerPool(2, chunk=2, job=dies_on_poison)
    done = [e.id for e in pool(documents, on_error=lambda document, exc: failed.append((document.id, str(exc))))]
    assert done == ["a", "b", "c", "d", "e"]
    assert failed == [("poison", DIED)]
