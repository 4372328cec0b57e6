"""``check`` results as data: the JSON object of SPEC §4 and the e-mail digest in Markdown."""

from __future__ import annotations

from collections import Counter
from datetime import date

from decisiontrack.errors import Problem
from decisiontrack.profiles.model import LEVEL_LABELS, LEVELS
from decisiontrack.rules.finding import Finding


def summary(findings: list[Finding], errors: list[Problem]) -> dict[str, int]:
    """Counts by level plus errors, every key present."""
    counts = Counter(f.level for f in findings)
    return {**{level: counts.get(level, 0) for level in LEVELS}, "errors": len(errors)}


def at_or_above(findings: list[Finding], fail_on: str) -> list[Finding]:
    """The findings at or above a level (``never``: none)."""
    if fail_on == "never":
        return []
    limit = LEVELS.index(fail_on)
    return [f for f in findings if LEVELS.index(f.level) <= limit]


def to_json(as_of: date, profile: str, findings: list[Finding], errors: list[Problem]) -> dict:
    """The object ``check --format json`` prints (SPEC §4)."""
    return {
        "as_of": as_of.isoformat(),
        "profile": profile,
        "findings": [f.to_json() for f in findings],
        "errors": [e.to_json() for e in errors],
        "summary": summary(findings, errors),
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(as_of: date, profile_title: str, organization: str, findings: list[Finding],
                errors: list[Problem], titles: dict[str, str]) -> str:
    """An e-mail-ready digest: a summary line, then one table per level, then data errors."""
    counts = summary(findings, errors)
    lines = [f"# 重大行政决策跟踪反馈和后评估每日检查（{as_of.isoformat()}）", ""]
    if organization:
        lines.append(f"决策机关：{organization}；依据：《{profile_title}》")
        lines.append("")
    lines.append("；".join(f"{LEVEL_LABELS[level]} {counts[level]} 项" for level in LEVELS)
                 + f"；数据错误 {counts['errors']} 项")
    for level in LEVELS:
        group = [f for f in findings if f.level == level]
        if not group:
            continue
        lines += ["", f"## {LEVEL_LABELS[level]}（{len(group)}）", "",
                  "| 决策 | 条款 | 事项 | 起始 | 期限 |", "|---|---|---|---|---|"]
        for f in group:
            name = _cell(f"{f.decision} {titles.get(f.decision, '')}".strip())
            lines.append(f"| {name} | {f.article} | {_cell(f.message)} | {f.since} | {f.due or ''} |")
    if errors:
        lines += ["", f"## 数据错误（{len(errors)}）", ""]
        lines += [f"- `{e.path}{':' + str(e.line) if e.line else ''}` {e.message}" for e in errors]
    if not findings and not errors:
        lines += ["", "今日没有需要处理的事项。"]
    return "\n".join(lines) + "\n"
