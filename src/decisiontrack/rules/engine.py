"""The rule engine: (workspace, profile, as_of) → findings. Pure: it never touches the disk.

How a trigger becomes a finding (SPEC §3):
- nothing is found for a day before the 办法 took effect (``profile.effective_from``); a trigger
  that fell earlier and still holds counts from that day, and a deadline that fell earlier falls
  on that day, so on its first day nothing is overdue;
- the common filters of a rule (categories, flags, in-force on the day) are applied here, and
  the predicate sees the records as they stood on ``as_of`` (:class:`~.context.Context`);
- a deadline trigger is ``overdue`` from the day after its due date, and ``due-soon`` within
  ``due_soon_days`` before it when the rule warns;
- a state trigger holds from ``since``; a rule that asks for an evaluation is *answered* by an
  evaluation of the same decision listing the rule id in ``addresses``, started by ``as_of`` and
  on or after the trigger's ``answerable_from`` (its own date, or earlier for a period trigger);
  a ``must`` is due ``grace_days`` after ``since`` and ``overdue`` once past that;
- a finding whose date or threshold comes from a local setting (``basis = "local"``) names it in
  its message (``按本地设定：报告期限7日``) and in ``settings``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from decisiontrack.dates import shift
from decisiontrack.model.folder import DecisionFolder, Workspace
from decisiontrack.profiles.model import Profile, Rule
from decisiontrack.rules.context import Context, applies_to, resolve
from decisiontrack.rules.finding import Finding, Trigger
from decisiontrack.rules.predicates import PREDICATES
from decisiontrack.rules.schema import parameter_refs

GRACE = "grace_days"


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


def not_in_force(profile: Profile, as_of: date) -> str | None:
    """The one line ``check`` prints for a day before the 办法 took effect, else None."""
    if profile.in_force_on(as_of):
        return None
    return (f"{as_of} 《{profile.title}》尚未施行（自 {profile.effective_from} 起施行"
            f"{'，' + profile.effective_reference if profile.effective_reference else ''}），没有需要检查的事项。")


def rule_triggers(folder: DecisionFolder, profile: Profile, as_of: date, window: int):
    """Each rule of the profile with its resolved parameters and what its predicate found.

    Shared by ``check`` and the calendar export (which wants every deadline, however far).
    Nothing is found for a day before the 办法 took effect.
    """
    values = profile.values_on(as_of)
    ctx = Context(folder, as_of, values, window, profile.outcomes_for(folder.decision.category),
                  profile.effective_from)
    for rule in profile.rules:
        params = resolve(rule.params, values)
        if not profile.in_force_on(as_of) or not applies_to(ctx, params):
            yield ctx, rule, params, []
            continue
        yield ctx, rule, params, [_from_in_force(ctx, t) for t in PREDICATES[rule.predicate](ctx, params)]


def _from_in_force(ctx: Context, trigger: Trigger) -> Trigger:
    """A trigger dated before the 办法 took effect counts from that day (its answers still count
    from the trigger's own date)."""
    from dataclasses import replace

    answerable = trigger.answerable_from or trigger.since
    if trigger.deadline:
        return replace(trigger, since=ctx.counts_from(trigger.since), due=ctx.counts_from(trigger.due),
                       answerable_from=answerable)
    return replace(trigger, since=ctx.counts_from(trigger.since), answerable_from=answerable)


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
        elif trigger.since <= ctx.as_of and not (rule.asks_evaluation and _answered(ctx, rule_id, trigger)):
            states.append(trigger)
    if rule.asks_evaluation and states:
        states = [min(states, key=lambda t: (t.since, t.path or ""))]
    for trigger in states:
        level, due = rule.level, None
        if rule.level == "must":
            due = shift(trigger.since, days=int(ctx.parameters.get(GRACE, 90)))
            if ctx.as_of > due:
                level = "overdue"
        results.append(_finding(ctx, profile, rule, trigger, level, trigger.since, due))
    return results


def _deadline_level(rule: Rule, trigger: Trigger, ctx: Context) -> tuple[str, date] | None:
    due = trigger.due
    if ctx.as_of > due:
        return "overdue", shift(due, days=1)
    warn_from = ctx.counts_from(shift(due, days=-ctx.due_soon_days))
    if rule.warn_due_soon and ctx.as_of >= warn_from:
        return "due-soon", warn_from
    return None


def _answered(ctx: Context, rule_id: str, trigger: Trigger) -> bool:
    """An evaluation of this decision, started by the day checked, lists the rule and started on
    or after the trigger's ``answerable_from``."""
    start = trigger.answerable_from or trigger.since
    return any(rule_id in e.addresses and e.started_on >= start for _folder, e in ctx.evaluations())


def settings_of(ctx: Context, profile: Profile, rule: Rule, used_grace: bool) -> dict:
    """The local settings a finding of this rule rests on, by parameter name."""
    function = PREDICATES[rule.predicate]
    names = [ref for key, ref in parameter_refs(rule.params).items()
             if getattr(function, "params", {}).get(key) is None or function.params[key].shapes_finding]
    if used_grace:
        names.append(GRACE)
    found = {}
    for name in names:
        parameter = profile.parameters.get(name)
        if parameter is not None and parameter.basis == "local" and name not in found:
            found[name] = ctx.parameters[name]
    return found


def _finding(ctx: Context, profile: Profile, rule: Rule, trigger: Trigger, level: str, since: date,
             due: date | None) -> Finding:
    d = ctx.decision
    values = MessageValues(str, {"title": d.title, "decision": d.id, "since": since, "due": due or "", **trigger.values})
    settings = settings_of(ctx, profile, rule, used_grace=rule.level == "must" and not trigger.deadline)
    message = rule.message.format_map(values)
    if settings:
        spoken = "、".join(profile.parameters[name].spoken(value) for name, value in settings.items())
        message += f"（按本地设定：{spoken}）"
    return Finding(
        decision=d.id,
        rule=profile.rule_id(rule),
        article=rule.article,
        level=level,
        since=since,
        due=due,
        message=message,
        path=trigger.path or ctx.folder.decision_path,
        settings=settings,
    )
