"""Mentions keep where a raise starts when the article gives it, which linkage weighs.

A branch of its own from 0002, like ``running_totals`` and ``series_number``: it only adds a nullable column to
``mentions`` (no table rebuilt, so the ``package_sources`` view stays) and applies in any order with the other
branches. Mentions stored before it have no start (NULL), which linkage reads as no raise stated.

Revision ID: raised_from
Revises: 0002
Create Date: 2026-12-06 09:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "raised_from"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "mentions",
        sa.Column(
            "raised_from",
            sa.JSON(),
            nullable=True,
            comment="[amount, currency] a raise starts from when the article gives it ('from 15 to 40 million')",
        ),
    )


def downgrade() -> None:
    op.drop_column("mentions", "raised_from")  # ALTER TABLE … DROP COLUMN: SQLite 3.35+ and PostgreSQL
