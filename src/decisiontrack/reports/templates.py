"""Find and render the Markdown (Jinja2) templates of a profile's reports.

A built-in profile's templates live in the top-level ``templates/`` folder (installed as
``decisiontrack/templates``); a custom profile's ``file`` is looked up next to the profile file
first, so a city can bring its own layout without touching the code.
"""

from __future__ import annotations

from pathlib import Path

import decisiontrack
from decisiontrack.errors import UserError
from decisiontrack.profiles.model import Profile, ReportTemplate, Section

GENERIC = "generic-report.md"
"""Used when a profile's template names no ``file``."""

KIND_LABELS = {
    "evaluation-report": "评估报告",
    "progress-report": "跟踪反馈报告",
    "evaluation-plan": "评估方案",
    "inspection-report": "督查报告",
    "annual-plan": "年度评估计划",
}


def templates_dir() -> Path:
    """The built-in templates: inside the installed package, else the repository's top level."""
    package = Path(decisiontrack.__file__).parent
    installed = package / "templates"
    return installed if installed.is_dir() else package.parents[1] / "templates"


def generic_report() -> ReportTemplate:
    """The evaluation report of a profile that sets none (e.g. 国务院令第713号, whose 第五章 lists
    no contents): a plain structure of local practice, marked as such."""
    article = "（办法未规定报告内容，通用结构）"

    def section(heading: str, guidance: str, prefill=None, outcome: bool = False) -> Section:
        return Section(heading=heading, article=article, guidance=guidance, prefill=prefill, outcome=outcome,
                       basis="local")

    return ReportTemplate(
        kind="evaluation-report", title="重大行政决策后评估报告", article="", basis="local", sections=[
            section("评估工作的基本情况", "写明评估的缘由、评估单位和人员、评估过程和方法。", ["evaluation", "triggers"]),
            section("决策实施情况", "写明决策的主要内容、实施措施和主要指标的完成情况。", ["decision", "plan", "indicators"]),
            section("听取意见情况", "写明听取社会公众意见和有关方面参与评估的情况。", "opinions"),
            section("存在的问题和改进建议", "写明实施中存在的问题及其原因，提出改进建议。", ["events", "inspections"]),
            section("评估结论和建议", "写明评估结论，以及继续执行、调整或者停止执行等建议。", outcome=True),
        ])


def choose(profile: Profile, kind: str, category: str) -> ReportTemplate:
    """The profile's template of this kind for this category, or a usage error saying so.

    An evaluation report falls back to :func:`generic_report` when the profile has none.
    """
    template = profile.template(kind, category)
    if template is None and kind == "evaluation-report":
        return generic_report()
    if template is None:
        raise UserError(
            f"办法 {profile.name} 没有适用于该类决策的{KIND_LABELS.get(kind, kind)}模板"
            f'（[[templates]] kind = "{kind}"）'
        )
    return template


def render(template: ReportTemplate, context: dict, profile_dir: Path | None = None) -> str:
    """Render the template's Markdown file with ``context`` (undefined names are errors)."""
    import jinja2

    search = [str(profile_dir)] if profile_dir is not None else []
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*search, str(templates_dir())]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    environment.filters["toml"] = toml_value
    name = template.file or GENERIC
    try:
        text = environment.get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        raise UserError(
            f"找不到报告模板文件 {name}（在办法文件所在目录和 {templates_dir()} 中查找）"
        ) from None
    except jinja2.TemplateError as error:
        raise UserError(f"报告模板 {name} 有误：{error}") from None
    return text.rstrip("\n") + "\n"


def toml_value(value) -> str:
    """A value as TOML writes it (strings quoted and escaped) for front matter."""
    import tomli_w

    return tomli_w.dumps({"v": value}).partition("=")[2].strip()
