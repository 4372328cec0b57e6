"""The GB/T 9704-2012 look of each paragraph style, and how it is written into a .docx.

python-docx's template gives built-in styles theme fonts, blue colours and Latin sizes,
and its ``font.name`` writes only ``w:ascii``/``w:hAnsi`` (SPEC §5). So each style we own
is stripped to its outline level and rebuilt with explicit ``w:eastAsia`` fonts; the same
fonts go on every run so Word and WPS never fall back to a theme font.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

LATIN = "Times New Roman"
FANGSONG, HEITI, KAITI, XIAOBIAOSONG, SONGTI = (
    "仿宋_GB2312",
    "黑体",
    "楷体_GB2312",
    "方正小标宋简体",
    "宋体",
)
LINE_PITCH = 28.95  #: exact line spacing in points: 22 lines in the 225 mm type area
CHAR_SPACING = -0.25  #: points; 16 pt characters then fit 28 to the 156 mm line
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_AFTER_SPACING = (
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
_KEEP_PPR = {qn("w:keepNext"), qn("w:keepLines"), qn("w:outlineLvl")}


@dataclass(frozen=True)
class Look:
    """Fonts, size and paragraph layout of one style."""

    east_asia: str
    size: float
    bold: bool = False
    latin: str = LATIN
    align: WD_ALIGN_PARAGRAPH | None = None
    first_line: float = 2 * 16  # two 3号 characters
    left: float = 0
    line: float | None = LINE_PITCH
    char_spacing: float | None = None


LOOKS: dict[str, Look] = {
    "Normal": Look(FANGSONG, 16, char_spacing=CHAR_SPACING),
    "Title": Look(XIAOBIAOSONG, 22, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=0, char_spacing=0),
    "Heading 1": Look(HEITI, 16),
    "Heading 2": Look(KAITI, 16),
    "Heading 3": Look(FANGSONG, 16, bold=True),
    "List Paragraph": Look(FANGSONG, 16),
    "Quote": Look(KAITI, 16, left=32),
    "Table Text": Look(FANGSONG, 14, first_line=0, line=20),
    "Footer": Look(SONGTI, 14, latin=SONGTI, first_line=0, line=None, char_spacing=0),
}


def set_fonts(rpr, east_asia: str, latin: str = LATIN) -> None:
    """Name the fonts explicitly (ascii/hAnsi Latin, eastAsia Chinese), dropping theme fonts."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def set_language(rpr) -> None:
    """East-Asian language zh-CN (the template says en-US), so line breaking follows Chinese."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.insert_element_before(
            OxmlElement("w:lang"), "w:eastAsianLayout", "w:specVanish", "w:oMath"
        )
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def apply_look(style, look: Look) -> None:
    """Rebuild a paragraph style from ``look``, keeping only its outline level and keeps."""
    element = style.element
    if element.rPr is not None:
        element.remove(element.rPr)
    ppr = element.pPr
    if ppr is not None:
        for child in list(ppr):
            if child.tag not in _KEEP_PPR:
                ppr.remove(child)
    font = style.font
    font.size = Pt(look.size)
    font.bold = look.bold
    font.italic = False
    set_fonts(element.get_or_add_rPr(), look.east_asia, look.latin)
    if look.char_spacing is not None:
        _set_char_spacing(element.get_or_add_rPr(), look.char_spacing)
    layout = style.paragraph_format
    layout.space_before = Pt(0)
    layout.space_after = Pt(0)
    layout.first_line_indent = Pt(look.first_line)
    layout.left_indent = Pt(look.left) if look.left else None
    layout.widow_control = False  # a moved line would break the 22-line grid
    if look.align is not None:
        layout.alignment = look.align
    if look.line is not None:
        layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        layout.line_spacing = Pt(look.line)
    else:
        layout.line_spacing = 1.0


def _set_char_spacing(rpr, points: float) -> None:
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = rpr.insert_element_before(OxmlElement("w:spacing"), *_AFTER_SPACING)
    spacing.set(qn("w:val"), str(round(points * 20)))
