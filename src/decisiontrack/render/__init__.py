"""Markdown reports → Word 公文 (GB/T 9704-2012) and PDF.

The only package that imports python-docx (and the segmenter), and only inside functions:
importing ``decisiontrack.render`` stays cheap for the rest of the CLI.

``render_file`` checks what it is given before it lays anything out: the output (format,
suffix, a writable place), the text (no control characters, not empty, every Markdown
construct with an answer — else exit 3 with ``file:line``), and for a workspace's reports,
plans and progress reports that they are complete (lint), unless a draft is asked for.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from decisiontrack.errors import DecisionTrackError, ExitCode, Problem, UserError
from decisiontrack.render.meta import DocumentMeta, MetaError, meta_from_front_matter
from decisiontrack.render.source import Source, read_source

FORMATS = ("docx", "pdf")

__all__ = [
    "FORMATS",
    "DocumentMeta",
    "RenderError",
    "RenderResult",
    "default_output",
    "format_of",
    "meta_from_front_matter",
    "read_report",
    "render_file",
    "render_text",
]


class RenderError(DecisionTrackError):
    """The text cannot be laid out as it stands (exit 3); the message names ``file:line``."""

    exit_code = ExitCode.DATA


@dataclass
class RenderResult:
    """The file written and the warnings about words a 公文 should not carry."""

    path: Path
    warnings: list[Problem] = field(default_factory=list)


def format_of(to: str | None, out: Path | None) -> str:
    """The output format: ``--to``, else the suffix of ``-o``, else docx; they must agree."""
    from decisiontrack.render.output import SUFFIXES

    if to is not None and to not in FORMATS:
        raise UserError(f"--to 的值“{to}”无效：只能是 docx 或 pdf")
    by_suffix = next((name for name in FORMATS if out is not None and out.suffix.lower() == SUFFIXES[name]), None)
    if to is not None and out is not None and not out.is_dir() and by_suffix != to:
        raise UserError(
            f"--to {to} 与 -o {out} 的扩展名不一致：请把文件名改为以 {SUFFIXES[to]} 结尾，或去掉 --to"
        )
    return to or by_suffix or "docx"


def render_file(
    md_path: Path,
    out: Path | None,
    to: str = "docx",
    reference_doc: Path | None = None,
    overwrite: bool = False,
    workspace_root: Path | None = None,
    draft: bool = False,
) -> RenderResult:
    """Render one Markdown file; returns the path written and the warnings."""
    from decisiontrack.render.checks import lint_before_render
    from decisiontrack.render.output import check_target

    to = format_of(to, out)
    out = check_target(out or default_output(md_path, to, workspace_root), to, overwrite)
    source = read_source(md_path)
    if not draft and workspace_root is not None:
        lint_before_render(md_path, workspace_root)
    return render_source(source, out, to, reference_doc, overwrite)


def render_text(text: str, out: Path, to: str, name: str, overwrite: bool = False) -> RenderResult:
    """Render Markdown made by the tool itself (the brief); ``name`` stands for its file."""
    from decisiontrack.render.output import check_target
    from decisiontrack.render.source import source_of

    out = check_target(out, to, overwrite)
    return render_source(source_of(text, Path(name)), out, to, None, overwrite)


def render_source(source: Source, out: Path, to: str, reference_doc: Path | None, overwrite: bool) -> RenderResult:
    """Lay out a read source and write it as docx or (through LibreOffice) PDF."""
    from decisiontrack.render.checks import internal_words, layout_errors, missing_date
    from decisiontrack.render.gbt9704 import document_bytes
    from decisiontrack.render.markdown import MarkdownError, parse
    from decisiontrack.render.output import write_output

    source.check_characters()
    try:
        meta = meta_from_front_matter(source.data, source.body)
    except MetaError as error:
        raise RenderError(f"{source.where(source.key_line(error.key))}: 前置信息有误：{error}") from None
    try:
        parsed = parse(source.body)
        layout_errors(parsed, meta, source)
        if to == "pdf":
            from decisiontrack.render.pdf import find_soffice

            find_soffice()  # fail before laying out anything
        data = document_bytes(parsed, meta, reference_doc, source.path.parent)
    except MarkdownError as error:
        raise RenderError(f"{source.where(source.line(error.line))}: {error}") from None
    warnings = missing_date(meta, source) + internal_words(source)
    if to == "docx":
        return RenderResult(write_output(out, data, overwrite), warnings)
    from decisiontrack.render.pdf import convert_to_pdf

    with tempfile.TemporaryDirectory(prefix="decisiontrack-render-") as tmp:
        docx_path = Path(tmp) / f"{out.stem}.docx"
        docx_path.write_bytes(data)
        return RenderResult(convert_to_pdf(docx_path, out, overwrite), warnings)


def read_report(md_path: Path) -> tuple[dict, str]:
    """(front matter, body); a file without front matter is rendered from its body alone."""
    source = read_source(md_path)
    return source.data, source.body


def default_output(md_path: Path, to: str, workspace_root: Path | None = None) -> Path:
    """``<root>/out/<name>.<to>``, named so reports of different decisions never collide.

    ``decisions/<id>/evaluations/<eval>/report.md`` → ``<id>-<eval>-report``;
    ``decisions/<id>/progress/<period>.md`` → ``<id>-progress-<period>``.
    """
    root = workspace_root or md_path.parent
    parts = md_path.resolve().parts
    name = md_path.stem
    if len(parts) >= 5 and parts[-3] == "evaluations" and parts[-5] == "decisions":
        name = f"{parts[-4]}-{parts[-2]}-{md_path.stem}"
    elif len(parts) >= 4 and parts[-2] == "progress" and parts[-4] == "decisions":
        name = f"{parts[-3]}-progress-{md_path.stem}"
    return root / "out" / f"{name}.{to}"
