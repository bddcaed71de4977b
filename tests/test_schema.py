"""The shipped JSON Schema is the one the pydantic models generate."""

from __future__ import annotations

import json

import aidledger
from aidledger.schema import JSON_SCHEMA_PATH, json_schema


def test_shipped_json_schema_is_current() -> None:
    assert JSON_SCHEMA_PATH.read_text(encoding="utf-8") == json_schema(), "run: python -m aidledger.schema"


def test_an_extraction_line_validates_against_the_schema_fields() -> None:
    result = aidledger.extract(
        "Germany pledged 500 million euros to Ukraine on Monday.", published="2024-05-08", lang="en"
    )
    line = json.loads(result.model_dump_json())
    properties = json.loads(json_schema())["properties"]
    assert set(line) == set(properties)
    assert line["commitments"][0]["evidence"]["text"].startswith("Germany pledged")
