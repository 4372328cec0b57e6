"""``decisiontrack render``: a Markdown report → a Word 公文 (or PDF) beside the workspace."""

from pathlib import Path
from typing import Annotated

import typer

from decisiontrack.cli import _state
from decisiontrack.cli._common import command

WORKSPACE_FILE = "decisiontrack.toml"
HELP = "把 Markdown 报告排版为符合 GB/T 9704-2012 的 Word 公文（或经 LibreOffice 转为 PDF）。"


def register(app: typer.Typer) -> None:
    """Add the top-level ``render`` command to ``app``."""

    @command(app, "render", help=HELP)
    def render(
        file: Annotated[Path, typer.Argument(metavar="FILE", help="要排版的 Markdown 报告文件。")],
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                metavar="OUT",
                help="输出文件；默认为工作区的 out/ 目录下与报告同名的文件。",
            ),
        ] = None,
        to: Annotated[
            str | None,
            typer.Option(
                "--to",
                metavar="docx|pdf",
                help="输出格式：docx（默认）或 pdf（需要 LibreOffice）；省略时按 -o 的扩展名判断，两者须一致。",
            ),
        ] = None,
        reference_doc: Annotated[
            Path | None,
            typer.Option(
                "--reference-doc",
                metavar="DOCX",
                help="本单位的 Word 模板（.docx）：沿用其样式和页面设置。",
            ),
        ] = None,
        force: Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件。")] = False,
        draft: Annotated[
            bool, typer.Option("--draft", help="排出草稿：不检查评估报告、评估方案和跟踪反馈报告是否写完。")
        ] = False,
    ) -> None:
        """退出码：0 已写出（可能有警告）；2 用法或输出路径有误；3 报告内容有误或尚未完成。"""
        import sys

        from decisiontrack.render import render_file

        result = render_file(
            file, output, to, reference_doc, overwrite=force, workspace_root=_root_of(file), draft=draft
        )
        for warning in result.warnings:
            sys.stderr.write(f"{warning}\n")
        typer.echo(str(result.path))


def _root_of(file: Path) -> Path | None:
    """-w if given, else the nearest folder above FILE holding decisiontrack.toml."""
    if _state.workspace_options:
        return _state.workspace_options[0]
    for folder in file.resolve().parents:
        if (folder / WORKSPACE_FILE).is_file():
            return folder
    return None
