"""Markdown → a Word 公文 laid out per GB/T 9704-2012 《党政机关公文格式》 (SPEC §5).

The layout lives in styles (``looks.py``) so that an office's own template, given as
``--reference-doc``, can replace it style by style, as pandoc does. What styles cannot
say is written here: the 密级 on the second line (7.2.2), the title broken between words
(7.3.1), tables sized to their content, footnotes, images, the 落款 (7.3.5) and 附注 (7.3.6).
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, Twips

from decisiontrack.render.footnotes import Footnotes, add_reference
from decisiontrack.render.looks import HEITI, LINE_PITCH, LOOKS, set_fonts, set_ppr_child
from decisiontrack.render.markdown import (
    BREAK,
    Heading,
    ListItem,
    MarkdownError,
    Paragraph,
    Parsed,
    Run,
    Table,
    parse,
    text_of,
)
from decisiontrack.render.meta import DocumentMeta, chinese_date
from decisiontrack.render.tables import column_widths, row_lines
from decisiontrack.render.templates import open_base
from decisiontrack.render.title import char_width, line_chars, split_title

_HEADINGS = {0: "Title", 1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}
_STYLE_OF_KIND = {"body": "Normal", "quote": "Quote", "code": "Code", "rule": "Normal"}
_ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
_INDENT = 32  # two 3号 characters, in points
CHAR = 16  # one 3号 character, in points
DATE_RIGHT_INDENT = 4  # 成文日期右空四字 (7.3.5.1)
UNSEALED_RIGHT_INDENT = 2  # 发文机关署名右空二字 (7.3.5.2)
SEAL_LINES = 2  # blank lines left above a sealed 落款: the seal's top within a line of the body


@dataclass(frozen=True)
class Geometry:
    """The type area actually in use (the GB page or the reference document's)."""

    text_width: int  # twips
    title_chars: int


def render_docx(
    body: str,
    meta: DocumentMeta,
    out: Path,
    reference_doc: Path | None = None,
    overwrite: bool = False,
) -> Path:
    """Lay out ``body`` as a 公文 and write it atomically to ``out``."""
    from decisiontrack.render.output import write_output

    return write_output(out, document_bytes(parse(body), meta, reference_doc), overwrite)


def document_bytes(parsed: Parsed, meta: DocumentMeta, reference_doc=None, base_dir=None) -> bytes:
    """The .docx file of a parsed body, as bytes."""
    buffer = BytesIO()
    build_document(parsed, meta, reference_doc, base_dir).save(buffer)
    return buffer.getvalue()


def build_document(parsed: Parsed | str, meta: DocumentMeta, reference_doc=None, base_dir: Path | None = None):
    """The python-docx ``Document`` of a report, before saving (tests read it directly)."""
    if isinstance(parsed, str):
        parsed = parse(parsed)
    document, ours = open_base(reference_doc)
    writer = _Writer(document, ours, geometry(document), parsed.footnotes, base_dir or Path.cwd())
    writer.secret_mark(meta)
    if meta.title:
        writer.title(meta.title)
    for block in parsed.blocks:
        if isinstance(block, Heading) and block.level == 0 and text_of(block.runs) == meta.title:
            continue
        writer.block(block)
    writer.signature(meta)
    writer.footnotes.save()
    return document


def geometry(document) -> Geometry:
    """The width of the type area and how many title characters fit on one of its lines."""
    section = document.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    title_size = document.styles["Title"].font.size or Pt(LOOKS["Title"].size)
    return Geometry(Emu(width).twips, line_chars(Emu(width).pt, title_size.pt))


class _Writer:
    """Appends blocks to the document; run fonts only where the style is ours."""

    def __init__(self, document, ours: set[str], page: Geometry, notes: dict, base_dir: Path):
        self.document = document
        self.ours = ours
        self.page = page
        self.notes = notes
        self.base_dir = base_dir
        self.footnotes = Footnotes(document)

    def block(self, block) -> None:
        if isinstance(block, Heading):
            if block.level == 0:
                self.title(text_of(block.runs))
            else:
                self.paragraph(_HEADINGS[block.level], block.runs, line=block.line)
        elif isinstance(block, ListItem):
            paragraph = self.paragraph("List Paragraph", block.runs, block.marker, line=block.line)
            if block.depth:
                paragraph.paragraph_format.left_indent = Pt(_INDENT * block.depth)
        elif isinstance(block, Paragraph):
            self.body_paragraph(block)
        elif isinstance(block, Table):
            self.table(block)

    def body_paragraph(self, block: Paragraph) -> None:
        if block.kind == "rule":
            _bottom_border(self.document.add_paragraph(style="Normal"))
            return
        images = [run for run in block.runs if run.image]
        if images and len(block.runs) == 1:
            self.figure(images[0], block.line)
            return
        paragraph = self.paragraph(_STYLE_OF_KIND[block.kind], block.runs, line=block.line)
        if block.align:
            paragraph.alignment = _ALIGNMENTS[block.align]
            paragraph.paragraph_format.first_line_indent = Pt(0)
        if images:  # an exact line height would clip the picture
            paragraph.paragraph_format.line_spacing = 1.0

    def paragraph(self, style: str, runs: tuple[Run, ...], marker: str = "", line: int = 0):
        paragraph = self.document.add_paragraph(style=style)
        if marker:
            self._run(paragraph, style, Run(marker), line)
        for run in runs:
            self._run(paragraph, style, run, line)
        return paragraph

    def _run(self, paragraph, style: str, run: Run, line: int = 0) -> None:
        if run.text == BREAK:
            paragraph.add_run().add_break()
            return
        if run.footnote:
            if style == "Footnote Text":
                raise MarkdownError(line, "脚注中又引用了脚注：Word 的脚注不能嵌套，请把被引用的内容写进该脚注或正文")
            self._footnote(paragraph, run.footnote, line)
            return
        if run.image:
            added = paragraph.add_run()
            self._picture(added, run, line)
            return
        added = paragraph.add_run(run.text)
        font = added.font
        for flag in ("bold", "italic", "strike", "underline"):
            if getattr(run, flag):
                setattr(font, flag, True)
        if run.script:
            font.superscript = run.script == "super"
            font.subscript = run.script == "sub"
        look = LOOKS["Code" if run.code else style] if (style in self.ours or run.code) else None
        if look is not None:
            set_fonts(added._r.get_or_add_rPr(), look.east_asia, look.latin)

    def _footnote(self, paragraph, label: str, line: int) -> None:
        """A Word footnote holding the Markdown footnote's paragraphs (``line``: where it is referenced)."""
        note_id, first = self.footnotes.add(paragraph)
        for index, runs in enumerate(self.notes.get(label, ())):
            target = first if index == 0 else self.footnotes.paragraph(self.footnotes.note(note_id))
            for run in runs:
                self._run(target, "Footnote Text", run, line)
        add_reference(paragraph, note_id)

    def figure(self, run: Run, line: int) -> None:
        """A picture on its own line, centred, with its description below it."""
        paragraph = self.document.add_paragraph(style="Normal")
        layout = paragraph.paragraph_format
        layout.first_line_indent = Pt(0)
        layout.line_spacing = 1.0
        layout.keep_with_next = bool(run.text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._picture(paragraph.add_run(), run, line)
        if run.text:
            self.paragraph("Caption", (Run(run.text),), line=line)

    def _picture(self, added, run: Run, line: int) -> None:
        from docx.image.exceptions import UnrecognizedImageError
        from docx.image.image import Image

        path = (self.base_dir / run.image).resolve()
        if "://" in run.image:
            raise MarkdownError(line, f"图片“{run.image}”是网络地址：请先下载到报告所在目录，再写文件名")
        if not path.is_file():
            raise MarkdownError(line, f"找不到图片文件 {path}：请检查 ![…]( ) 中的路径（相对于报告所在目录）")
        try:
            image = Image.from_file(str(path))
        except (UnrecognizedImageError, OSError, ValueError):
            raise MarkdownError(line, f"{path} 不是可嵌入的图片（支持 PNG、JPEG、GIF、BMP、TIFF）") from None
        width = min(image.width, Twips(self.page.text_width))
        added.add_picture(str(path), width=width)

    def title(self, title: str) -> None:
        """The title in lines broken between words, then one empty line before the body."""
        runs: list[Run] = []
        for line in split_title(title, self.page.title_chars):
            runs += [Run(BREAK), Run(line)] if runs else [Run(line)]
        self.paragraph("Title", tuple(runs))
        self.document.add_paragraph(style="Normal")

    def secret_mark(self, meta: DocumentMeta) -> None:
        """密级★保密期限 on the second line, flush left, 3号 黑体 (GB/T 9704-2012 7.2.2).

        The first line is the 份号's place; it stays empty. Direct formatting: it is not a style.
        """
        mark = meta.secret_mark
        if not mark:
            return
        self.document.add_paragraph(style="Normal").paragraph_format.first_line_indent = Pt(0)
        paragraph = self.document.add_paragraph(style="Normal")
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        run = paragraph.add_run(mark)
        run.font.size = Pt(16)
        set_fonts(run._r.get_or_add_rPr(), HEITI)

    def table(self, table: Table) -> None:
        texts = [[_plain(cell) for cell in row] for row in table.rows]
        columns = max(len(row) for row in table.rows)
        widths = column_widths(texts, self.page.text_width)
        added = self.document.add_table(rows=len(table.rows), cols=columns)
        added.alignment = WD_TABLE_ALIGNMENT.CENTER
        added.autofit = False
        if _has_style(self.document, "Table Grid"):
            added.style = self.document.styles["Table Grid"]
        else:
            _add_borders(added)
        _set_width(added, widths)
        for index, (row, cells) in enumerate(zip(added.rows, table.rows, strict=True)):
            header = index < table.header_rows
            _row_properties(row, header, row_lines(texts[index], widths))
            for column, (cell, runs) in enumerate(zip(row.cells, cells, strict=False)):
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                paragraph = cell.paragraphs[0]
                paragraph.style = self.document.styles["Table Text"]
                align = table.aligns[column] if column < len(table.aligns) else ""
                if header:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    runs = tuple(Run(r.text, True, r.italic) for r in runs)
                elif align:
                    paragraph.alignment = _ALIGNMENTS[align]
                for run in runs:
                    self._run(paragraph, "Table Text", run, table.line)

    def signature(self, meta: DocumentMeta) -> None:
        """落款 (7.3.5) and 附注 (7.3.6).

        Sealed (7.3.5.1): the date 右空四字, the issuer centred over it, room above for the
        seal. Not sealed (7.3.5.2): one blank line, the issuer 右空二字, the date below it
        starting two characters further right (the date 右空二字 when it is the longer).
        """
        date_text = chinese_date(meta.issued_on) if meta.issued_on else ""
        if meta.issuer or date_text:
            if self.document.paragraphs:  # the 落款 never stands alone on a page
                self.document.paragraphs[-1].paragraph_format.keep_with_next = True
            for _ in range(SEAL_LINES if meta.seal else 1):
                self.document.add_paragraph(style="Normal").paragraph_format.keep_with_next = True
            issuer_right, date_right = signature_indents(meta.issuer, date_text, meta.seal)
            if meta.issuer:
                self._right(meta.issuer, issuer_right)
            if date_text:
                self._right(date_text, date_right)
        if meta.note:
            self.paragraph("Normal", (Run(f"（{meta.note}）"),))

    def _right(self, text: str, chars: float) -> None:
        paragraph = self.paragraph("Normal", (Run(text),))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        layout = paragraph.paragraph_format
        layout.first_line_indent = Pt(0)
        layout.right_indent = Pt(CHAR * chars)
        layout.keep_with_next = True


def signature_indents(issuer: str, date_text: str, sealed: bool) -> tuple[float, float]:
    """Right indents, in characters, of the issuer and the date (GB/T 9704-2012 7.3.5)."""
    issuer_width, date_width = char_width(issuer), char_width(date_text)
    if sealed:
        shift = (date_width - issuer_width) / 2 if date_text else 0.0
        return DATE_RIGHT_INDENT + max(0.0, shift), DATE_RIGHT_INDENT
    if not date_text or not issuer:
        return UNSEALED_RIGHT_INDENT, UNSEALED_RIGHT_INDENT
    # the date's first character two characters right of the issuer's first character
    date_right = UNSEALED_RIGHT_INDENT + issuer_width - 2 - date_width
    if date_right >= UNSEALED_RIGHT_INDENT:
        return UNSEALED_RIGHT_INDENT, date_right
    return UNSEALED_RIGHT_INDENT + date_width + 2 - issuer_width, UNSEALED_RIGHT_INDENT


def _plain(runs: tuple[Run, ...]) -> str:
    return "".join(run.text for run in runs)


def _has_style(document, name: str) -> bool:
    try:
        document.styles[name]
    except KeyError:
        return False
    return True


def _row_properties(row, header: bool, lines: int) -> None:
    """Never split a row across pages; repeat the header; a whole number of grid lines.

    Cell lines are a border thinner than the grid (``TABLE_LINE``) and the row is at least
    ``lines`` grid lines tall, so rows with their borders keep the page at 22 lines.
    """
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(round(LINE_PITCH * 20) * lines))
    height.set(qn("w:hRule"), "atLeast")
    tr_pr.append(height)
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _set_width(table, widths: list[int]) -> None:
    """The fixed grid: table width, column widths and every cell's width, in twips."""
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(tbl_w, "w:jc", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
                                     "w:tblCellMar", "w:tblLook")
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    for column, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Twips(width)
    margins = OxmlElement("w:tblCellMar")  # no padding above and below: rows stay on the grid
    for edge in ("top", "bottom"):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _bottom_border(paragraph) -> None:
    """A Markdown rule (``---``): a thin line across the type area."""
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{key}"), value)
    set_ppr_child(paragraph._p.get_or_add_pPr(), "pBdr").append(bottom)


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
