"""``profile list / show``: the regulations built in, and their rules with articles."""

from typing import Annotated

import typer

from decisiontrack.cli._common import (
    command,
    group,
)

NAME = "profile"
app = group("内置办法（规则、条款、参数）。")


@command(app, "list")
def list_profiles() -> None:
    """列出内置办法。"""
    from decisiontrack.cli._console import out, table
    from decisiontrack.profiles import BUILT_IN, read_profile

    grid = table("名称", "办法", "文号", "规则数")
    for name in BUILT_IN:
        profile = read_profile(name)
        grid.add_row(name, profile.title, profile.document_number or "—", str(len(profile.rules)))
    out().print(grid)


@command(app, "show")
def show(name: Annotated[str, typer.Argument(metavar="P", help="办法名称，或自定义办法文件的路径。")]) -> None:
    """显示一部办法的规则（编号、条款、级别、内容）和参数。"""
    from decisiontrack.cli._console import out, table
    from decisiontrack.profiles import read_profile
    from decisiontrack.profiles.model import LEVEL_LABELS

    profile = read_profile(name)
    console = out()
    console.print(f"{profile.title} {profile.document_number}".strip(), style="bold")
    rules = table("规则", "条款", "级别", "判断方式", "提示内容")
    for rule in profile.rules:
        level = LEVEL_LABELS[rule.level] + ("/即将到期" if rule.warn_due_soon else "")
        rules.add_row(profile.rule_id(rule), rule.article, level, rule.predicate, rule.message)
    console.print(rules)
    params = table("参数", "默认值")
    for key, value in profile.parameters.items():
        params.add_row(key, str(value))
    console.print(params)
