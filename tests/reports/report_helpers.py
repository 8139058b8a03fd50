"""Helpers for report tests: realistic statements and reading PDFs back with pypdf."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from okrdesk.services.workspace import Workspace

# Builds a workspace with one team of N objectives × M key results (fixture team_workspace).
Builder = Callable[..., Workspace]

WORDS = [
    "raise",
    "the",
    "share",
    "of",
    "cafés",
    "we",
    "reach",
    "within",
    "four",
    "hours",
    "across",
    "Freiburg",
    "Basel",
    "and",
    "Alsace",
    "while",
    "keeping",
    "every",
    "promise",
    "to",
    "lease",
    "customers",
    "and",
    "partner",
    "roasteries",
    "measured",
    "weekly",
]

NAMES = ["Zürich", "Łódź", "Ødegaard", "Ελλάδα", "Москва", "Việt Nam", "İstanbul ğ ş"]


def statement(prefix: str, length: int = 200) -> str:
    """A realistic statement of exactly ``length`` characters."""
    text, n = prefix, 0
    while len(text) < length:
        text += " " + WORDS[n % len(WORDS)]
        n += 1
    return text[:length].rstrip() + "." * (length - len(text[:length].rstrip()))


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _fonts(path: Path) -> list[object]:
    """Every font dictionary used by the pages and by the forms they draw."""
    found: list[object] = []

    def collect(resources: object) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            found.append(font)
            found.extend(d.get_object() for d in font.get("/DescendantFonts", []))
        for xobject in resources.get("/XObject", {}).values():
            collect(xobject.get_object().get("/Resources"))

    for page in PdfReader(path).pages:
        collect(page.get("/Resources"))
    return found


def page_fonts(path: Path) -> set[str]:
    """BaseFont names used by the pages and the forms they draw."""
    return {str(font["/BaseFont"]) for font in _fonts(path)}


def embedded(path: Path) -> bool:
    """Every font carries its font program (no reliance on the reader's fonts)."""
    fonts = _fonts(path)
    for font in fonts:
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:
            return False
        descriptor = descriptor.get_object()
        if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            return False
    return bool(fonts)
