"""A short coverage-guided fuzzing run (atheris) of every parser of untrusted text; `make fuzz` runs a long one."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
SECONDS = 8


def test_a_short_fuzzing_run_finds_no_crash(tmp_path):
    result = subprocess.run(
        [sys.executable, str(FUZZ / "fuzz_parsers.py"), f"-max_total_time={SECONDS}", "-print_final_stats=1",
         "-close_fd_mask=1", str(tmp_path), str(FUZZ / "corpus")],
        capture_output=True, text=True, timeout=SECONDS * 10, check=False,
    )  # fmt: skip
    runs = re.search(r"stat::number_of_executed_units:\s*(\d+)", result.stderr)
    assert result.returncode == 0, result.stderr[-3000:]
    assert runs is not None and int(runs.group(1)) > 1000, result.stderr[-3000:]
