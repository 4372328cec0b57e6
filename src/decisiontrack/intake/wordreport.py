"""A Word report as a third-party institute delivers it, read with python-docx into plain blocks.

Headings come from Word's heading styles *or* from numbered plain paragraphs, as 公文 are typed:
``一、`` (level 2), ``（一）`` (level 3), ``1.`` (level 4). A numbered paragraph is a heading when it
has no full stop, when its numbered part is bold, or — for 一、 and （一） — when the words up to the first
``。`` are short (a run-in heading, ``（一）决策实施的效果与决策目的是否相符。经评估……``). Bold is kept,
tables become rows of cell texts, and images are noted: Markdown cannot carry them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.intake.tables import ImportRefused

NUMBERED = (
    (2, re.compile(r"^[一二三四五六七八九十]+[、.．]")),
    (3, re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    (4, re.compile(r"^\d{1,2}[.．、](?!\d)")),
)
"""Heading levels of the 公文 numbering (GB/T 9704-2012 7.3.3): 一、 / （一） / 1."""

SHORT_HEADING = 40
"""A run-in heading (before the first 。 of its paragraph) is at most this long."""

LONG_HEADING = 100
"""A numbered paragraph without a full stop, up to this long, is a heading (the template's own
headings reach 50 characters)."""

_STYLE_LEVEL = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_SENTENCE_END = "。；;！？!?"


@dataclass
class Block:
    """``kind`` is ``title``, ``heading``, ``paragraph``, ``table`` or ``image``.

    ``text`` is Markdown for paragraphs (bold kept) and plain text for headings; ``rows`` hold the
    cell texts of a table; ``level`` is 2–4 for headings.
    """

    kind: str
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    style_level: int = 0  # the N of Word's "Heading N" for a heading without a number of its own


def read_report(path: Path) -> list[Block]:
    """Every paragraph, table and image of the document body, in order."""
    document = _open(path)
    blocks: list[Block] = []
    titled = False  # only the first centred paragraph before any heading is the title
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            blocks.append(Block("table", rows=[[_cell_text(cell) for cell in row.cells] for row in item.rows]))
            continue
        found = _paragraph(item, document, titled=titled)
        titled = titled or any(b.kind in ("title", "heading") for b in found)
        blocks.extend(found)
    _settle_styled(blocks)
    return blocks


def _settle_styled(blocks: list[Block]) -> None:
    """Levels of unnumbered styled headings relative to the shallowest one, which becomes ``##``.

    A report that puts its own title in "Heading 1" and its sections in "Heading 2" has one
    Heading 1, first of all: that one is the title.
    """
    styled = [b for b in blocks if b.kind == "heading" and b.style_level]
    if not styled:
        return
    top = min(b.style_level for b in styled)
    tops = [b for b in styled if b.style_level == top]
    first = next(b for b in blocks if b.kind in ("title", "heading"))
    if len(tops) == 1 and tops[0] is first and len(styled) > 1:
        first.kind = "title"
        styled.remove(first)
        top = min(b.style_level for b in styled)
    for block in styled:
        block.level = min(block.style_level - top + 2, 6)


def _open(path: Path):
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        raise UserError(f"文件 {path} 不存在" if not path.exists() else f"{path} 不是文件")
    if path.suffix.lower() == ".doc":
        raise UserError(f"{path.name} 是旧版 Word 文件（.doc）；请在 Word 或 WPS 中另存为 .docx 后导入")
    if path.suffix.lower() != ".docx":
        raise UserError(f"无法导入 {path.name}：评估报告只支持 .docx 文件")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ImportRefused(f"{path.name} 不是有效的 Word 文件（{type(error).__name__}）；"
                            "请用 Word 或 WPS 打开后另存为 .docx 再导入") from None


def _cell_text(cell) -> str:
    return "<br>".join(_inline(p.text.strip()) for p in cell.paragraphs if p.text.strip())


def _paragraph(paragraph, document, *, titled: bool) -> list[Block]:
    """A paragraph as a title, a heading (with the text that runs on after it) or a paragraph."""
    pieces = _pieces(paragraph, document)
    blocks = [Block("image", text=name) for kind, name, _ in pieces if kind == "image"]
    runs = [(text, bold) for kind, text, bold in pieces if kind == "text"]
    plain = "".join(text for text, _ in runs).strip()
    if not plain:
        return blocks
    style = _style_name(paragraph)
    styled = _STYLE_LEVEL.match(style)
    level = next((lvl for lvl, pattern in NUMBERED if pattern.match(plain)), None)
    if not titled and level is None and (style.lower() == "title" or style == "标题" or _centered(paragraph)):
        return [Block("title", text=plain), *blocks]
    if styled and level is not None:
        return [Block("heading", text=plain, level=level), *blocks]
    if styled:
        return [Block("heading", text=plain, style_level=int(styled.group(1))), *blocks]
    if level is not None:
        heading, rest = _split_heading(plain, runs, level)
        if heading:
            found = [Block("heading", text=heading, level=level)]
            if rest:
                found.append(Block("paragraph", text=escape(rest)))
            return found + blocks
    return [Block("paragraph", text=_markdown(runs)), *blocks]


def _pieces(paragraph, document) -> list[tuple[str, str, bool]]:
    """(``text``, text, bold) and (``image``, name, False) in the order the paragraph holds them."""
    from docx.text.hyperlink import Hyperlink

    pieces = []
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        for run in runs:
            for picture in run._r.xpath(".//w:drawing | .//w:pict"):
                pieces.append(("image", _image_name(picture, document), False))
            if run.text:
                pieces.append(("text", run.text, bool(run.bold)))
    return pieces


def _image_name(picture, document) -> str:
    """The media file of an image (``image1.png``), else its description."""
    for embed in picture.xpath(".//a:blip/@r:embed"):
        part = document.part.related_parts.get(embed)
        if part is not None:
            return str(part.partname).rsplit("/", 1)[-1]
    names = picture.xpath(".//wp:docPr/@name")
    return str(names[0]) if names else "图片"


def _style_name(paragraph) -> str:
    style = paragraph.style
    return style.name if style is not None and style.name else ""


def _centered(paragraph) -> bool:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    alignment = paragraph.alignment
    if alignment is None and paragraph.style is not None:
        alignment = paragraph.style.paragraph_format.alignment
    return alignment == WD_ALIGN_PARAGRAPH.CENTER


def _split_heading(plain: str, runs: list[tuple[str, bool]], level: int) -> tuple[str, str]:
    """(heading, text running on after it), or ("", "") when the paragraph is body text."""
    if len(plain) <= LONG_HEADING and not any(mark in plain for mark in _SENTENCE_END):
        return plain, ""
    bold = ""
    for text, is_bold in runs:
        if not is_bold:
            break
        bold += text
    bold = bold.strip()
    if len(bold) > 2 and plain.startswith(bold):
        return bold.rstrip(_SENTENCE_END + "：:，, "), plain[len(bold):].strip()
    stop = plain.find("。")
    if level < 4 and 0 < stop <= SHORT_HEADING:
        return plain[:stop], plain[stop + 1:].strip()
    return "", ""


_SPECIAL = re.compile(r"([\\`*_<>\[\]|])")
_LEADING = re.compile(r"^(\s*)([#+=-]|\d+[.)])")
_EDGE_PUNCT = " \t\u3000，。、；：？！,.;:?!“”‘’\"'（）()《》【】"


def escape(text: str) -> str:
    """Plain text as Markdown that renders as itself (no stray emphasis, list or heading)."""
    return _leading(_inline(text))


def _inline(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _leading(text: str) -> str:
    return _LEADING.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def _markdown(runs: list[tuple[str, bool]]) -> str:
    """Runs as Markdown; bold stretches become ``**…**`` with their edge punctuation outside.

    CommonMark does not close ``**`` after a full-width colon followed by a letter, which Chinese
    text always does (``**评估结论：**继续``); moving the punctuation out keeps the bold.
    """
    merged: list[list] = []
    for text, bold in runs:
        if merged and merged[-1][1] == bold:
            merged[-1][0] += text
        else:
            merged.append([text, bold])
    parts = []
    for index, (text, bold) in enumerate(merged):
        if index == 0:
            text = text.lstrip()
        if index == len(merged) - 1:
            text = text.rstrip()
        core = text.strip(_EDGE_PUNCT)
        if not bold or not core:
            parts.append(_inline(text))
            continue
        start = text.index(core)
        parts.append(_inline(text[:start]) + f"**{_inline(core)}**" + _inline(text[start + len(core):]))
    return _leading("".join(parts))
