"""Fixtures for the fault tests: a 50-team workspace, its exports, and a fork server."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_tools import Forker, Synthetic

from okrdesk.demo import build_synthetic
from okrdesk.interchange import csv_format, json_format
from okrdesk.services.workspace import Workspace


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Synthetic:
    folder = tmp_path_factory.mktemp("synthetic50")
    path = folder / "fifty.okrdesk"
    build_synthetic(path, teams=50, seed=1)
    with Workspace.open(path) as ws:
        (folder / "fifty.json").write_bytes(json_format.export_json(ws))
        (folder / "fifty.csv").write_bytes(csv_format.export_csv(ws))
    Workspace.create(folder / "empty.okrdesk", "Empty Co").close()
    return Synthetic(path, folder / "fifty.json", folder / "fifty.csv", folder / "empty.okrdesk")


@pytest.fixture(scope="session")
def forker() -> Iterator[Forker]:
    yield Forker()


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A fresh folder for each example of a property test (tmp_path is per test)."""
    with tempfile.TemporaryDirectory(prefix="okrdesk-fuzz-") as folder:
        yield Path(folder)
