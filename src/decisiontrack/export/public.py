"""``export public DIR``: the disclosure set — decided evaluation reports, personal data removed.

任丘第七条: 后评估结果“除涉及国家秘密、商业秘密或者个人隐私外，应向社会公开”; Ordos 第二十一条:
参与评估的单位和个人对国家秘密、个人隐私“依法履行保密义务”. The set cites only the workspace's
own 办法 (``publication_articles`` and ``secrecy_articles`` of its profile). Hence:

- a ``secret`` decision never appears, not even by title or id: ``withheld.md`` only counts it;
- an ``internal`` decision is not secret, so its decided reports are published; the copy carries
  no 密级 mark (it is the released version); a report whose own front matter says ``secret`` is
  withheld;
- every text written (report title, body, issuer, index, withheld list) goes through one
  :class:`~decisiontrack.export.redact.Redactor`;
- a workspace with broken files is refused: an unreadable opinion could hide a name to remove.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from decisiontrack.errors import DataError, UserError
from decisiontrack.export.redact import Redactor, redactor_for
from decisiontrack.model.evaluation import KIND_LABELS
from decisiontrack.store.atomic import make_directory, reporting_os_errors, write_atomic

INDEX = "index.md"
WITHHELD = "withheld.md"


def basis(profile, articles: str) -> str:
    """``《办法》第七条`` — the workspace's own 办法 and the article it names (or the 办法 alone)."""
    return f"《{profile.title}》{articles}" if profile is not None else ""


@dataclass(frozen=True)
class Report:
    """A report to publish: where it goes, what the index says, and the redacted text."""

    file: str
    decision: str
    title: str
    doc_number: str
    evaluation: str
    outcome: str
    decided_on: str
    body: str
    meta: object


@dataclass
class PublicSet:
    """What ``export public`` published and what it left out (already safe to show)."""

    reports: list[Report] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)
    secret_count: int = 0


def write_public(workspace, profile, directory: Path, force: bool = False) -> PublicSet:
    """Write the set into ``directory``; refuses a non-empty one unless ``force``.

    With ``force``, the files of an earlier set (``*.docx``, index.md, withheld.md) are removed
    first, so a report that may no longer be published does not linger; other files stay. A set
    that cannot be written whole (a full disk) is removed again: no partial disclosure is left.
    """
    if workspace.errors:
        raise DataError(workspace.errors)
    _prepare(directory, force)
    redact = redactor_for(workspace)
    chosen = select(workspace, profile, redact)
    from decisiontrack.render.gbt9704 import render_docx

    written: list[Path] = []
    try:
        for report in chosen.reports:
            written.append(render_docx(report.body, report.meta, directory / report.file, overwrite=force))
        written.append(write_atomic(directory / INDEX, redact(index_markdown(chosen, workspace, profile)), overwrite=force))
        written.append(write_atomic(directory / WITHHELD, redact(withheld_markdown(chosen, profile)), overwrite=force))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return chosen


def select(workspace, profile, redact: Redactor) -> PublicSet:
    """Decide, decision by decision, what is published and what is withheld and why."""
    result = PublicSet()
    for folder in workspace.decisions.values():
        d = folder.decision
        if d.classification == "secret":
            result.secret_count += 1
            continue
        decided = [ev for ev in folder.evaluations if ev.evaluation and ev.evaluation.decided_on]
        name = redact(f"{d.id} {d.title}")
        if not decided:
            result.withheld.append(f"{name}：尚无已决定的评估")
        for ev in decided:
            report, reason = _report(workspace.root, d, ev, profile, redact)
            if report is None:
                result.withheld.append(f"{name}：评估 {ev.id} {reason}")
            else:
                result.reports.append(report)
    return result


def _report(root: Path, decision, ev, profile, redact: Redactor):
    """(Report, None) when the evaluation can be published, else (None, why not)."""
    from decisiontrack.render import DocumentMeta, meta_from_front_matter, read_report

    path = root / ev.report_path
    if not path.is_file():
        return None, "已作出决定，但尚无评估报告（report.md）"
    try:
        data, body = read_report(path)
        meta = meta_from_front_matter(data, body)
    except UserError:
        return None, "的评估报告无法读取，请运行 decisiontrack validate"
    if meta.classification == "secret":
        return None, "的评估报告标注为涉密"
    e = ev.evaluation
    outcome = profile.outcomes_for(decision.category).get(e.outcome, e.outcome)
    title = redact(meta.title or f"{decision.title}{KIND_LABELS[e.kind]}报告")
    safe = DocumentMeta(title=title, issuer=redact(meta.issuer),
                        issued_on=meta.issued_on or e.submitted_on or e.decided_on)
    return Report(
        file=f"{decision.id}-{e.id}.docx", decision=decision.id, title=redact(decision.title),
        doc_number=redact(decision.doc_number or ""), evaluation=f"{e.id}（{KIND_LABELS[e.kind]}）",
        outcome=outcome, decided_on=str(e.decided_on), body=redact(body), meta=safe,
    ), None


def index_markdown(chosen: PublicSet, workspace, profile=None) -> str:
    """The list of published reports, one table row each, citing the workspace's own 办法."""
    organization = workspace.settings.workspace.organization
    articles = profile.publication_articles if profile is not None else ""
    cited = f"根据{basis(profile, articles)}，" if articles else ""
    lines = [
        "# 重大行政决策后评估结果公开目录", "",
        f"{cited}现将{organization}重大行政决策后评估报告公开如下；个人信息已隐去。", "",
    ]
    if not chosen.reports:
        lines.append("本次没有可公开的后评估报告。")
    else:
        lines += ["| 编号 | 决策名称 | 文号 | 评估 | 评估结论 | 决定日期 | 文件 |",
                  "|---|---|---|---|---|---|---|"]
        for r in chosen.reports:
            cells = (r.decision, r.title, r.doc_number, r.evaluation, r.outcome, r.decided_on,
                     f"[{r.file}]({r.file})")
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def withheld_markdown(chosen: PublicSet, profile=None) -> str:
    """What was left out and why, without naming anything secret."""
    secrecy = profile.secrecy_articles if profile is not None else ""
    cited = f"（{basis(profile, secrecy)}）" if secrecy else ""
    lines = ["# 未列入公开目录的事项", ""]
    if chosen.secret_count:
        lines.append(f"- {chosen.secret_count} 项涉密决策未列入{cited}。")
    lines += [f"- {line}" for line in chosen.withheld]
    if len(lines) == 2:
        lines.append("- 无。")
    lines += ["", "已公开的报告中，意见提出人的姓名和联系方式、责任人员的联系方式，以及电话号码、"
              f"电子邮箱和身份证号码均已隐去{cited}。"]
    return "\n".join(lines) + "\n"


def _prepare(directory: Path, force: bool) -> None:
    if directory.exists() and not directory.is_dir():
        raise UserError(f"{directory} 不是目录")
    with reporting_os_errors(directory, "写入目录"):
        if directory.is_dir() and any(directory.iterdir()):
            if not force:
                raise UserError(f"目录 {directory} 不是空的；如确需覆盖其中的公开文件，请加 --force")
            for old in [*directory.glob("*.docx"), directory / INDEX, directory / WITHHELD]:
                if old.is_file():
                    old.unlink()
    make_directory(directory)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
