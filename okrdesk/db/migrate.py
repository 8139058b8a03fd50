"""Schema management with Alembic: new files, upgrades of older files."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from okrdesk.db.workspace_file import SCHEMA_REVISIONS, SCHEMA_VERSION, stamp_header

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as con:
        return MigrationContext.configure(con).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` and record the schema version in the header."""
    config = alembic_config()
    with engine.begin() as con:
        config.attributes["connection"] = con
        command.upgrade(config, revision)
    target = SCHEMA_REVISIONS[-1] if revision == "head" else revision
    stamp_header(engine, SCHEMA_REVISIONS.index(target) + 1)


def create_schema(engine: Engine) -> None:
    """A brand-new workspace: every table from the migrations, from the first revision."""
    upgrade(engine)
    assert current_revision(engine) == SCHEMA_REVISIONS[SCHEMA_VERSION - 1]
