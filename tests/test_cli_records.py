"""The recording commands as a 法制科 officer uses them: what they write, and what they refuse.

Every refusal is checked three ways: the exit code (2 bad usage or unknown id, 3 invalid data),
the Chinese message, and that nothing on disk changed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import decision_toml, refused, run, snapshot, workspace

PLAN = """\
# 跟踪反馈工作方案（法制科 2022-01-20 审定）
responsible_unit = "市生态环境局规划科"
methods = ["问卷调查"]
"审定人" = "李某"

[[milestones]]
id = "m1"
title = "完成年度跟踪调查"  # 每年6月底前
due = 2024-06-30

[[milestones]]
id = "m2"
title = "形成中期跟踪报告"
due = 2025-06-30
"""

EVENT = """\
# 来源：市环境监测站专报
kind = "problem"
occurred_on = 2024-04-01
description = "部分监测站点数据缺失"
"处理人" = "王某"
"""

INSPECTION = """\
conducted_on = 2024-05-10
method = "onsite"
by = "市人民政府督查室"

[[rectifications]]
id = "r1"
item = "补齐监测台账"  # 督查报告第三部分
due = 2024-08-31

[[rectifications]]
id = "r2"
item = "完善考核办法"
due = 2024-12-31
"""

OPINION = """\
received_on = 2024-03-15
channel = "letter"
stance = "oppose"
summary = "建议延长过渡期"

[submitter]
name = "张某某"
contact = "13800001234"
"""

D = "decisions/2022-001"


@pytest.fixture
def ws(tmp_path) -> Path:
    """A workspace without git holding one five-year plan and its records."""
    return workspace(
        tmp_path / "ws",
        {
            f"{D}/decision.toml": decision_toml(),
            f"{D}/plan.toml": PLAN,
            f"{D}/events/20240401-problem-1a2b.toml": EVENT,
            f"{D}/inspections/20240510-onsite-3c4d.toml": INSPECTION,
            f"{D}/feedback/20240315-letter-5e6f.toml": OPINION,
        },
    )


@pytest.fixture
def empty(tmp_path) -> Path:
    return workspace(tmp_path / "empty", {"decisions/.gitkeep": ""})


def rows(output: str) -> list[list[str]]:
    """The cells of a rich table, one list per line (columns are two or more spaces apart)."""
    return [
        re.split(r"\s{2,}", line.strip())
        for line in output.splitlines()
        if line.strip() and not set(line.strip()) <= {"━", "─"}
    ]



def only_file(folder: Path) -> Path:
    files = sorted(folder.glob("*.toml"))
    assert len(files) == 1, files
    return files[0]


# --- init ----------------------------------------------------------------------


def test_init_without_git_writes_settings_folder_and_gitignore(tmp_path):
    result = run(None, "init", str(tmp_path / "ws"), "--org", "鄂尔多斯市人民政府", "--no-git")
    assert result.exit_code == 0
    assert (
        result.stdout == f"已在 {tmp_path / 'ws'} 新建工作区（办法：ordos-2024）。"
        "下一步：decisiontrack decision add\n"
    )
    assert sorted(snapshot(tmp_path / "ws")) == [
        ".gitignore",
        "decisions/.gitkeep",
        "decisiontrack.toml",
    ]
    assert (tmp_path / "ws" / ".gitignore").read_text(encoding="utf-8") == "out/\n"
    settings = (tmp_path / "ws" / "decisiontrack.toml").read_text(encoding="utf-8")
    assert 'organization = "鄂尔多斯市人民政府"   # 决策机关\n' in settings
    assert 'profile = "ordos-2024"' in settings
    assert not (tmp_path / "ws" / ".git").exists()


def test_init_refuses_an_existing_workspace(ws):
    refused(
        ws,
        2,
        "decisiontrack.toml 已存在：该目录已经是工作区",
        "init",
        str(ws),
        "--org",
        "鄂尔多斯市人民政府",
        "--no-git",
    )


def test_init_without_org_and_without_a_terminal_lists_the_missing_option(tmp_path):
    result = run(None, "init", str(tmp_path / "ws"), "--no-git")
    assert result.exit_code == 2
    assert (
        "缺少必需的选项：--org（决策机关）。没有终端时无法询问，请在命令行中给出" in result.stderr
    )
    assert not (tmp_path / "ws").exists()


# --- decision add / list / show ------------------------------------------------

ADD = (
    "decision",
    "add",
    "--title",
    "鄂尔多斯市公共租赁住房管理办法",
    "--category",
    "policy",
    "--adopted-on",
    "2024-01-08",
    "--effective-from",
    "2024-02-01",
    "--undertaking-unit",
    "市住房和城乡建设局",
)


def test_decision_add_writes_the_decision_with_the_next_free_number(empty):
    result = run(empty, *ADD)
    assert result.exit_code == 0
    assert result.stdout == (
        "已写入 decisions/2024-001/decision.toml\n"
        "已登记决策 2024-001：鄂尔多斯市公共租赁住房管理办法\n"
    )
    assert (
        (empty / "decisions/2024-001/decision.toml").read_text(encoding="utf-8")
        == """\
id = "2024-001"
title = "鄂尔多斯市公共租赁住房管理办法"
category = "policy"
adopted_on = 2024-01-08
effective_from = 2024-02-01
undertaking_unit = "市住房和城乡建设局"
broad_impact = false
public_concern = false
continue_intended = false
classification = "public"
status = "in-force"
summary = ""
"""
    )
    second = run(empty, *ADD)
    assert second.stdout.splitlines()[0] == "已写入 decisions/2024-002/decision.toml"


def test_decision_add_with_every_option(empty):
    result = run(
        empty,
        *ADD,
        "--id",
        "gzf-2024",
        "--doc-number",
        "鄂府发〔2024〕1号",
        "--effective-until",
        "2028-12-31",
        "--broad-impact",
        "--public-concern",
        "--classification",
        "internal",
        "--summary",
        "明确保障对象\n和租金标准",
    )
    assert result.exit_code == 0
    assert (
        (empty / "decisions/gzf-2024/decision.toml").read_text(encoding="utf-8")
        == """\
id = "gzf-2024"
title = "鄂尔多斯市公共租赁住房管理办法"
doc_number = "鄂府发〔2024〕1号"
category = "policy"
adopted_on = 2024-01-08
effective_from = 2024-02-01
effective_until = 2028-12-31
undertaking_unit = "市住房和城乡建设局"
broad_impact = true
public_concern = true
continue_intended = false
classification = "internal"
status = "in-force"
summary = \"\"\"
明确保障对象
和租金标准\"\"\"
"""
    )


def test_decision_add_refuses_an_impossible_date(empty):
    args = [a if a != "2024-01-08" else "2024-02-30" for a in ADD]
    refused(
        empty,
        2,
        "错误：选项 --adopted-on 的日期“2024-02-30”无效：请写成真实的日期，格式为 YYYY-MM-DD，如 2024-01-08",
        *args,
    )


def test_decision_add_refuses_an_unknown_category(empty):
    args = [a if a != "policy" else "policies" for a in ADD]
    refused(
        empty,
        2,
        "错误：--category：“policies”不是可选的值（可用：plan（重大规划）、policy（重大政策）、reform（重大改革）、"
        "project（重大项目）、normative（规范性文件）、other（其他））",
        *args,
    )


def test_decision_add_refuses_an_id_that_leaves_the_folder(empty):
    refused(empty, 2, "错误：--id：编号“../x”无效", *ADD, "--id", "../x")


def test_decision_add_refuses_an_end_before_the_start(empty):
    refused(
        empty,
        2,
        "截止日期 effective_until（2023-12-31）早于施行日期 effective_from（2024-02-01）",
        *ADD,
        "--effective-until",
        "2023-12-31",
    )


def test_decision_add_refuses_an_existing_id_unless_forced(ws):
    args = (*ADD, "--id", "2022-001")
    refused(
        ws,
        2,
        "错误：决策 2022-001 已存在（decisions/2022-001/decision.toml）；"
        "换一个 --id，或加 --force 覆盖",
        *args,
    )
    result = run(ws, *args, "--force")
    assert result.exit_code == 0
    assert 'title = "鄂尔多斯市公共租赁住房管理办法"' in (ws / D / "decision.toml").read_text(
        encoding="utf-8"
    )


def test_decision_add_without_options_and_without_a_terminal_lists_what_is_missing(empty):
    refused(
        empty,
        2,
        "错误：缺少必需的选项：--title（决策名称）、--category（类别）、--adopted-on（作出决策的日期）、"
        "--effective-from（开始施行的日期）、--undertaking-unit（承办单位）。"
        "没有终端时无法询问，请在命令行中给出",
        "decision",
        "add",
    )


def test_decision_add_refuses_to_write_into_a_workspace_with_broken_settings(ws):
    (ws / "decisiontrack.toml").write_text('[workspace]\nprofile = "ordos-2024\n', encoding="utf-8")
    refused(ws, 3, "decisiontrack.toml:2: TOML 语法错误：字符串缺少结尾的引号", *ADD)


def test_decision_list_shows_every_decision(ws):
    run(ws, *ADD)
    result = run(ws, "decision", "list")
    assert result.exit_code == 0
    assert rows(result.stdout) == [
        ["编号", "类别", "施行期间", "承办单位", "状态", "名称"],
        ["2022-001", "重大规划", "2021-01-01 至 2025-12-31", "市生态环境局", "执行中",
         "鄂尔多斯市“十四五”生态环境保护规划"],
        ["2024-001", "重大政策", "2024-02-01 至 长期", "市住房和城乡建设局", "执行中",
         "鄂尔多斯市公共租赁住房管理办法"],
    ]


def test_decision_list_shows_the_rest_and_names_a_broken_decision(ws):
    workspace(
        ws,
        {
            "decisions/2023-001/decision.toml": decision_toml(id="2023-001").replace(
                "2020-12-01", "2020-02-30"
            )
        },
    )
    before = snapshot(ws)
    result = run(ws, "decision", "list")
    assert result.exit_code == 3
    assert rows(result.stdout)[1][0] == "2022-001"
    assert rows(result.stdout)[2] == ["2023-001", "（文件有误）"]
    assert result.stderr.splitlines() == [
        "decisions/2023-001/decision.toml:5: 日期 2020-02-30 不存在，请改为真实的日期",
        "以上文件有误，未能显示；请修改后重试（可运行 decisiontrack validate）。",
    ]
    assert snapshot(ws) == before


def test_decision_show_gives_the_timeline(ws):
    result = run(ws, "decision", "show", "2022-001", "--as-of", "2024-04-10")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "2022-001  鄂尔多斯市“十四五”生态环境保护规划",
        "文号：鄂府发〔2021〕88号　类别：重大规划　状态：执行中　密级：公开",
        "施行期间：2021-01-01 至 2025-12-31　承办单位：市生态环境局",
        "跟踪反馈工作方案：市生态环境局规划科，2 个时间节点",
    ]
    assert rows("\n".join(lines[4:])) == [
        ["时间线"],
        ["日期", "事项", "说明"],
        ["2020-12-01", "作出决策", "鄂府发〔2021〕88号"],
        ["2021-01-01", "开始施行"],
        ["2024-04-01", "执行中发现严重问题", "20240401-problem-1a2b"],
        ["2024-05-10", "实地督查", "市人民政府督查室 20240510-onsite-3c4d"],
        ["2024-06-30", "时间节点 m1", "完成年度跟踪调查（未完成）"],
        ["2024-08-31", "整改事项 r1", "补齐监测台账（未完成）"],
        ["2024-12-31", "整改事项 r2", "完善考核办法（未完成）"],
        ["2025-06-30", "时间节点 m2", "形成中期跟踪报告（未完成）"],
        ["2025-12-31", "执行期限届满"],
        ["公众意见共 1 条：信函 1；反对 1"],
        ["待办与提示"],
        ["级别", "条款", "事项", "期限"],
        # 第六条: the plan names no 责任人员; due dates run from 2024-01-09, when the 办法 took effect
        ["已逾期", "第六条", "施行已满30日，跟踪反馈工作方案未明确责任人员；工作方案应当明确责任机构和责任人员、"
         "时间节点、方法步骤（第六条）（按本地设定：制定方案期限30日、办理期限90", "2024-04-08"],
        ["日）"],
        ["已逾期", "第九条", "2024-04-01执行中发现严重问题（20240401-problem-1a2b），应于 2024-04-08 前向市人民政府报告"
         "（第九条）（按本地设定：报告期限7日）", "2024-04-08"],
        ["已逾期", "第十二条第（三）项", "五年以上长期执行的决策执行期限过半（自 2023-07-03 起），应当进行中期评估"
         "（第十二条第（三）项）（按本地设定：办理期限90日）", "2024-04-08"],
    ]


def test_decision_show_refuses_an_unknown_id(ws):
    refused(
        ws,
        2,
        "错误：未知的决策编号 2099-001（没有 decisions/2099-001/decision.toml）；"
        "可运行 decisiontrack decision list 查看已登记的决策",
        "decision",
        "show",
        "2099-001",
    )


def test_decision_show_refuses_a_path_as_id(ws):
    refused(ws, 2, "错误：决策编号：编号“../x”无效", "decision", "show", "../x")


def test_decision_show_of_a_decision_saved_in_gbk_is_a_data_error(ws):
    text = (
        decision_toml()
        .encode()
        .replace("鄂尔多斯市“十四五”生态环境保护规划".encode(), "标题".encode("gbk"))
    )
    (ws / D / "decision.toml").write_bytes(text)
    refused(
        ws,
        3,
        "decisions/2022-001/decision.toml:2: 文件不是 UTF-8 编码，请用 UTF-8 另存该文件",
        "decision",
        "show",
        "2022-001",
    )


def test_decision_show_names_a_broken_event_after_the_timeline(ws):
    (ws / D / "events/20240601-problem-9999.toml").write_text("kind = problem\n", encoding="utf-8")
    result = run(ws, "decision", "show", "2022-001")
    assert result.exit_code == 3
    assert "2024-04-01   执行中发现严重问题" in result.stdout
    assert result.stderr.splitlines()[0] == (
        "decisions/2022-001/events/20240601-problem-9999.toml:1: "
        "TOML 语法错误：值无效（文字须加引号，日期写作 2024-01-08 且不加引号）"
    )


# --- plan create / done --------------------------------------------------------


def test_plan_create_writes_the_tracking_plan(empty):
    run(empty, *ADD)
    result = run(
        empty,
        "plan",
        "create",
        "2024-001",
        "--responsible-unit",
        "市住房和城乡建设局保障科",
        "--milestone",
        "2024-06-30:完成首轮入户调查",
        "--milestone",
        "2024-12-31:形成年度跟踪报告",
        "--person",
        "王某:科长:13900000000",
        "--method",
        "问卷调查",
        "--method",
        "实地考察",
        "--steps",
        "每半年调查一次",
        "--progress-report-every-months",
        "6",
        "--on",
        "2024-02-10",
    )
    assert result.exit_code == 0
    assert result.stdout == "已写入 decisions/2024-001/plan.toml\n"
    assert result.stderr == ""  # 第六条: people, milestones and methods all named
    assert (
        (empty / "decisions/2024-001/plan.toml").read_text(encoding="utf-8")
        == """\
responsible_unit = "市住房和城乡建设局保障科"
created_on = 2024-02-10
steps = "每半年调查一次"
methods = [
    "问卷调查",
    "实地考察",
]
progress_report_every_months = 6

[[people]]
name = "王某"
role = "科长"
contact = "13900000000"

[[milestones]]
id = "m1"
title = "完成首轮入户调查"
due = 2024-06-30

[[milestones]]
id = "m2"
title = "形成年度跟踪报告"
due = 2024-12-31
"""
    )


def test_plan_create_refuses_an_existing_plan_unless_forced(ws):
    args = ("plan", "create", "2022-001", "--responsible-unit", "市生态环境局")
    refused(
        ws,
        2,
        "错误：decisions/2022-001/plan.toml 已存在；要修改请直接编辑该文件，或加 --force 重写",
        *args,
    )
    assert run(ws, *args, "--force").exit_code == 0
    assert (
        (ws / D / "plan.toml")
        .read_text(encoding="utf-8")
        .startswith('responsible_unit = "市生态环境局"\n')
    )


def test_plan_create_refuses_an_impossible_milestone_date(empty):
    run(empty, *ADD)
    refused(
        empty,
        2,
        "错误：--milestone “2024-02-30:入户调查” 无效："
        "应写成 日期:事项，如 2024-06-30:完成年度调查，"
        "日期格式为 YYYY-MM-DD 且必须真实存在",
        "plan",
        "create",
        "2024-001",
        "--responsible-unit",
        "保障科",
        "--milestone",
        "2024-02-30:入户调查",
    )


def test_plan_create_refuses_an_unknown_decision(empty):
    refused(
        empty,
        2,
        "错误：未知的决策编号 2024-009",
        "plan",
        "create",
        "2024-009",
        "--responsible-unit",
        "保障科",
    )


def test_plan_create_without_a_responsible_unit_lists_the_option(empty):
    run(empty, *ADD)
    refused(
        empty,
        2,
        "错误：缺少必需的选项：--responsible-unit（责任机构）",
        "plan",
        "create",
        "2024-001",
    )


def test_plan_done_closes_a_milestone_and_keeps_comments_and_unknown_keys(ws):
    result = run(ws, "plan", "done", "2022-001", "m1", "--on", "2024-06-20")
    assert result.exit_code == 0
    assert result.stdout == "已写入 decisions/2022-001/plan.toml\n"
    assert (ws / D / "plan.toml").read_text(encoding="utf-8") == PLAN.replace(
        "due = 2024-06-30\n", "due = 2024-06-30\ndone_on = 2024-06-20\n"
    )


def test_plan_done_refuses_an_unknown_milestone(ws):
    refused(
        ws,
        2,
        "错误：decisions/2022-001/plan.toml 中没有时间节点 m9（已有：m1、m2）",
        "plan",
        "done",
        "2022-001",
        "m9",
        "--on",
        "2024-06-20",
    )


def test_plan_done_refuses_a_milestone_already_done(ws):
    run(ws, "plan", "done", "2022-001", "m1", "--on", "2024-06-20")
    refused(
        ws,
        2,
        "错误：时间节点 m1 已于 2024-06-20 完成",
        "plan",
        "done",
        "2022-001",
        "m1",
        "--on",
        "2024-06-21",
    )


def test_plan_done_refuses_an_impossible_date(ws):
    refused(
        ws,
        2,
        "错误：选项 --on 的日期“2024-02-30”无效",
        "plan",
        "done",
        "2022-001",
        "m1",
        "--on",
        "2024-02-30",
    )


def test_plan_done_without_a_plan_says_how_to_make_one(empty):
    run(empty, *ADD)
    refused(
        empty,
        2,
        "错误：决策 2024-001 还没有跟踪反馈工作方案；请先运行 decisiontrack plan create 2024-001",
        "plan",
        "done",
        "2024-001",
        "m1",
        "--on",
        "2024-06-20",
    )


def test_plan_done_on_a_broken_plan_is_a_data_error(ws):
    (ws / D / "plan.toml").write_text(
        PLAN.replace("due = 2025-06-30", "due = 2025-06-31"), encoding="utf-8"
    )
    refused(
        ws,
        3,
        "decisions/2022-001/plan.toml:14: 日期 2025-06-31 不存在，请改为真实的日期",
        "plan",
        "done",
        "2022-001",
        "m1",
        "--on",
        "2024-06-20",
    )


def test_plan_done_on_a_plan_saved_in_gbk_is_a_data_error(ws):
    (ws / D / "plan.toml").write_bytes(PLAN.encode("gbk"))
    refused(
        ws,
        3,
        "decisions/2022-001/plan.toml:1: 文件不是 UTF-8 编码，请用 UTF-8 另存该文件",
        "plan",
        "done",
        "2022-001",
        "m1",
        "--on",
        "2024-06-20",
    )


# --- feedback add / list -------------------------------------------------------


def test_feedback_add_writes_one_file_per_opinion(ws):
    result = run(
        ws,
        "feedback",
        "add",
        "2022-001",
        "--received-on",
        "2024-07-02",
        "--channel",
        "phone",
        "--stance",
        "suggestion",
        "--summary",
        "建议公开“散乱污”企业名单",
        "--submitter-name",
        "刘某某",
        "--submitter-contact",
        "13800005678",
    )
    assert result.exit_code == 0
    files = sorted((ws / D / "feedback").glob("20240702-*.toml"))
    assert len(files) == 1
    assert re.fullmatch(r"20240702-phone-[0-9a-f]{4}\.toml", files[0].name)
    assert result.stdout == f"已写入 decisions/2022-001/feedback/{files[0].name}\n"
    assert (
        files[0].read_text(encoding="utf-8")
        == """\
received_on = 2024-07-02
channel = "phone"
stance = "suggestion"
summary = "建议公开“散乱污”企业名单"

[submitter]
name = "刘某某"
contact = "13800005678"
"""
    )


def test_feedback_add_without_a_submitter_writes_no_submitter_table(ws):
    run(
        ws,
        "feedback",
        "add",
        "2022-001",
        "--received-on",
        "2024-07-03",
        "--channel",
        "online",
        "--stance",
        "support",
    )
    path = only_file_matching(ws / D / "feedback", "20240703-online-")
    assert path.read_text(encoding="utf-8") == (
        'received_on = 2024-07-03\nchannel = "online"\nstance = "support"\nsummary = ""\n'
    )


def only_file_matching(folder: Path, prefix: str) -> Path:
    files = sorted(folder.glob(f"{prefix}*.toml"))
    assert len(files) == 1, files
    return files[0]


def test_feedback_add_refuses_an_unknown_channel(ws):
    refused(
        ws,
        2,
        "错误：--channel：“qq”不是可选的值（可用：letter（信函）、phone（电话）、fax（传真）、email（电子邮件）、"
        "online（网上）、telegram（电报）、visit（来访）、meeting（座谈会）、wechat（微信））",
        "feedback",
        "add",
        "2022-001",
        "--received-on",
        "2024-07-02",
        "--channel",
        "qq",
        "--stance",
        "oppose",
    )


def test_feedback_add_refuses_an_impossible_date(ws):
    refused(
        ws,
        2,
        "错误：选项 --received-on 的日期“2024-02-30”无效",
        "feedback",
        "add",
        "2022-001",
        "--received-on",
        "2024-02-30",
        "--channel",
        "letter",
        "--stance",
        "oppose",
    )


def test_feedback_add_refuses_a_path_as_id(ws):
    refused(
        ws,
        2,
        "错误：决策编号：编号“../x”无效",
        "feedback",
        "add",
        "../x",
        "--received-on",
        "2024-07-02",
        "--channel",
        "letter",
        "--stance",
        "oppose",
    )


def test_feedback_add_without_options_lists_what_is_missing(ws):
    refused(
        ws,
        2,
        "错误：缺少必需的选项：--received-on（收到日期）、--channel（渠道）、--stance（态度）",
        "feedback",
        "add",
        "2022-001",
    )


def test_feedback_list_hides_personal_information_unless_asked(ws):
    hidden = run(ws, "feedback", "list", "2022-001")
    assert hidden.exit_code == 0
    assert rows(hidden.stdout) == [
        ["2022-001 的公众意见（共 1 条）"],
        ["日期", "渠道", "态度", "摘要", "文件"],
        ["2024-03-15", "信函", "反对", "建议延长过渡期", "20240315-letter-5e6f"],
    ]
    assert "张某某" not in hidden.output and "13800001234" not in hidden.output

    shown = run(ws, "feedback", "list", "2022-001", "--show-personal")
    assert rows(shown.stdout)[1:] == [
        ["日期", "渠道", "态度", "摘要", "文件", "提出人", "联系方式"],
        [
            "2024-03-15",
            "信函",
            "反对",
            "建议延长过渡期",
            "20240315-letter-5e6f",
            "张某某",
            "13800001234",
        ],
    ]


def test_feedback_list_names_a_broken_opinion_instead_of_leaving_it_out(ws):
    (ws / D / "feedback/20240316-fax-0000.toml").write_text(
        'received_on = 2024-03-16\nchannel = "传真"\nstance = "oppose"\n', encoding="utf-8"
    )
    before = snapshot(ws)
    result = run(ws, "feedback", "list", "2022-001")
    assert result.exit_code == 3
    assert rows(result.stdout)[0] == ["2022-001 的公众意见（共 1 条）"]
    assert result.stderr.splitlines()[0] == (
        "decisions/2022-001/feedback/20240316-fax-0000.toml:2: channel 的值“传真”无效，"
        "可选值：letter、phone、fax、email、online、telegram、visit、meeting、wechat"
    )
    assert snapshot(ws) == before


def test_feedback_list_refuses_an_unknown_decision(ws):
    refused(ws, 2, "错误：未知的决策编号 2022-002", "feedback", "list", "2022-002")


# --- event add / reported ------------------------------------------------------


def test_event_add_writes_the_fact(ws):
    result = run(
        ws,
        "event",
        "add",
        "2022-001",
        "--kind",
        "controversy",
        "--on",
        "2024-09-12",
        "--description",
        "限产时段引发部分企业较大争议",
        "--reported-on",
        "2024-09-13",
        "--raised-by",
        "市工商业联合会",
    )
    assert result.exit_code == 0
    path = only_file_matching(ws / D / "events", "20240912-controversy-")
    assert result.stdout == f"已写入 decisions/2022-001/events/{path.name}\n"
    assert (
        path.read_text(encoding="utf-8")
        == """\
kind = "controversy"
occurred_on = 2024-09-12
description = "限产时段引发部分企业较大争议"
reported_on = 2024-09-13
raised_by = "市工商业联合会"
"""
    )


def test_event_add_refuses_an_unknown_kind(ws):
    refused(
        ws,
        2,
        "错误：--kind：“dispute”不是可选的值（可用：basis-changed（决策依据或客观情况发生重大变化）、",
        "event",
        "add",
        "2022-001",
        "--kind",
        "dispute",
        "--on",
        "2024-09-12",
    )


def test_event_add_refuses_an_impossible_date(ws):
    refused(
        ws,
        2,
        "错误：选项 --on 的日期“2024-02-30”无效",
        "event",
        "add",
        "2022-001",
        "--kind",
        "problem",
        "--on",
        "2024-02-30",
    )


def test_event_add_refuses_an_unknown_decision(ws):
    refused(
        ws,
        2,
        "错误：未知的决策编号 2022-009",
        "event",
        "add",
        "2022-009",
        "--kind",
        "problem",
        "--on",
        "2024-09-12",
    )


def test_event_add_without_options_lists_what_is_missing(ws):
    refused(
        ws, 2, "错误：缺少必需的选项：--kind（类型）、--on（发生日期）", "event", "add", "2022-001"
    )


def test_event_reported_records_the_date_and_keeps_comments(ws):
    result = run(ws, "event", "reported", "2022-001", "20240401-problem-1a2b", "--on", "2024-04-03")
    assert result.exit_code == 0
    assert result.stdout == "已写入 decisions/2022-001/events/20240401-problem-1a2b.toml\n"
    assert (ws / D / "events/20240401-problem-1a2b.toml").read_text(encoding="utf-8") == (
        EVENT + "reported_on = 2024-04-03\n"
    )


def test_event_reported_refuses_an_unknown_event_and_lists_the_known_ones(ws):
    refused(
        ws,
        2,
        "错误：决策 2022-001 没有事实 20240401-problem-ffff（已有：20240401-problem-1a2b）",
        "event",
        "reported",
        "2022-001",
        "20240401-problem-ffff",
        "--on",
        "2024-04-03",
    )


def test_event_reported_refuses_a_path_as_event(ws):
    refused(
        ws,
        2,
        "错误：事实编号“../../decision”无效",
        "event",
        "reported",
        "2022-001",
        "../../decision",
        "--on",
        "2024-04-03",
    )


def test_event_reported_refuses_a_report_before_the_event(ws):
    refused(
        ws,
        2,
        "错误：无法修改 decisions/2022-001/events/20240401-problem-1a2b.toml：报告日期 reported_on"
        "（2024-03-31）早于发生日期 occurred_on（2024-04-01）",
        "event",
        "reported",
        "2022-001",
        "20240401-problem-1a2b",
        "--on",
        "2024-03-31",
    )


def test_event_reported_twice_is_refused(ws):
    run(ws, "event", "reported", "2022-001", "20240401-problem-1a2b", "--on", "2024-04-03")
    refused(
        ws,
        2,
        "已记录于 2024-04-03 报告",
        "event",
        "reported",
        "2022-001",
        "20240401-problem-1a2b",
        "--on",
        "2024-04-05",
    )


def test_event_reported_on_a_broken_event_is_a_data_error(ws):
    (ws / D / "events/20240401-problem-1a2b.toml").write_text(
        EVENT.replace("2024-04-01", "2024-04-31"), encoding="utf-8"
    )
    refused(
        ws,
        3,
        "decisions/2022-001/events/20240401-problem-1a2b.toml:3: 日期 2024-04-31 不存在",
        "event",
        "reported",
        "2022-001",
        "20240401-problem-1a2b",
        "--on",
        "2024-05-03",
    )


# --- inspection add / done -----------------------------------------------------


def test_inspection_add_writes_the_supervision_and_its_items(ws):
    result = run(
        ws,
        "inspection",
        "add",
        "2022-001",
        "--conducted-on",
        "2024-11-05",
        "--method",
        "written",
        "--by",
        "市人民政府督查室",
        "--findings",
        "部分旗区进度滞后",
        "--rectification",
        "2025-01-31:报送整改方案",
        "--rectification",
        "2025-03-31:完成整改",
    )
    assert result.exit_code == 0
    path = only_file_matching(ws / D / "inspections", "20241105-written-")
    assert result.stdout == f"已写入 decisions/2022-001/inspections/{path.name}\n"
    assert (
        path.read_text(encoding="utf-8")
        == """\
conducted_on = 2024-11-05
method = "written"
by = "市人民政府督查室"
findings = "部分旗区进度滞后"

[[rectifications]]
id = "r1"
item = "报送整改方案"
due = 2025-01-31

[[rectifications]]
id = "r2"
item = "完成整改"
due = 2025-03-31
"""
    )


def test_inspection_add_refuses_an_unknown_method(ws):
    refused(
        ws,
        2,
        "错误：--method：“phone”不是可选的值（可用：written（书面督查）、briefing（听取汇报）、onsite（实地督查））",
        "inspection",
        "add",
        "2022-001",
        "--conducted-on",
        "2024-11-05",
        "--method",
        "phone",
    )


def test_inspection_add_refuses_an_impossible_rectification_date(ws):
    refused(
        ws,
        2,
        "错误：--rectification “2025-02-30:完成整改” 无效",
        "inspection",
        "add",
        "2022-001",
        "--conducted-on",
        "2024-11-05",
        "--method",
        "onsite",
        "--rectification",
        "2025-02-30:完成整改",
    )


def test_inspection_add_without_options_lists_what_is_missing(ws):
    refused(
        ws,
        2,
        "错误：缺少必需的选项：--conducted-on（督查日期）、--method（督查方式）",
        "inspection",
        "add",
        "2022-001",
    )


def test_inspection_done_closes_an_item_and_keeps_comments(ws):
    result = run(
        ws,
        "inspection",
        "done",
        "2022-001",
        "20240510-onsite-3c4d",
        "r1",
        "--on",
        "2024-08-20",
        "--reviewed-on",
        "2024-09-05",
    )
    assert result.exit_code == 0
    assert result.stdout == "已写入 decisions/2022-001/inspections/20240510-onsite-3c4d.toml\n"
    assert (ws / D / "inspections/20240510-onsite-3c4d.toml").read_text(
        encoding="utf-8"
    ) == INSPECTION.replace(
        "due = 2024-08-31\n", "due = 2024-08-31\ndone_on = 2024-08-20\nreviewed_on = 2024-09-05\n"
    )


def test_inspection_done_refuses_an_unknown_item(ws):
    refused(
        ws,
        2,
        "错误：decisions/2022-001/inspections/20240510-onsite-3c4d.toml "
        "中没有整改事项 r3（已有：r1、r2）",
        "inspection",
        "done",
        "2022-001",
        "20240510-onsite-3c4d",
        "r3",
        "--on",
        "2024-08-20",
    )


def test_inspection_done_refuses_an_unknown_inspection(ws):
    refused(
        ws,
        2,
        "错误：决策 2022-001 没有督查 20240511-onsite-0000（已有：20240510-onsite-3c4d）",
        "inspection",
        "done",
        "2022-001",
        "20240511-onsite-0000",
        "r1",
        "--on",
        "2024-08-20",
    )


def test_inspection_done_on_a_file_saved_in_gbk_is_a_data_error(ws):
    (ws / D / "inspections/20240510-onsite-3c4d.toml").write_bytes(INSPECTION.encode("gbk"))
    refused(
        ws,
        3,
        "decisions/2022-001/inspections/20240510-onsite-3c4d.toml:3: 文件不是 UTF-8 编码",
        "inspection",
        "done",
        "2022-001",
        "20240510-onsite-3c4d",
        "r1",
        "--on",
        "2024-08-20",
    )
