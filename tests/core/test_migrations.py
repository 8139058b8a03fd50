"""The schema comes from Alembic migrations and matches the models exactly."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from okrdesk.db import migrate
from okrdesk.db.models import Base
from okrdesk.db.workspace_file import SCHEMA_REVISIONS, make_engine
from okrdesk.services.workspace import Workspace


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.db")
    migrate.upgrade(engine)
    with engine.connect() as con:
        assert compare_metadata(MigrationContext.configure(con), Base.metadata) == []
    assert migrate.current_revision(engine) == SCHEMA_REVISIONS[-1]
    engine.dispose()


def test_new_workspace_is_at_the_latest_revision(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "n.okrdesk") as ws:
        assert migrate.current_revision(ws.bulk_engine()) == SCHEMA_REVISIONS[-1]


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "fk.okrdesk") as ws, ws.bulk_engine().connect() as con:
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
