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
                help="输出格式：docx（默认）或 pdf（需要 LibreOffice）；省略时按 -o 的扩展名判断。",
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
    ) -> None:
        from decisiontrack.render import render_file

        fmt = to or _format_of(output)
        written = render_file(
            file, output, fmt, reference_doc, overwrite=force, workspace_root=_root_of(file)
        )
        typer.echo(str(written))


def _format_of(output: Path | None) -> str:
    """``-o report.pdf`` without ``--to`` means PDF; anything else is docx."""
    return "pdf" if output is not None and output.suffix.lower() == ".pdf" else "docx"


def _root_of(file: Path) -> Path | None:
    """-w if given, else the nearest folder above FILE holding decisiontrack.toml."""
    if _state.workspace_options:
        return _state.workspace_options[0]
    for folder in file.resolve().parents:
        if (folder / WORKSPACE_FILE).is_file():
            return folder
    return None
