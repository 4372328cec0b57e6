"""``brief``: the one- or two-page 公文 for the leader — what is overdue, what must be done."""

from pathlib import Path
from typing import Annotated

import typer

from decisiontrack.cli._common import command, parse_date, workspace_roots

FORMATS = ("docx", "pdf", "markdown")


def register(app: typer.Typer) -> None:
    """Add the top-level ``brief`` command to ``app``."""
    command(app, "brief")(brief)


def brief(
    as_of: Annotated[str | None, typer.Option("--as-of", help="按哪一天汇总，默认今天，如 2025-06-30。")] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="OUT",
            help="输出文件；默认为工作区 out/ 下的“汇总-日期.docx”，markdown 默认输出到屏幕。",
        ),
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="只汇总这个承办单位的决策。")] = None,
    format: Annotated[
        str | None,
        typer.Option("--format", metavar="docx|pdf|markdown", help="输出格式：docx（默认）、pdf 或 markdown（用于邮件）。"),
    ] = None,
    include_secret: Annotated[
        bool, typer.Option("--include-secret", help="包括涉密决策（仅供内部使用；默认不列出、不计数）。")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件。")] = False,
) -> None:
    """给领导的一至两页汇总（公文格式）：各级事项的数量，以及每项已逾期或应当办理的事项。

    退出码：0 已生成；2 用法或输出路径有误；3 工作区有记录有误（汇总照常生成，错误列在屏幕上）。
    """
    import sys
    from datetime import date

    from decisiontrack.brief import brief_document, brief_mail, brief_view, build_brief
    from decisiontrack.checking import EVERYTHING, check_many
    from decisiontrack.errors import ExitCode, UserError
    from decisiontrack.render import format_of, render_text

    if format is not None and format not in FORMATS:
        raise UserError(f"--format 的值“{format}”无效，可选：{' | '.join(FORMATS)}")
    day = parse_date(as_of, "--as-of") or date.today()
    roots = workspace_roots()
    root = roots[0]
    to = format if format == "markdown" else format_of(format, output)
    if to == "markdown" and output is not None:
        from decisiontrack.render.output import check_target

        check_target(output, "markdown", force)
    elif to != "markdown":
        from decisiontrack.render.output import check_target

        if output is None and len(roots) > 1:
            raise UserError("汇总多个工作区时，请用 -o 指定输出文件，如 -o 全省汇总.docx")
        output = check_target(output or root / "out" / f"汇总-{day.isoformat()}.{to}", to, force)
    results = list(check_many(roots, day, EVERYTHING, brief_view))  # the brief leaves secret ones out itself
    content = build_brief(results, day, unit, include_secret)
    if to == "markdown":
        text = brief_mail(content)
        if output is None:
            sys.stdout.write(text)
        else:
            from decisiontrack.render.output import write_output

            typer.echo(str(write_output(output, text, force)))
    else:
        written = render_text(brief_document(content), output, to, "汇总.md", overwrite=force)
        typer.echo(str(written.path))
    from decisiontrack.rules.digest import shown

    errors = shown(results)[1]
    for problem in errors:
        sys.stderr.write(f"{problem}\n")
    if errors:
        raise typer.Exit(int(ExitCode.DATA))
