"""Shared pieces of the rule tests: a workspace per call, findings by rule, records as text."""

from __future__ import annotations

import itertools
from datetime import date

from tests.helpers import decision_toml, workspace

from decisiontrack.profiles import read_profile
from decisiontrack.rules.engine import check_workspace
from decisiontrack.store.loader import load_workspace

_fresh = itertools.count()

PLAN_TEXT = """\
responsible_unit = "规划科"
created_on = {created_on}
methods = ["问卷调查"]
[[people]]
name = "王某"
role = "科长"
[[milestones]]
id = "m1"
title = "年度调查"
due = 2035-12-31
"""


def plan(created_on: str = "2021-12-01", decision: str = "2022-001") -> dict[str, str]:
    """A plan naming people, milestones and methods (第六条), made on ``created_on``."""
    return {f"decisions/{decision}/plan.toml": PLAN_TEXT.format(created_on=created_on)}


PLAN = plan()


def findings(tmp_path, files, as_of, profile="ordos-2024", parameters=None):
    """Check a fresh workspace holding ``files`` on ``as_of``."""
    root = workspace(tmp_path / f"ws{next(_fresh)}", files, profile)
    ws = load_workspace(root)
    assert ws.errors == []
    prof = read_profile(profile, root, parameters)
    return check_workspace(ws, prof, date.fromisoformat(as_of))


def levels(found, rule):
    """(level, since, due) of each finding of ``rule``."""
    return [(f.level, str(f.since), str(f.due) if f.due else None) for f in found if f.rule == rule]


def message(found, rule) -> str:
    return next(f.message for f in found if f.rule == rule)


def evaluation(rule, started_on, eval_id="e1", kind="mid-term", extra="", decision="2022-001"):
    return {f"decisions/{decision}/evaluations/{eval_id}/evaluation.toml": f"""\
        id = "{eval_id}"
        kind = "{kind}"
        addresses = ["{rule}"]
        started_on = {started_on}
        {extra}
        """}


def event(kind, occurred_on, name="20240401-x-0001", extra="", decision="2022-001"):
    return {f"decisions/{decision}/events/{name}.toml": f'kind = "{kind}"\noccurred_on = {occurred_on}\n{extra}'}


def opinions(count, first="2024-01-01", extra="", decision="2022-001"):
    start = date.fromisoformat(first)
    files = {}
    for index in range(count):
        day = date.fromordinal(start.toordinal() + index)
        files[f"decisions/{decision}/feedback/{day:%Y%m%d}-letter-{index:04x}.toml"] = (
            f'received_on = {day}\nchannel = "letter"\nstance = "oppose"\n{extra}')
    return files


def decision(category="plan", effective_from="2022-01-01", effective_until="2026-12-31", extra="", id="2022-001"):
    return {f"decisions/{id}/decision.toml": decision_toml(id, category, effective_from, effective_until, extra)}
