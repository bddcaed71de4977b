"""The quality targets of the extraction engine, measured on the gold files beside the checkout.

The gold texts are read from ../shared at run time and scored by its own
score.py; nothing of them is copied into the repository.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import aidledger
from aidledger.ingest.readers import read_paths


def _score(gold: Path, tmp_path: Path) -> dict:
    pred = tmp_path / "pred.jsonl"
    documents = (d for d in read_paths([gold]) if isinstance(d, aidledger.Document))
    with pred.open("w", encoding="utf-8") as fh:
        for result in aidledger.extract_documents(documents):
            fh.write(result.model_dump_json() + "\n")
    report = tmp_path / "report.json"
    subprocess.run(
        [sys.executable, str(gold.parent / "score.py"), str(gold), str(pred), "--by-lang", "--json", str(report)],
        check=True,
        capture_output=True,
    )
    return json.loads(report.read_text())


@pytest.fixture(scope="module")
def dev_report(shared_eval: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _score(shared_eval / "dev.jsonl", tmp_path_factory.mktemp("dev"))


def test_seed_commitments_are_found_with_every_field_right(shared_eval: Path, tmp_path: Path) -> None:
    report = _score(shared_eval / "seed.jsonl", tmp_path)["all"]
    assert report["commitments"]["f1"] == 1.0
    for field in ("aid_type", "mechanism", "stage", "date"):
        assert report["fields_on_matched"][field]["accuracy"] == 1.0, field
    assert report["items_on_matched"]["f1"] >= 0.8


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dev_commitments_meet_their_targets(dev_report: dict, lang: str) -> None:
    report = dev_report[lang]
    print(lang, json.dumps({k: report[k] for k in ("commitments", "fields_on_matched", "negatives_clean")}))
    assert report["commitments"]["f1"] >= 0.85
    assert report["fields_on_matched"]["stage"]["accuracy"] >= 0.9
    assert report["fields_on_matched"]["date"]["accuracy"] >= 0.9
    assert report["fields_on_matched"]["mechanism"]["accuracy"] >= 0.9
    assert report["fields_on_matched"]["aid_type"]["accuracy"] >= 0.85
    assert report["negatives_clean"]["accuracy"] >= 0.9


def test_other_languages_run_and_report_the_language_detected(shared_eval: Path) -> None:
    others = [
        d
        for d in read_paths([shared_eval / "dev.jsonl"])
        if isinstance(d, aidledger.Document) and d.lang not in ("fr", "en")
    ]
    assert others
    for document in others:
        result = aidledger.extract(document.text, published=document.published)
        assert result.lang == document.lang, document.id


def test_eval_command_prints_the_scorers_report_per_language(shared_eval: Path) -> None:
    command = Path(sys.executable).with_name("aidledger")
    result = subprocess.run([str(command), "eval", str(shared_eval / "seed.jsonl")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "== fr: 1 documents" in result.stdout
    assert "commitments            P=1.000 R=1.000 F1=1.000" in result.stdout
