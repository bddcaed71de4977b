"""The state of ``aidledger watch``: feeds polled (validators for conditional GETs) and article links seen.

A branch of its own from 0002: it touches no existing table, so it applies in any order with other
branches from 0002 (the ledger upgrades to every head, :func:`aidledger.ledger.db.migrate`).

Revision ID: watch_state
Revises: 0002
Create Date: 2026-12-04 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "watch_state"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watched_feeds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.String(2000), nullable=False, unique=True),
        sa.Column("etag", sa.String(500)),
        sa.Column("last_modified", sa.String(100)),
        sa.Column("checked_at", sa.DateTime()),
        sa.Column("status", sa.String(300), comment="HTTP status of the last poll, or why it failed"),
    )
    op.create_table(
        "watched_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.String(2000), nullable=False, unique=True, comment="The entry's link (or feed URL#entry id)"),
        sa.Column("feed_id", sa.Integer(), sa.ForeignKey("watched_feeds.id"), nullable=False, index=True),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("fetched_at", sa.DateTime()),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(300), comment="stored, triaged out, unchanged, failed: …"),
        sa.Column("done", sa.Boolean(), nullable=False, comment="Never to be fetched again"),
    )


def downgrade() -> None:
    op.drop_table("watched_entries")
    op.drop_table("watched_feeds")
