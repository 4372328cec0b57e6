"""``check`` and ``status``: what the law asks for today, for one workspace or several."""

from typing import Annotated

import typer

from decisiontrack.cli._common import command, parse_date, workspace_roots


def register(app: typer.Typer) -> None:
    """Add ``check`` and ``status`` to the root app."""
    command(app, "check")(check)
    command(app, "status")(status)


AsOf = Annotated[str | None, typer.Option("--as-of", help="按哪一天检查，默认今天，如 2025-01-15。")]
Level = Annotated[str | None, typer.Option(
    "--level", help="只列出该级及以上：overdue 已逾期 | must 应当 | due-soon 即将到期 | may 可以 | info 提示。")]
Unit = Annotated[str | None, typer.Option("--unit", help="只列出承办单位包含该文字的决策，如 生态环境局。")]
Category = Annotated[str | None, typer.Option(
    "--category", help="只列出该类别：plan 重大规划 | policy 重大政策 | reform 重大改革 | project 重大项目 | "
    "normative 规范性文件 | other 其他。")]
DueWithin = Annotated[str | None, typer.Option(
    "--due-within", metavar="DAYS", help="只列出期限在该天数以内的事项（含已逾期），如 30。")]
Decision = Annotated[str | None, typer.Option("--decision", help="只看这一项决策。")]
IncludeSecret = Annotated[bool, typer.Option(
    "--include-secret", help="列入涉密决策（仅供内部使用；默认一律不列入）。")]


def _selection(level, unit, category, due_within, decision, include_secret):
    from decisiontrack.checking import Selection, parse_category, parse_level

    return Selection(
        decision=decision,
        unit=unit or None,
        category=parse_category(category),
        level=parse_level(level, "--level", allow_never=False) if level is not None else None,
        due_within=_days(due_within),
        include_secret=include_secret,
    )


def _days(value: str | None) -> int | None:
    from decisiontrack.errors import UserError

    if value is None:
        return None
    if not value.isascii() or not value.isdigit() or int(value) > 36500:
        raise UserError(f"--due-within 的值“{value}”无效：应为 0 到 36500 之间的天数，如 30")
    return int(value)


def _format(value: str, allowed: tuple[str, ...]) -> str:
    from decisiontrack.errors import UserError

    if value not in allowed:
        raise UserError(f"--format 的值“{value}”无效，可选：{' | '.join(allowed)}")
    return value


def check(
    as_of: AsOf = None,
    format: Annotated[str, typer.Option("--format", help="输出格式：text | json | markdown。")] = "text",
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="达到哪一级即以 1 退出：overdue | must | due-soon | may | info | never。")
    ] = "must",
    level: Level = None,
    unit: Unit = None,
    category: Category = None,
    due_within: DueWithin = None,
    decision: Decision = None,
    include_secret: IncludeSecret = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="没有达到 --fail-on 的事项时不输出。")] = False,
) -> None:
    """检查全部规则：哪些评估现在应当组织、哪些期限已到或将到。

    涉密决策默认一律不列入（--include-secret 列入）。可给多个 -w 或上级目录，汇总多个工作区。
    退出码：0 无达到 --fail-on 的事项；1 有；2 用法错误；3 工作区数据有误（优先于 1）。
    """
    import sys
    from datetime import date

    from decisiontrack.checking import check_many, parse_level
    from decisiontrack.errors import ExitCode
    from decisiontrack.rules.digest import at_or_above
    from decisiontrack.rules.engine import not_in_force

    _format(format, ("text", "json", "markdown"))
    fail_level = parse_level(fail_on)
    selection = _selection(level, unit, category, due_within, decision, include_secret)
    day = parse_date(as_of, "--as-of") or date.today()
    results = list(check_many(workspace_roots(), day, selection))
    failing = any(at_or_above(result.findings, fail_level) for _, result in results)
    broken = any(result.errors for _, result in results)
    code = ExitCode.DATA if broken else (ExitCode.FINDINGS if failing else ExitCode.OK)
    if quiet and not failing and not broken:
        raise typer.Exit(int(code))
    for label, result in results:
        note = not_in_force(result.profile, day)
        if note:
            (sys.stdout if format == "text" else sys.stderr).write((f"{label}：" if len(results) > 1 else "") + note + "\n")
    if format == "json":
        from decisiontrack.rules.digest import json_lines, several_to_json, to_json

        if len(results) == 1:
            result = results[0][1]
            payload = to_json(day, result.profile.name, result.findings, result.errors, lazy=True)
        else:
            payload = several_to_json(day, results)
        sys.stdout.writelines(json_lines(payload))
    elif format == "markdown":
        from decisiontrack.rules.digest import several_to_markdown

        sys.stdout.write(several_to_markdown(day, results))
    else:
        from decisiontrack.cli._findings import print_findings

        print_findings(day, results)
    raise typer.Exit(int(code))


def status(
    as_of: AsOf = None,
    format: Annotated[str, typer.Option("--format", help="输出格式：text | json | markdown | csv。")] = "text",
    level: Level = None,
    unit: Unit = None,
    category: Category = None,
    due_within: DueWithin = None,
    decision: Decision = None,
    include_secret: IncludeSecret = False,
) -> None:
    """一张表列出全部决策：类别、期间、阶段、下一个期限、各级待办数。

    涉密决策默认不列入（--include-secret 列入）。退出码：0 正常；2 用法错误；3 有文件有误（已列出）。
    """
    import sys
    from datetime import date

    from decisiontrack import status as views
    from decisiontrack.checking import check_many
    from decisiontrack.errors import ExitCode

    _format(format, ("text", "json", "markdown", "csv"))
    selection = _selection(level, unit, category, due_within, decision, include_secret)
    day = parse_date(as_of, "--as-of") or date.today()
    results = list(check_many(workspace_roots(), day, selection, views.status_row))
    several = len(results) > 1
    if format == "json":
        from decisiontrack.rules.digest import json_lines

        sys.stdout.writelines(json_lines(views.to_json(day, results, several)))
    elif format == "csv":
        sys.stdout.write(views.to_csv(results, several))
    elif format == "markdown":
        sys.stdout.write(views.to_markdown(day, results, several))
    else:
        from decisiontrack.cli._findings import print_status

        print_status(results)
    errors = [problem for _, result in results for problem in result.errors]
    if errors:
        from decisiontrack.cli._findings import report_errors

        report_errors(results)
        raise typer.Exit(int(ExitCode.DATA))
