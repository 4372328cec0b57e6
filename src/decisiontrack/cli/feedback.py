"""``feedback add / list``: public opinions (第七条; 任丘第八条)."""

from typing import Annotated

import typer

from decisiontrack.cli._common import (
    DecisionArgument,
    NoCommitOption,
    command,
    finish,
    parse_date,
    workspace_root,
)

NAME = "feedback"
app = typer.Typer(help="公众意见和建议（第七条）。", no_args_is_help=True)

CHANNELS = "letter 信函 | phone 电话 | fax 传真 | email 电子邮件 | online 网上 | telegram 电报 | visit 来访 | meeting 座谈会"
STANCES = "support 支持 | oppose 反对 | suggestion 建议 | neutral 中立"


@command(app, "add")
def add(
    decision_id: DecisionArgument,
    received_on: Annotated[str | None, typer.Option(help="收到日期。")] = None,
    channel: Annotated[str | None, typer.Option(help=f"渠道：{CHANNELS}。")] = None,
    stance: Annotated[str | None, typer.Option(help=f"态度：{STANCES}。")] = None,
    summary: Annotated[str, typer.Option(help="意见摘要。")] = "",
    submitter_name: Annotated[str | None, typer.Option(help="提出人姓名（个人信息）。")] = None,
    submitter_contact: Annotated[str | None, typer.Option(help="提出人联系方式（个人信息）。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录一条公众意见（写入 feedback/ 下的新文件）。"""
    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.model.feedback import CHANNEL_LABELS, STANCE_LABELS
    from decisiontrack.ops.entries import add_opinion

    root = workspace_root()
    values = fill_missing(
        {"received_on": parse_date(received_on, "--received-on"), "channel": channel, "stance": stance},
        [
            Ask("received_on", "--received-on", "收到日期", "date"),
            Ask("channel", "--channel", "渠道", "choice", CHANNEL_LABELS),
            Ask("stance", "--stance", "态度", "choice", STANCE_LABELS),
        ],
    )
    submitter = {"name": submitter_name or "", "contact": submitter_contact or ""}
    _, change = add_opinion(root, decision_id, {**values, "summary": summary, "submitter": submitter}, commit=not no_commit)
    finish(root, change)


@command(app, "list")
def list_opinions(
    decision_id: DecisionArgument,
    show_personal: Annotated[bool, typer.Option("--show-personal", help="显示提出人的姓名和联系方式。")] = False,
) -> None:
    """列出一项决策收到的公众意见（默认隐藏个人信息）。"""
    from decisiontrack.cli import _console
    from decisiontrack.model.feedback import CHANNEL_LABELS, STANCE_LABELS
    from decisiontrack.ops.folders import open_decision

    problems: list = []
    folder = open_decision(workspace_root(), decision_id, problems)
    columns = ["日期", "渠道", "态度", "摘要", "文件"] + (["提出人", "联系方式"] if show_personal else [])
    grid = _console.table(*columns, title=f"{decision_id} 的公众意见（共 {len(folder.opinions)} 条）")
    for entry in sorted(folder.opinions, key=lambda e: (e.record.received_on, e.path)):
        o = entry.record
        row = [str(o.received_on), CHANNEL_LABELS[o.channel], STANCE_LABELS[o.stance], o.summary, entry.stem]
        if show_personal:
            row += [o.submitter.name if o.submitter else "", o.submitter.contact if o.submitter else ""]
        grid.add_row(*row)
    _console.out().print(grid)
    from decisiontrack.cli.decision import _report_errors

    _report_errors([p for p in problems if p.severity == "error"])
