"""Opinions exported from a 12345 hotline, a government website or a letters office, row by row.

Each row is one opinion (Ordos 第七条; 任丘第八条): received time, channel, content, and the
submitter's name and phone — which go to ``[submitter]`` (personal information, hidden unless
asked) and are taken out of the summary where the content repeats them. Every opinion keeps its
``source`` (``12345工单.xlsx#7``): importing the same file again adds nothing, while two identical
complaints on one day stay two opinions, because they count toward 较多意见 (第十一条第（三）项).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from decisiontrack.intake import values
from decisiontrack.intake.columns import Column, Places, data_rows, locate_header, parse_mapping
from decisiontrack.intake.tables import Table, read_tables
from decisiontrack.model.feedback import CHANNEL_ALIASES as MODEL_CHANNEL_ALIASES
from decisiontrack.model.feedback import CHANNEL_LABELS, STANCE_LABELS

COLUMNS = (
    Column("received", "收到时间", ("受理时间", "来电时间", "来信时间", "来访时间", "登记时间", "提交时间", "留言时间",
                                "反映时间", "工单时间", "创建时间", "收到日期", "受理日期", "来电日期", "日期", "时间")),
    Column("channel", "渠道", ("来源", "来源渠道", "受理渠道", "反映渠道", "诉求渠道", "反映方式", "方式", "途径")),
    Column("summary", "内容", ("诉求内容", "意见内容", "来电内容", "反映内容", "留言内容", "工单内容", "意见摘要",
                             "摘要", "主要内容", "问题描述", "意见建议")),
    Column("name", "姓名", ("来电人", "来信人", "来访人", "反映人", "提出人", "诉求人", "留言人", "联系人", "市民姓名")),
    Column("contact", "联系电话", ("电话", "来电号码", "电话号码", "手机", "手机号码", "联系方式")),
    Column("stance", "态度", ("意见倾向", "意见类型", "诉求类型", "类型")),
)

CHANNEL_ALIASES = {
    **MODEL_CHANNEL_ALIASES, "电话": "phone",
    "网站": "online", "网上": "online", "网络": "online", "来信": "letter", "信函": "letter",
    "来访": "visit", "电子邮件": "email", "邮件": "email", "传真": "fax", "微信": "wechat",
}
"""The words of hotline and website exports (issue 13), besides the model's own labels and aliases."""

STANCE_ALIASES = {
    "赞成": "support", "同意": "support", "表扬": "support", "不同意": "oppose", "投诉": "oppose",
    "咨询": "neutral", "求助": "neutral", "意见建议": "suggestion",
}
"""Hotline request types read as stances: a complaint (投诉) opposes, a question (咨询) is neutral."""

NAME_MARK = "［提出人］"
CONTACT_MARK = "［联系方式已隐去］"


@dataclass
class HotlineRow:
    """One opinion: its fields, and the cell each came from."""

    number: int
    source: str
    fields: dict = field(default_factory=dict)
    places: Places | None = None
    failed: bool = False


@dataclass
class Hotline:
    """The opinions of one sheet, and every problem of every cell."""

    table: Table
    header_row: int
    rows: list[HotlineRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)


def read_hotline(path: Path, *, channel: str | None = None, stance: str = "suggestion",
                 sheet: str | None = None, mapping: list[str] | None = None) -> Hotline:
    """Read every row; ``channel`` is needed when the file has no channel column."""
    from decisiontrack.errors import UserError

    chosen = parse_mapping(mapping or [], COLUMNS)
    tables = read_tables(path)
    several = sum(t.sheet is not None for t in tables) > 1
    table, header = locate_header(tables, sheet, COLUMNS, chosen, _is_hotline_header,
                                  "时间列和内容列，如“受理时间”和“诉求内容”")
    if "channel" not in header.columns and channel is None:
        raise UserError(f"{path.name} 没有渠道列；请用 --channel 指明这些意见的渠道（如 --channel 12345热线）")
    default_channel = _option(parse_channel, channel, "--channel") if channel is not None else None
    default_stance = _option(parse_stance, stance, "--stance")
    result = Hotline(table, header.row, unrecognised=header.unrecognised)
    for number, given in data_rows(table, header):
        source = f"{path.name}#{table.sheet}!{number}" if several else f"{path.name}#{number}"
        row = HotlineRow(number, source, places=header.places(table, number))
        row.fields = {"channel": default_channel, "stance": default_stance, "source": source}
        for key, value in given.items():
            try:
                _convert(row, key, value)
            except ValueError as error:
                result.problems.append(f"{row.places[key]}：{error}")
                row.failed = True
        _keep_personal_out(row.fields)
        result.rows.append(row)
    return result


def _is_hotline_header(keys: set[str]) -> bool:
    """A time and a content: what makes a row the header of an opinion export."""
    return "received" in keys and "summary" in keys


def parse_channel(value) -> str:
    """A channel from its label, an alias, or a longer name holding one (``12345政务服务便民热线``)."""
    try:
        return values.parse_choice(value, CHANNEL_LABELS, "渠道", CHANNEL_ALIASES)
    except ValueError:
        written = values.clean(value)
        words = {**{label: key for key, label in CHANNEL_LABELS.items()}, **CHANNEL_ALIASES}
        found = {key for word, key in words.items() if word in written}
        if len(found) == 1:
            return found.pop()
        accepted = "、".join(dict.fromkeys([*CHANNEL_ALIASES, *CHANNEL_LABELS.values()]))
        raise ValueError(f"渠道“{written}”无法识别；可写：{accepted}") from None


def parse_stance(value) -> str:
    """A stance from its label, its key, or a hotline request type (投诉, 咨询 …)."""
    return values.parse_choice(value, STANCE_LABELS, "态度", STANCE_ALIASES)


def _option(parse, value, option: str) -> str:
    """A value given on the command line: a bad one is a usage error naming the option (exit 2)."""
    from decisiontrack.errors import UserError

    try:
        return parse(value)
    except ValueError as error:
        raise UserError(f"{option}：{error}") from None


def _convert(row: HotlineRow, key: str, value) -> None:
    if key == "received":
        if values.clean(value) == "":
            raise ValueError("不能为空：请填写收到时间")
        day, moment = values.parse_moment(value)
        row.fields["received_on"] = day
        if moment is not None:
            row.fields["received_at"] = moment
    elif key == "channel":
        if values.clean(value):
            row.fields["channel"] = parse_channel(value)
        elif row.fields["channel"] is None:
            raise ValueError("不能为空：请填写渠道，或用 --channel 指明空白行的渠道")
    elif key == "stance":
        if values.clean(value):
            row.fields["stance"] = parse_stance(value)
    elif key == "summary":
        row.fields["summary"] = values.text(value)
    else:  # name, contact
        row.fields.setdefault("submitter", {})[key] = values.text(value)


def _keep_personal_out(fields: dict) -> None:
    """The submitter's own name and number never stay in the summary (they are in ``[submitter]``)."""
    submitter = {k: v for k, v in fields.pop("submitter", {}).items() if v}
    if not submitter:
        return
    fields["submitter"] = submitter
    summary = fields.get("summary", "")
    for key, mark in (("contact", CONTACT_MARK), ("name", NAME_MARK)):
        value = submitter.get(key, "")
        if len(value) >= 2:
            summary = summary.replace(value, mark)
    fields["summary"] = summary
