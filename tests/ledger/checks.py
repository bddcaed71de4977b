"""Consistency checks of a ledger database, in plain SQL so they hold whatever wrote the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

CHECKS = {
    "mention without its article": "SELECT count(*) FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL",
    "mention without its package": "SELECT count(*) FROM mentions m LEFT JOIN packages p ON p.id = m.package_id WHERE p.id IS NULL",
    "article missing some of its mentions": """
        SELECT count(*) FROM articles a
        WHERE a.n_commitments != (SELECT count(*) FROM mentions m WHERE m.article_id = a.id)""",
    "package without mentions": "SELECT count(*) FROM packages p WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.package_id = p.id)",
    "package without stage history": """
        SELECT count(*) FROM packages p WHERE NOT EXISTS (SELECT 1 FROM package_stages s WHERE s.package_id = p.id)""",
    "duplicate article": "SELECT count(*) - count(DISTINCT source_id) FROM articles",
}


def problems(path: Path) -> list[str]:
    """What is wrong with the SQLite ledger at ``path`` (an empty list when it is consistent)."""
    with sqlite3.connect(path) as connection:
        found = [] if connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok" else ["integrity_check failed"]
        found += [f"foreign key: {row}" for row in connection.execute("PRAGMA foreign_key_check")]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:
            return found  # killed before the first migration committed: an empty database is consistent
        found += [name for name, sql in CHECKS.items() if connection.execute(sql).fetchone()[0]]
    return found
