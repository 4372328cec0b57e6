"""The evaluation and progress commands as an officer uses them, bad inputs included."""

from __future__ import annotations

import tomllib

import pytest
from eval_helpers import DECISION, EVALUATION, make, written
from tests.helpers import run, snapshot

START = (
    "evaluation",
    "start",
    "2022-001",
    "--kind",
    "final",
    "--addresses",
    "ordos-2024/12.4",
    "--started-on",
    "2026-01-10",
    "--evaluator",
    "市生态环境局",
    "--method",
    "问卷调查",
    "--no-commit",
)


def _evaluation(root, evaluation_id="2024-mid-term") -> dict:
    path = root / DECISION / "evaluations" / evaluation_id / "evaluation.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_start_writes_evaluation_toml_with_the_default_id(tmp_path):
    root = make(tmp_path)
    result = run(root, *START, "--member", "赵六", "--purpose", "终期评估")
    assert result.exit_code == 0, result.stderr
    assert "evaluations/2026-final/evaluation.toml" in result.stdout
    data = _evaluation(root, "2026-final")
    assert data["id"] == "2026-final" and data["kind"] == "final"
    assert data["addresses"] == ["ordos-2024/12.4"] and data["methods"] == ["问卷调查"]
    assert str(data["started_on"]) == "2026-01-10"


def test_start_accepts_a_short_rule_id_and_an_explicit_id(tmp_path):
    root = make(tmp_path)
    result = run(
        root,
        "evaluation",
        "start",
        "2022-001",
        "--kind",
        "special",
        "--addresses",
        "12.1",
        "--started-on",
        "2024-05-01",
        "--evaluator",
        "市生态环境局",
        "--id",
        "2024-dispute",
        "--scope",
        "partial",
        "--scope-note",
        "搬迁补偿",
        "--commissioned-to",
        "某研究院",
        "--no-commit",
    )
    assert result.exit_code == 0, result.stderr
    data = _evaluation(root, "2024-dispute")
    assert data["addresses"] == ["ordos-2024/12.1"]
    assert (data["scope"], data["scope_note"], data["commissioned_to"]) == (
        "partial",
        "搬迁补偿",
        "某研究院",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--method", "算命"), "“算命”不是办法 ordos-2024 规定的评估方法"),
        (("--addresses", "ordos-2024/99"), "办法 ordos-2024 没有规则“ordos-2024/99”"),
        (("--scope", "partial"), "--scope partial 需要 --scope-note"),
        (("--kind", "yearly"), "--kind"),
        (("--id", "../x"), "--id"),
    ],
)
def test_start_refuses_what_the_profile_does_not_know(tmp_path, args, message):
    root = make(tmp_path)
    before = snapshot(root)
    result = run(root, *START, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert snapshot(root) == before


def test_start_refuses_an_existing_evaluation_without_force(tmp_path):
    root = make(tmp_path)
    assert run(root, *START).exit_code == 0
    before = snapshot(root)
    again = run(root, *START)
    assert again.exit_code == 2 and "评估 2026-final 已存在" in again.stderr
    assert snapshot(root) == before
    assert run(root, *START, "--force").exit_code == 0


def test_start_without_required_options_and_no_terminal_exits_2_and_writes_nothing(tmp_path):
    root = make(tmp_path)
    before = snapshot(root)
    result = run(root, "evaluation", "start", "2022-001", "--kind", "final", "--no-commit")
    assert result.exit_code == 2
    assert "--addresses" not in result.stderr  # a voluntary evaluation answers no rule
    for option in ("--started-on", "--evaluator"):
        assert option in result.stderr
    assert snapshot(root) == before


def test_unknown_decision_or_evaluation_is_exit_2(tmp_path):
    root = make(tmp_path)
    assert run(root, "evaluation", "scaffold", "2099-001", "x").exit_code == 2
    result = run(root, "evaluation", "lint", "2022-001", "2030-final")
    assert result.exit_code == 2
    assert "没有评估 2030-final（已有：2024-mid-term）" in result.stderr


def test_scaffold_then_lint_exits_3_until_the_report_is_written(tmp_path):
    root = make(tmp_path)
    result = run(root, "evaluation", "scaffold", "2022-001", "2024-mid-term", "--no-commit")
    assert result.exit_code == 0, result.stderr
    report = root / EVALUATION / "report.md"
    lint = run(root, "evaluation", "lint", "2022-001", "2024-mid-term")
    assert lint.exit_code == 3
    first = lint.stdout.splitlines()[0]
    assert first.startswith(f"{EVALUATION}/report.md:") and "第十九条第二款第（一）项" in first
    report.write_text(written(report.read_text(encoding="utf-8")), encoding="utf-8")
    lint = run(root, "evaluation", "lint", "2022-001", "2024-mid-term")
    assert lint.exit_code == 0, lint.stdout
    assert lint.stdout.strip() == "报告完整：9 个部分、6 个子项均已填写，评估结论为“继续执行”。"


def test_scaffold_never_overwrites_a_report_without_force(tmp_path):
    root = make(tmp_path)
    run(root, "evaluation", "scaffold", "2022-001", "2024-mid-term", "--no-commit")
    report = root / EVALUATION / "report.md"
    report.write_text("已写的内容", encoding="utf-8")
    result = run(root, "evaluation", "scaffold", "2022-001", "2024-mid-term", "--no-commit")
    assert result.exit_code == 2 and report.read_text(encoding="utf-8") == "已写的内容"


def test_scaffold_and_lint_the_evaluation_plan(tmp_path):
    root = make(tmp_path)
    assert (
        run(
            root, "evaluation", "scaffold", "2022-001", "2024-mid-term", "--plan", "--no-commit"
        ).exit_code
        == 0
    )
    plan = root / EVALUATION / "plan.md"
    assert "## 八、委托评估" in plan.read_text(encoding="utf-8")
    assert run(root, "evaluation", "lint", "2022-001", "2024-mid-term", "--plan").exit_code == 3
    plan.write_text(written(plan.read_text(encoding="utf-8"), None), encoding="utf-8")
    assert run(root, "evaluation", "lint", "2022-001", "2024-mid-term", "--plan").exit_code == 0


def test_lint_without_a_report_says_to_scaffold(tmp_path):
    root = make(tmp_path)
    result = run(root, "evaluation", "lint", "2022-001", "2024-mid-term")
    assert result.exit_code == 2 and "evaluation scaffold 2022-001 2024-mid-term" in result.stderr


def test_advance_records_stages_and_keeps_comments(tmp_path):
    root = make(tmp_path)
    result = run(
        root,
        "evaluation",
        "advance",
        "2022-001",
        "2024-mid-term",
        "research_completed",
        "--on",
        "2024-09-30",
        "--no-commit",
    )
    assert result.exit_code == 0, result.stderr
    text = (root / EVALUATION / "evaluation.toml").read_text(encoding="utf-8")
    assert "research_completed_on = 2024-09-30" in text
    assert "# 联系人" in text


@pytest.mark.parametrize(
    ("stage", "on", "message"),
    [
        ("bogus", "2024-10-01", "未知的阶段“bogus”"),
        ("decided", "2024-10-01", "evaluation decide"),
        ("accepted", "2024-02-30", "--on 的日期“2024-02-30”无效"),
        ("accepted", "2024-07-01", "--on：审查验收 accepted_on（2024-07-01）早于启动日期"),
    ],
)
def test_advance_refuses_bad_stages_and_dates(tmp_path, stage, on, message):
    root = make(tmp_path)
    before = snapshot(root)
    result = run(
        root, "evaluation", "advance", "2022-001", "2024-mid-term", stage, "--on", on, "--no-commit"
    )
    assert result.exit_code == 2
    assert message in result.stderr
    assert snapshot(root) == before


def test_advance_refuses_a_stage_already_recorded_unless_forced(tmp_path):
    root = make(tmp_path)
    args = ("evaluation", "advance", "2022-001", "2024-mid-term", "accepted", "--no-commit", "--on")
    assert run(root, *args, "2024-10-01").exit_code == 0
    again = run(root, *args, "2024-10-02")
    assert again.exit_code == 2 and "已于 2024-10-01 记录审查验收" in again.stderr
    assert run(root, *args, "2024-10-02", "--force").exit_code == 0


def test_submitted_refuses_a_report_that_does_not_lint_unless_forced(tmp_path):
    root = make(tmp_path)
    submit = (
        "evaluation",
        "advance",
        "2022-001",
        "2024-mid-term",
        "submitted",
        "--on",
        "2024-10-20",
        "--no-commit",
    )
    run(root, "evaluation", "scaffold", "2022-001", "2024-mid-term", "--no-commit")
    before = snapshot(root)
    refused = run(root, *submit)
    assert refused.exit_code == 3
    assert (
        "评估报告尚未完成，不能报送（第十九条）" in refused.stderr
        and "第十九条第二款第（八）项" in refused.stderr
    )
    assert snapshot(root) == before
    assert run(root, *submit, "--force").exit_code == 0
    assert str(_evaluation(root)["submitted_on"]) == "2024-10-20"


def test_submitted_accepts_a_finished_report(tmp_path):
    root = make(tmp_path)
    run(root, "evaluation", "scaffold", "2022-001", "2024-mid-term", "--no-commit")
    report = root / EVALUATION / "report.md"
    report.write_text(written(report.read_text(encoding="utf-8")), encoding="utf-8")
    result = run(
        root,
        "evaluation",
        "advance",
        "2022-001",
        "2024-mid-term",
        "submitted",
        "--on",
        "2024-10-20",
        "--no-commit",
    )
    assert result.exit_code == 0, result.stderr


def test_decide_refuses_an_evaluation_not_yet_submitted(tmp_path):
    root = make(tmp_path)
    before = snapshot(root)
    result = run(root, "evaluation", "decide", "2022-001", "2024-mid-term", "--outcome", "adjust",
                 "--on", "2024-11-01", "--no-commit")
    assert result.exit_code == 2
    assert "评估 2024-mid-term 的报告尚未报送决策机关（第十九条），不能记录决定" in result.stderr
    assert snapshot(root) == before


def test_decide_records_the_outcome_by_id_or_label(tmp_path):
    root = make(tmp_path)
    submitted = run(root, "evaluation", "advance", "2022-001", "2024-mid-term", "submitted",
                    "--on", "2024-10-20", "--force", "--no-commit")
    assert submitted.exit_code == 0, submitted.stderr
    result = run(
        root,
        "evaluation",
        "decide",
        "2022-001",
        "2024-mid-term",
        "--outcome",
        "调整",
        "--on",
        "2024-11-01",
        "--no-commit",
    )
    assert result.exit_code == 0, result.stderr
    data = _evaluation(root)
    assert (data["outcome"], str(data["decided_on"])) == ("adjust", "2024-11-01")
    again = run(
        root,
        "evaluation",
        "decide",
        "2022-001",
        "2024-mid-term",
        "--outcome",
        "continue",
        "--on",
        "2024-11-02",
        "--no-commit",
    )
    assert again.exit_code == 2 and "已于 2024-11-01 作出决定“调整”" in again.stderr


def test_decide_refuses_an_outcome_outside_the_vocabulary(tmp_path):
    root = make(tmp_path, profile="renqiu-2023", category="normative")
    before = snapshot(root)
    result = run(
        root,
        "evaluation",
        "decide",
        "2022-001",
        "2024-mid-term",
        "--outcome",
        "adjust",
        "--on",
        "2024-11-01",
        "--no-commit",
    )
    assert result.exit_code == 2
    assert "可用：continue（继续实施）、amend（修改）、repeal（废止）" in result.stderr
    assert snapshot(root) == before


def test_decide_without_outcome_and_no_terminal_exits_2(tmp_path):
    root = make(tmp_path)
    before = snapshot(root)
    result = run(root, "evaluation", "decide", "2022-001", "2024-mid-term", "--on", "2024-11-01")
    assert result.exit_code == 2 and "--outcome" in result.stderr
    assert snapshot(root) == before


def test_progress_new_writes_the_period_report(tmp_path):
    root = make(tmp_path)
    args = (
        "progress",
        "new",
        "2022-001",
        "--period",
        "2024-H2",
        "--submitted-on",
        "2025-01-05",
        "--no-commit",
    )
    result = run(root, *args)
    assert result.exit_code == 0, result.stderr
    assert (root / DECISION / "progress" / "2024-H2.md").is_file()
    assert run(root, "validate").exit_code == 0
    before = snapshot(root)
    again = run(root, *args)
    assert again.exit_code == 2 and "已存在" in again.stderr
    assert snapshot(root) == before
    assert run(root, *args, "--force").exit_code == 0


@pytest.mark.parametrize("period", ["2024-H3", "2024-Q5", "2024-13", "24", "../x", "2024-h1"])
def test_progress_new_refuses_a_bad_period(tmp_path, period):
    root = make(tmp_path)
    before = snapshot(root)
    result = run(
        root, "progress", "new", "2022-001", "--period", period, "--submitted-on", "2025-01-05"
    )
    assert result.exit_code == 2 and "--period" in result.stderr
    assert snapshot(root) == before


def test_progress_new_without_period_and_no_terminal_exits_2(tmp_path):
    root = make(tmp_path)
    before = snapshot(root)
    result = run(root, "progress", "new", "2022-001")
    assert result.exit_code == 2
    assert "缺少必需的选项：--period（报告期间，如 2024-H1）、--submitted-on（报送日期）" in result.stderr
    assert snapshot(root) == before


@pytest.mark.parametrize("group", ["evaluation", "progress"])
def test_every_command_has_chinese_help(group):
    result = run(None, group, "--help")
    assert result.exit_code == 0
    assert "第" in result.stdout


def test_writing_commands_commit_exactly_their_files(tmp_path):
    import subprocess

    root = make(tmp_path)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), "commit", "-qm", "records"], check=True)
    assert run(root, *START[:-1]).exit_code == 0
    assert run(root, "evaluation", "scaffold", "2022-001", "2026-final").exit_code == 0
    log = subprocess.run(["git", "-C", str(root), "log", "--format=%s", "--name-only"],
                         capture_output=True, text=True, check=True).stdout
    assert "启动评估 2022-001：2026-final（终期评估）" in log
    assert f"{DECISION}/evaluations/2026-final/report.md" in log
    status = subprocess.run(["git", "-C", str(root), "status", "--porcelain"],
                            capture_output=True, text=True, check=True).stdout
    assert status == ""
