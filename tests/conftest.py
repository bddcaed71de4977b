"""Shared fixtures: the evaluation data beside the checkout, read at run time, never copied."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """The folder of the gold files; tests that need it are skipped where it is absent."""
    if not (SHARED / "dev.jsonl").exists():
        pytest.skip("../shared/eval is not beside this checkout")
    return SHARED
