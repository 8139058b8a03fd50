"""Embedded fonts for reports, and text markup that never prints a box silently.

The shipped DejaVu Sans faces (``resources/fonts``) cover Latin, Greek, Cyrillic,
Hebrew and Arabic. Characters they lack (CJK, mostly) are drawn with a fallback
font found on the system, when there is one; characters no font can draw are
recorded in :attr:`FontBook.missing` so the caller can warn the user.

Fonts are registered with ReportLab once per process and loaded lazily: a
fallback font is only read when some text needs it.
"""

from __future__ import annotations

import os
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

REGULAR = "OkrDeskSans"
BOLD = "OkrDeskSans-Bold"
CONDENSED = "OkrDeskSansCondensed"
CONDENSED_BOLD = "OkrDeskSansCondensed-Bold"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}

# Where desktop systems keep fonts with CJK glyphs (TrueType outlines only: ReportLab
# cannot embed the PostScript-flavoured OpenType of Noto Sans CJK). Users may add their
# own with OKRDESK_FALLBACK_FONTS (paths separated like PATH) or in resources/fonts/fallback.
SYSTEM_FALLBACKS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
    "C:/Windows/Fonts/malgun.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",
)


def register_fonts() -> None:
    """Register the shipped faces and their families with ReportLab (once)."""
    _register_main()


@lru_cache(maxsize=1)
def _register_main() -> frozenset[int]:
    for name, file in _FILES.items():
        path = FONT_DIR / file
        if not path.is_file():
            from okrdesk.errors import OkrDeskError

            raise OkrDeskError(f"the report font {path} is missing; reinstall OKR Desk")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    pdfmetrics.registerFontFamily(
        CONDENSED,
        normal=CONDENSED,
        bold=CONDENSED_BOLD,
        italic=CONDENSED,
        boldItalic=CONDENSED_BOLD,
    )
    # A character counts as covered only if every shipped face has it, so that
    # switching to bold or condensed can never turn it into a box.
    faces = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in _FILES]
    return frozenset(set.intersection(*faces))


@lru_cache(maxsize=1)
def _main_chars() -> frozenset[str]:
    """Characters that never need a fallback font: those every shipped face covers,
    ASCII and white space (as :meth:`FontBook.font_for` decides, character by character).

    As strings, so one C-level ``issuperset`` answers for a whole text.
    """
    spaces = (chr(code) for code in range(0x3001) if chr(code).isspace())
    return frozenset(map(chr, _register_main())) | frozenset(map(chr, range(128))) | set(spaces)


def default_fallbacks() -> tuple[Path, ...]:
    """Candidate fallback fonts that exist on this machine, in order of preference."""
    paths: list[Path] = []
    extra = os.environ.get("OKRDESK_FALLBACK_FONTS", "")
    paths += [Path(p) for p in extra.split(os.pathsep) if p]
    fallback_dir = FONT_DIR / "fallback"
    if fallback_dir.is_dir():
        paths += sorted(p for p in fallback_dir.iterdir() if p.suffix.lower() in (".ttf", ".ttc"))
    paths += [Path(p) for p in SYSTEM_FALLBACKS]
    return tuple(p for p in dict.fromkeys(paths) if p.is_file())


@cache
def _load_fallback(path: Path) -> tuple[str, frozenset[int]] | None:
    """Register a fallback font; None when ReportLab cannot use it (e.g. CFF outlines)."""
    tag = f"{zlib.crc32(str(path).encode()):08x}"
    name = f"OkrDeskFallback-{tag}"
    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except (TTFError, OSError, ValueError, KeyError):
        return None
    # Two files may carry the same PostScript name (Droid Sans Fallback and its "Full"
    # sibling); viewers then mix up their embedded subsets and draw blanks. Make it unique.
    font.face.name = font.face.name[:50] + b"-" + tag.encode()
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name, frozenset(font.face.charToGlyph)


# Space separators (Unicode category Zs) as a plain space: what _printable keeps of them.
_SPACES = {code: " " for code in range(0x3001) if unicodedata.category(chr(code)) == "Zs"}


def clean_text(text: str) -> str:
    """NFC-normalised text without control characters (they would print as boxes)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if text.isprintable():
        return text
    # Most texts are here only for their no-break spaces (which the reports put into
    # "O1  title"): when spaces are all that is unprintable, nothing is dropped.
    if text.translate(_SPACES).isprintable():
        return text.strip()
    return "".join(_printable(ch) for ch in text).strip()


def _printable(ch: str) -> str:
    if ch.isprintable() or unicodedata.category(ch) == "Zs":  # keep no-break spaces
        return ch
    return " " if ch in "\t\n\r\v\f" else ""


class FontBook:
    """Turns user text into Paragraph markup with the right font for every character.

    One FontBook per document: it collects the characters no font could draw.
    """

    def __init__(self, fallbacks: Sequence[Path] | None = None) -> None:
        self.covered = _register_main()
        self._main_chars = _main_chars()
        self._candidates = list(default_fallbacks() if fallbacks is None else fallbacks)
        self._loaded: list[tuple[str, frozenset[int]]] = []
        self._font_for: dict[str, str | None] = {}
        self.missing: set[str] = set()
        self.used_fallback = False

    def markup(self, text: str) -> str:
        """Escaped Paragraph markup; runs the main font lacks get a fallback font tag."""
        text = clean_text(text)
        if self.main_font_draws(text):
            return escape(text)
        parts: list[str] = []
        run: list[str] = []
        run_font: str | None = None
        for ch in text:
            font = self.font_for(ch)
            if font != run_font and run:
                parts.append(_tagged(run_font, "".join(run)))
                run = []
            run_font = font
            run.append(ch)
        if run:
            parts.append(_tagged(run_font, "".join(run)))
        return "".join(parts)

    def plain(self, text: str) -> str:
        """Clean text for canvas strings and metadata (coverage recorded, no markup)."""
        text = clean_text(text)
        if not self.main_font_draws(text):
            for ch in text:
                self.font_for(ch)
        return text

    def main_font_draws(self, text: str) -> bool:
        """True when no character of ``text`` needs a fallback font (checked per text, not
        per character: a booklet has tens of thousands of texts)."""
        return text.isascii() or self._main_chars.issuperset(text)

    def font_for(self, ch: str) -> str | None:
        """None for the main font, else the fallback font's name (recording misses)."""
        code = ord(ch)
        if code < 128 or code in self.covered or ch.isspace():
            return None
        if ch in self._font_for:
            return self._font_for[ch]
        font = self._find_fallback(code)
        if font is None and unicodedata.category(ch) not in ("Mn", "Me", "Cf"):
            self.missing.add(ch)
        self._font_for[ch] = font
        return font

    def needs_cjk_wrap(self, text: str) -> bool:
        """True when text contains characters drawn by a fallback (CJK lines break anywhere)."""
        if self.main_font_draws(text):
            return False
        return any(self._font_for.get(ch) for ch in text)

    def _find_fallback(self, code: int) -> str | None:
        for name, covered in self._loaded:
            if code in covered:
                self.used_fallback = True
                return name
        while self._candidates:
            loaded = _load_fallback(self._candidates.pop(0))
            if loaded is None:
                continue
            self._loaded.append(loaded)
            if code in loaded[1]:
                self.used_fallback = True
                return loaded[0]
        return None


def _tagged(font: str | None, chunk: str) -> str:
    if font is None:
        return escape(chunk)
    return f'<font name="{font}">{escape(chunk)}</font>'


def missing_text(chars: Iterable[str]) -> str:
    """'"한" U+D55C, "글" U+AE00' — for notices."""
    return ", ".join(f'"{ch}" U+{ord(ch):04X}' for ch in sorted(set(chars)))
