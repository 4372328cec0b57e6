"""``check`` and ``status``: what the law asks for today."""

from typing import Annotated

import typer

from decisiontrack.cli._common import command, parse_date, workspace_root


def register(app: typer.Typer) -> None:
    """Add ``check`` and ``status`` to the root app."""
    command(app, "check")(check)
    command(app, "status")(status)


def check(
    as_of: Annotated[str | None, typer.Option("--as-of", help="按哪一天检查，默认今天，如 2025-01-15。")] = None,
    format: Annotated[str, typer.Option("--format", help="输出格式：text | json | markdown。")] = "text",
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="达到哪一级即以 1 退出：overdue | must | due-soon | may | info | never。")
    ] = "must",
    decision: Annotated[str | None, typer.Option("--decision", help="只检查这一项决策。")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="没有达到 --fail-on 的事项时不输出。")] = False,
) -> None:
    """检查全部规则：哪些评估现在应当组织、哪些期限已到或将到。

    退出码：0 无达到 --fail-on 的事项；1 有；2 用法错误；3 工作区数据有误（优先于 1）。
    """
    import json
    import sys
    from datetime import date

    from decisiontrack.checking import parse_level, run_check
    from decisiontrack.errors import ExitCode, UserError
    from decisiontrack.rules.digest import at_or_above, to_json, to_markdown
    from decisiontrack.rules.engine import not_in_force

    if format not in ("text", "json", "markdown"):
        raise UserError(f"--format 的值“{format}”无效，可选：text | json | markdown")
    level = parse_level(fail_on)
    day = parse_date(as_of, "--as-of") or date.today()
    result = run_check(workspace_root(), day, decision)
    failing = at_or_above(result.findings, level)
    code = ExitCode.DATA if result.errors else (ExitCode.FINDINGS if failing else ExitCode.OK)
    if quiet and not failing and not result.errors:
        raise typer.Exit(int(code))
    note = not_in_force(result.profile, day)
    if note:
        (sys.stdout if format == "text" else sys.stderr).write(note + "\n")
    if format == "json":
        payload = to_json(day, result.profile.name, result.findings, result.errors)
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif format == "markdown":
        sys.stdout.write(to_markdown(day, result.profile.title, result.workspace.settings.workspace.organization,
                                     result.findings, result.errors, result.titles))
    else:
        from decisiontrack.cli._findings import print_findings

        print_findings(result)
    raise typer.Exit(int(code))


def status(
    as_of: Annotated[str | None, typer.Option("--as-of", help="按哪一天统计，默认今天。")] = None,
) -> None:
    """一张表列出全部决策：类别、期间、阶段、下一个期限、各级待办数。"""
    from datetime import date

    from decisiontrack.checking import run_check
    from decisiontrack.cli import _console
    from decisiontrack.status import decision_rows

    result = run_check(workspace_root(), parse_date(as_of, "--as-of") or date.today(), keep_records=True)
    grid = _console.table("编号", "名称", "类别", "施行期间", "阶段", "下一个期限", "逾期", "应当", "将到期", "可以")
    for row in decision_rows(result):
        grid.add_row(*row)
    _console.out().print(grid)
    for problem in result.errors:
        _console.err().print(str(problem))
