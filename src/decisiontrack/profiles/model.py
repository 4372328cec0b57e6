"""A profile: one regulation as data (SPEC §3) — parameters, rules, vocabularies, templates.

Profiles are validated as strictly as records: unknown keys are errors here, because a typo in
a rule silently disables a legal duty.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from decisiontrack.model.decision import Status

Level = Literal["overdue", "must", "due-soon", "may", "info"]
LEVELS: tuple[str, ...] = ("overdue", "must", "due-soon", "may", "info")
LEVEL_LABELS = {"overdue": "已逾期", "must": "应当", "due-soon": "即将到期", "may": "可以", "info": "提示"}

PREDICATES = (
    "missing-plan",
    "open-deadline",
    "progress-cadence",
    "unreported-event",
    "event",
    "opinion-volume",
    "anniversary",
    "period-midpoint",
    "period-end",
    "before-expiry",
    "annual-plan",
    "missing-stage",
    "deadline-after-stage",
    "outcome-status",
    "unpublished",
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Rule(Strict):
    """One duty of the regulation: where it is written, how strong it is, when it fires."""

    id: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
    article: str = Field(min_length=2)
    level: Level
    predicate: Literal[PREDICATES]  # type: ignore[valid-type]
    message: str = Field(min_length=1)
    warn_due_soon: bool = False
    asks_evaluation: bool = False
    params: dict[str, Any] = Field(default_factory=dict)


class SubItem(Strict):
    """A required sub-item of a report section (e.g. the six contents of 第十八条)."""

    heading: str
    article: str
    guidance: str = ""


class Section(Strict):
    """A required section of a report, in order; ``prefill`` names blocks of recorded facts."""

    heading: str
    article: str
    guidance: str = ""
    prefill: str | list[str] | None = None
    outcome: bool = False
    subitems: list[SubItem] = Field(default_factory=list)

    @property
    def prefills(self) -> list[str]:
        """The prefilled blocks as a list (one name or several)."""
        if self.prefill is None:
            return []
        return [self.prefill] if isinstance(self.prefill, str) else list(self.prefill)


class ReportTemplate(Strict):
    """A report the regulation requires: its sections and the Markdown file that lays it out."""

    kind: Literal["evaluation-report", "progress-report", "evaluation-plan"]
    title: str
    article: str
    categories: list[str] = Field(default_factory=list)
    file: str | None = None
    sections: list[Section]


class Vocabularies(Strict):
    """Methods (第十七条) and outcomes by decision category (``default`` for the rest)."""

    methods: list[str] = Field(default_factory=list)
    outcomes: dict[str, dict[str, str]]

    @field_validator("outcomes")
    @classmethod
    def _has_default(cls, outcomes: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        if "default" not in outcomes:
            raise ValueError("outcomes 必须有 default 一组（适用于未单独列出的决策类别）")
        return outcomes


class Profile(Strict):
    """A whole regulation; ``parameters`` hold the defaults a workspace may override.

    ``status_words`` maps the text's own words for what becomes of a decision (继续执行, 停止执行,
    修改 …) to the statuses of decision.toml: ``decision status`` accepts them, and an outcome's
    label says which status carries it out.
    """

    name: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
    title: str
    document_number: str = ""
    issuer: str = ""
    parameters: dict[str, int | float | bool | str] = Field(default_factory=dict)
    rules: list[Rule]
    vocabularies: Vocabularies
    status_words: dict[str, Status] = Field(default_factory=dict)
    templates: list[ReportTemplate] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"规则编号 {rule.id} 重复")
            seen.add(rule.id)
            for key, value in rule.params.items():
                if isinstance(value, str) and value.startswith("$") and value[1:] not in self.parameters:
                    raise ValueError(f"规则 {rule.id} 的参数 {key} 引用了未定义的参数 {value}")
        return self

    def rule_id(self, rule: Rule) -> str:
        """The full id, ``<profile>/<article id>``, as evaluations cite it in ``addresses``."""
        return f"{self.name}/{rule.id}"

    def rule(self, full_id: str) -> Rule | None:
        """The rule with a full id such as ``ordos-2024/12.3``."""
        prefix, _, short = full_id.partition("/")
        if prefix != self.name:
            return None
        return next((r for r in self.rules if r.id == short), None)

    def status_for_outcome(self, category: str, outcome: str) -> str | None:
        """The status that carries out an outcome (调整 → amended), by its label's status word."""
        label = self.outcomes_for(category).get(outcome)
        return self.status_words.get(label) if label is not None else None

    def outcomes_for(self, category: str) -> dict[str, str]:
        """The outcomes an evaluation of a decision of this category may name (第二十条)."""
        return self.vocabularies.outcomes.get(category, self.vocabularies.outcomes["default"])

    def template(self, kind: str, category: str | None = None) -> ReportTemplate | None:
        """The template of this kind for this category (a template without categories fits all)."""
        fitting = [t for t in self.templates if t.kind == kind]
        for template in fitting:
            if category is not None and category in template.categories:
                return template
        return next((t for t in fitting if not t.categories), None)
