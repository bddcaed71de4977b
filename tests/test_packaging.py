"""The package installs with the files it reads at run time, not only from a checkout."""

from __future__ import annotations

import fnmatch
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return config["tool"]["setuptools"]["package-data"]["aidledger"]


def test_every_data_file_of_the_package_is_declared_as_package_data() -> None:
    """A wheel carries only the non-Python files ``package-data`` names: a missing pattern (the fitted weights
    once) installs a package that fails on its first extraction."""
    tracked = subprocess.run(
        ["git", "ls-files", "aidledger"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    data = [Path(p).relative_to("aidledger").as_posix() for p in tracked if not p.endswith(".py")]
    undeclared = [p for p in data if not any(fnmatch.fnmatch(p, pattern) for pattern in _declared())]
    assert data and undeclared == []
