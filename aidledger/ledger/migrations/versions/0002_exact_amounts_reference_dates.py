"""Exact amounts, reference dates, evidence keys and the package_sources view.

Amounts become whole units in integer columns (rounded from the floats of 0001); every package gets
a reference date and its basis, and mentions an evidence key; the USD amount of a mention (used by
the old merge rules only) goes. Packages are left with ``reference_basis`` NULL: the ledger re-derives
their fields and conversions the first time it opens the upgraded file
(:func:`aidledger.ledger.store.rederive_stale_packages`).

The view ``package_sources`` gives one row per package with its sources. SQLite checks views when a
table is renamed, so a later migration that rebuilds ``packages``, ``mentions`` or ``articles`` in
batch mode must drop the view first and create it again after.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


#: One row per package with its sources (URLs, or input ids for articles without one, space-separated).
PACKAGE_SOURCES = """
CREATE VIEW package_sources AS
WITH sources AS (
    SELECT DISTINCT m.package_id, a.id AS article_id, coalesce(a.url, a.source_id) AS source,
           a.outlet, a.language, a.published
    FROM mentions m JOIN articles a ON a.id = m.article_id
)
SELECT p.id AS package_id, p.donor, p.recipient, p.amount, p.currency, p.amount_usd, p.amount_eur,
       p.aid_type, p.mechanism, p.stage, p.date, p.reference_date, p.reference_basis,
       count(s.article_id) AS n_sources,
       min(s.published) AS first_published,
       {languages} AS languages,
       {outlets} AS outlets,
       {urls} AS source_urls
FROM packages p LEFT JOIN sources s ON s.package_id = p.id
GROUP BY p.id
"""
AGGREGATES = {
    "sqlite": {
        "languages": "group_concat(DISTINCT s.language)",
        "outlets": "group_concat(DISTINCT s.outlet)",
        "urls": "group_concat(s.source, ' ')",
    },
    "postgresql": {
        "languages": "string_agg(DISTINCT s.language, ',')",
        "outlets": "string_agg(DISTINCT s.outlet, ',')",
        "urls": "string_agg(s.source, ' ' ORDER BY s.published NULLS LAST, s.article_id)",
    },
}


def _round_amounts(table: str, columns: list[str]) -> None:
    for column in columns:
        op.execute(f"UPDATE {table} SET {column} = ROUND({column}) WHERE {column} IS NOT NULL")


def upgrade() -> None:
    from aidledger.ledger.merge import evidence_key

    _round_amounts("packages", ["amount", "amount_usd", "amount_eur"])
    _round_amounts("mentions", ["amount"])
    with op.batch_alter_table("packages", schema=None) as batch_op:
        for column in ("amount", "amount_usd", "amount_eur"):
            batch_op.alter_column(column, existing_type=sa.Float(), type_=sa.BigInteger(), existing_nullable=True)
        batch_op.add_column(sa.Column("reference_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("reference_basis", sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f("ix_packages_reference_date"), ["reference_date"], unique=False)

    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.alter_column("amount", existing_type=sa.Float(), type_=sa.BigInteger(), existing_nullable=True)
        batch_op.drop_column("amount_usd")
        batch_op.add_column(sa.Column("evidence_key", sa.String(length=64), nullable=False, server_default=""))

    connection = op.get_bind()
    mentions = sa.table("mentions", sa.column("id", sa.Integer), sa.column("evidence", sa.Text))
    keyed = sa.table("mentions", sa.column("id", sa.Integer), sa.column("evidence_key", sa.String))
    for mention_id, evidence in connection.execute(sa.select(mentions.c.id, mentions.c.evidence)).all():
        connection.execute(sa.update(keyed).where(keyed.c.id == mention_id).values(evidence_key=evidence_key(evidence)))
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.alter_column("evidence_key", server_default=None, existing_type=sa.String(length=64))
        batch_op.create_index(batch_op.f("ix_mentions_evidence_key"), ["evidence_key"], unique=False)

    op.execute(PACKAGE_SOURCES.format(**AGGREGATES[connection.dialect.name]))


def downgrade() -> None:
    op.execute("DROP VIEW package_sources")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentions_evidence_key"))
        batch_op.drop_column("evidence_key")
        batch_op.add_column(sa.Column("amount_usd", sa.Float(), nullable=True))
        batch_op.alter_column("amount", existing_type=sa.BigInteger(), type_=sa.Float(), existing_nullable=True)
    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_packages_reference_date"))
        batch_op.drop_column("reference_basis")
        batch_op.drop_column("reference_date")
        for column in ("amount", "amount_usd", "amount_eur"):
            batch_op.alter_column(column, existing_type=sa.BigInteger(), type_=sa.Float(), existing_nullable=True)
