"""A profile: one regulation as data (SPEC §3) — parameters, rules, vocabularies, templates.

Profiles are validated as strictly as records are leniently: an unknown key is an error here,
because a typo in a rule silently disables a legal duty. The law stays beside its code: every
rule quotes the words of its article (``quote``) and every parameter says whether its number is
written in the text (``basis = "statute"``) or is the office's reading of a vague word such as
及时 or 较多 (``basis = "local"``), OpenFisca-style, with dated values so that a changed setting
never rewrites the answer of an earlier day.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from decisiontrack.model.decision import Status

Level = Literal["overdue", "must", "due-soon", "may", "info"]
LEVELS: tuple[str, ...] = ("overdue", "must", "due-soon", "may", "info")
LEVEL_LABELS = {"overdue": "已逾期", "must": "应当", "due-soon": "即将到期", "may": "可以", "info": "提示"}

Basis = Literal["statute", "local"]
BASIS_LABELS = {"statute": "法定", "local": "本地设定"}

Scalar = int | float | bool | str


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Parameter(Strict):
    """A number the rules use: its value (or dated values), where it comes from, and how to say it.

    ``values`` maps the day a value took effect to the value: ``{ 2024-01-08 = 20, 2025-07-01 = 30 }``.
    A plain ``grace_days = 90`` in an office's own profile is read as ``value = 90`` without a basis.
    """

    value: Scalar | None = None
    values: dict[date, Scalar] | None = None
    basis: Basis | None = None
    reference: str = ""
    label: str = ""
    unit: str = ""

    @field_validator("values", mode="before")
    @classmethod
    def _dated_keys(cls, values: Any) -> Any:
        """TOML keys are strings: ``2024-01-08`` becomes a date (an impossible one is an error)."""
        if not isinstance(values, dict):
            return values
        result = {}
        for key, value in values.items():
            if isinstance(key, date):
                result[key] = value
                continue
            try:
                result[date.fromisoformat(str(key))] = value
            except ValueError:
                raise ValueError(f"values 的键“{key}”应为生效日期，如 2024-01-08") from None
        return result

    @model_validator(mode="after")
    def _one_value(self) -> Parameter:
        if (self.value is None) == (self.values is None):
            raise ValueError("参数应当写 value（一个值）或 values（按生效日期的多个值）之一")
        if self.values is not None and not self.values:
            raise ValueError("values 不能为空")
        kinds = {_kind(v) for v in self.all_values()}
        if len(kinds) > 1:
            raise ValueError("参数的各个值类型应当相同")
        return self

    def on(self, day: date | None) -> Scalar:
        """The value in force on ``day`` (before the first dated value: the first one)."""
        if self.values is None:
            return self.value  # type: ignore[return-value]
        dated = sorted(self.values.items())
        current = dated[0][1]
        for since, value in dated:
            if day is not None and since <= day:
                current = value
        return current

    def all_values(self) -> list[Scalar]:
        """Every value the parameter ever had (for range checks)."""
        return list(self.values.values()) if self.values is not None else [self.value]  # type: ignore[list-item]

    def spoken(self, value: Scalar) -> str:
        """``报告期限7日``: how a finding names the setting it used."""
        return f"{self.label}{value}{self.unit}" if self.label else f"{value}{self.unit}"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


class Rule(Strict):
    """One duty of the regulation: where it is written, its own words, how strong, when it fires."""

    id: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
    article: str = Field(min_length=2)
    quote: str | list[str] = ""
    level: Level
    predicate: str
    message: str = Field(min_length=1)
    task: str = ""
    """应办事项: what is to be done, in a few words, for the leader's brief (the message says why);
    the same ``{placeholders}`` as the message. Without it the brief quotes the message."""
    warn_due_soon: bool = False
    asks_evaluation: bool = False
    params: dict[str, Any] = Field(default_factory=dict)

    @property
    def quotes(self) -> list[str]:
        """The quoted words as a list (one passage or several, e.g. of two articles)."""
        return [self.quote] if isinstance(self.quote, str) and self.quote else list(self.quote or [])


class SubItem(Strict):
    """A required sub-item of a report section (e.g. the six contents of 第十八条)."""

    heading: str
    article: str
    guidance: str = ""


PREFILL_BLOCKS = ("decision", "plan", "opinions", "events", "inspections", "indicators", "evaluation", "triggers",
                  "inspection", "rectifications", "annual")
"""Blocks of recorded facts a section may prefill (the last three only in their own documents)."""


class Section(Strict):
    """A required section of a report, in order; ``prefill`` names blocks of recorded facts.

    ``basis = "local"`` marks a section the office added from practice, not from the article.
    """

    heading: str
    article: str
    guidance: str = ""
    prefill: str | list[str] | None = None
    outcome: bool = False
    basis: Basis = "statute"
    subitems: list[SubItem] = Field(default_factory=list)

    @field_validator("prefill")
    @classmethod
    def _known_blocks(cls, prefill: str | list[str] | None) -> str | list[str] | None:
        names = [prefill] if isinstance(prefill, str) else list(prefill or [])
        unknown = [name for name in names if name not in PREFILL_BLOCKS]
        if unknown:
            raise ValueError(f"预填块“{'、'.join(unknown)}”无效，可选：{'、'.join(PREFILL_BLOCKS)}")
        return prefill

    @property
    def prefills(self) -> list[str]:
        """The prefilled blocks as a list (one name or several)."""
        if self.prefill is None:
            return []
        return [self.prefill] if isinstance(self.prefill, str) else list(self.prefill)


TemplateKind = Literal["evaluation-report", "progress-report", "evaluation-plan", "inspection-report", "annual-plan"]


class ReportTemplate(Strict):
    """A report the regulation requires: its sections and the Markdown file that lays it out.

    ``basis = "local"`` marks a template of local practice (e.g. the 督查报告, whose contents
    第十条 does not list).
    """

    kind: TemplateKind
    title: str
    article: str
    basis: Basis = "statute"
    categories: list[str] = Field(default_factory=list)
    file: str | None = None
    sections: list[Section]


class Vocabularies(Strict):
    """Methods (第十七条) and outcomes by decision category (``default`` for the rest); both optional."""

    methods: list[str] = Field(default_factory=list)
    outcomes: dict[str, dict[str, str]] = Field(default_factory=dict)

    @field_validator("outcomes")
    @classmethod
    def _has_default(cls, outcomes: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        if outcomes and "default" not in outcomes:
            raise ValueError("outcomes 必须有 default 一组（适用于未单独列出的决策类别）")
        return outcomes


class Profile(Strict):
    """A whole regulation; ``parameters`` hold the defaults a workspace may override.

    ``effective_from`` is the day the 办法 took effect: no finding is dated before it.
    ``text`` names the file holding the 办法's words (next to the profile), against which every
    ``quote`` is checked. ``export public`` cites ``publication_articles`` for what it publishes and
    ``secrecy_articles`` for what it withholds — the workspace's own 办法, nothing else.

    ``status_words`` maps the text's own words for what becomes of a decision (继续执行, 停止执行,
    修改 …) to the statuses of decision.toml: ``decision status`` accepts them, and an outcome's
    label says which status carries it out.
    """

    name: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
    title: str
    document_number: str = ""
    issuer: str = ""
    effective_from: date | None = None
    effective_reference: str = ""
    text: str = ""
    publication_articles: str = ""
    secrecy_articles: str = ""
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    rules: list[Rule]
    vocabularies: Vocabularies = Field(default_factory=Vocabularies)
    status_words: dict[str, Status] = Field(default_factory=dict)
    templates: list[ReportTemplate] = Field(default_factory=list)

    @field_validator("parameters", mode="before")
    @classmethod
    def _plain_values(cls, parameters: Any) -> Any:
        """``grace_days = 90`` (today's docs) is a parameter with a value and no stated basis."""
        if not isinstance(parameters, dict):
            return parameters
        return {key: value if isinstance(value, dict | Parameter) else {"value": value}
                for key, value in parameters.items()}

    @model_validator(mode="after")
    def _unique_rules(self) -> Profile:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"规则编号 {rule.id} 重复")
            seen.add(rule.id)
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

    def values_on(self, day: date | None) -> dict[str, Scalar]:
        """Every parameter's value in force on ``day``."""
        return {name: parameter.on(day) for name, parameter in self.parameters.items()}

    def in_force_on(self, day: date) -> bool:
        """False for a day before the 办法 took effect."""
        return self.effective_from is None or day >= self.effective_from

    def status_for_outcome(self, category: str, outcome: str) -> str | None:
        """The status that carries out an outcome (调整 → amended), by its label's status word."""
        label = self.outcomes_for(category).get(outcome)
        return self.status_words.get(label) if label is not None else None

    def outcomes_for(self, category: str) -> dict[str, str]:
        """The outcomes an evaluation of a decision of this category may name (第二十条); may be empty."""
        outcomes = self.vocabularies.outcomes
        return outcomes.get(category, outcomes.get("default", {}))

    def all_outcomes(self) -> set[str]:
        """Every outcome id of every category (what a rule's ``outcomes`` may name)."""
        return {key for group in self.vocabularies.outcomes.values() for key in group}

    def template(self, kind: str, category: str | None = None) -> ReportTemplate | None:
        """The template of this kind for this category (a template without categories fits all)."""
        fitting = [t for t in self.templates if t.kind == kind]
        for template in fitting:
            if category is not None and category in template.categories:
                return template
        return next((t for t in fitting if not t.categories), None)
