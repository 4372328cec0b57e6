"""Page set-up of a GB/T 9704 document: A4, the type area, and `— N —` page numbers.

All lengths are in twips (1/20 pt), the unit Word stores, so they can be compared exactly.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from decisiontrack.render.looks import LINE_PITCH, LOOKS, set_fonts

A4 = (11906, 16838)
#: top 37 mm, left 28 mm, right 26 mm, bottom 35 mm
MARGINS = {"top": 2098, "left": 1587, "right": 1474, "bottom": 1984}
HEADER_DISTANCE = 850  # 15 mm; no header is printed
FOOTER_DISTANCE = 1460  # 25.8 mm: the 一字线 of the page number 7 mm below the type area (measured)


def set_up_page(section) -> None:
    """A4 portrait with the standard's margins; the 22 lines come from exact line spacing.

    The grid keeps its pitch but no type: LibreOffice snaps a ``lines`` grid to two rows
    for the 22 pt title (SPEC §5 warns against relying on the grid).
    """
    section.page_width, section.page_height = Twips(A4[0]), Twips(A4[1])
    section.top_margin = Twips(MARGINS["top"])
    section.left_margin = Twips(MARGINS["left"])
    section.right_margin = Twips(MARGINS["right"])
    section.bottom_margin = Twips(MARGINS["bottom"])
    section.header_distance = Twips(HEADER_DISTANCE)
    section.footer_distance = Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.attrib.clear()
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH * 20)))


def add_page_numbers(document, section, with_fonts: bool) -> None:
    """`— N —` in 4号 宋体: odd pages right, even pages left, one character from the edge."""
    document.settings.odd_and_even_pages_header_footer = True
    one_char = Pt(LOOKS["Footer"].size)
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["Footer"]
        paragraph.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = one_char
        else:
            paragraph.paragraph_format.left_indent = one_char
        _page_field(paragraph, with_fonts)


def _page_field(paragraph, with_fonts: bool) -> None:
    runs = [paragraph.add_run("— ")]
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None)):
        run = paragraph.add_run()
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        runs.append(run)
    runs.append(paragraph.add_run("1"))
    end = paragraph.add_run()
    field = OxmlElement("w:fldChar")
    field.set(qn("w:fldCharType"), "end")
    end._r.append(field)
    runs += [end, paragraph.add_run(" —")]
    if with_fonts:
        look = LOOKS["Footer"]
        for run in runs:
            set_fonts(run._r.get_or_add_rPr(), look.east_asia, look.latin)
