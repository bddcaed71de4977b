"""The README's command reference is what the commands' --help says."""

from __future__ import annotations

from pathlib import Path

from aidledger.cli.reference import reference

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_command_reference_matches_help():
    assert reference() in README.read_text(encoding="utf-8"), "run: python -m aidledger.cli.reference"
