"""Every language file has the sections and keys the code reads (the French and English files' schema)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aidledger.lang import DATA_DIR
from aidledger.lang.schema import problems

FILES = sorted(p for p in DATA_DIR.glob("*.yaml") if p.stem != "common")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_language_file_fits_the_one_schema(path: Path) -> None:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert problems(data) == []


def test_a_file_missing_a_section_is_reported() -> None:
    assert "missing section stages" in problems({"lemmatize": True})


def test_an_unquoted_yaml_boolean_word_is_reported() -> None:
    found = problems({"speech": {"pronouns": {True: "m", "ona": "f"}}, "lemmatize": True})
    assert "speech.pronouns.True holds a YAML boolean: quote the word" in found
    assert not any(p.startswith("lemmatize") for p in found)
