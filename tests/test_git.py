"""The audit trail: each writing command is one commit of exactly the files it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import commits, git, last_commit, run, workspace


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "ws"
    result = run(None, "init", str(root), "--org", "鄂尔多斯市人民政府", "--profile", "ordos-2024")
    assert result.exit_code == 0
    return root


def written(result) -> list[str]:
    return sorted(
        line.removeprefix("已写入 ")
        for line in result.stdout.splitlines()
        if line.startswith("已写入 ")
    )


def test_init_commits_the_new_workspace(repo):
    assert commits(repo) == ["新建工作区"]
    assert last_commit(repo) == (
        "新建工作区",
        [".gitignore", "decisions/.gitkeep", "decisiontrack.toml"],
    )
    assert git(repo, "status", "--porcelain") == ""


def test_a_day_of_work_is_one_commit_per_command_touching_exactly_its_files(repo):
    (repo / "草稿.txt").write_text("未提交的个人笔记\n", encoding="utf-8")
    steps = [
        (
            (
                "decision",
                "add",
                "--title",
                "鄂尔多斯市“十四五”生态环境保护规划",
                "--category",
                "plan",
                "--adopted-on",
                "2021-12-01",
                "--effective-from",
                "2022-01-01",
                "--effective-until",
                "2026-12-31",
                "--undertaking-unit",
                "市生态环境局",
            ),
            "登记决策 2021-001：鄂尔多斯市“十四五”生态环境保护规划",
        ),
        (
            (
                "plan",
                "create",
                "2021-001",
                "--responsible-unit",
                "市生态环境局规划科",
                "--milestone",
                "2024-06-30:完成年度跟踪调查",
            ),
            "制定跟踪反馈工作方案 2021-001：市生态环境局规划科，1个时间节点",
        ),
        (
            ("plan", "done", "2021-001", "m1", "--on", "2024-06-20"),
            "完成时间节点 2021-001：m1（2024-06-20）",
        ),
        (
            (
                "feedback",
                "add",
                "2021-001",
                "--received-on",
                "2024-03-15",
                "--channel",
                "letter",
                "--stance",
                "oppose",
                "--submitter-name",
                "张某某",
            ),
            "登记意见 2021-001：信函意见（2024-03-15）",
        ),
        (
            ("event", "add", "2021-001", "--kind", "problem", "--on", "2024-04-01"),
            "登记事实 2021-001：执行中发现严重问题（2024-04-01）",
        ),
        (
            (
                "inspection",
                "add",
                "2021-001",
                "--conducted-on",
                "2024-05-10",
                "--method",
                "onsite",
                "--rectification",
                "2024-08-31:补齐监测台账",
            ),
            "登记督查 2021-001：实地督查（2024-05-10，1项整改）",
        ),
    ]
    for args, message in steps:
        before = len(commits(repo))
        result = run(repo, *args)
        assert result.exit_code == 0, result.stderr
        assert len(commits(repo)) == before + 1
        assert last_commit(repo) == (message, written(result))

    event = next((repo / "decisions/2021-001/events").glob("*.toml")).stem
    result = run(repo, "event", "reported", "2021-001", event, "--on", "2024-04-03")
    assert last_commit(repo) == (
        f"报告事实 2021-001：{event} 于 2024-04-03 向决策机关报告",
        [f"decisions/2021-001/events/{event}.toml"],
    )
    inspection = next((repo / "decisions/2021-001/inspections").glob("*.toml")).stem
    result = run(repo, "inspection", "done", "2021-001", inspection, "r1", "--on", "2024-08-20")
    assert result.exit_code == 0
    assert last_commit(repo) == (
        f"完成整改 2021-001：{inspection} 整改事项 r1（2024-08-20）",
        [f"decisions/2021-001/inspections/{inspection}.toml"],
    )
    assert git(repo, "status", "--porcelain") == "?? 草稿.txt\n"

    history = run(repo, "history", "2021-001")
    assert history.exit_code == 0
    subjects = [message for _, message in steps] + [
        f"报告事实 2021-001：{event} 于 2024-04-03 向决策机关报告",
        f"完成整改 2021-001：{inspection} 整改事项 r1（2024-08-20）",
    ]
    for subject in subjects:
        assert subject in history.stdout
    lines = [line for line in history.stdout.splitlines() if " 2021-001：" in line]
    assert len(lines) == 8
    assert all("测试员" in line for line in lines)
    assert "完成整改 2021-001" in lines[0] and "登记决策 2021-001" in lines[-1]


def test_no_commit_writes_but_does_not_commit(repo):
    result = run(
        repo,
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
        "--no-commit",
    )
    assert result.exit_code == 0
    assert commits(repo) == ["新建工作区"]
    assert git(repo, "status", "--porcelain") == "?? decisions/2024-001/\n"


def test_auto_commit_false_in_the_settings_makes_no_commit(repo):
    settings = repo / "decisiontrack.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("auto_commit = true", "auto_commit = false"),
        encoding="utf-8",
    )
    run(
        repo,
        "decision",
        "add",
        "--title",
        "公租房办法",
        "--category",
        "policy",
        "--adopted-on",
        "2024-01-08",
        "--effective-from",
        "2024-02-01",
        "--undertaking-unit",
        "市住房和城乡建设局",
    )
    assert commits(repo) == ["新建工作区"]


def test_a_refused_command_makes_no_commit(repo):
    result = run(
        repo,
        "decision",
        "add",
        "--title",
        "x",
        "--category",
        "plans",
        "--adopted-on",
        "2024-01-08",
        "--effective-from",
        "2024-02-01",
        "--undertaking-unit",
        "市发展和改革委员会",
    )
    assert result.exit_code == 2
    assert commits(repo) == ["新建工作区"]


def test_a_workspace_without_git_works_and_has_no_history(tmp_path):
    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府", "--no-git").exit_code == 0
    result = run(
        root,
        "decision",
        "add",
        "--title",
        "公租房办法",
        "--category",
        "policy",
        "--adopted-on",
        "2024-01-08",
        "--effective-from",
        "2024-02-01",
        "--undertaking-unit",
        "市住房和城乡建设局",
    )
    assert result.exit_code == 0
    assert result.stderr == ""
    assert not (root / ".git").exists()
    history = run(root, "history", "2024-001")
    assert history.exit_code == 0
    assert history.stdout == "工作区不是 git 仓库，没有修改历史。\n"


def test_history_refuses_an_unknown_or_unsafe_id(repo):
    assert run(repo, "history", "2024-009").exit_code == 2
    result = run(repo, "history", "../x")
    assert result.exit_code == 2
    assert "错误：决策编号：编号“../x”无效" in result.stderr


def test_a_workspace_built_by_hand_is_not_a_repository(tmp_path):
    root = workspace(tmp_path / "ws", {"decisions/.gitkeep": ""})
    result = run(root, "history", "2024-001")
    assert result.exit_code == 2
