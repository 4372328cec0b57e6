"""Markdown → a Word 公文 laid out per GB/T 9704-2012 《党政机关公文格式》 (SPEC §5).

The layout lives in styles (``looks.py``) so that an office's own template, given as
``--reference-doc``, can replace it style by style, as pandoc does.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from decisiontrack.errors import UserError
from decisiontrack.render.looks import HEITI, LOOKS, set_fonts
from decisiontrack.render.markdown import (
    BREAK,
    Heading,
    ListItem,
    Paragraph,
    Run,
    Table,
    parse_blocks,
    text_of,
)
from decisiontrack.render.meta import CLASSIFICATION_MARKS, DocumentMeta, chinese_date
from decisiontrack.render.templates import open_base
from decisiontrack.render.title import char_width, split_title
from decisiontrack.store.atomic import write_atomic

_HEADINGS = {0: "Title", 1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}
_STYLE_OF_KIND = {"body": "Normal", "quote": "Quote", "code": "Normal"}
_INDENT = 32  # two 3号 characters, in points
DATE_RIGHT_INDENT = 4  # 成文日期右空四字 (characters)


def render_docx(
    body: str,
    meta: DocumentMeta,
    out: Path,
    reference_doc: Path | None = None,
    overwrite: bool = False,
) -> Path:
    """Lay out ``body`` as a 公文 and write it atomically to ``out``."""
    if out.exists() and not overwrite:
        raise UserError(f"文件 {out} 已存在；如确需覆盖，请加 --force")
    document = build_document(body, meta, reference_doc)
    buffer = BytesIO()
    document.save(buffer)
    return write_atomic(out, buffer.getvalue(), overwrite=overwrite)


def build_document(body: str, meta: DocumentMeta, reference_doc: Path | None = None):
    """The python-docx ``Document`` of a report, before saving (tests read it directly)."""
    document, ours = open_base(reference_doc)
    writer = _Writer(document, ours)
    mark = CLASSIFICATION_MARKS.get(meta.classification)
    if mark:
        writer.mark(mark)
    if meta.title:
        writer.title(meta.title)
    for block in parse_blocks(body):
        if isinstance(block, Heading) and block.level == 0 and text_of(block.runs) == meta.title:
            continue
        writer.block(block)
    writer.signature(meta)
    return document


class _Writer:
    """Appends blocks to the document; run fonts only where the style is ours."""

    def __init__(self, document, ours: set[str]):
        self.document = document
        self.ours = ours

    def block(self, block) -> None:
        if isinstance(block, Heading):
            if block.level == 0:
                self.title(text_of(block.runs))
            else:
                self.paragraph(_HEADINGS[block.level], block.runs)
        elif isinstance(block, ListItem):
            paragraph = self.paragraph("List Paragraph", block.runs, block.marker)
            if block.depth:
                paragraph.paragraph_format.left_indent = Pt(_INDENT * block.depth)
        elif isinstance(block, Paragraph):
            paragraph = self.paragraph(_STYLE_OF_KIND[block.kind], block.runs)
            if block.kind == "code":
                paragraph.paragraph_format.first_line_indent = Pt(0)
        elif isinstance(block, Table):
            self.table(block)

    def paragraph(self, style: str, runs: tuple[Run, ...], marker: str = ""):
        paragraph = self.document.add_paragraph(style=style)
        if marker:
            self._run(paragraph, style, Run(marker))
        for run in runs:
            self._run(paragraph, style, run)
        return paragraph

    def _run(self, paragraph, style: str, run: Run) -> None:
        if run.text == BREAK:
            paragraph.add_run().add_break()
            return
        added = paragraph.add_run(run.text)
        if run.bold:
            added.bold = True
        if run.italic:
            added.italic = True
        if style in self.ours:
            look = LOOKS[style]
            set_fonts(added._r.get_or_add_rPr(), look.east_asia, look.latin)

    def title(self, title: str) -> None:
        """The title in lines broken by hand, then one empty line before the body."""
        runs: list[Run] = []
        for line in split_title(title):
            runs += [Run(BREAK), Run(line)] if runs else [Run(line)]
        self.paragraph("Title", tuple(runs))
        self.document.add_paragraph(style="Normal")

    def mark(self, text: str) -> None:
        """密级 top-left in 3号 黑体: always direct formatting, it is not a style."""
        paragraph = self.document.add_paragraph(style="Normal")
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        run = paragraph.add_run(text)
        run.font.size = Pt(16)
        set_fonts(run._r.get_or_add_rPr(), HEITI)

    def table(self, table: Table) -> None:
        columns = max(len(row) for row in table.rows)
        added = self.document.add_table(rows=len(table.rows), cols=columns)
        added.alignment = WD_TABLE_ALIGNMENT.CENTER
        if _has_style(self.document, "Table Grid"):
            added.style = self.document.styles["Table Grid"]
        else:
            _add_borders(added)
        for index, (row, cells) in enumerate(zip(added.rows, table.rows, strict=True)):
            header = index < table.header_rows
            if header:
                _repeat_header(row)
            for cell, runs in zip(row.cells, cells, strict=False):
                paragraph = cell.paragraphs[0]
                paragraph.style = self.document.styles["Table Text"]
                if header:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    runs = tuple(Run(r.text, True, r.italic) for r in runs)
                for run in runs:
                    self._run(paragraph, "Table Text", run)

    def signature(self, meta: DocumentMeta) -> None:
        """落款: the issuer centred over the date, the date four characters from the right."""
        date_text = chinese_date(meta.issued_on) if meta.issued_on else ""
        if not (meta.issuer or date_text):
            return
        self.document.add_paragraph(style="Normal")
        date_width = char_width(date_text) if date_text else 0
        if meta.issuer:
            shift = max(0.0, (date_width - char_width(meta.issuer)) / 2) if date_text else 0
            self._right(meta.issuer, DATE_RIGHT_INDENT + shift)
        if date_text:
            self._right(date_text, DATE_RIGHT_INDENT)

    def _right(self, text: str, chars: float) -> None:
        paragraph = self.paragraph("Normal", (Run(text),))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.right_indent = Pt(16 * chars)


def _has_style(document, name: str) -> bool:
    try:
        document.styles[name]
    except KeyError:
        return False
    return True


def _repeat_header(row) -> None:
    """Repeat the header row on every page a long table spans."""
    header = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(header)


def _add_borders(table) -> None:
    """Single borders when the reference document has no Table Grid style."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "auto")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    table._tbl.tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"
    )
