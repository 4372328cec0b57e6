"""``check`` results as data: the JSON object of SPEC §4 and the e-mail digest in Markdown."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
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


def to_json(as_of: date, profile: str, findings: list[Finding], errors: list[Problem], *, lazy: bool = False) -> dict:
    """The object ``check --format json`` prints (SPEC §4); ``lazy`` leaves its lists as generators
    (for :func:`json_lines`)."""
    items = (f.to_json() for f in findings)
    return {
        "as_of": as_of.isoformat(),
        "profile": profile,
        "findings": items if lazy else list(items),
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


def shown(results) -> tuple[list[Finding], list[Problem], dict[str, str]]:
    """Findings, errors and titles of one or several workspaces, merged for a single view.

    With several workspaces ids repeat: each finding's decision becomes ``组织/编号`` and each error's
    path is prefixed with the workspace folder, so the text and Markdown views tell them apart.
    """
    if len(results) == 1:
        result = results[0][1]
        return result.findings, result.errors, result.titles
    findings, errors, titles = [], [], {}
    for label, result in results:
        findings += [replace(f, decision=f"{label}/{f.decision}") for f in result.findings]
        errors += [replace(e, path=f"{result.workspace.root}/{e.path}") for e in result.errors]
        titles.update({f"{label}/{key}": title for key, title in result.titles.items()})
    findings.sort(key=Finding.sort_key)
    return findings, errors, titles


def several_to_json(as_of: date, results) -> dict:
    """``check --format json`` over several workspaces: the SPEC's object, each finding and error
    with its ``"workspace"`` (the organisation), and the list of workspaces checked (its findings a
    generator, for :func:`json_lines`)."""
    findings = sorted(((label, f) for label, result in results for f in result.findings),
                      key=lambda pair: (*pair[1].sort_key()[:1], pair[0], *pair[1].sort_key()[1:]))
    errors = [(label, e) for label, result in results for e in result.errors]
    profiles = sorted({result.profile.name for _, result in results})
    counts = summary([f for _, f in findings], [e for _, e in errors])
    return {
        "as_of": as_of.isoformat(),
        "profile": profiles[0] if len(profiles) == 1 else None,
        "workspaces": [{"workspace": label, "path": str(result.workspace.root), "profile": result.profile.name}
                       for label, result in results],
        "findings": ({"workspace": label, **f.to_json()} for label, f in findings),
        "errors": [{"workspace": label, **e.to_json()} for label, e in errors],
        "summary": counts,
    }


def several_to_markdown(as_of: date, results) -> str:
    """The e-mail digest of one workspace or several (``组织/编号`` when several)."""
    findings, errors, titles = shown(results)
    organizations = results[0][1].organization if len(results) == 1 else "、".join(label for label, _ in results)
    profiles = "》《".join(dict.fromkeys(result.profile.title for _, result in results))
    text = to_markdown(as_of, profiles, organizations, findings, errors, titles)
    left_out = sum(result.secret_left_out for _, result in results)
    if left_out:
        text += f"\n涉密决策 {left_out} 项未列入本摘要。\n"
    return text


def json_lines(payload: dict):
    """JSON text, piece by piece, laid out as ``json.dumps(indent=2)`` but each object of a list on
    one line; a list may be any iterable (a generator), so a large result is never held as text.

    ``indent`` makes Python's json fall back to its pure-Python encoder (half a second for 40,000
    findings); here each object goes through the C encoder, which also keeps the output easy to grep.
    """
    import json

    def one(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    yield "{\n"
    items = list(payload.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        if isinstance(value, dict) or not hasattr(value, "__iter__") or isinstance(value, str):
            yield f"  {one(key)}: {one(value)}{comma}\n"
            continue
        opened = False
        for item in value:
            yield f"{',' if opened else f'  {one(key)}: ['}\n    {one(item)}"
            opened = True
        yield (f"\n  ]{comma}\n" if opened else f"  {one(key)}: []{comma}\n")
    yield "}\n"
