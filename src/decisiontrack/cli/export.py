"""``export ledger / calendar / public``: files for daily work and for disclosure (SPEC §4).

The export core (openpyxl, icalendar, python-docx) is imported inside each command only.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from decisiontrack.cli._common import command, group, one_workspace, parse_date

NAME = "export"
app = group("导出：Excel 台账、期限日历（.ics）、向社会公开的评估报告（个人信息已隐去）。")

OUTPUT_HELP = "输出文件；默认为工作区 out/ 下。"
DIR_HELP = "公开文件的输出目录（须为空目录）。"
PUBLIC_FORCE_HELP = "目录非空时仍写入，替换其中上次导出的文件。"
Output = Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)]
AsOf = Annotated[str | None, typer.Option("--as-of", help="按哪一天统计待办事项，默认今天。")]
Force = Annotated[bool, typer.Option("--force", help="覆盖已存在的输出。")]


IncludeSecret = Annotated[bool, typer.Option("--include-secret", help="列入涉密决策（仅供内部使用；默认不列入）。")]


@command(app, "ledger")
def ledger(output: Output = None, as_of: AsOf = None, force: Force = False,
           include_secret: IncludeSecret = False) -> None:
    """导出台账（.xlsx）：每项决策一行，另附全部待办事项及其依据条款。

    可给多个 -w 或上级目录，汇总为一份台账（首列为组织，须用 -o 指定文件）。涉密决策默认不列入。
    """
    from decisiontrack.checking import check_many
    from decisiontrack.cli._common import workspace_roots
    from decisiontrack.export.ledger import ledger_row, write_ledger

    results = list(check_many(workspace_roots(), _day(as_of), _selection(include_secret), ledger_row))
    _done(write_ledger(results if len(results) > 1 else results[0][1], output, force), results)


@command(app, "calendar")
def calendar(output: Output = None, as_of: AsOf = None, force: Force = False,
             include_secret: IncludeSecret = False) -> None:
    """导出期限日历（.ics）：未完成的时间节点、整改、报告、评估和公开期限，重复导入只更新不重复。

    涉密决策默认不列入（--include-secret 列入）。
    """
    from decisiontrack.checking import run_check
    from decisiontrack.export.calendar import calendar_duties, write_calendar

    result = run_check(one_workspace(), _day(as_of), selection=_selection(include_secret), view=calendar_duties)
    _done(write_calendar(result, output, force), [(result.label, result)])


@command(app, "public")
def public(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help=DIR_HELP)],
    force: Annotated[bool, typer.Option("--force", help=PUBLIC_FORCE_HELP)] = False,
) -> None:
    """导出向社会公开的评估报告（任丘第七条）：涉密决策不列入，个人信息已隐去（第二十一条）。"""
    from decisiontrack.export.public import INDEX, WITHHELD, write_public
    from decisiontrack.profiles import load_profile
    from decisiontrack.store.loader import load_workspace

    workspace = load_workspace(one_workspace())
    chosen = write_public(workspace, load_profile(workspace), directory, force)
    for report in chosen.reports:
        typer.echo(f"已写入 {directory / report.file}")
    typer.echo(f"已写入 {directory / INDEX}")
    typer.echo(f"已写入 {directory / WITHHELD}")
    left_out = len(chosen.withheld) + chosen.secret_count
    typer.echo(f"公开报告 {len(chosen.reports)} 份；未列入 {left_out} 项，见 {WITHHELD}")


def _day(as_of: str | None):
    from datetime import date

    return parse_date(as_of, "--as-of") or date.today()


def _selection(include_secret: bool):
    from decisiontrack.checking import Selection

    return Selection(include_secret=include_secret)


def _done(path: Path, results) -> None:
    """Print the path; broken files were exported as such, and exit 3 says so (SPEC §4)."""
    from decisiontrack.rules.digest import shown

    typer.echo(str(path))
    errors = shown(results)[1]
    if errors:
        for problem in errors:
            sys.stderr.write(f"{problem}\n")
        sys.stderr.write("以上文件有误，相关内容未能完整导出（可运行 decisiontrack validate）。\n")
        raise typer.Exit(3)
