"""Markdown reports → Word 公文 (GB/T 9704-2012) and PDF.

The only package that imports python-docx, and only inside functions: importing
``decisiontrack.render`` stays cheap for the rest of the CLI.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.render.meta import DocumentMeta, meta_from_front_matter

FORMATS = ("docx", "pdf")

__all__ = ["FORMATS", "DocumentMeta", "default_output", "meta_from_front_matter", "render_file"]


def render_file(
    md_path: Path,
    out: Path | None,
    to: str = "docx",
    reference_doc: Path | None = None,
    overwrite: bool = False,
    workspace_root: Path | None = None,
) -> Path:
    """Render one Markdown file; returns the path written."""
    if to not in FORMATS:
        raise UserError(f"--to 的值“{to}”无效：只能是 docx 或 pdf")
    data, body = read_report(md_path)
    meta = meta_from_front_matter(data, body)
    out = out or default_output(md_path, to, workspace_root)
    if out.exists() and not overwrite:
        raise UserError(f"文件 {out} 已存在；如确需覆盖，请加 --force")
    from decisiontrack.render.gbt9704 import render_docx

    if to == "docx":
        return render_docx(body, meta, out, reference_doc, overwrite)
    from decisiontrack.render.pdf import convert_to_pdf, find_soffice

    find_soffice()  # fail before laying out anything
    with tempfile.TemporaryDirectory(prefix="decisiontrack-render-") as tmp:
        docx_path = render_docx(body, meta, Path(tmp) / f"{out.stem}.docx", reference_doc)
        return convert_to_pdf(docx_path, out, overwrite)


def read_report(md_path: Path) -> tuple[dict, str]:
    """(front matter, body); a file without front matter is rendered from its body alone."""
    from decisiontrack.store.frontmatter import FENCE, FrontMatterError, parse_front_matter

    try:
        raw = md_path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"找不到文件 {md_path}") from None
    except IsADirectoryError:
        raise UserError(f"{md_path} 是目录，请给出 Markdown 文件") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise UserError(
            f"{md_path} 不是 UTF-8 编码（第 {error.start} 字节处无法解码）：请另存为 UTF-8 后重试"
        ) from None
    if text.split("\n", 1)[0].strip() != FENCE:
        return {}, text
    try:
        data, body, _ = parse_front_matter(text)
    except FrontMatterError as error:
        where = f"{md_path}:{error.line}" if error.line else str(md_path)
        raise UserError(f"{where}: 前置信息有误：{error}") from None
    return data, body


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
