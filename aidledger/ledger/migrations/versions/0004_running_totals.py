"""Mentions keep the running totals their article states for the donor, which linkage weighs.

A branch of its own from 0002: it only adds a nullable column to ``mentions`` (no table rebuilt, so the
``package_sources`` view stays), and applies in any order with the other branches from 0002. Mentions
stored before it have no totals (NULL), which linkage reads as none stated.

Revision ID: running_totals
Revises: 0002
Create Date: 2026-12-05 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "running_totals"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "mentions",
        sa.Column(
            "running_totals",
            sa.JSON(),
            nullable=True,
            comment="[amount, currency] of each running total of the donor's aid the article states",
        ),
    )


def downgrade() -> None:
    op.drop_column("mentions", "running_totals")  # ALTER TABLE … DROP COLUMN: SQLite 3.35+ and PostgreSQL
