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
    """显示一部办法：施行日期，规则（编号、条款、级别、条文原文），参数（法定或本地设定）。"""
    from decisiontrack.cli._console import out, table
    from decisiontrack.profiles import read_profile
    from decisiontrack.profiles.model import BASIS_LABELS, LEVEL_LABELS

    profile = read_profile(name)
    console = out()
    console.print(f"{profile.title} {profile.document_number}".strip(), style="bold")
    if profile.effective_from:
        reference = f"（{profile.effective_reference}）" if profile.effective_reference else ""
        console.print(f"施行日期：{profile.effective_from}{reference}")
    else:
        console.print("施行日期：办法文件未写明（effective_from）")
    rules = table("规则", "条款", "级别", "判断方式", "条文原文", wide="条文原文")
    for rule in profile.rules:
        level = LEVEL_LABELS[rule.level] + ("/即将到期" if rule.warn_due_soon else "")
        quote = "……".join(rule.quotes) or "（未写明）"
        rules.add_row(profile.rule_id(rule), rule.article, level, rule.predicate, quote)
    console.print(rules)
    params = table("参数", "值", "依据", "条款和用语", "说明", wide="条款和用语")
    for key, parameter in profile.parameters.items():
        if parameter.values is not None:
            value = "；".join(f"{day} 起 {v}" for day, v in sorted(parameter.values.items()))
        else:
            value = str(parameter.value)
        basis = BASIS_LABELS.get(parameter.basis or "", "未注明")
        params.add_row(key, f"{value}{parameter.unit}", basis, parameter.reference or "—", parameter.label or "—")
    console.print(params)
    console.print("依据：法定 = 条文写明的数；本地设定 = 本机关对“及时”“较多”等用语的设定，检查结果会注明“按本地设定”。")
