"""What ``render`` checks besides the layout: complete reports, a body, no internal words.

- A workspace's evaluation report, evaluation plan or progress report (第八条) is linted
  against its template before it becomes a 公文, as ``evaluation lint`` does; ``--draft``
  skips this.
- A document with nothing to lay out is refused.
- Words of the records that a 公文 should not carry — ISO dates (``2025-03-03``), rule ids
  (``ordos-2024/11.5``), workspace file names (``evaluation.toml``) — are warned about with
  their line; the document is still written.
"""

from __future__ import annotations

import re
from pathlib import Path

from decisiontrack.errors import Problem, relative
from decisiontrack.wording import ISO_DATE, chinese_dates_in

RULE_ID = re.compile(r"(?<![\w/-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d{4}/\d[0-9A-Za-z._-]*")
FILE_NAME = re.compile(r"(?<![\w.-])[\w.-]+\.(?:toml|md)(?![\w.])")
_COMMENT = re.compile(r"<!--[\s\S]*?-->")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
PROGRESS_KEYS = ("period", "title", "issuer", "classification")


def internal_words(source) -> list[Problem]:
    """Warnings, one per word and line, outside comments and code blocks."""
    body = _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), source.body)
    shown = str(source.path)
    warnings: list[Problem] = []
    fenced = False
    for number, text in enumerate(body.split("\n"), 1):
        if _FENCE.match(text):
            fenced = not fenced
            continue
        if fenced:
            continue
        line = source.line(number)
        for match in ISO_DATE.finditer(text):
            better = chinese_dates_in(match.group(0))
            warnings.append(Problem(shown, line, f"日期“{match.group(0)}”在公文中应写作“{better}”", "warning"))
        for match in RULE_ID.finditer(text):
            warnings.append(Problem(shown, line, f"“{match.group(0)}”是规则的内部编号，公文中请写所依据的条款，"
                                                 "如“第十一条第（五）项”", "warning"))
        for match in FILE_NAME.finditer(text):
            warnings.append(Problem(shown, line, f"“{match.group(0)}”是工作区的文件名，不宜出现在公文中",
                                    "warning"))
    return warnings


def missing_date(meta, source) -> list[Problem]:
    """A 落款 with an issuer but no 成文日期 (GB/T 9704-2012 7.3.5) is worth a warning."""
    if meta.issuer and meta.issued_on is None:
        line = source.key_line("issuer")
        return [Problem(str(source.path), line, "落款只有发文机关署名，没有成文日期：请在前置信息中写 "
                                                "issued_on = 2025-03-03", "warning")]
    return []


def layout_errors(parsed, meta, source) -> None:
    """Refuse a document with nothing to lay out (exit 3)."""
    from decisiontrack.render import RenderError
    from decisiontrack.render.markdown import Heading, text_of

    body = [b for b in parsed.blocks if not (isinstance(b, Heading) and b.level == 0 and text_of(b.runs) == meta.title)]
    if not body:
        raise RenderError(f"{source.path}: 没有可排版的正文（文件为空，或只有前置信息、标题和注释）：请写入正文后重试")


def report_kind(md_path: Path, root: Path) -> tuple[str, str, str] | None:
    """(kind, decision id, evaluation id or period) of a workspace report, else None."""
    try:
        parts = md_path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        return None
    if len(parts) == 5 and parts[0] == "decisions" and parts[2] == "evaluations":
        kinds = {"report.md": "evaluation-report", "plan.md": "evaluation-plan"}
        return (kinds[parts[4]], parts[1], parts[3]) if parts[4] in kinds else None
    if len(parts) == 4 and parts[0] == "decisions" and parts[2] == "progress" and parts[3].endswith(".md"):
        return "progress-report", parts[1], parts[3][:-3]
    return None


def lint_before_render(md_path: Path, root: Path) -> None:
    """Lint a workspace report before it becomes a 公文; incomplete is exit 3."""
    from decisiontrack.render import RenderError

    found = report_kind(md_path, root)
    if found is None:
        return
    kind, decision_id, name = found
    if kind == "progress-report":
        problems = _lint_progress(root, decision_id, md_path)
    else:
        from decisiontrack.ops.evaluations import lint_document

        problems = lint_document(root, decision_id, name, plan=kind == "evaluation-plan").problems
    if problems:
        lines = "\n".join(str(problem) for problem in problems)
        raise RenderError(
            f"报告尚未完成，不宜排版为正式公文：\n{lines}\n请补全后重试；只需排出草稿时，加 --draft"
        )


def _lint_progress(root: Path, decision_id: str, md_path: Path) -> list[Problem]:
    """A progress report against the profile's 第八条 template."""
    from decisiontrack.errors import DataError
    from decisiontrack.ops.evaluations import open_with_profile
    from decisiontrack.reports.lint import lint_report
    from decisiontrack.reports.templates import choose
    from decisiontrack.store.tomlfile import read_text

    opened = open_with_profile(root, decision_id)
    decision = opened.folder.decision
    shown = relative(md_path.resolve(), root.resolve())
    text, problem = read_text(md_path, shown)
    if problem:
        raise DataError([problem])
    template = choose(opened.profile, "progress-report", decision.category)
    expected = {"classification": decision.classification}
    return lint_report(text, shown, template, {}, expected, front_keys=PROGRESS_KEYS).problems
