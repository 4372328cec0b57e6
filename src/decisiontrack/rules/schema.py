"""What each predicate accepts: its parameters (name, type, range, required) and the vocabularies.

A profile is the law as data; a typo in it must never silently disable a duty. Each predicate
function declares its parameters with :func:`takes`; :func:`rule_problems` checks every rule of a
profile against them (and the ``$name`` references against ``[parameters]``) and names the line.

Example::

    @takes(Param("days", "int", required=True, min=1))
    def unreported_event(ctx, params): ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from decisiontrack.model.decision import CATEGORY_LABELS, CLASSIFICATION_LABELS, STATUS_LABELS
from decisiontrack.model.evaluation import STAGES
from decisiontrack.model.event import EVENT_LABELS

FLAG_LABELS = {
    "broad_impact": "对公民权利义务发生普遍影响",
    "public_concern": "群众普遍关注",
    "continue_intended": "有效期届满后拟继续实施",
}
ITEM_LABELS = {"milestones": "时间节点（plan.toml）", "rectifications": "整改事项（inspections/）"}
PLAN_PART_LABELS = {"people": "责任人员", "milestones": "时间节点", "methods": "方法步骤（methods 或 steps）"}

VOCABULARIES: dict[str, dict[str, str]] = {
    "kinds": EVENT_LABELS,
    "categories": CATEGORY_LABELS,
    "flags": FLAG_LABELS,
    "stages": STAGES,
    "statuses": STATUS_LABELS,
    "classifications": CLASSIFICATION_LABELS,
    "items": ITEM_LABELS,
    "plan_parts": PLAN_PART_LABELS,
}
"""Fixed vocabularies a parameter may draw from; ``outcomes`` come from the profile itself."""

VOCABULARY_TITLES = {
    "kinds": "事实类型（events 的 kind）",
    "categories": "决策类别（decision.toml 的 category）",
    "flags": "决策标志（decision.toml 中为 true 的项）",
    "stages": "评估阶段（evaluation.toml 中的 <阶段>_on）",
    "statuses": "决策状态（decision.toml 的 status）",
    "classifications": "密级（classification）",
    "items": "有期限的事项",
    "plan_parts": "跟踪反馈工作方案的内容（第六条）",
    "outcomes": "评估结论（办法文件 [vocabularies.outcomes] 中的编号）",
}


@dataclass(frozen=True)
class Param:
    """One parameter of a predicate.

    ``kind``: ``int`` (whole number, may be ``"$name"``), ``bool``, ``one`` (a word of
    ``vocabulary``), ``list`` (a list of such words) or ``one-or-list``. ``shapes_finding`` is
    false for a setting that can only remove a finding (early credit), so a finding never cites it.
    """

    name: str
    kind: str
    doc: str
    vocabulary: str | None = None
    required: bool = False
    min: int | None = None
    max: int | None = None
    shapes_finding: bool = True


COMMON = (
    Param("categories", "list", "只适用于这些类别的决策（任一）", "categories"),
    Param("flags", "list", "只适用于这些标志之一为真的决策", "flags"),
    Param("flag_categories", "list", "flags 只对这些类别的决策有效（缺省：任何类别）", "categories"),
    Param("in_force_only", "bool", "只适用于检查之日状态为执行中的决策"),
)
"""The filters every predicate accepts (applied by the engine before the predicate runs)."""

ENGINE_PARAMETERS = {"grace_days": (1, 3650), "early_credit_days": (0, 3650)}
"""Parameters the engine itself reads, with their ranges."""


def takes(*params: Param, one_of: tuple[str, ...] = ()) -> Callable:
    """Declare the parameters of a predicate function (the common filters are added); ``one_of``
    names parameters of which exactly one must be given."""

    def declare(function: Callable) -> Callable:
        function.params = {p.name: p for p in (*params, *COMMON)}  # type: ignore[attr-defined]
        function.one_of = one_of  # type: ignore[attr-defined]
        return function

    return declare


def parameter_refs(rule_params: dict[str, Any]) -> dict[str, str]:
    """``{"days": "event_report_days"}`` for each ``"$name"`` value of a rule's params."""
    return {key: value[1:] for key, value in rule_params.items() if isinstance(value, str) and value.startswith("$")}


def rule_problems(profile, predicates: dict[str, Callable]) -> list[tuple[tuple, str]]:
    """Every mistake in the rules of a profile, as ``(location, message)``.

    A location is a key path such as ``("rules", 3, "params", "kinds")``; the loader turns it
    into a line of the file.
    """
    problems: list[tuple[tuple, str]] = []
    outcomes = profile.all_outcomes()
    for index, rule in enumerate(profile.rules):
        here = ("rules", index)
        function = predicates.get(rule.predicate)
        if function is None:
            listed = "、".join(predicates)
            problems.append(((*here, "predicate"), f"rules[{index}].predicate 的值“{rule.predicate}”无效，可选值：{listed}"))
            continue
        declared = function.params
        for key, value in rule.params.items():
            where = (*here, "params", key)
            param = declared.get(key)
            if param is None:
                problems.append((where, _unknown_param(rule, key, declared)))
                continue
            problems += [(where, f"规则 {rule.id} 的参数 {key}：{message}")
                         for message in _check_value(param, value, profile, outcomes)]
        for param in declared.values():
            if param.required and param.name not in rule.params:
                problems.append(((*here, "params"), f"规则 {rule.id}（{rule.predicate}）缺少必填参数 {param.name}：{param.doc}"))
        given = [name for name in function.one_of if name in rule.params]
        if function.one_of and len(given) != 1:
            listed = "、".join(function.one_of)
            problems.append(((*here, "params"), f"规则 {rule.id}（{rule.predicate}）的参数 {listed} 应当写且只写一个"))
    return problems


def _unknown_param(rule, key: str, declared: dict[str, Param]) -> str:
    import difflib

    guess = difflib.get_close_matches(key, list(declared), n=1, cutoff=0.6)
    hint = f"，是否想写 {guess[0]}？" if guess else f"；可用：{'、'.join(declared)}"
    return f"规则 {rule.id} 的判断方式 {rule.predicate} 没有参数 {key}{hint}"


def _check_value(param: Param, value: Any, profile, outcomes: set[str]) -> list[str]:
    if isinstance(value, str) and value.startswith("$"):
        if param.kind != "int":
            return [f"只有数值参数可以引用 [parameters]，{value} 不行"]
        name = value[1:]
        parameter = profile.parameters.get(name)
        if parameter is None:
            return [f"引用了未定义的参数 {value}（[parameters] 中没有 {name}）"]
        return [message for v in parameter.all_values() for message in _check_int(param, v, f"参数 {name} 的值")]
    if param.kind == "int":
        return _check_int(param, value, "值")
    if param.kind == "bool":
        return [] if isinstance(value, bool) else ["应为 true 或 false"]
    words = [value] if param.kind in ("one", "one-or-list") and isinstance(value, str) else value
    if param.kind == "one" and not isinstance(value, str):
        return ["应为一个词（用引号括起来）"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        return ["应为列表，如 [\"…\", \"…\"]"]
    if param.kind in ("list", "one-or-list") and not words:
        return ["列表不能为空"]
    allowed = outcomes if param.vocabulary == "outcomes" else set(VOCABULARIES[param.vocabulary or ""])
    wrong = [w for w in words if w not in allowed]
    if wrong:
        listed = "、".join(sorted(allowed)) or "（办法文件没有定义）"
        return [f"“{'、'.join(wrong)}”不是{VOCABULARY_TITLES[param.vocabulary or '']}，可选值：{listed}"]
    return []


def _check_int(param: Param, value: Any, what: str) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, int):
        return [f"{what} {value!r} 应为整数"]
    if param.min is not None and value < param.min:
        return [f"{what} {value} 太小，应不小于 {param.min}" + ("（期限不能为零或负数）" if param.min == 1 else "")]
    if param.max is not None and value > param.max:
        return [f"{what} {value} 太大，应不大于 {param.max}"]
    return []


def parameter_range(profile, name: str, predicates: dict[str, Callable]) -> tuple[int | None, int | None]:
    """The tightest range of a ``[parameters]`` entry: the engine's own, and every param it feeds."""
    low, high = ENGINE_PARAMETERS.get(name, (None, None))
    lows, highs = [low], [high]
    for rule in profile.rules:
        declared = getattr(predicates.get(rule.predicate), "params", {})
        for key, ref in parameter_refs(rule.params).items():
            if ref == name and key in declared:
                lows.append(declared[key].min)
                highs.append(declared[key].max)
    return (max((v for v in lows if v is not None), default=None),
            min((v for v in highs if v is not None), default=None))
