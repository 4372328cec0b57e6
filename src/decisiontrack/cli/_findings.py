"""The text views of ``check`` and ``status``: grouped by level, ids and dates never wrapped."""

from __future__ import annotations

import sys


def print_findings(as_of, results) -> None:
    """Print the text form of ``check``: one table per level, a total, then data errors on stderr."""
    from decisiontrack.cli._console import show_table
    from decisiontrack.profiles.model import LEVEL_LABELS, LEVELS
    from decisiontrack.rules.digest import shown, summary

    findings, errors, _titles = shown(results)
    head = [f"检查日期 {as_of}"]
    for label, result in results:
        head.append(f"{label}：依据《{result.profile.title}》" if len(results) > 1 else f"依据《{result.profile.title}》")
    sys.stdout.write("，".join(head[:2]) + "\n" if len(results) == 1 else "\n".join(head) + "\n")
    by_level: dict[str, list] = {}
    for finding in findings:
        by_level.setdefault(finding.level, []).append(finding)
    for level in LEVELS:
        group = by_level.get(level)
        if not group:
            continue
        sys.stdout.write("\n")
        rows = ([f.decision, f.article, str(f.since), str(f.due or ""), f.message] for f in group)
        show_table(("决策", "条款", "起始", "期限", "事项"), rows, title=f"{LEVEL_LABELS[level]}：{len(group)} 项")
    counts = summary(findings, errors)
    sys.stdout.write("\n合计：" + "，".join(f"{LEVEL_LABELS[k]} {counts[k]}" for k in LEVELS)
                     + f"，数据错误 {counts['errors']}\n")
    _secret_note(results)
    for problem in errors:
        sys.stderr.write(f"{problem}\n")


def print_status(results) -> None:
    """Print the text form of ``status``: one line per decision, the title last."""
    from decisiontrack.cli._console import show_table
    from decisiontrack.status import HEADERS

    several = len(results) > 1
    rows = []
    for label, result in results:
        for row in result.views.values():
            cells = row.cells()
            if several:
                cells[0] = f"{label}/{cells[0]}"
            rows.append(cells)
    show_table(HEADERS, rows)
    _secret_note(results)


def report_errors(results) -> None:
    """Name each broken file on stderr (``status`` then exits 3)."""
    from decisiontrack.rules.digest import shown

    for problem in shown(results)[1]:
        sys.stderr.write(f"{problem}\n")
    sys.stderr.write("以上文件有误，相关决策未能完整列出；请修改后重试（可运行 decisiontrack validate）。\n")


def _secret_note(results) -> None:
    left_out = sum(result.secret_left_out for _, result in results)
    if left_out:
        sys.stdout.write(f"涉密决策 {left_out} 项未列入（内部查看可加 --include-secret）。\n")
