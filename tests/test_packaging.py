"""What installs OKR Desk: icons, the Linux desktop entry and MIME type, the build recipe.

The bundle itself is built and run by packaging/smoke.sh (`make dist-smoke`); these
tests keep the files it installs consistent with each other and with the app.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
DESKTOP = PACKAGING / "linux" / "okrdesk.desktop"
MIME_XML = PACKAGING / "linux" / "okrdesk-mime.xml"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
APP_SIZES = (16, 24, 32, 48, 64, 128, 256)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def mime_type() -> ET.Element:
    return ET.parse(MIME_XML).getroot().find("m:mime-type", MIME_NS)


@pytest.mark.parametrize("size", [*APP_SIZES, 512, 1024])
def test_icon_png_has_its_size_and_a_transparent_corner(size: int) -> None:
    with Image.open(ICONS / f"okrdesk-{size}.png") as image:
        assert image.size == (size, size)
        rgba = image.convert("RGBA")
    assert rgba.getpixel((0, 0))[3] == 0, "the rounded tile leaves the corners transparent"
    assert rgba.getpixel((size // 2, size // 2))[3] == 255


def test_windows_and_macos_icons_hold_the_sizes_their_systems_ask_for() -> None:
    with Image.open(ICONS / "okrdesk.ico") as ico:
        assert {(s, s) for s in (16, 32, 48, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "okrdesk.icns") as icns:
        assert {s[:2] for s in icns.info["sizes"]} >= {(16, 16), (32, 32), (128, 128), (512, 512)}


def test_desktop_entry_opens_okrdesk_files_with_our_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "OKR Desk"
    assert entry["Exec"] == "okrdesk %f"  # install-linux.sh rewrites the program's path
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == "okrdesk"
    assert mime_type().get("type") + ";" in entry["MimeType"]
    assert {"Office", "ProjectManagement"} <= set(entry["Categories"].rstrip(";").split(";"))


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_mime_type_matches_the_extension_and_the_workspace_header() -> None:
    mime = mime_type()
    assert mime.get("type") == "application/x-okrdesk"
    assert [g.get("pattern") for g in mime.findall("m:glob", MIME_NS)] == ["*.okrdesk"]
    # A subclass of SQLite, so that the glob wins over SQLite's own magic.
    assert mime.find("m:sub-class-of", MIME_NS).get("type") == "application/vnd.sqlite3"
    outer = mime.find("m:magic/m:match", MIME_NS)
    inner = outer.find("m:match", MIME_NS)
    assert (outer.get("offset"), outer.get("value")) == ("0", "SQLite format 3\\0")
    assert inner.get("offset") == "68"
    assert int(inner.get("value"), 16).to_bytes(4, "big") == b"OKRD"


def test_the_mime_magic_is_what_a_workspace_file_carries(tmp_path: Path) -> None:
    from okrdesk.services.workspace import Workspace

    path = tmp_path / "w.okrdesk"
    Workspace.create(path, "Magic").close()
    header = path.read_bytes()[:72]
    assert header.startswith(b"SQLite format 3\0")
    assert header[68:72] == b"OKRD"


def test_the_bundle_recipe_ships_migrations_fonts_and_the_dynamically_imported_ui() -> None:
    spec = (PACKAGING / "okrdesk.spec").read_text(encoding="utf-8")
    from okrdesk.db import migrate
    from okrdesk.reports import fonts

    # The code finds these relative to its own modules; the spec puts them at the same
    # place relative to the bundle's copy of those modules.
    assert migrate.MIGRATIONS_DIR == ROOT / "okrdesk" / "db" / "migrations"
    assert fonts.FONT_DIR == ROOT / "resources" / "fonts"
    assert 'tree(ROOT / "okrdesk" / "db" / "migrations", "okrdesk/db/migrations")' in spec
    assert 'tree(ROOT / "resources", "resources")' in spec
    assert '"ui.app"' in spec


@pytest.mark.parametrize("script", ["smoke.sh", "linux/install-linux.sh"])
def test_shell_scripts_parse_and_are_executable(script: str) -> None:
    path = PACKAGING / script
    assert path.stat().st_mode & 0o111, f"{script} is not executable"
    subprocess.run(["bash", "-n", str(path)], check=True)
