"""Opening the ledger database: which URL, SQLite settings, and migrations applied on open."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DEFAULT_PATH = "aidledger.db"
ENV_VAR = "AIDLEDGER_DATABASE_URL"
BUSY_TIMEOUT_MS = 30_000
MIGRATIONS = Path(__file__).with_name("migrations")


def database_url(db: str | None = None) -> str:
    """The URL to open: ``db`` (a URL or a file path), else $AIDLEDGER_DATABASE_URL, else ./aidledger.db."""
    value = db or os.environ.get(ENV_VAR) or DEFAULT_PATH
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def _configure_sqlite(engine: Engine) -> None:
    """WAL, a busy timeout, foreign keys, and real transactions on SQLite.

    Python's sqlite3 module opens transactions lazily and not before DDL; taking over BEGIN makes each
    article, and each migration, one atomic transaction, so a kill -9 leaves nothing half-written.
    Writers ask for ``BEGIN IMMEDIATE`` (execution option ``sqlite_begin``) so that two writers wait
    for each other under the busy timeout instead of failing on a lock upgrade; readers stay deferred
    and read alongside a writer (WAL).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql(f"BEGIN {connection.get_execution_options().get('sqlite_begin', 'DEFERRED')}")


def create_ledger_engine(url: str) -> Engine:
    """An engine for ``url``, with SQLite tuned for safe concurrent writes."""
    engine = create_engine(url)
    if make_url(url).get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migrations (every head: branches that touch different tables, such as
    ``watch_state``, apply side by side); the migrations ship inside the package.

    On SQLite a batch migration rebuilds a table by copy, drop and rename, which foreign keys forbid
    while they are enforced; they are switched off for the migration (a pragma that only takes
    effect outside a transaction), checked before the migration commits, and switched on again.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.execution_options(sqlite_begin="IMMEDIATE").connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "heads")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("a migration left rows whose foreign keys point nowhere; nothing was changed")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")


def missing_sqlite_file(db: str | None = None) -> Path | None:
    """The file of a SQLite ledger that does not exist yet, or None (it exists, or is not SQLite)."""
    url = make_url(database_url(db))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    path = Path(url.database)
    return None if path.exists() else path


def read_only_location(db: str | None = None) -> Path | None:
    """The folder of a SQLite ledger when it lies on a read-only file system (where SQLite's own error
    only says "unable to open database file"), else None."""
    url = make_url(database_url(db))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    folder = Path(url.database).expanduser().absolute().parent
    while not folder.exists():
        folder = folder.parent
    return folder if os.statvfs(folder).f_flag & os.ST_RDONLY else None


def open_database(db: str | None = None) -> Engine:
    """Open (creating and migrating if needed) the ledger."""
    url = database_url(db)
    sqlite_path = make_url(url).database if make_url(url).get_backend_name() == "sqlite" else None
    if sqlite_path and sqlite_path != ":memory:":
        Path(sqlite_path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_ledger_engine(url)
    migrate(engine)
    return engine
