"""UI fixtures: an isolated settings store and a window on a copy of the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from okrdesk.services.workspace import Workspace
from ui import dialogs
from ui.session import WorkspaceSession


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path):
    """Keep tests from reading or writing the person's real OKR Desk settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    yield


class Answers:
    """Stands in for the modal dialogs: records what was said, answers as told."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.questions: list[str] = []
        self.confirm = False
        self.open_path = ""
        self.save_path = ""
        self.text: str | None = None
        self.choice: str | None = None  # the text of the option to pick
        self.options: list[tuple[str, str]] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()
    monkeypatch.setattr(dialogs, "tell_error", lambda _p, _t, text: given.errors.append(text))

    def confirm(_parent: object, _title: str, text: str) -> bool:
        given.questions.append(text)
        return given.confirm

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *_a: given.open_path)
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_a: given.save_path)
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a: given.text)

    def choose_one(_parent: object, _title: str, _label: str, options: list) -> str | None:
        given.options = options
        return next((i for i, text in options if text.strip() == given.choice), None)

    monkeypatch.setattr(dialogs, "choose_one", choose_one)
    return given


@pytest.fixture
def session(demo_copy: Path):
    """The demo copy open in a session, for a test that drives one view of it."""
    s = WorkspaceSession(Workspace.open(demo_copy))
    yield s
    s.close()
