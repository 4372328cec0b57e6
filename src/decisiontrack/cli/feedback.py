"""``feedback add / set / withdraw / list``: public opinions (第七条; 任丘第八条)."""

from typing import Annotated

import typer

from decisiontrack.cli._common import (
    DecisionArgument,
    NoCommitOption,
    command,
    decision_root,
    finish,
    group,
    parse_date,
)
from decisiontrack.cli._entries import finish_set, print_entries, register_withdraw

NAME = "feedback"
app = group("公众意见和建议（第七条）。")

CHANNELS = ("letter 信函 | phone 电话（12345热线）| fax 传真 | email 电子邮件 | online 网上 | telegram 电报 | "
            "visit 来访 | meeting 座谈会 | wechat 微信")
STANCES = "support 支持 | oppose 反对 | suggestion 建议 | neutral 中立"
EntryArgument = Annotated[str, typer.Argument(metavar="ENTRY", help="意见文件名（不含 .toml），见 feedback list。")]


def _choices(channel: str | None, stance: str | None) -> dict:
    from decisiontrack.model.feedback import CHANNEL_ALIASES, CHANNEL_LABELS, STANCE_LABELS
    from decisiontrack.vocabulary import choose_optional

    return {"channel": choose_optional(channel, CHANNEL_LABELS, "--channel", CHANNEL_ALIASES),
            "stance": choose_optional(stance, STANCE_LABELS, "--stance")}


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

    given = {"received_on": parse_date(received_on, "--received-on"), **_choices(channel, stance)}
    root = decision_root(decision_id)
    values = fill_missing(
        given,
        [
            Ask("received_on", "--received-on", "收到日期", "date"),
            Ask("channel", "--channel", "渠道", "choice", CHANNEL_LABELS),
            Ask("stance", "--stance", "态度", "choice", STANCE_LABELS),
        ],
    )
    submitter = {"name": submitter_name or "", "contact": submitter_contact or ""}
    _, change = add_opinion(root, decision_id, {**values, "summary": summary, "submitter": submitter}, commit=not no_commit)
    finish(root, change)


@command(app, "set")
def set_fields(
    decision_id: DecisionArgument,
    entry_id: EntryArgument,
    received_on: Annotated[str | None, typer.Option(help="收到日期。")] = None,
    channel: Annotated[str | None, typer.Option(help=f"渠道：{CHANNELS}。")] = None,
    stance: Annotated[str | None, typer.Option(help=f"态度：{STANCES}。")] = None,
    summary: Annotated[str | None, typer.Option(help="意见摘要。")] = None,
    submitter_name: Annotated[str | None, typer.Option(help="提出人姓名（个人信息）；写 \"\" 清除。")] = None,
    submitter_contact: Annotated[str | None, typer.Option(help="提出人联系方式（个人信息）；写 \"\" 清除。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """更正一条公众意见：只改给出的选项，文件名不变，注释和其他内容保留。"""
    from decisiontrack.ops.entries import set_entry

    fields = {"received_on": parse_date(received_on, "--received-on"), **_choices(channel, stance), "summary": summary}
    fields = {key: value for key, value in fields.items() if value is not None}
    submitter = {key: value or None for key, value in (("name", submitter_name), ("contact", submitter_contact))
                 if value is not None}
    if submitter:
        fields["submitter"] = submitter
    root = decision_root(decision_id)
    _, change = set_entry(root, decision_id, "feedback", entry_id, fields, commit=not no_commit)
    finish_set(root, change, "意见", entry_id)


register_withdraw(app, "feedback", "意见", "ENTRY")


@command(app, "list")
def list_opinions(
    decision_id: DecisionArgument,
    show_personal: Annotated[bool, typer.Option("--show-personal", help="显示提出人的姓名和联系方式。")] = False,
) -> None:
    """列出一项决策收到的公众意见（默认隐藏个人信息；已撤回的注明撤回日期）。"""
    from decisiontrack.model.feedback import CHANNEL_LABELS, STANCE_LABELS

    def row(o, entry) -> list[str]:
        return [str(o.received_on), CHANNEL_LABELS[o.channel], STANCE_LABELS[o.stance], o.summary, entry.stem]

    def personal(o) -> list[str]:
        return [o.submitter.name if o.submitter else "", o.submitter.contact if o.submitter else ""]

    print_entries(decision_id, "feedback", "公众意见", ["日期", "渠道", "态度", "摘要", "文件"], row,
                  (["提出人", "联系方式"], personal) if show_personal else None)
