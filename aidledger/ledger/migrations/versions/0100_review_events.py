"""Review tables: reviewers, their sessions, review events, reviewed package and mention values.

Revision ID: review_events
Revises: 0002
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "review_events"
down_revision = "0002"
branch_labels = None
depends_on = None


def _reviewed_values() -> list[sa.Column]:
    """The columns package and mention reviews share (``_ReviewedValues`` in review_models.py)."""
    return [
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("donor", sa.String(length=32), nullable=True),
        sa.Column("recipient", sa.String(length=32), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=True, comment="Whole units of the stated currency"),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("aid_type", sa.String(length=16), nullable=False),
        sa.Column("mechanism", sa.String(length=8), nullable=True),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("corrected", sa.JSON(), nullable=False, comment="The fields a reviewer set by hand"),
        sa.Column("reviewer", sa.String(length=100), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "reviewers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False, comment="argon2id, in PHC string format"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "reviewer_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["reviewer_id"], ["reviewers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("reviewer_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviewer_sessions_reviewer_id"), ["reviewer_id"], unique=False)

    op.create_table(
        "review_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reviewer", sa.String(length=100), nullable=False),
        sa.Column("target", sa.String(length=8), nullable=False, comment="package or mention"),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_events_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_events_target_id"), ["target_id"], unique=False)

    op.create_table(
        "package_reviews",
        sa.Column("package_id", sa.Integer(), nullable=False),
        *_reviewed_values(),
        sa.Column("reference_date", sa.Date(), nullable=True),
        sa.Column("reference_basis", sa.String(length=16), nullable=True),
        sa.Column("amount_usd", sa.BigInteger(), nullable=True, comment="Whole US dollars"),
        sa.Column("amount_eur", sa.BigInteger(), nullable=True, comment="Whole euros"),
        sa.Column("fx_rate", sa.Float(), nullable=True),
        sa.Column("fx_rate_eur", sa.Float(), nullable=True),
        sa.Column("fx_date", sa.Date(), nullable=True),
        sa.Column("fx_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["package_id"], ["packages.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("package_id"),
    )
    op.create_table(
        "mention_reviews",
        sa.Column("mention_id", sa.Integer(), nullable=False),
        *_reviewed_values(),
        sa.Column("announcer", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["mention_id"], ["mentions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("mention_id"),
    )


def downgrade() -> None:
    op.drop_table("mention_reviews")
    op.drop_table("package_reviews")
    with op.batch_alter_table("review_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_events_target_id"))
        batch_op.drop_index(batch_op.f("ix_review_events_at"))
    op.drop_table("review_events")
    with op.batch_alter_table("reviewer_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviewer_sessions_reviewer_id"))
    op.drop_table("reviewer_sessions")
    op.drop_table("reviewers")
