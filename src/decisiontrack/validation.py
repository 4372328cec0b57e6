"""``validate``: every load problem plus the cross-references between files, and what looks wrong.

Beyond what stops a record from loading (errors), ``validate`` warns about what is legal but
probably a mistake: a date before 1949 or after 2100 (a typo; ``9999-12-31`` is how offices write
"open-ended"), free text in a secret decision's files (``ops/secrecy.py``), and record files the
git history does not hold yet (hand edits not committed, files left out of git).

It is one pass of :mod:`decisiontrack.checking` without the rules: each decision's files are read
once, and :func:`folder_problems` (the pass's view) adds what only the records together show.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from decisiontrack.dates import OPEN_END
from decisiontrack.errors import Problem
from decisiontrack.model.folder import DecisionFolder

EARLIEST_LIKELY = date(1949, 1, 1)
LATEST_LIKELY = date(2100, 12, 31)
_ANY_DAY = date(2000, 1, 1)
"""``validate`` checks no rule, so the day does not matter."""


def validate(root: Path) -> tuple[list[Problem], int]:
    """All problems (errors and warnings) of the workspace at ``root``, sorted by path and line,
    and the number of decisions.

    Evaluation ``addresses`` must name the profile's rules and ``outcome`` must be in its
    vocabulary for that kind of decision; evidence files must exist; the profile is checked too.
    """
    from decisiontrack.checking import EVERYTHING, check_many
    from decisiontrack.profiles.loader import profile_warnings

    [(_, result)] = list(check_many([root], _ANY_DAY, EVERYTHING, folder_problems, engine=False))
    problems = [*result.errors, *result.warnings, *(p for found, _ in result.views.values() for p in found)]
    problems += profile_warnings(result.workspace.settings.workspace.profile, root)
    broken = {p.path for p in result.errors}
    problems += markdown_problems(root, [path for _, paths in result.views.values() for path in paths], broken)
    problems += uncommitted_problems(root)
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message)), len(result.views)


def folder_problems(folder, findings, scope) -> tuple[list[Problem], list[str]]:
    """The view of the pass that ``validate`` keeps: the problems only the records of one decision
    together show, and its Markdown files (read for control characters once the pass is done)."""
    lines = _Lines(scope.root)
    problems = [*profile_problems(folder, scope.profile, scope.root), *evidence_problems(folder, scope.root),
                *plan_warnings(folder), *unlikely_dates(folder, lines)]
    if not scope.settings.workspace.allow_secret_text:
        problems += secret_text_problems(folder, lines)
    return problems, markdown_paths(folder)


def plan_warnings(folder) -> list[Problem]:
    """A plan without ``created_on`` counts from the decision's ``effective_from``: say so."""
    if folder.plan is not None and folder.plan.created_on is None:
        return [Problem(folder.plan_path, None,
                        "没有写 created_on（方案制定日期）：检查时视为自决策施行之日（effective_from）起已有方案；"
                        "请补上方案实际制定的日期，如 created_on = 2024-02-10", "warning")]
    return []


def profile_problems(folder, profile, root: Path) -> list[Problem]:
    """Rule ids and outcome values against the profile; the file is read again for a line number
    only when it holds such a problem."""
    problems = []
    for ev in folder.evaluations:
        e = ev.evaluation
        if e is None:
            continue
        shown = f"{ev.path}/evaluation.toml"
        for index, rule_id in enumerate(e.addresses):
            if profile.rule(rule_id) is None:
                problems.append(Problem(shown, _line(root, shown, ("addresses", index)),
                                        f"addresses 中的规则“{rule_id}”不存在于办法 {profile.name}；"
                                        f"可运行 decisiontrack profile show {profile.name} 查看规则编号"))
        if e.outcome is not None and folder.decision is not None:
            allowed = profile.outcomes_for(folder.decision.category)
            if allowed and e.outcome not in allowed:
                listed = "、".join(f"{k}（{v}）" for k, v in allowed.items())
                problems.append(Problem(shown, _line(root, shown, ("outcome",)),
                                        f"评估结论 outcome“{e.outcome}”不在办法 {profile.name} 的结论中，可选：{listed}"))
    return problems


def _line(root: Path, shown: str, loc: tuple) -> int | None:
    from decisiontrack.store.tomlfile import line_of, read_text

    text, _ = read_text(root / shown, shown)
    return line_of(text, loc) if text else None


def records(folder: DecisionFolder) -> Iterator[tuple[str, BaseModel]]:
    """Every record of a decision that loaded, with its workspace-relative path."""
    if folder.decision is not None:
        yield folder.decision_path, folder.decision
    if folder.plan is not None:
        yield folder.plan_path, folder.plan
    for entries in (folder.opinions, folder.events, folder.inspections, folder.progress):
        for entry in entries:
            yield entry.path, entry.record
    for ev in folder.evaluations:
        if ev.evaluation is not None:
            yield f"{ev.path}/evaluation.toml", ev.evaluation


def markdown_paths(folder) -> list[str]:
    """The Markdown files of a decision whose text ``validate`` reads for control characters."""
    paths = [entry.path for entry in folder.progress]
    return paths + [f"{ev.path}/{name}" for ev in folder.evaluations for name in ("plan.md", "report.md")]


def markdown_problems(root: Path, paths: list[str], broken: set[str]) -> list[Problem]:
    """An error for a control character in the text of a report (front matter is checked as a record)."""
    from decisiontrack.model.common import CONTROL_CHARACTER, describe_control_character
    from decisiontrack.store.tomlfile import read_text

    problems = []
    for shown in paths:
        if shown in broken or not (root / shown).is_file():
            continue
        text, _ = read_text(root / shown, shown)
        found = CONTROL_CHARACTER.search(text or "")
        if found:
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            problems.append(Problem(shown, line, (
                f"第 {column} 列有控制字符 {describe_control_character(found.group())}，"
                "多半是从终端或网页粘贴带入的；请删除它（只允许制表符和换行）")))
    return problems


def unlikely_dates(folder, lines: _Lines) -> list[Problem]:
    """A warning for each date before 1949 or after 2100 — except 9999-12-31, "open-ended"."""
    problems = []
    for shown, record in records(folder):
        for loc, day in _dates(record, ()):
            if EARLIEST_LIKELY <= day <= LATEST_LIKELY or day == OPEN_END:
                continue
            when = "早于 1949 年" if day < EARLIEST_LIKELY else "晚于 2100 年"
            hint = "；长期有效的请写 9999-12-31 或不写截止日期" if loc == ("effective_until",) else ""
            problems.append(Problem(shown, lines.line(shown, loc),
                                    f"{_dotted(loc)} 的日期 {day} {when}，可能是笔误{hint}", "warning"))
    return problems


def _dates(value, loc: tuple) -> Iterator[tuple[tuple, date]]:
    if isinstance(value, date):
        yield loc, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _dates(item, (*loc, index))
    elif isinstance(value, BaseModel):
        fields = type(value).model_fields
        for name, item in value:
            info = fields.get(name)
            yield from _dates(item, (*loc, info.alias if info is not None and info.alias else name))


def secret_text_problems(folder, lines: _Lines) -> list[Problem]:
    """A warning for each free text in the files of a secret decision (they keep a placeholder only)."""
    from decisiontrack.ops.secrecy import free_texts

    problems = []
    if folder.decision is not None and folder.decision.classification == "secret":
        for shown, record in records(folder):
            for loc, _text in free_texts(record, folder.id):
                problems.append(Problem(shown, lines.line(shown, loc), (
                    f"涉密决策的文件中写有文字内容 {_dotted(loc)}：涉密内容不应存入各部门共享的仓库，请删除"
                    "（名称只保留“涉密事项 编号”）；如本仓库可以存放涉密内容，在 decisiontrack.toml 的 "
                    "[workspace] 中设置 allow_secret_text = true"
                ), "warning"))
    return problems


def uncommitted_problems(root: Path) -> list[Problem]:
    """A warning for each record file that differs from the last commit or is not in git at all.

    Temporary files left by a write that was killed are named too, so they can be deleted.
    """
    from decisiontrack.store.atomic import is_temporary
    from decisiontrack.store.git import record_file_states

    problems = []
    for shown, state in record_file_states(root):
        if is_temporary(shown):
            message = "是写入中断后残留的临时文件，可以删除"
        elif state == "!!":
            message = "被 .gitignore 忽略，永远不会进入 git 历史；请从 .gitignore 中删去相应的规则"
        elif "D" in state:
            message = "已删除，但删除尚未提交到 git；确认无误后运行 decisiontrack commit -m \"说明\" 提交"
        elif state == "??" or "A" in state:
            message = "尚未提交到 git（新文件）；确认无误后运行 decisiontrack commit -m \"说明\" 提交"
        else:
            message = "与最近一次提交不同（有未提交的修改）；确认无误后运行 decisiontrack commit -m \"说明\" 提交"
        problems.append(Problem(shown, None, message, "warning"))
    return problems


def _dotted(loc: tuple) -> str:
    from decisiontrack.store.problems import dotted

    return dotted(loc)


class _Lines:
    """Key lines of the files a warning points into, each file read once (front matter counted in)."""

    def __init__(self, root: Path):
        self.root = root
        self.cache: dict[str, tuple[str, dict, int]] = {}

    def line(self, shown: str, loc: tuple) -> int | None:
        from decisiontrack.store.frontmatter import FrontMatterError, split_front_matter
        from decisiontrack.store.tomlfile import key_lines, line_of, read_text

        if shown not in self.cache:
            text, _ = read_text(self.root / shown, shown)
            text, offset = text or "", 0
            if shown.endswith(".md"):
                try:
                    text, offset = split_front_matter(text)[0], 1
                except FrontMatterError:
                    text = ""
            self.cache[shown] = (text, key_lines(text), offset)
        text, lines, offset = self.cache[shown]
        line = line_of(text, loc, lines)
        return line + offset if line is not None else None


def _evidence_of(folder) -> list[tuple[str, str, list[str]]]:
    """(record path, folder the paths are relative to, paths) of every record that names evidence."""
    found = []
    if folder.decision is not None:
        found.append((folder.decision_path, folder.path, [p for c in folder.decision.status_history for p in c.evidence]))
    for entry in folder.inspections:
        i = entry.record
        found.append((entry.path, folder.path, [*i.evidence, *(p for r in i.rectifications for p in r.evidence)]))
    for ev in folder.evaluations:
        if ev.evaluation is not None:
            from decisiontrack.model.evaluation import STAGES

            paths = [p for stage in STAGES for p in ev.evaluation.stage_evidence(stage)]
            found.append((f"{ev.path}/evaluation.toml", ev.path, paths))
    return found


def evidence_problems(folder, root: Path) -> list[Problem]:
    """A warning for each evidence file a record names that is not in its folder (moved or not committed)."""
    problems = []
    for record_path, base, paths in _evidence_of(folder):
        for path in paths:
            if not (root / base / path).is_file():
                problems.append(Problem(record_path, None, f"证明材料 {base}/{path} 不存在；"
                                        "请放回该文件，或从记录中删去这一项", "warning"))
    return problems
