"""``export calendar``: every open dated duty as an all-day iCalendar event.

Officers import the file into their office calendar every week or so. Each duty keeps one UID
across runs (``<decision>/<rule>/<subject>@decisiontrack``), so a re-import moves an event
whose date changed instead of adding a second one.

Which duties: every deadline the profile's rules compute, whether or not it is near yet
(时间节点 第六条, 跟踪反馈报告 第八条, 事实报告 第九条, 整改 第十条, 评估报告 第十九条,
结果公开 任丘第七条), and the due date of every ``must`` (应当) finding still unanswered on
``as_of``. Only open items: a done milestone is no longer a duty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from decisiontrack.dates import shift
from decisiontrack.export.output import target
from decisiontrack.model.evaluation import STAGES
from decisiontrack.store.atomic import write_atomic

DOMAIN = "decisiontrack"
#: What falls due, by predicate type (a fixed set in code); ``{…}`` are the trigger's values.
WHAT = {
    "open-deadline/milestones": "时间节点 {id}“{item}”",
    "open-deadline/rectifications": "整改事项 {id}“{item}”",
    "progress-cadence": "跟踪反馈报告",
    "unreported-event": "{kind}（{event}）的报告",
    "deadline-after-stage": "评估 {evaluation} {until}",
    "unpublished": "评估 {evaluation} 结果公开",
}
#: What a ``must`` that does not ask for an evaluation asks for, by predicate type.
MUST_WHAT = {
    "missing-plan": "制定跟踪反馈工作方案",
    "missing-stage": "补办评估程序",
    "outcome-status": "落实评估决定",
    "unreviewed-rectification": "整改完成情况报审",
    "independent-evaluator": "另行委托评估单位",
    "status-without-basis": "补正变更或停止执行的决定",
}


@dataclass(frozen=True, order=True)
class Duty:
    """One all-day event: the day, a stable UID, a Chinese summary and the full message."""

    on: date
    uid: str
    summary: str
    description: str


def write_calendar(result, out: Path | None = None, force: bool = False) -> Path:
    """Write the calendar of a check whose view was :func:`calendar_duties`; returns the path."""
    path = target(result.workspace.root, out, "calendar.ics", force)
    name = f"{result.workspace.settings.workspace.organization}重大行政决策期限".strip()
    return write_atomic(path, build_calendar(duties(result), name, result.as_of), overwrite=force)


def duties(result) -> list[Duty]:
    """Every open deadline and every unanswered ``must``, by date then UID, one per UID."""
    found = [duty for kept in result.views.values() for duty in kept]
    unique = {duty.uid: duty for duty in sorted(found, reverse=True)}
    return sorted(unique.values())


def calendar_duties(folder, findings, scope) -> list[Duty]:
    """The view of the check pass that the calendar keeps: this decision's duties."""
    if folder.decision is None:
        return []
    return [*_deadlines(folder, scope), *_musts(folder, findings, scope.profile)]


def build_calendar(items: list[Duty], name: str, as_of: date) -> bytes:
    """The .ics bytes; DTSTAMP is ``as_of`` so the same workspace gives the same file.

    icalendar escapes and folds every text line (``Contentline``, RFC 5545 §3.1 and §3.3.11); the
    fixed lines are written as they are. Building a whole ``Event`` object per duty took most of
    the export's time at 10,000 decisions, so the lines are assembled here instead.
    """
    from icalendar.parser import Contentline, Parameters
    from icalendar.prop import vText

    def text(key: str, value: str) -> str:
        return Contentline.from_parts(key, Parameters(), vText(value)).to_ical().decode("utf-8")

    stamp = f"DTSTAMP:{as_of:%Y%m%d}T000000Z"
    lines = ["BEGIN:VCALENDAR", text("PRODID", "-//decisiontrack//重大行政决策期限//ZH"), "VERSION:2.0",
             "CALSCALE:GREGORIAN", text("X-WR-CALNAME", name)]
    for duty in items:
        lines += [
            "BEGIN:VEVENT",
            text("SUMMARY", duty.summary),
            f"DTSTART;VALUE=DATE:{duty.on:%Y%m%d}",
            f"DTEND;VALUE=DATE:{shift(duty.on, days=1):%Y%m%d}",
            stamp,
            text("UID", duty.uid),
            text("DESCRIPTION", duty.description),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _deadlines(folder, scope):
    """Deadline triggers of every rule, whatever ``as_of`` (a far deadline is still a duty)."""
    from decisiontrack.rules.engine import MessageValues, rule_triggers

    profile = scope.profile
    d = folder.decision
    window = scope.settings.check.due_soon_days
    for _ctx, rule, params, triggers in rule_triggers(folder, profile, scope.as_of, window, scope.prepared):
        for trigger in triggers:
            if not trigger.deadline:
                continue
            values = MessageValues(str, {"title": d.title, "decision": d.id, "due": trigger.due,
                                   "until": STAGES.get(params.get("until", ""), ""),
                                   **trigger.values})
            kind = rule.predicate + (f"/{params['items']}" if "items" in params else "")
            what = WHAT.get(kind, "期限").format_map(values)
            yield Duty(
                trigger.due,
                _uid(d.id, profile.rule_id(rule), _subject(trigger.values)),
                f"【{rule.article}】{d.id} {what}到期",
                f"{d.title}\n{rule.message.format_map(values)}",
            )


def _musts(folder, findings, profile):
    """The due date (since + grace_days) of each ``must`` finding, overdue ones included."""
    for finding in findings:
        rule = profile.rule(finding.rule)
        if rule is None or rule.level != "must" or finding.due is None:
            continue
        if rule.asks_evaluation:
            what, subject = "应当组织的后评估", "evaluation"
        else:
            what = MUST_WHAT.get(rule.predicate, "应当履行的事项")
            where = finding.path.removeprefix(f"decisions/{finding.decision}/")
            subject = f"{where}/{finding.since}"
        yield Duty(
            finding.due,
            _uid(finding.decision, finding.rule, subject),
            f"【{finding.article}】{finding.decision} {what}到期",
            f"{folder.decision.title}\n{finding.message}",
        )


def _subject(values: dict) -> str:
    """What the duty is about: the inspection and item, the evaluation, the event, or ``next``."""
    keys = ("inspection", "evaluation", "event", "id")
    return "/".join(str(values[key]) for key in keys if key in values) or "next"


def _uid(decision: str, rule: str, subject: str) -> str:
    return f"{decision}/{rule}/{subject}@{DOMAIN}"
