"""Findings as a rich table grouped by level, with the articles."""

from __future__ import annotations


def print_findings(result) -> None:
    """Print the text form of ``check``: one table per level, then data errors on stderr."""
    from decisiontrack.cli._console import err, out, table
    from decisiontrack.profiles.model import LEVEL_LABELS, LEVELS
    from decisiontrack.rules.digest import summary

    console = out()
    styles = {"overdue": "bold red", "must": "red", "due-soon": "yellow", "may": "cyan", "info": "dim"}
    console.print(f"检查日期 {result.as_of}，依据《{result.profile.title}》", style="bold")
    for level in LEVELS:
        group = [f for f in result.findings if f.level == level]
        if not group:
            continue
        title = f"{LEVEL_LABELS[level]}：{len(group)} 项"
        grid = table("决策", "条款", "事项", "起始", "期限", title=title, wide="事项")
        for f in group:
            grid.add_row(f.decision, f.article, f.message, str(f.since), str(f.due or ""), style=styles[level])
        console.print(grid)
    counts = summary(result.findings, result.errors)
    console.print("合计：" + "，".join(f"{LEVEL_LABELS[k]} {counts[k]}" for k in LEVELS) + f"，数据错误 {counts['errors']}")
    for problem in result.errors:
        err().print(str(problem))
