"""``event add / set / reported / withdraw / list``: facts that drive rules 9, 11 and 12."""

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

NAME = "event"
app = group("执行中的事实：依据变化、争议、风险、申请评估等（第九、十一、十二条）。")

KINDS = ("basis-changed 决策依据或客观情况发生重大变化 | force-majeure 发生不可抗力 | below-target 明显未达到预期效果 | "
         "problem 执行中发现严重问题 | controversy 出现较大争议 | major-risk 出现重大风险 | "
         "major-disagreement 出现重大分歧 | evaluation-requested 执行单位申请后评估 | "
         "deemed-necessary 有关机关认为确有必要")
EventArgument = Annotated[str, typer.Argument(metavar="EVENT", help="事实文件名（不含 .toml），见 event list。")]


def _kind(kind: str | None) -> str | None:
    from decisiontrack.model.event import EVENT_LABELS
    from decisiontrack.vocabulary import choose_optional

    return choose_optional(kind, EVENT_LABELS, "--kind")


@command(app, "add")
def add(
    decision_id: DecisionArgument,
    kind: Annotated[str | None, typer.Option(help=f"类型：{KINDS}。")] = None,
    on: Annotated[str | None, typer.Option("--on", help="发生日期。")] = None,
    description: Annotated[str, typer.Option(help="情况说明。")] = "",
    reported_on: Annotated[str | None, typer.Option(help="向决策机关报告的日期（第九条）。")] = None,
    raised_by: Annotated[str, typer.Option(help="提出单位（申请评估或认为有必要的机关）。")] = "",
    no_commit: NoCommitOption = False,
) -> None:
    """记录一项事实（写入 events/ 下的新文件）。"""
    from decisiontrack.cli._prompts import Ask, fill_missing
    from decisiontrack.model.event import EVENT_LABELS
    from decisiontrack.ops.entries import add_event

    given = {"kind": _kind(kind), "occurred_on": parse_date(on, "--on")}
    reported = parse_date(reported_on, "--reported-on")
    root = decision_root(decision_id)
    values = fill_missing(
        given,
        [Ask("kind", "--kind", "类型", "choice", EVENT_LABELS), Ask("occurred_on", "--on", "发生日期", "date")],
    )
    fields = {**values, "description": description, "raised_by": raised_by, "reported_on": reported}
    _, change = add_event(root, decision_id, {k: v for k, v in fields.items() if v is not None}, commit=not no_commit)
    finish(root, change)


@command(app, "set")
def set_fields(
    decision_id: DecisionArgument,
    event_id: EventArgument,
    kind: Annotated[str | None, typer.Option(help=f"类型：{KINDS}。")] = None,
    on: Annotated[str | None, typer.Option("--on", help="发生日期。")] = None,
    description: Annotated[str | None, typer.Option(help="情况说明。")] = None,
    reported_on: Annotated[str | None, typer.Option(help="向决策机关报告的日期（第九条）；写 \"\" 清除。")] = None,
    raised_by: Annotated[str | None, typer.Option(help="提出单位。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """更正一项事实：只改给出的选项，文件名不变，注释和其他内容保留。"""
    from decisiontrack.ops.entries import set_entry

    fields = {"kind": _kind(kind), "occurred_on": parse_date(on, "--on"), "description": description,
              "raised_by": raised_by}
    fields = {key: value for key, value in fields.items() if value is not None}
    if reported_on is not None:
        fields["reported_on"] = parse_date(reported_on, "--reported-on") if reported_on else None
    root = decision_root(decision_id)
    _, change = set_entry(root, decision_id, "events", event_id, fields, commit=not no_commit)
    finish_set(root, change, "事实", event_id)


@command(app, "reported")
def reported(
    decision_id: DecisionArgument,
    event_id: EventArgument,
    on: Annotated[str | None, typer.Option("--on", help="报告日期，默认今天。")] = None,
    no_commit: NoCommitOption = False,
) -> None:
    """记录事实已向决策机关报告（第九条）。"""
    from datetime import date

    from decisiontrack.ops.entries import mark_event_reported

    day = parse_date(on, "--on") or date.today()
    root = decision_root(decision_id)
    change = mark_event_reported(root, decision_id, event_id, day, commit=not no_commit)
    finish(root, change)


register_withdraw(app, "events", "事实", "EVENT")


@command(app, "list")
def list_events(decision_id: DecisionArgument) -> None:
    """列出一项决策记录的事实：日期、类型、报告情况、说明（已撤回的注明撤回日期）。"""
    from decisiontrack.model.event import EVENT_LABELS

    def row(e, entry) -> list[str]:
        return [str(e.occurred_on), EVENT_LABELS[e.kind], str(e.reported_on or "未报告"), e.raised_by, e.description,
                entry.stem]

    print_entries(decision_id, "events", "事实", ["发生日期", "类型", "报告日期", "提出单位", "说明", "文件"], row,
                  wide="说明")
