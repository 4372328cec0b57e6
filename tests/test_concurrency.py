"""One writer at a time, none lost (issue 10, item 1): real processes, real git, real SIGKILL.

Twenty writers at once — on one file and on twenty — leave every write in its file and in exactly
one commit, and a clean ``git status``. A writer killed at a random point leaves a workspace that
validates, whose uncommitted files ``decisiontrack commit`` puts into the history.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import run

CLI = [sys.executable, "-m", "decisiontrack"]
WRITERS = 20


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8",
                          check=True).stdout


def start(root: Path, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([*CLI, "-w", str(root), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", **kwargs)


def finish_all(processes: list[subprocess.Popen]) -> list[tuple[int, str]]:
    return [(p.wait(timeout=120), p.stderr.read()) for p in processes]


def new_commits(root: Path, since: str) -> list[str]:
    return git(root, "rev-list", f"{since}..HEAD").split()


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府").exit_code == 0
    added = run(root, "decision", "add", "--title", "公租房管理办法", "--category", "policy", "--adopted-on",
                "2024-01-08", "--effective-from", "2024-02-01", "--undertaking-unit", "市住房和城乡建设局")
    assert added.exit_code == 0
    return root


def test_twenty_writers_on_one_plan_lose_no_date_and_make_one_commit_each(repo):
    milestones = [f"--milestone=2024-07-{day:02d}:节点{day}" for day in range(1, WRITERS + 1)]
    assert run(repo, "plan", "create", "2024-001", "--responsible-unit", "保障科", *milestones).exit_code == 0
    base = git(repo, "rev-parse", "HEAD").strip()
    writers = [start(repo, "plan", "done", "2024-001", f"m{n}", "--on", f"2024-06-{n:02d}")
               for n in range(1, WRITERS + 1)]
    assert [code for code, _ in finish_all(writers)] == [0] * WRITERS

    text = (repo / "decisions/2024-001/plan.toml").read_text(encoding="utf-8")
    assert sorted(line for line in text.splitlines() if line.startswith("done_on")) == sorted(
        f"done_on = 2024-06-{n:02d}" for n in range(1, WRITERS + 1))
    commits = new_commits(repo, base)
    assert len(commits) == WRITERS
    added = []
    for sha in commits:
        assert git(repo, "show", "--name-only", "--format=", sha).split() == ["decisions/2024-001/plan.toml"]
        diff = git(repo, "show", "--format=", "-U0", sha)
        added += [line for line in diff.splitlines() if line.startswith("+done_on")]
    assert sorted(added) == sorted(f"+done_on = 2024-06-{n:02d}" for n in range(1, WRITERS + 1))
    assert git(repo, "status", "--porcelain") == ""


def test_twenty_writers_on_twenty_files_each_land_in_exactly_one_commit(repo):
    base = git(repo, "rev-parse", "HEAD").strip()
    writers = [start(repo, "feedback", "add", "2024-001", "--received-on", "2024-03-15", "--channel", "letter",
                     "--stance", "oppose", "--summary", f"第{n}条意见") for n in range(WRITERS)]
    assert [code for code, _ in finish_all(writers)] == [0] * WRITERS

    files = sorted((repo / "decisions/2024-001/feedback").glob("*.toml"))
    summaries = sorted(path.read_text(encoding="utf-8").split('summary = "')[1].split('"')[0] for path in files)
    assert summaries == sorted(f"第{n}条意见" for n in range(WRITERS))
    commits = new_commits(repo, base)
    assert len(commits) == WRITERS
    committed = [git(repo, "show", "--name-only", "--format=", sha).split() for sha in commits]
    assert all(len(names) == 1 for names in committed)
    assert sorted(names[0] for names in committed) == [f"decisions/2024-001/feedback/{p.name}" for p in files]
    assert git(repo, "status", "--porcelain") == ""


def test_a_waiting_writer_times_out_with_a_message_and_exit_2(repo, monkeypatch):
    """Another writer holds the lock past ``DECISIONTRACK_LOCK_TIMEOUT``: exit 2, nothing written."""
    from filelock import FileLock

    monkeypatch.setenv("DECISIONTRACK_LOCK_TIMEOUT", "0.5")
    with FileLock(str(repo / ".git" / "decisiontrack.lock")):
        writer = start(repo, "feedback", "add", "2024-001", "--received-on", "2024-03-15", "--channel", "letter",
                       "--stance", "oppose")
        code, stderr = finish_all([writer])[0]
    assert code == 2
    assert stderr.startswith("错误：等待工作区写入锁超过 0.5 秒：另一项写入仍未结束")
    assert not (repo / "decisions/2024-001/feedback").exists()


WRITES = [
    ("feedback", "add", "2024-001", "--received-on", "2024-03-15", "--channel", "visit", "--stance", "support",
     "--summary", "来访意见"),
    ("event", "add", "2024-001", "--kind", "controversy", "--on", "2024-04-01", "--description", "争议"),
    ("decision", "add", "--title", "新登记的决策", "--category", "reform", "--adopted-on", "2024-05-01",
     "--effective-from", "2024-06-01", "--undertaking-unit", "市发展和改革委员会"),
    ("plan", "create", "2024-001", "--responsible-unit", "保障科", "--milestone", "2024-07-01:调查", "--force"),
    ("inspection", "add", "2024-001", "--conducted-on", "2024-05-10", "--method", "onsite",
     "--rectification", "2024-08-31:补齐台账"),
]


def test_writers_killed_at_random_points_leave_a_workspace_that_validates(repo):
    """SIGKILL 30 writers at random points of their run; every record still reads, nothing is lost
    that was committed, and ``decisiontrack commit`` takes in what the killed writers left."""
    rng = random.Random(20241001)
    started = time.monotonic()
    finish_all([start(repo, *WRITES[0])])
    duration = time.monotonic() - started
    committed_before = git(repo, "rev-list", "--count", "HEAD")
    for _ in range(30):
        writer = start(repo, *rng.choice(WRITES))
        time.sleep(rng.uniform(0.2, 1.1) * duration)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    assert int(git(repo, "rev-list", "--count", "HEAD")) >= int(committed_before)

    result = run(repo, "validate")
    assert result.exit_code == 0, result.stdout
    assert all("警告：" in line for line in result.stdout.splitlines()[:-1])
    assert run(repo, "check", "--as-of", "2024-12-31", "--fail-on", "never").exit_code == 0
    for leftover in list(repo.rglob(".*.tmp")):  # a killed write's staging file or folder (validate warns)
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink(missing_ok=True)
    assert run(repo, "commit", "-m", "补交中断的写入").exit_code == 0
    assert git(repo, "status", "--porcelain") == ""
    assert run(repo, "validate", "--strict").exit_code == 0
    assert run(repo, *WRITES[0]).exit_code == 0  # the lock of a killed writer died with it


def test_a_writer_killed_with_its_git_mid_commit_is_recovered(repo, tmp_path):
    """Kill the writer, its git and the hook git runs while the commit is under way: the record is
    written and staged but not committed; the workspace validates and ``commit`` takes it in."""
    started = tmp_path / "hook-started"
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(f"#!/bin/sh\ntouch '{started}'\nsleep 30\n")
    hook.chmod(0o755)
    writer = start(repo, *WRITES[0], start_new_session=True)
    deadline = time.monotonic() + 30
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started.exists()
    os.killpg(writer.pid, signal.SIGKILL)
    writer.wait()
    hook.unlink()

    result = run(repo, "validate")
    assert result.exit_code == 0
    assert "警告：尚未提交到 git（新文件）" in result.stdout
    assert git(repo, "diff", "--cached", "--name-only").startswith("decisions/2024-001/feedback/")
    assert run(repo, "commit", "-m", "补交").exit_code == 0
    assert git(repo, "status", "--porcelain") == ""


def test_a_waiting_person_is_told_why_nothing_happens(repo, monkeypatch):
    """After ``NOTICE_AFTER`` seconds a person at a terminal is told, once, that another writer holds the lock."""
    from datetime import date

    from filelock import FileLock

    from decisiontrack.errors import UserError
    from decisiontrack.ops.entries import add_opinion
    from decisiontrack.store import transaction

    told: list[str] = []
    monkeypatch.setattr(transaction, "NOTICE_AFTER", 0.1)
    monkeypatch.setattr(transaction, "wait_notice", told.append)
    monkeypatch.setenv("DECISIONTRACK_LOCK_TIMEOUT", "0.4")
    fields = {"received_on": date(2024, 3, 15), "channel": "letter", "stance": "oppose"}
    with FileLock(str(repo / ".git" / "decisiontrack.lock")), pytest.raises(UserError, match="等待工作区写入锁超过 0.4 秒"):
        add_opinion(repo, "2024-001", fields)
    assert told == [f"其他人正在写入工作区，正在等待（锁文件 {repo / '.git' / 'decisiontrack.lock'}）……"]
    add_opinion(repo, "2024-001", fields)
    assert len(told) == 1  # a free lock is taken at once, without a notice
