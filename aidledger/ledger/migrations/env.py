"""Alembic environment: runs on the connection :func:`aidledger.ledger.db.migrate` hands over."""

from __future__ import annotations

from alembic import context

from aidledger.ledger import review_models  # noqa: F401  (registers the review tables on Base.metadata)
from aidledger.ledger.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, transactional_ddl=True, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
