"""Nothing lost: `aidledger ingest` killed with SIGKILL at random points leaves a consistent ledger, and a re-run completes it.

This runs the real command and the real extraction pipeline in subprocesses.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.ledger import news
from tests.ledger.checks import problems

AIDLEDGER = str(Path(sys.executable).with_name("aidledger"))
KILLS = 4


def _start(jsonl: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [AIDLEDGER, "ingest", str(jsonl), "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def _kill_when(process: subprocess.Popen, db: Path, articles: int, rng: random.Random) -> None:
    """SIGKILL the process a random moment after ``articles`` articles are stored (0: during start-up)."""
    deadline = time.monotonic() + 120
    while _stored(db) < articles and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(rng.uniform(0, 0.3 if articles == 0 else 0.05))
    assert process.poll() is None, (
        f"ingest finished before the kill point ({articles} articles): {process.stderr.read()}"
    )
    process.send_signal(signal.SIGKILL)
    process.wait()


def _contents(db: Path) -> tuple[list, list]:
    """The mentions and the grouping of articles into packages, independent of row ids."""
    with sqlite3.connect(db) as connection:
        mentions = sorted(
            connection.execute(
                "SELECT a.source_id, m.position, m.donor, m.amount, m.currency, m.stage, m.date FROM mentions m "
                "JOIN articles a ON a.id = m.article_id"
            )
        )
        groups = connection.execute(
            "SELECT group_concat(a.source_id) FROM mentions m JOIN articles a ON a.id = m.article_id GROUP BY m.package_id"
        )
        grouping = sorted(",".join(sorted(row[0].split(","))) for row in groups)
    return mentions, grouping


def test_ingest_killed_at_random_points_stays_consistent_and_resumes_without_duplicates(tmp_path):
    jsonl = tmp_path / "news.jsonl"
    good = news.write_jsonl(jsonl)
    db = tmp_path / "ledger.db"
    rng = random.Random()
    kill_points = [0, *sorted(rng.sample(range(1, good - 2), KILLS - 1))]
    for articles in kill_points:
        _kill_when(_start(jsonl, db), db, articles, rng)
        assert problems(db) == [], f"after a kill at {articles} stored articles"
    resumed = _start(jsonl, db)
    _stdout, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 1, stderr  # the malformed line is reported as a failure
    assert "broken" not in stderr and "news.jsonl:" in stderr
    assert problems(db) == []
    assert _stored(db) == good

    clean_db = tmp_path / "clean.db"
    clean = _start(jsonl, clean_db)
    clean.communicate(timeout=300)
    resumed_contents, clean_contents = _contents(db), _contents(clean_db)
    assert set(resumed_contents[0]) ^ set(clean_contents[0]) == set()
    assert set(resumed_contents[1]) ^ set(clean_contents[1]) == set()
