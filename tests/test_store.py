"""The store: the loader returns problems with their path and line; writes are atomic and kind."""

from __future__ import annotations

import re
from datetime import date

import pytest

from decisiontrack.errors import DataError, Problem, UserError
from decisiontrack.model import Event, TrackingPlan
from decisiontrack.store.atomic import write_atomic
from decisiontrack.store.frontmatter import FrontMatterError, join_front_matter, parse_front_matter
from decisiontrack.store.loader import load_settings, load_workspace
from decisiontrack.store.locate import find_workspace
from decisiontrack.store.records import create_record, dump_record, edit_record, entry_file_name
from decisiontrack.store.tomlfile import key_lines, line_of, parse_toml
from decisiontrack.store.transaction import transaction
from tests.helpers import decision_toml, snapshot, workspace

PLAN = """\
responsible_unit = "市生态环境局规划科"
methods = ["问卷调查"]

[[milestones]]
id = "m1"
title = "完成年度跟踪调查"
due = 2024-06-30

[[milestones]]
id = "m2"
title = "形成中期报告"
due = 2025-06-30
"""


def problems_of(root) -> list[tuple[str, int | None, str]]:
    return [(p.path, p.line, p.message) for p in load_workspace(root).problems]


def test_a_clean_workspace_loads_every_record_without_problems(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/decision.toml": decision_toml(),
            "decisions/2022-001/plan.toml": PLAN,
            "decisions/2022-001/events/20240401-controversy-1a2b.toml": """\
            kind = "controversy"
            occurred_on = 2024-04-01
        """,
            "decisions/2022-001/progress/2024-H1.md": """\
            +++
            period = "2024-H1"
            submitted_on = 2024-07-10
            +++
            ## 一、工作进展
        """,
            "decisions/2022-001/evaluations/2024-mid-term/evaluation.toml": """\
            id = "2024-mid-term"
            kind = "mid-term"
            started_on = 2024-07-05
        """,
            "decisions/2022-001/evaluations/2024-mid-term/report.md": "# 评估报告\n",
        },
    )
    ws = load_workspace(root)
    assert ws.problems == []
    folder = ws.decisions["2022-001"]
    assert folder.decision.title == "鄂尔多斯市“十四五”生态环境保护规划"
    assert [m.id for m in folder.plan.milestones] == ["m1", "m2"]
    assert [e.stem for e in folder.events] == ["20240401-controversy-1a2b"]
    assert folder.latest_progress().record.period == "2024-H1"
    assert folder.evaluation("2024-mid-term").has_report is True


def test_a_toml_syntax_error_is_reported_at_its_line(tmp_path):
    text = decision_toml().replace('category = "plan"', 'category = "plan')
    root = workspace(tmp_path, {"decisions/2022-001/decision.toml": text})
    assert problems_of(root) == [
        (
            "decisions/2022-001/decision.toml",
            4,
            "TOML 语法错误：字符串缺少结尾的引号（文字须写在同一行的两个引号之间）",
        )
    ]


def test_a_missing_equals_sign_is_reported_at_its_line(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/plan.toml": PLAN.replace('id = "m2"', 'id "m2"'),
            "decisions/2022-001/decision.toml": decision_toml(),
        },
    )
    assert problems_of(root) == [
        ("decisions/2022-001/plan.toml", 10, "TOML 语法错误：键后面缺少“=”")
    ]


@pytest.mark.parametrize("impossible", ["2024-13-01", "2024-02-30", "2023-02-29"])
def test_an_impossible_date_in_a_file_is_named_at_its_line(tmp_path, impossible):
    text = decision_toml().replace("effective_from = 2021-01-01", f"effective_from = {impossible}")
    root = workspace(tmp_path, {"decisions/2022-001/decision.toml": text})
    assert problems_of(root) == [
        ("decisions/2022-001/decision.toml", 6, f"日期 {impossible} 不存在，请改为真实的日期")
    ]


def test_an_impossible_date_inside_a_table_array_is_named_at_its_line(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/decision.toml": decision_toml(),
            "decisions/2022-001/plan.toml": PLAN.replace("2025-06-30", "2025-06-31"),
        },
    )
    assert problems_of(root) == [
        ("decisions/2022-001/plan.toml", 12, "日期 2025-06-31 不存在，请改为真实的日期")
    ]


def test_a_date_in_quotes_is_reported_at_its_key(tmp_path):
    text = decision_toml().replace("adopted_on = 2020-12-01", 'adopted_on = "2020-12-01"')
    root = workspace(tmp_path, {"decisions/2022-001/decision.toml": text})
    assert problems_of(root) == [
        ("decisions/2022-001/decision.toml", 5, "adopted_on 应为日期，写作 2024-01-08（不加引号）")
    ]


def test_a_file_saved_in_gbk_is_reported_at_the_line_of_the_first_bad_byte(tmp_path):
    text = (
        decision_toml()
        .encode("utf-8")
        .replace("鄂尔多斯市“十四五”生态环境保护规划".encode(), "标题".encode("gbk"))
    )
    root = workspace(tmp_path, {"decisions/2022-001/decision.toml": text})
    assert problems_of(root) == [
        ("decisions/2022-001/decision.toml", 2, "文件不是 UTF-8 编码，请用 UTF-8 另存该文件")
    ]


def test_a_missing_required_key_is_reported(tmp_path):
    text = decision_toml().replace('undertaking_unit = "市生态环境局"\n', "")
    root = workspace(tmp_path, {"decisions/2022-001/decision.toml": text})
    assert problems_of(root) == [
        ("decisions/2022-001/decision.toml", 1, "缺少必填项 undertaking_unit")
    ]


def test_a_missing_key_in_a_milestone_is_reported_at_its_table(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/decision.toml": decision_toml(),
            "decisions/2022-001/plan.toml": PLAN.replace("due = 2025-06-30\n", ""),
        },
    )
    assert problems_of(root) == [
        ("decisions/2022-001/plan.toml", 9, "缺少必填项 milestones[1].due")
    ]


def test_a_value_outside_the_vocabulary_is_reported_at_its_key_with_the_choices(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/decision.toml": decision_toml(),
            "decisions/2022-001/feedback/20240315-letter-1a2b.toml": """\
            received_on = 2024-03-15
            channel = "qq"
            stance = "oppose"
        """,
        },
    )
    assert problems_of(root) == [
        (
            "decisions/2022-001/feedback/20240315-letter-1a2b.toml",
            2,
            "channel 的值“qq”无效，"
            "可选值：letter、phone、fax、email、online、telegram、visit、meeting、wechat",
        )
    ]


def test_a_decision_id_unlike_its_folder_is_reported_at_the_id_line(tmp_path):
    text = "# 鄂尔多斯市生态环境保护规划\n" + decision_toml(id="2022-002")
    root = workspace(tmp_path, {"decisions/2022-001/decision.toml": text})
    assert problems_of(root) == [
        (
            "decisions/2022-001/decision.toml",
            2,
            "id “2022-002” 与所在目录名 “2022-001” 不一致，请改成一致",
        )
    ]


def test_an_evaluation_id_unlike_its_folder_is_reported(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/decision.toml": decision_toml(),
            "decisions/2022-001/evaluations/2024-mid-term/evaluation.toml": """\
            kind = "mid-term"
            id = "2024-final"
            started_on = 2024-07-05
        """,
        },
    )
    assert problems_of(root) == [
        (
            "decisions/2022-001/evaluations/2024-mid-term/evaluation.toml",
            2,
            "id “2024-final” 与所在目录名 “2024-mid-term” 不一致，请改成一致",
        )
    ]


def test_problems_in_front_matter_count_lines_from_the_top_of_the_file(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/decision.toml": decision_toml(),
            "decisions/2022-001/progress/2024-H1.md": """\
            +++
            period = "2024-H1"
            submitted_on = 2024-07-10
            progress_percent = 120
            +++
        """,
            "decisions/2022-001/progress/2024-H2.md": "## 一、工作进展\n",
        },
    )
    assert problems_of(root) == [
        (
            "decisions/2022-001/progress/2024-H1.md",
            4,
            "progress_percent 的值 120 太大，应不大于 100",
        ),
        (
            "decisions/2022-001/progress/2024-H2.md",
            1,
            "缺少开头的 +++ 前置信息（TOML front matter）",
        ),
    ]


def test_one_broken_decision_does_not_stop_the_others_from_loading(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/decision.toml": decision_toml(),
            "decisions/2022-002/decision.toml": decision_toml(id="2022-002").replace(
                "2020-12-01", "2020-02-30"
            ),
            "decisions/2022-002/plan.toml": PLAN,
            "decisions/2022-003/decision.toml": decision_toml(id="2022-003", category="reform"),
            "decisions/2022-003/events/20240401-problem-0001.toml": (
                "kind = 'problem'\noccurred_on = 2024-04-31\n"
            ),
            "decisions/2022-003/events/20240402-problem-0002.toml": (
                "kind = 'problem'\noccurred_on = 2024-04-02\n"
            ),
        },
    )
    ws = load_workspace(root)
    assert sorted(ws.decisions) == ["2022-001", "2022-002", "2022-003"]
    assert ws.decisions["2022-001"].decision is not None
    assert ws.decisions["2022-002"].decision is None
    assert ws.decisions["2022-002"].plan is not None
    assert [e.stem for e in ws.decisions["2022-003"].events] == ["20240402-problem-0002"]
    assert [(p.path, p.line) for p in ws.errors] == [
        ("decisions/2022-002/decision.toml", 5),
        ("decisions/2022-003/events/20240401-problem-0001.toml", 2),
    ]
    assert ws.paths_with_errors() == {
        "decisions/2022-002/decision.toml",
        "decisions/2022-003/events/20240401-problem-0001.toml",
    }


def test_unknown_keys_are_warnings_naming_the_nearest_known_key(tmp_path):
    text = decision_toml(
        effective_until=None, extra='effective_untill = 2026-12-31\n"备注" = "法制科审核"\n'
    )
    plan = PLAN.replace('title = "形成中期报告"', 'titel = "形成中期报告"')
    root = workspace(
        tmp_path, {"decisions/2022-001/decision.toml": text, "decisions/2022-001/plan.toml": plan}
    )
    ws = load_workspace(root)
    assert ws.errors == []
    assert [(p.path, p.line, p.message, p.severity) for p in ws.warnings] == [
        (
            "decisions/2022-001/decision.toml",
            8,
            "未知的键 effective_untill，是否想写 effective_until？",
            "warning",
        ),
        (
            "decisions/2022-001/decision.toml",
            9,
            "未知的键 备注；该键会被保留，但本工具不使用它",
            "warning",
        ),
        (
            "decisions/2022-001/plan.toml",
            11,
            "未知的键 milestones[1].titel，是否想写 title？",
            "warning",
        ),
    ]
    assert ws.decisions["2022-001"].decision.model_extra["effective_untill"] == date(2026, 12, 31)


def test_a_warning_reads_as_path_line_and_message():
    warning = Problem("decisions/2022-001/decision.toml", 7, "未知的键 effective_untill", "warning")
    assert str(warning) == "decisions/2022-001/decision.toml:7: 警告：未知的键 effective_untill"
    assert (
        str(Problem("decisions/x/plan.toml", None, "文件不存在"))
        == "decisions/x/plan.toml: 文件不存在"
    )


def test_broken_settings_stop_everything_with_their_line(tmp_path):
    root = workspace(tmp_path)
    (root / "decisiontrack.toml").write_text(
        '[workspace]\nprofile = "ordos-2024\n', encoding="utf-8"
    )
    with pytest.raises(DataError) as raised:
        load_settings(root)
    assert [(p.path, p.line) for p in raised.value.problems] == [("decisiontrack.toml", 2)]


def test_the_workspace_is_found_by_walking_up_like_git(tmp_path):
    root = workspace(tmp_path / "ws", {"decisions/2022-001/decision.toml": decision_toml()})
    assert find_workspace(start=root / "decisions" / "2022-001") == root.resolve()
    assert find_workspace(root) == root.resolve()
    with pytest.raises(UserError, match="不是工作区"):
        find_workspace(tmp_path)


def test_key_lines_index_arrays_of_tables_and_skip_multiline_strings():
    text = 'a = 1\nsteps = """\nb = 2\n"""\n[[m]]\nid = "x"\n[[m]]\nid = "y"\n[t]\nk = 1\n'
    lines = key_lines(text)
    assert lines[("a",)] == 1
    assert ("b",) not in lines
    assert (lines[("m", 0, "id")], lines[("m", 1, "id")], lines[("t", "k")]) == (6, 8, 10)
    assert line_of(text, ("m", 1, "due")) == 7


def test_parse_toml_turns_a_syntax_error_at_the_end_into_the_last_line():
    data, problem = parse_toml('methods = ["问卷调查",\n', "plan.toml")
    assert data is None
    assert (problem.line, problem.message) == (
        1,
        "TOML 语法错误：值无效（文字须加引号，日期写作 2024-01-08 且不加引号）",
    )


def test_front_matter_round_trips_and_reports_a_missing_fence():
    text = join_front_matter('period = "2024-H1"', "## 一、工作进展\n")
    assert text == '+++\nperiod = "2024-H1"\n+++\n## 一、工作进展\n'
    assert parse_front_matter(text) == ({"period": "2024-H1"}, "## 一、工作进展\n", 4)
    with pytest.raises(FrontMatterError) as raised:
        parse_front_matter("+++\nperiod = 1\n")
    assert raised.value.line == 2


def test_atomic_write_refuses_an_existing_file_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "decision.toml"
    write_atomic(path, 'id = "a"\n')
    with pytest.raises(UserError, match="已存在；如确需覆盖，请加 --force"):
        write_atomic(path, 'id = "b"\n')
    write_atomic(path, 'id = "c"\n', overwrite=True)
    assert path.read_text(encoding="utf-8") == 'id = "c"\n'
    assert [p.name for p in tmp_path.iterdir()] == ["decision.toml"]


def test_a_record_is_dumped_with_the_fields_in_model_order_and_tables_as_blocks():
    plan = TrackingPlan.model_validate(
        {
            "responsible_unit": "规划科",
            "milestones": [{"id": "m1", "title": "调查", "due": date(2024, 6, 30)}],
            "people": [{"name": "王某", "role": "科长"}],
        }
    )
    assert dump_record(plan) == (
        'responsible_unit = "规划科"\nsteps = ""\nmethods = []\n'
        '\n[[people]]\nname = "王某"\nrole = "科长"\ncontact = ""\n'
        '\n[[milestones]]\nid = "m1"\ntitle = "调查"\ndue = 2024-06-30\n'
    )


def test_create_record_refuses_to_replace_a_file(tmp_path):
    event = Event(kind="problem", occurred_on=date(2024, 4, 1))
    with transaction(tmp_path, commit=False):
        path = create_record(tmp_path / "events" / "e.toml", event)
    with pytest.raises(UserError), transaction(tmp_path, commit=False):
        create_record(path, event)


def test_entry_file_names_carry_the_date_the_kind_and_four_hex_digits(tmp_path):
    name = entry_file_name(date(2024, 3, 15), "letter", tmp_path)
    assert re.fullmatch(r"20240315-letter-[0-9a-f]{4}\.toml", name)


def test_an_edit_keeps_comments_and_unknown_keys(tmp_path):
    path = tmp_path / "plan.toml"
    text = "# 法制科 2024-01-10 审核\n" + PLAN.replace(
        'id = "m1"', 'id = "m1"  # 年度节点\n"备注" = "需报分管副市长"'
    )
    path.write_text(text, encoding="utf-8")

    def close(document):
        document["milestones"][0]["done_on"] = date(2024, 6, 20)

    with transaction(tmp_path, commit=False):
        plan = edit_record(path, "plan.toml", TrackingPlan, close)
    assert plan.milestone("m1").done_on == date(2024, 6, 20)
    new = path.read_text(encoding="utf-8")
    assert new.startswith("# 法制科 2024-01-10 审核\n")
    assert 'id = "m1"  # 年度节点\n"备注" = "需报分管副市长"\n' in new
    assert "done_on = 2024-06-20\n" in new


def test_an_edit_that_would_break_the_record_leaves_the_file_untouched(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    before = snapshot(tmp_path)

    def close_too_early(document):
        document["milestones"][0]["done_on"] = "2024-06-20"

    with pytest.raises(UserError) as raised, transaction(tmp_path, commit=False):
        edit_record(path, "plan.toml", TrackingPlan, close_too_early)
    assert (
        str(raised.value)
        == "无法修改 plan.toml：milestones[0].done_on 应为日期，写作 2024-01-08（不加引号）"
    )
    assert snapshot(tmp_path) == before


def test_an_edit_of_a_file_that_is_already_invalid_is_a_data_error(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(PLAN.replace("due = 2024-06-30", 'due = "2024-06-30"'), encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(DataError) as raised, transaction(tmp_path, commit=False):
        edit_record(path, "plan.toml", TrackingPlan, lambda document: None)
    assert [str(p) for p in raised.value.problems] == [
        "plan.toml:7: milestones[0].due 应为日期，写作 2024-01-08（不加引号）"
    ]
    assert snapshot(tmp_path) == before
