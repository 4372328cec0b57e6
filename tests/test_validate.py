"""``validate``: a ``path:line: message`` line per problem; exit 3 on errors, not on warnings."""

from __future__ import annotations

from tests.helpers import decision_toml, run, snapshot, workspace

PLAN = """\
responsible_unit = "市生态环境局规划科"

[[milestones]]
id = "m1"
due = 2024-06-30
"""


def test_a_clean_workspace_passes_with_a_one_line_summary(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/decision.toml": decision_toml(),
            "decisions/2022-001/plan.toml": PLAN.replace("\n", "\ncreated_on = 2021-02-01\n", 1),
            "decisions/2023-001/decision.toml": decision_toml(id="2023-001", category="reform"),
        },
    )
    result = run(root, "validate")
    assert result.exit_code == 0
    assert result.stdout == "校验通过：2 项决策，0 个警告。\n"
    assert result.stderr == ""


def test_warnings_alone_do_not_fail(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/decision.toml": decision_toml(
                effective_until=None, extra="effective_untill = 2026-12-31\n"
            ),
        },
    )
    result = run(root, "validate")
    assert result.exit_code == 0
    assert result.stdout == (
        "decisions/2022-001/decision.toml:8: "
        "警告：未知的键 effective_untill，是否想写 effective_until？\n"
        "校验通过：1 项决策，1 个警告。\n"
    )


def test_every_problem_is_a_path_line_message_line_and_the_exit_code_is_3(tmp_path):
    root = workspace(
        tmp_path,
        {
            "decisions/2022-001/decision.toml": decision_toml(),
            "decisions/2022-001/plan.toml": PLAN.replace("2024-06-30", "2024-02-30"),
            "decisions/2022-001/feedback/20240315-qq-0a1b.toml": """\
            received_on = 2024-03-15
            channel = "qq"
            stance = "oppose"
            # 法制科备注
            来源 = "政务公众号"
        """.replace("来源", '"来源"'),
            "decisions/2023-001/decision.toml": decision_toml(id="2023-002"),
            "decisions/2023-002/decision.toml": "标题".encode("gbk"),
            "decisions/2023-003/decision.toml": decision_toml(id="2023-003").replace(
                'undertaking_unit = "市生态环境局"\n', ""
            ),
        },
    )
    before = snapshot(root)
    result = run(root, "validate")
    assert result.exit_code == 3
    assert result.stdout.splitlines() == [
        "decisions/2022-001/feedback/20240315-qq-0a1b.toml:2: channel 的值“qq”无效，"
        "可选值：letter、phone、fax、email、online、telegram、visit、meeting、wechat",
        "decisions/2022-001/plan.toml:5: 日期 2024-02-30 不存在，请改为真实的日期",
        "decisions/2023-001/decision.toml:1: "
        "id “2023-002” 与所在目录名 “2023-001” 不一致，请改成一致",
        "decisions/2023-002/decision.toml:1: 文件不是 UTF-8 编码，请用 UTF-8 另存该文件",
        "decisions/2023-003/decision.toml:1: 缺少必填项 undertaking_unit",
    ]
    assert result.stderr == "发现 5 个错误、0 个警告。\n"
    assert snapshot(root) == before


def test_a_broken_settings_file_is_a_data_error(tmp_path):
    root = workspace(tmp_path)
    (root / "decisiontrack.toml").write_text("[workspace\n", encoding="utf-8")
    result = run(root, "validate")
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0].startswith("decisiontrack.toml:1: TOML 语法错误：")


def test_validate_outside_a_workspace_is_a_usage_error(tmp_path):
    result = run(tmp_path, "validate")
    assert result.exit_code == 2
    assert f"目录 {tmp_path} 不是工作区（其中没有 decisiontrack.toml）" in result.stderr


def test_a_plan_without_created_on_is_a_warning_and_counts_from_effective_from(tmp_path):
    """Every record counts from its own date: a plan without one is read as made on effective_from."""
    root = workspace(tmp_path, {"decisions/2022-001/decision.toml": decision_toml(),
                                "decisions/2022-001/plan.toml": PLAN})
    result = run(root, "validate")
    assert result.exit_code == 0
    assert result.stdout == (
        "decisions/2022-001/plan.toml: 警告：没有写 created_on（方案制定日期）：检查时视为自决策施行之日（effective_from）"
        "起已有方案；请补上方案实际制定的日期，如 created_on = 2024-02-10\n校验通过：1 项决策，1 个警告。\n")
