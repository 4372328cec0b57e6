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
from dataclasses import dataclass, replace
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


@dataclass(frozen=True)
class Prepared:
    """The rules of a profile made ready for one day: parameter values in force that day, each
    rule's resolved params and the local settings its findings rest on. The same for every decision."""

    profile: Profile
    as_of: date
    values: dict
    rules: list[tuple[Rule, dict, tuple[str, ...]]]

    @classmethod
    def of(cls, profile: Profile, as_of: date) -> Prepared:
        values = profile.values_on(as_of)
        rules = [(rule, resolve(rule.params, values), _local_settings(profile, rule)) for rule in profile.rules]
        return cls(profile, as_of, values, rules)


def check_workspace(workspace: Workspace, profile: Profile, as_of: date,
                    due_soon_days: int | None = None, only: str | None = None) -> list[Finding]:
    """Every finding of every rule for every decision that loaded, in the SPEC's order."""
    window = workspace.settings.check.due_soon_days if due_soon_days is None else due_soon_days
    prepared = Prepared.of(profile, as_of)
    findings: list[Finding] = []
    for folder in workspace.decisions.values():
        if folder.decision is None or (only is not None and folder.id != only):
            continue
        findings.extend(check_decision(folder, profile, as_of, window, prepared))
    return sorted(findings, key=Finding.sort_key)


def not_in_force(profile: Profile, as_of: date) -> str | None:
    """The one line ``check`` prints for a day before the 办法 took effect, else None."""
    if profile.in_force_on(as_of):
        return None
    return (f"{as_of} 《{profile.title}》尚未施行（自 {profile.effective_from} 起施行"
            f"{'，' + profile.effective_reference if profile.effective_reference else ''}），没有需要检查的事项。")


def rule_triggers(folder: DecisionFolder, profile: Profile, as_of: date, window: int,
                  prepared: Prepared | None = None):
    """Each rule of the profile with its resolved parameters and what its predicate found.

    Shared by ``check`` and the calendar export (which wants every deadline, however far).
    Nothing is found for a day before the 办法 took effect.
    """
    prepared = prepared or Prepared.of(profile, as_of)
    ctx = Context(folder, as_of, prepared.values, window, profile.outcomes_for(folder.decision.category),
                  profile.effective_from)
    in_force = profile.in_force_on(as_of)
    for rule, params, _settings in prepared.rules:
        if not in_force or not applies_to(ctx, params):
            yield ctx, rule, params, []
            continue
        yield ctx, rule, params, [_from_in_force(ctx, t) for t in PREDICATES[rule.predicate](ctx, params)]


def _from_in_force(ctx: Context, trigger: Trigger) -> Trigger:
    """A trigger dated before the 办法 took effect counts from that day (its answers still count
    from the trigger's own date)."""
    start = ctx.in_force_from
    if start is None or (trigger.since >= start and (trigger.due is None or trigger.due >= start)):
        return trigger
    answerable = trigger.answerable_from or trigger.since
    due = ctx.counts_from(trigger.due) if trigger.due is not None else None
    return replace(trigger, since=ctx.counts_from(trigger.since), due=due, answerable_from=answerable)


def check_decision(folder: DecisionFolder, profile: Profile, as_of: date, window: int,
                   prepared: Prepared | None = None) -> list[Finding]:
    """The findings of one decision."""
    prepared = prepared or Prepared.of(profile, as_of)
    settings = {rule.id: names for rule, _params, names in prepared.rules}
    findings: list[Finding] = []
    for ctx, rule, _params, triggers in rule_triggers(folder, profile, as_of, window, prepared):
        if triggers:
            findings.extend(_findings(ctx, profile, rule, triggers, settings[rule.id]))
    return findings


def _findings(ctx: Context, profile: Profile, rule: Rule, triggers: list[Trigger],
              local: tuple[str, ...]) -> list[Finding]:
    rule_id = profile.rule_id(rule)
    results = []
    states = []
    for trigger in triggers:
        if trigger.deadline:
            level_since = _deadline_level(rule, trigger, ctx)
            if level_since:
                results.append(_finding(ctx, profile, rule, trigger, *level_since, trigger.due, local))
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
        results.append(_finding(ctx, profile, rule, trigger, level, trigger.since, due, local))
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


def _local_settings(profile: Profile, rule: Rule) -> tuple[str, ...]:
    """The local parameters (``basis = "local"``) that give this rule's findings their date or
    threshold; ``grace_days`` last, for a ``must`` (whose due date it sets)."""
    function = PREDICATES.get(rule.predicate)
    declared = getattr(function, "params", {})
    names = [ref for key, ref in parameter_refs(rule.params).items()
             if declared.get(key) is None or declared[key].shapes_finding]
    if rule.level == "must":
        names.append(GRACE)
    found: list[str] = []
    for name in names:
        parameter = profile.parameters.get(name)
        if parameter is not None and parameter.basis == "local" and name not in found:
            found.append(name)
    return tuple(found)


def _finding(ctx: Context, profile: Profile, rule: Rule, trigger: Trigger, level: str, since: date,
             due: date | None, local: tuple[str, ...]) -> Finding:
    d = ctx.decision
    values = MessageValues(str, {"title": d.title, "decision": d.id, "since": since, "due": due or "", **trigger.values})
    names = local if not trigger.deadline else tuple(name for name in local if name != GRACE)
    settings = {name: ctx.parameters[name] for name in names}
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
        task=rule.task.format_map(values) if rule.task else "",
    )
