"""Mentions keep the number the text gives their package in its donor's series, which linkage weighs.

A branch of its own from 0002, like ``running_totals``: it only adds a nullable column to ``mentions`` (no
table rebuilt, so the ``package_sources`` view stays) and applies in any order with the other branches.
Mentions stored before it have no number (NULL), which linkage reads as none stated.

Revision ID: series_number
Revises: 0002
Create Date: 2026-12-05 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "series_number"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "mentions",
        sa.Column(
            "series_number",
            sa.Integer(),
            nullable=True,
            comment="The package's number in the donor's series the article states ('the 45th drawdown')",
        ),
    )


def downgrade() -> None:
    op.drop_column("mentions", "series_number")  # ALTER TABLE … DROP COLUMN: SQLite 3.35+ and PostgreSQL
