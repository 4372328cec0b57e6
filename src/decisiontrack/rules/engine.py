"""The rule engine: (workspace, profile, as_of) → findings. Pure: it never touches the disk.

How a trigger becomes a finding (SPEC §3):
- a deadline trigger is ``overdue`` from the day after its due date, and ``due-soon`` within
  ``due_soon_days`` before it when the rule warns;
- a state trigger holds from ``since``; a rule that asks for an evaluation is *answered* by an
  evaluation of the same decision listing the rule id in ``addresses`` and started on or after
  ``since``; a ``must`` is due ``grace_days`` after ``since`` and ``overdue`` once past that.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from decisiontrack.dates import shift
from decisiontrack.model.folder import DecisionFolder, Workspace
from decisiontrack.profiles.model import Profile, Rule
from decisiontrack.rules.context import Context, resolve
from decisiontrack.rules.finding import Finding, Trigger
from decisiontrack.rules.predicates import PREDICATES


class MessageValues(defaultdict):
    """Leaves unknown ``{placeholders}`` of a message as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def check_workspace(workspace: Workspace, profile: Profile, as_of: date,
                    due_soon_days: int | None = None, only: str | None = None) -> list[Finding]:
    """Every finding of every rule for every decision that loaded, in the SPEC's order."""
    window = workspace.settings.check.due_soon_days if due_soon_days is None else due_soon_days
    findings: list[Finding] = []
    for folder in workspace.decisions.values():
        if folder.decision is None or (only is not None and folder.id != only):
            continue
        findings.extend(check_decision(folder, profile, as_of, window))
    return sorted(findings, key=Finding.sort_key)


def rule_triggers(folder: DecisionFolder, profile: Profile, as_of: date, window: int):
    """Each rule of the profile with its resolved parameters and what its predicate found.

    Shared by ``check`` and the calendar export (which wants every deadline, however far).
    """
    ctx = Context(folder, as_of, profile.parameters, window, profile.outcomes_for(folder.decision.category))
    for rule in profile.rules:
        params = resolve(rule.params, profile.parameters)
        yield ctx, rule, params, list(PREDICATES[rule.predicate](ctx, params))


def check_decision(folder: DecisionFolder, profile: Profile, as_of: date, window: int) -> list[Finding]:
    """The findings of one decision."""
    findings: list[Finding] = []
    for ctx, rule, _params, triggers in rule_triggers(folder, profile, as_of, window):
        findings.extend(_findings(ctx, profile, rule, triggers))
    return findings


def _findings(ctx: Context, profile: Profile, rule: Rule, triggers: list[Trigger]) -> list[Finding]:
    rule_id = profile.rule_id(rule)
    results = []
    states = []
    for trigger in triggers:
        if trigger.deadline:
            level_since = _deadline_level(rule, trigger, ctx)
            if level_since:
                results.append(_finding(ctx, profile, rule, trigger, *level_since, trigger.due))
        elif trigger.since <= ctx.as_of and not (rule.asks_evaluation and _answered(ctx.folder, rule_id, trigger.since)):
            states.append(trigger)
    if rule.asks_evaluation and states:
        states = [min(states, key=lambda t: (t.since, t.path or ""))]
    for trigger in states:
        level, due = rule.level, None
        if rule.level == "must":
            due = shift(trigger.since, days=int(profile.parameters.get("grace_days", 90)))
            if ctx.as_of > due:
                level = "overdue"
        results.append(_finding(ctx, profile, rule, trigger, level, trigger.since, due))
    return results


def _deadline_level(rule: Rule, trigger: Trigger, ctx: Context) -> tuple[str, date] | None:
    due = trigger.due
    if ctx.as_of > due:
        return "overdue", shift(due, days=1)
    warn_from = shift(due, days=-ctx.due_soon_days)
    if rule.warn_due_soon and ctx.as_of >= warn_from:
        return "due-soon", warn_from
    return None


def _answered(folder: DecisionFolder, rule_id: str, since: date) -> bool:
    """An evaluation of this decision lists the rule and started on or after ``since``."""
    return any(
        ev.evaluation is not None and rule_id in ev.evaluation.addresses and ev.evaluation.started_on >= since
        for ev in folder.evaluations
    )


def _finding(ctx: Context, profile: Profile, rule: Rule, trigger: Trigger, level: str, since: date,
             due: date | None) -> Finding:
    d = ctx.decision
    values = MessageValues(str, {"title": d.title, "decision": d.id, "since": since, "due": due or "", **trigger.values})
    return Finding(
        decision=d.id,
        rule=profile.rule_id(rule),
        article=rule.article,
        level=level,
        since=since,
        due=due,
        message=rule.message.format_map(values),
        path=trigger.path or ctx.folder.decision_path,
    )
