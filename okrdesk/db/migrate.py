"""Schema management with Alembic: new files, upgrades of older files.

Alembic is imported only when a file is created or upgraded: it costs about
0.2 s at start-up, and opening a current file never needs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from okrdesk.db.workspace_file import SCHEMA_REVISIONS, SCHEMA_VERSION, stamp_header

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as con:
        return MigrationContext.configure(con).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` and record the schema version in the header."""
    from alembic import command

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
