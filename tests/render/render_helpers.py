"""Reading back what python-docx wrote: fonts, sizes and text as Word stores them."""

from __future__ import annotations

from docx.oxml.ns import qn


def fonts(element) -> dict[str, str | None]:
    """The ``w:rFonts`` of a style or run element (ascii, hAnsi, eastAsia)."""
    rpr = element.find(qn("w:rPr"))
    found = rpr.find(qn("w:rFonts")) if rpr is not None else None
    keys = ("ascii", "hAnsi", "eastAsia")
    return {key: None if found is None else found.get(qn(f"w:{key}")) for key in keys}


def half_points(element) -> int | None:
    """``w:sz`` in half points (32 = 16 pt = 3号)."""
    rpr = element.find(qn("w:rPr"))
    size = rpr.find(qn("w:sz")) if rpr is not None else None
    return None if size is None else int(size.get(qn("w:val")))


def body_paragraphs(document) -> list:
    return [p for p in document.paragraphs if p.text.strip()]


def paragraph(document, text: str):
    """The first paragraph whose text starts with ``text``."""
    return next(p for p in document.paragraphs if p.text.startswith(text))


def text_runs(paragraph) -> list:
    return [run for run in paragraph.runs if run.text]
