"""``decision rename``, ``undo`` and ``history``: the audit trail stays whole."""

from __future__ import annotations

import tomllib

import pytest

from tests.helpers import commits, git, last_commit, run, snapshot
from tests.lifecycle.conftest import DECISION

REPORT = "decisions/2023-001/evaluations/2024-special/report.md"


@pytest.fixture
def worked(repo):
    """2023-001 with a plan, an evaluation and its report, each committed by the tool."""
    assert run(repo, "plan", "create", "2023-001", "--responsible-unit", "价格科",
               "--milestone", "2024-06-30:完成调查").exit_code == 0
    assert run(repo, "evaluation", "start", "2023-001", "--kind", "special", "--addresses", "12.1",
               "--started-on", "2024-03-01", "--evaluator", "市发展和改革委员会").exit_code == 0
    assert run(repo, "evaluation", "scaffold", "2023-001", "2024-special").exit_code == 0
    return repo


def test_rename_moves_every_file_in_one_commit_and_the_references_follow(worked):
    result = run(worked, "decision", "rename", "2023-001", "2023-008")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "决策 2023-001 已改为 2023-008。"
    assert not (worked / "decisions/2023-001").exists()
    new = worked / "decisions/2023-008"
    decision = (new / "decision.toml").read_text(encoding="utf-8")
    assert 'id = "2023-008"' in decision and "# 科室批注：下一次常务会议复核" in decision
    assert 'decision = "2023-008"' in (new / "evaluations/2024-special/report.md").read_text(encoding="utf-8")
    subject = last_commit(worked)[0]
    assert subject == "更改编号 2023-008：由 2023-001 改为 2023-008"
    files = git(worked, "show", "--no-renames", "--name-only", "--format=", "HEAD").split()
    assert sorted(files) == sorted([
        "decisions/2023-001/decision.toml", "decisions/2023-001/plan.toml",
        "decisions/2023-001/evaluations/2024-special/evaluation.toml", REPORT,
        "decisions/2023-008/decision.toml", "decisions/2023-008/plan.toml",
        "decisions/2023-008/evaluations/2024-special/evaluation.toml",
        "decisions/2023-008/evaluations/2024-special/report.md"])
    followed = git(worked, "log", "--follow", "--format=%s", "--", "decisions/2023-008/plan.toml").splitlines()
    assert followed == [subject, "制定跟踪反馈工作方案 2023-001：价格科，1个时间节点"]
    assert "R" in git(worked, "show", "--name-status", "--format=", "HEAD")  # git sees renames, as after git mv
    assert run(worked, "validate").exit_code == 0
    assert run(worked, "evaluation", "lint", "2023-008", "2024-special").exit_code == 3  # still a draft, but found
    history = run(worked, "history", "2023-008")
    assert "登记" in history.stdout and "（手工提交）登记" in history.stdout
    assert "制定跟踪反馈工作方案 2023-001：价格科，1个时间节点" in history.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2023-001", "2023-001"), "新编号与原编号相同（2023-001）"),
        (("2023-001", "../x"), "新编号：编号“../x”无效"),
        (("2023-404", "2023-405"), "未知的决策编号 2023-404"),
    ],
)
def test_refused_renames(worked, args, message):
    before = snapshot(worked), commits(worked)
    result = run(worked, "decision", "rename", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert (snapshot(worked), commits(worked)) == before


def test_rename_refuses_an_id_in_use(worked):
    other = worked / "decisions/2023-002/decision.toml"
    other.parent.mkdir()
    other.write_text((worked / DECISION).read_text(encoding="utf-8").replace("2023-001", "2023-002"), encoding="utf-8")
    result = run(worked, "decision", "rename", "2023-001", "2023-002")
    assert result.exit_code == 2
    assert "编号 2023-002 已被使用" in result.stderr


def test_undo_reverts_the_last_tool_commit_with_a_new_commit(worked):
    before = (worked / DECISION).read_bytes()
    assert run(worked, "decision", "set", "2023-001", "--title", "新名称").exit_code == 0
    changed = git(worked, "rev-parse", "HEAD").strip()
    result = run(worked, "undo")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "已撤销：修改 2023-001：名称"
    assert (worked / DECISION).read_bytes() == before
    assert last_commit(worked) == ("撤销 2023-001：修改 2023-001：名称", [DECISION])
    body = git(worked, "log", "-1", "--format=%b")
    assert "Decisiontrack-Command: undo" in body and f"Decisiontrack-Reverts: {changed}" in body
    assert git(worked, "rev-parse", "HEAD~1").strip() == changed  # history is kept, not rewritten


def test_undo_of_a_rename_brings_the_old_folder_back(worked):
    run(worked, "decision", "rename", "2023-001", "2023-008")
    assert run(worked, "undo").exit_code == 0
    assert (worked / DECISION).is_file() and not (worked / "decisions/2023-008").exists()
    assert run(worked, "validate").exit_code == 0


def test_undo_of_an_added_decision_removes_its_folder(repo):
    assert run(repo, "decision", "add", "--title", "公租房办法", "--category", "policy",
               "--adopted-on", "2024-01-08", "--effective-from", "2024-02-01",
               "--undertaking-unit", "市住房和城乡建设局").exit_code == 0
    result = run(repo, "undo")
    assert result.exit_code == 0
    assert "已移除 decisions/2024-001/decision.toml" in result.stdout
    assert not (repo / "decisions/2024-001").exists()
    assert run(repo, "check", "--as-of", "2024-06-01", "--fail-on", "never").exit_code == 0


def test_undo_refuses_a_commit_made_by_hand(repo):
    before = snapshot(repo), commits(repo)
    result = run(repo, "undo")
    assert result.exit_code == 2
    assert "最后一次提交" in result.stderr and "“登记”不是本工具所作" in result.stderr
    assert (snapshot(repo), commits(repo)) == before


def test_undo_refuses_a_commit_that_is_not_the_last(worked):
    first = git(worked, "rev-parse", "HEAD~1").strip()
    before = snapshot(worked), commits(worked)
    result = run(worked, "undo", first[:10])
    assert result.exit_code == 2
    assert f"只能撤销最后一次提交：{first[:10]} 不是最后一次提交" in result.stderr
    assert (snapshot(worked), commits(worked)) == before
    assert run(worked, "undo", "nosuchcommit").exit_code == 2
    head = git(worked, "rev-parse", "HEAD").strip()
    assert run(worked, "undo", head[:8]).exit_code == 0


def test_undo_refuses_when_the_file_changed_since(worked):
    run(worked, "decision", "set", "2023-001", "--title", "新名称")
    (worked / DECISION).write_text((worked / DECISION).read_text(encoding="utf-8") + "# 手改\n", encoding="utf-8")
    before = snapshot(worked), commits(worked)
    result = run(worked, "undo")
    assert result.exit_code == 2
    assert f"这些文件在最后一次提交后又被修改，尚未提交：{DECISION}" in result.stderr
    assert (snapshot(worked), commits(worked)) == before


def test_undo_and_history_outside_git(tmp_path):
    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--org", "市政府", "--no-git").exit_code == 0
    result = run(root, "undo")
    assert result.exit_code == 2
    assert "工作区不在 git 仓库中，没有可撤销的提交" in result.stderr
    assert run(root, "history").stdout == "工作区不是 git 仓库，没有修改历史。\n"


def test_history_of_the_workspace_names_each_command_and_its_fields(worked):
    run(worked, "decision", "set", "2023-001", "--effective-until", "2027-12-31", "--title", "新名称")
    result = run(worked, "history")
    assert result.exit_code == 0
    lines = result.stdout
    for subject in ["修改 2023-001：名称、有效期至", "生成评估文书框架 2023-001：评估 2024-special 的评估报告框架",
                    "启动评估 2023-001：2024-special（专项评估）", "新建工作区", "测试员"]:
        assert subject in lines
    assert lines.index("修改 2023-001") < lines.index("新建工作区")


def test_a_decision_file_after_undo_reads_as_before(worked):
    run(worked, "decision", "status", "2023-001", "停止执行", "--on", "2024-06-20")
    run(worked, "undo")
    assert "status" not in tomllib.loads((worked / DECISION).read_text(encoding="utf-8"))
