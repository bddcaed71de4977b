"""A short coverage-guided fuzzing run (atheris) of every parser of untrusted text; `make fuzz` runs a long one."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
SECONDS = 8
#: libFuzzer's default memory limit, allowed to the fuzzer on top of what it inherits.
RSS_LIMIT_MB = 2048


def _rss_limit_mb() -> int:
    """The fuzzer's memory limit: Linux carries a process's peak resident size across fork and exec, so the
    fuzzer starts out reporting this test process's peak (the whole suite's models) as its own."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 + RSS_LIMIT_MB


def test_a_short_fuzzing_run_finds_no_crash(tmp_path):
    corpus, artifacts = tmp_path / "corpus", tmp_path / "artifacts"
    corpus.mkdir()
    artifacts.mkdir()
    result = subprocess.run(
        [sys.executable, str(FUZZ / "fuzz_parsers.py"), f"-max_total_time={SECONDS}", "-print_final_stats=1",
         "-close_fd_mask=1", f"-rss_limit_mb={_rss_limit_mb()}", f"-artifact_prefix={artifacts}/",
         str(corpus), str(FUZZ / "corpus")],
        capture_output=True, text=True, timeout=SECONDS * 10, check=False,
    )  # fmt: skip
    runs = re.search(r"stat::number_of_executed_units:\s*(\d+)", result.stderr)
    assert result.returncode == 0, result.stderr[-3000:]
    assert runs is not None and int(runs.group(1)) > 1000, result.stderr[-3000:]
