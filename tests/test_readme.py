"""Every example of the README runs as written, as a new user would run them after `make demo`.

The shell blocks run in order in one bash script (`set -e`, so the first failing command fails the
test), from a scratch folder laid out like a checkout: the samples, the `.venv` of this checkout and
the evaluation data beside it in `../shared`. Python blocks run with the same interpreter. The first
block (`make demo`, `make test`) is the one left out: it is what the suite itself is run by.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^```(sh|python)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, str]]:
    blocks = BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert blocks[0][1].startswith("make demo"), "the README must open with `make demo` and `make test`"
    return blocks[1:]


@pytest.fixture
def checkout(tmp_path: Path, shared_eval: Path) -> Path:
    """A folder laid out like a fresh checkout after `make demo`, with ../shared beside it."""
    repo = tmp_path / "aidledger"
    repo.mkdir()
    (repo / "samples").symlink_to(ROOT / "samples")
    (repo / ".venv").symlink_to(Path(sys.executable).parents[1])
    (tmp_path / "shared").symlink_to(shared_eval.parent)
    return repo


def test_every_readme_example_runs_as_written(checkout: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("AIDLEDGER_DATABASE_URL", None)
    for number, (language, code) in enumerate(_blocks(), start=2):
        command = ["bash", "-euo", "pipefail", "-c", code] if language == "sh" else [sys.executable, "-c", code]
        result = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"README block {number} ({language}) failed:\n{code}\n{result.stderr[-3000:]}"
    assert (checkout / "kiel.csv").read_text().startswith("donor,announcement_date,aid_type_general")
