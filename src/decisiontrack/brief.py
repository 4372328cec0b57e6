"""The leader's brief: one or two pages saying what is overdue and what must be done.

The leader reads no terminal. From the findings of ``check`` the brief counts the duties by
level, in the statute's words (已逾期、应当、即将到期、可以、提示), then lists each decision
with an overdue or must duty: its title, 承办单位, what is due, by when, and the article —
Chinese dates and words only, laid out by the same 公文 renderer as the reports.

Secret decisions (``classification = "secret"``) are left out entirely — not named, not
counted — unless the brief is for internal use (``include_secret``; reliability issue #10).
The core is a function of a list of (organisation, check result), so one brief can cover
several workspaces.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from decisiontrack.checking import CheckResult
from decisiontrack.errors import UserError
from decisiontrack.profiles.model import LEVEL_LABELS, LEVELS
from decisiontrack.reports.scaffold import numeral
from decisiontrack.wording import chinese_date, plain_words

TITLE = "重大行政决策跟踪反馈和后评估待办事项汇总"
LISTED = ("overdue", "must")
_HEADS = {"overdue": "已逾期的事项", "must": "应当办理的事项"}
_LOCAL_NOTE = re.compile(r"（按本地设定：([^（）]*)）$")
"""The note the engine appends to a finding whose date or threshold is a local setting."""


@dataclass(frozen=True)
class Duty:
    """One overdue or must duty of one decision, in the words of the brief."""

    level: str
    what: str
    due: date | None
    article: str
    setting: str = ""
    """The local setting that gave the date (``办理期限90日``), said once beside the article."""

    @classmethod
    def of(cls, finding) -> Duty:
        """What the finding asks, in a few words (its rule's ``task``; else its message without the
        message's own article and setting notes): the brief says the article and the setting once."""
        note = _LOCAL_NOTE.search(finding.message)
        what = finding.task or (finding.message[: note.start()] if note else finding.message)
        return cls(finding.level, plain_words(what), finding.due, finding.article, note.group(1) if note else "")


@dataclass
class DecisionDuties:
    """A decision of the brief and its duties at one level."""

    organisation: str
    title: str
    unit: str
    duties: list[Duty] = field(default_factory=list)


@dataclass
class Brief:
    """What the brief says, before it is worded as Markdown."""

    as_of: date
    organisations: list[str]
    regulations: list[str]
    decisions: int
    counts: dict[str, int]
    groups: dict[str, list[DecisionDuties]]
    unit: str | None = None
    errors: int = 0
    secret: bool = False
    not_yet: list[tuple[str, date]] = field(default_factory=list)
    """Each 办法 not yet in force on the day (title, effective date): nothing is counted under it."""


def build_brief(
    sources: Sequence[tuple[str, CheckResult]],
    as_of: date,
    unit: str | None = None,
    include_secret: bool = False,
) -> Brief:
    """Gather the duties of every workspace's check result into one brief."""
    counts: Counter[str] = Counter()
    groups: dict[str, list[DecisionDuties]] = {level: [] for level in LISTED}
    units: set[str] = set()
    decisions = 0
    secret = False
    for organisation, result in sources:
        records = _decisions(result)
        by_decision = result.findings_by_decision()
        units.update(d.undertaking_unit for d in records.values())
        for decision_id, decision in records.items():
            if decision.classification == "secret" and not include_secret:
                continue
            if unit is not None and decision.undertaking_unit != unit:
                continue
            decisions += 1
            findings = by_decision.get(decision_id, [])
            counts.update(f.level for f in findings)
            for level in LISTED:
                duties = [Duty.of(f) for f in findings if f.level == level]
                if duties:
                    secret = secret or decision.classification == "secret"
                    groups[level].append(DecisionDuties(organisation, decision.title, decision.undertaking_unit, duties))
    if unit is not None and unit not in units:
        known = "、".join(sorted(units)) or "无"
        raise UserError(f"--unit：没有承办单位为“{unit}”的决策（已登记的承办单位：{known}）")
    return Brief(
        as_of=as_of,
        organisations=[organisation for organisation, _ in sources],
        regulations=sorted({result.profile.title for _, result in sources}),
        decisions=decisions,
        counts={level: counts.get(level, 0) for level in LEVELS},
        groups=groups,
        unit=unit,
        errors=sum(len(result.errors) for _, result in sources),
        secret=secret,
        not_yet=sorted({(result.profile.title, result.profile.effective_from) for _, result in sources
                        if not result.profile.in_force_on(as_of)}),
    )


def brief_view(folder, findings, scope):
    """What the check pass keeps of each decision for the brief: its ``decision.toml`` record."""
    return folder.decision


def _decisions(result: CheckResult) -> dict:
    """Decision id → its ``decision.toml`` record: the view of the pass (:func:`brief_view`), or
    the records a check kept."""
    if result.views:
        return {key: decision for key, decision in result.views.items() if decision is not None}
    return {
        folder.id: folder.decision
        for folder in result.workspace.decisions.values()
        if folder.decision is not None
    }


def brief_body(brief: Brief) -> str:
    """The Markdown body: the counts, then one section per listed level."""
    who = "、".join(brief.organisations)
    scope = f"承办单位为{brief.unit}的" if brief.unit else ""
    counts = "、".join(f"{LEVEL_LABELS[level]}{brief.counts[level]}项" for level in LEVELS)
    basis = "、".join(f"《{title}》" for title in brief.regulations)
    lines = [
        f"截至{chinese_date(brief.as_of)}，{who}登记的{scope}重大行政决策共{brief.decisions}项，"
        f"依照{basis}检查，有关事项：{counts}。"
    ]
    for title, effective in brief.not_yet:
        lines[-1] += f"《{title}》自{chinese_date(effective)}起施行，截至{chinese_date(brief.as_of)}尚未施行。"
    if brief.errors:
        lines.append(f"另有{brief.errors}处记录有误，未能检查，已请经办人员更正。")
    listed = [level for level in LISTED if brief.groups[level]]
    if not listed:
        lines += ["", "目前没有已逾期或应当办理的事项。"]
        return "\n".join(lines) + "\n"
    settings = list(dict.fromkeys(part for level in listed for group in brief.groups[level]
                                  for duty in group.duties if duty.setting for part in duty.setting.split("、")))
    lines[-1] += "现将已逾期和应当办理的事项汇总如下"
    lines[-1] += (f"，其中标明“本地设定”的，是办法只说“及时”“较多”等、由本机关设定的数值（{'、'.join(settings)}）。"
                  if settings else "。")
    for number, level in enumerate(listed):
        total = sum(len(group.duties) for group in brief.groups[level])
        lines += ["", f"## {numeral(number + 1)}、{_HEADS[level]}（{total}项）"]
        for index, group in enumerate(brief.groups[level]):
            head = f"{group.organisation}" if len(brief.organisations) > 1 else ""
            words = [_duty_words(duty) for duty in group.duties]
            duties = "；".join(f"{item}. {text}" for item, text in enumerate(words, 1)) if len(words) > 1 else words[0]
            lines += ["", f"**（{numeral(index + 1)}）{head}{group.title}**（{group.unit}）：{duties}。"]
    return "\n".join(lines) + "\n"


def _duty_words(duty: Duty) -> str:
    """What is due, by when (unless the words already say it), and the article — each once —
    marked where a local setting gave the date: ``报送跟踪反馈报告（2025年1月9日前；第六、八条）``,
    ``…（2025年5月27日前；第九条，本地设定）`` (the opening paragraph gives the settings' values once)."""
    due = chinese_date(duty.due) if duty.due else ""
    when = f"{due}前；" if due and due not in duty.what else ""
    basis = f"{duty.article}，本地设定" if duty.setting else duty.article
    return f"{duty.what}（{when}{basis}）"


def brief_document(brief: Brief) -> str:
    """The brief as a Markdown report with front matter, for the renderer."""
    from decisiontrack.reports.templates import toml_value

    classification = "secret" if brief.secret else "internal"
    head = [
        f"title = {toml_value(TITLE)}",
        f"issuer = {toml_value('、'.join(brief.organisations))}",
        f"issued_on = {brief.as_of.isoformat()}",
        "seal = false",
        f"classification = {toml_value(classification)}",
    ]
    return "+++\n" + "\n".join(head) + "\n+++\n" + brief_body(brief)


def brief_mail(brief: Brief) -> str:
    """The brief as Markdown for the cron mail: a title, the body, the issuer and date."""
    return f"# {TITLE}\n\n{brief_body(brief)}\n{'、'.join(brief.organisations)}\n\n{chinese_date(brief.as_of)}\n"

