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
BORDER = 0.5  #: points a table's row border adds to the row (LibreOffice counts it)
#: Lines in table cells: one line plus its border is one line of the body's grid.
TABLE_LINE = LINE_PITCH - BORDER
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
#: The order of ``w:pPr`` children (ECMA-376 CT_PPrBase); Word refuses any other.
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
#: 标点挤压 without hanging: line-start/end rules on, punctuation never past the margin,
#: punctuation compressed at the start of a line.
PUNCTUATION = {"kinsoku": "1", "overflowPunct": "0", "topLinePunct": "1"}


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


JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
CENTER = WD_ALIGN_PARAGRAPH.CENTER
LOOKS: dict[str, Look] = {
    "Normal": Look(FANGSONG, 16, align=JUSTIFY, char_spacing=CHAR_SPACING),
    "Title": Look(XIAOBIAOSONG, 22, align=CENTER, first_line=0, char_spacing=0),
    "Heading 1": Look(HEITI, 16, align=JUSTIFY),
    "Heading 2": Look(KAITI, 16, align=JUSTIFY),
    "Heading 3": Look(FANGSONG, 16, bold=True, align=JUSTIFY),
    "List Paragraph": Look(FANGSONG, 16, align=JUSTIFY),
    "Quote": Look(KAITI, 16, align=JUSTIFY, left=32),
    "Code": Look(FANGSONG, 14, latin="Courier New", align=WD_ALIGN_PARAGRAPH.LEFT, first_line=0, left=32),
    "Table Text": Look(FANGSONG, 14, align=WD_ALIGN_PARAGRAPH.LEFT, first_line=0, line=TABLE_LINE),
    "Caption": Look(FANGSONG, 14, align=CENTER, first_line=0),
    "Footnote Text": Look(FANGSONG, 14, align=JUSTIFY, first_line=0, line=None),
    "Footer": Look(SONGTI, 14, latin=SONGTI, first_line=0, line=14, char_spacing=0),
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
    layout.widow_control = True  # no page opens or ends with one lone line of a paragraph
    set_punctuation(element.get_or_add_pPr())
    if look.align is not None:
        layout.alignment = look.align
    if look.line is not None:
        layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        layout.line_spacing = Pt(look.line)
    else:
        layout.line_spacing = 1.0


def set_punctuation(ppr) -> None:
    """Write :data:`PUNCTUATION` into a paragraph's (or style's) properties."""
    for name, value in PUNCTUATION.items():
        set_ppr_child(ppr, name).set(qn("w:val"), value)


def set_ppr_child(ppr, name: str):
    """The ``w:<name>`` child of ``w:pPr``, added in schema order when missing."""
    found = ppr.find(qn(f"w:{name}"))
    if found is None:
        later = PPR_ORDER[PPR_ORDER.index(name) + 1 :]
        found = ppr.insert_element_before(OxmlElement(f"w:{name}"), *(f"w:{tag}" for tag in later))
    return found


def _set_char_spacing(rpr, points: float) -> None:
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = rpr.insert_element_before(OxmlElement("w:spacing"), *_AFTER_SPACING)
    spacing.set(qn("w:val"), str(round(points * 20)))
