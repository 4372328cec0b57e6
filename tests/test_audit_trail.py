"""The audit trail is never silently incomplete: git refusing is exit 4, hand edits are committed
and said so, ``decisiontrack commit`` and ``validate`` close the gap (issue 10, items 1–2).

Commit subjects are Chinese wording another helper may change: these tests read trailers, files
and counts.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from decisiontrack.store import git as store_git
from tests.helpers import run, snapshot

ADD = ("decision", "add", "--title", "鄂尔多斯市公共租赁住房管理办法", "--category", "policy",
       "--adopted-on", "2024-01-08", "--effective-from", "2024-02-01", "--undertaking-unit", "市住房和城乡建设局")
OPINION = ("feedback", "add", "2024-001", "--received-on", "2024-03-15", "--channel", "letter", "--stance", "oppose")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "core.quotePath=false", "-C", str(root), *args],
                          capture_output=True, text=True, encoding="utf-8", check=True).stdout


def commit_count(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD"))


def head_files(root: Path) -> list[str]:
    return sorted(line for line in git(root, "show", "--name-only", "--format=", "HEAD").splitlines() if line)


def trailers(root: Path) -> dict[str, str]:
    text = git(root, "log", "-1", "--format=%(trailers:only,unfold)")
    return dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府").exit_code == 0
    assert run(root, *ADD).exit_code == 0
    return root


def test_every_write_carries_trailers_naming_command_and_decision(repo):
    assert trailers(repo) == {"Decisiontrack-Command": "decision add", "Decisiontrack-Decision": "2024-001"}
    assert head_files(repo) == ["decisions/2024-001/decision.toml"]


def assert_not_committed(result, root: Path, before: int, *phrases: str, staged: str = "") -> None:
    """Exit 4: the file is written and named, the message says why and what to run, no commit."""
    assert result.exit_code == 4, result.output
    written = [line.removeprefix("已写入 ") for line in result.stdout.splitlines() if line.startswith("已写入 ")]
    assert len(written) == 1 and (root / written[0]).is_file()
    assert "错误：已写入但未提交到 git：" in result.stderr
    assert "decisiontrack commit -m" in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr
    assert commit_count(root) == before
    assert git(root, "diff", "--cached", "--name-only") == staged  # the index is left as it was


def test_a_stale_index_lock_is_exit_4_naming_the_lock_and_the_fix(repo, monkeypatch):
    """A ``.git/index.lock`` older than five minutes with no git working here: reported with ``rm``."""
    monkeypatch.setattr(store_git, "_git_running", lambda repository: False)
    lock = repo / ".git" / "index.lock"
    lock.write_text("")
    old = time.time() - 600
    os.utime(lock, (old, old))
    before = commit_count(repo)
    result = run(repo, *OPINION)
    assert_not_committed(result, repo, before, f"git 的锁文件 {lock} 已存在 10 分钟", f"请删除它：rm {lock}")
    lock.unlink()
    result = run(repo, "commit", "-m", "补交意见")
    assert result.exit_code == 0
    assert commit_count(repo) == before + 1
    assert git(repo, "status", "--porcelain") == ""


def test_a_live_index_lock_is_waited_for_then_exit_4(repo, monkeypatch):
    """A fresh lock (a ``git pull`` running) is waited for a few seconds, then reported, not removed."""
    monkeypatch.setattr(store_git, "INDEX_LOCK_WAIT_SECONDS", 0.3)
    lock = repo / ".git" / "index.lock"
    lock.write_text("")
    before = commit_count(repo)
    result = run(repo, *OPINION)
    assert_not_committed(result, repo, before, "另一个 git 程序正在使用仓库", "请等它结束")
    assert lock.exists()


def test_an_old_lock_while_git_works_here_is_not_called_stale(repo, monkeypatch):
    monkeypatch.setattr(store_git, "INDEX_LOCK_WAIT_SECONDS", 0.3)
    monkeypatch.setattr(store_git, "_git_running", lambda repository: True)
    lock = repo / ".git" / "index.lock"
    lock.write_text("")
    os.utime(lock, (time.time() - 600, time.time() - 600))
    result = run(repo, *OPINION)
    assert result.exit_code == 4
    assert "另一个 git 程序正在使用仓库" in result.stderr and "rm " not in result.stderr


def test_no_git_identity_is_exit_4_saying_how_to_set_it(repo, monkeypatch):
    for name in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    git(repo, "config", "user.useConfigOnly", "true")
    before = commit_count(repo)
    result = run(repo, *OPINION)
    assert_not_committed(result, repo, before, 'git config user.name "姓名"', 'git config user.email "邮箱"')


def test_a_failing_hook_is_exit_4_with_the_hooks_words(repo):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho '本单位规定：提交前须经科长审核' >&2\nexit 1\n")
    hook.chmod(0o755)
    before = commit_count(repo)
    result = run(repo, *OPINION)
    assert_not_committed(result, repo, before, "git 拒绝提交", "本单位规定：提交前须经科长审核")
    hook.unlink()
    assert run(repo, "commit", "-m", "补交意见").exit_code == 0
    assert git(repo, "status", "--porcelain") == ""


def test_files_staged_by_someone_else_are_not_swept_into_the_commit(repo):
    (repo / "草稿.txt").write_text("个人笔记\n", encoding="utf-8")
    git(repo, "add", "草稿.txt")
    before = commit_count(repo)
    result = run(repo, *OPINION)
    assert_not_committed(result, repo, before, "暂存区中已有其他文件（草稿.txt）", "git restore --staged",
                         staged="草稿.txt\n")


def test_on_a_detached_head_the_write_is_committed_with_a_warning(repo):
    git(repo, "checkout", "-q", "--detach")
    before = commit_count(repo)
    result = run(repo, *OPINION)
    assert result.exit_code == 0
    assert "警告：仓库处于分离 HEAD 状态" in result.stderr and "git switch -c" in result.stderr
    assert commit_count(repo) == before + 1


def test_a_hand_edited_file_rewritten_by_a_command_is_committed_saying_so(repo):
    plan = ("plan", "create", "2024-001", "--responsible-unit", "保障科", "--milestone", "2024-06-30:入户调查")
    assert run(repo, *plan).exit_code == 0
    path = repo / "decisions/2024-001/plan.toml"
    path.write_text(path.read_text(encoding="utf-8") + "# 科长批注：按时完成\n", encoding="utf-8")
    before = commit_count(repo)
    assert run(repo, "plan", "done", "2024-001", "m1", "--on", "2024-06-20").exit_code == 0
    assert commit_count(repo) == before + 1
    assert "一并提交此前未提交的手工修改" in git(repo, "log", "-1", "--format=%s")
    assert trailers(repo)["Decisiontrack-Hand-Edited"] == "decisions/2024-001/plan.toml"
    assert "# 科长批注：按时完成" in git(repo, "show", "HEAD:decisions/2024-001/plan.toml")


def test_an_ordinary_write_has_no_hand_edited_trailer(repo):
    assert run(repo, *OPINION).exit_code == 0
    assert "Decisiontrack-Hand-Edited" not in trailers(repo)


def test_rewriting_a_file_as_it_was_is_not_a_refusal(repo):
    before = commit_count(repo)
    result = run(repo, *ADD, "--id", "2024-001", "--force")
    assert result.exit_code == 0, result.stderr
    assert commit_count(repo) == before


def test_commit_puts_hand_edits_into_the_history(repo):
    decision = repo / "decisions/2024-001/decision.toml"
    decision.write_text(decision.read_text(encoding="utf-8").replace("2024-02-01", "2024-03-01"), encoding="utf-8")
    (repo / "decisions/2024-001/feedback").mkdir()
    (repo / "decisions/2024-001/feedback/20240315-visit-0a1b.toml").write_text(
        'received_on = 2024-03-15\nchannel = "visit"\nstance = "support"\n', encoding="utf-8")
    (repo / "草稿.txt").write_text("不是记录文件\n", encoding="utf-8")
    before = commit_count(repo)
    result = run(repo, "commit", "-m", "更正 2024-001 的施行日期，补录来访意见")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("已提交 decisions/2024-001/decision.toml\n"
                             "已提交 decisions/2024-001/feedback/20240315-visit-0a1b.toml\n共提交 2 个文件。\n")
    assert commit_count(repo) == before + 1
    assert git(repo, "log", "-1", "--format=%s") == "更正 2024-001 的施行日期，补录来访意见\n"
    assert trailers(repo)["Decisiontrack-Command"] == "commit"
    assert git(repo, "status", "--porcelain") == "?? 草稿.txt\n"


def test_commit_records_a_file_deleted_by_hand(repo):
    assert run(repo, *OPINION).exit_code == 0
    entry = next((repo / "decisions/2024-001/feedback").glob("*.toml"))
    entry.unlink()
    result = run(repo, "commit", "-m", "删除重复登记的意见")
    assert result.exit_code == 0
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "show", "--name-status", "--format=", "HEAD").startswith("D\t")


def test_commit_with_nothing_to_commit_says_so(repo):
    before = commit_count(repo)
    result = run(repo, "commit", "-m", "无修改")
    assert result.exit_code == 0
    assert result.stdout == "没有需要提交的修改：记录文件与最近一次提交相同。\n"
    assert commit_count(repo) == before


def test_commit_refuses_a_broken_record_with_its_line_and_commits_nothing(repo):
    decision = repo / "decisions/2024-001/decision.toml"
    decision.write_text(decision.read_text(encoding="utf-8").replace('category = "policy"', 'category = "polcy"'),
                        encoding="utf-8")
    before = commit_count(repo)
    result = run(repo, "commit", "-m", "修改类别")
    assert result.exit_code == 3
    assert 'decisions/2024-001/decision.toml:3: category 的值“polcy”无效' in result.stderr
    assert commit_count(repo) == before


def test_commit_of_chosen_paths_leaves_the_others(repo):
    assert run(repo, *ADD).exit_code == 0  # 2024-002
    for decision_id in ("2024-001", "2024-002"):
        path = repo / f"decisions/{decision_id}/decision.toml"
        path.write_text(path.read_text(encoding="utf-8") + "# 批注\n", encoding="utf-8")
    result = run(repo, "commit", "-m", "批注 2024-002", str(repo / "decisions/2024-002"))
    assert result.exit_code == 0
    assert head_files(repo) == ["decisions/2024-002/decision.toml"]
    assert git(repo, "status", "--porcelain") == " M decisions/2024-001/decision.toml\n"


@pytest.mark.parametrize(("message", "expected"), [
    (" ", "错误：-m：提交说明不能为空"),
    ("更正\x1b[31m日期", "错误：-m：提交说明“更正\\x1b[31m日期”含有控制字符"),
])
def test_commit_refuses_a_blank_or_pasted_message(repo, message, expected):
    before = commit_count(repo)
    result = run(repo, "commit", "-m", message)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert commit_count(repo) == before


def test_commit_refused_by_git_is_exit_4_without_claiming_a_write(repo):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho '须经科长审核' >&2\nexit 1\n")
    hook.chmod(0o755)
    decision = repo / "decisions/2024-001/decision.toml"
    decision.write_text(decision.read_text(encoding="utf-8") + "# 批注\n", encoding="utf-8")
    result = run(repo, "commit", "-m", "批注")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr.startswith("错误：未能提交到 git：git 拒绝提交") and "须经科长审核" in result.stderr


def test_commit_outside_git_is_a_usage_error(tmp_path):
    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府", "--no-git").exit_code == 0
    result = run(root, "commit", "-m", "x")
    assert result.exit_code == 2
    assert "工作区不在 git 仓库中" in result.stderr


def test_commit_works_when_auto_commit_is_off(repo):
    settings = repo / "decisiontrack.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("auto_commit = true", "auto_commit = false"),
                        encoding="utf-8")
    result = run(repo, "commit", "-m", "关闭自动提交")
    assert result.exit_code == 0
    assert head_files(repo) == ["decisiontrack.toml"]


def test_validate_lists_uncommitted_record_files_as_warnings_and_strict_fails(repo):
    assert run(repo, *OPINION, "--no-commit").exit_code == 0
    entry = next((repo / "decisions/2024-001/feedback").glob("*.toml")).name
    decision = repo / "decisions/2024-001/decision.toml"
    decision.write_text(decision.read_text(encoding="utf-8") + "# 批注\n", encoding="utf-8")
    leftover = repo / "decisions/2024-001/.decision.toml.k3j2h1.tmp"
    leftover.write_text("id = ")
    (repo / "草稿.txt").write_text("不是记录文件\n", encoding="utf-8")
    result = run(repo, "validate")
    assert result.exit_code == 0
    assert result.stdout == (
        "decisions/2024-001/.decision.toml.k3j2h1.tmp: 警告：是写入中断后残留的临时文件，可以删除\n"
        "decisions/2024-001/decision.toml: 警告：与最近一次提交不同（有未提交的修改）；"
        "确认无误后运行 decisiontrack commit -m \"说明\" 提交\n"
        f"decisions/2024-001/feedback/{entry}: 警告：尚未提交到 git（新文件）；"
        "确认无误后运行 decisiontrack commit -m \"说明\" 提交\n"
        "校验通过：1 项决策，3 个警告。\n"
    )
    strict = run(repo, "validate", "--strict")
    assert strict.exit_code == 3
    assert strict.stderr == "发现 0 个错误、3 个警告（--strict：有警告也不通过）。\n"
    leftover.unlink()
    assert run(repo, "commit", "-m", "补交").exit_code == 0
    assert run(repo, "validate", "--strict").exit_code == 0


def test_a_deleted_record_file_is_listed_by_validate(repo):
    (repo / "decisions/2024-001/decision.toml").unlink()
    result = run(repo, "validate")
    assert "decisions/2024-001/decision.toml: 警告：已删除，但删除尚未提交到 git" in result.stdout


def test_a_write_that_fails_before_its_commit_leaves_no_trace(repo, monkeypatch):
    """An error inside the transaction rolls back: no file, no empty folder, no commit."""
    from decisiontrack.ops import entries

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    before, count = snapshot(repo), commit_count(repo)
    monkeypatch.setattr(entries, "entry_file_name", lambda day, kind, folder: "x.toml")
    monkeypatch.setattr("decisiontrack.store.atomic.os.fsync", broken)
    result = run(repo, *OPINION)
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：无法写入 ") and result.stderr.endswith("x.toml：磁盘空间已满\n")
    assert snapshot(repo) == before
    assert not (repo / "decisions/2024-001/feedback").exists()
    assert commit_count(repo) == count


def test_a_workspace_in_a_subfolder_with_spaces_of_a_larger_repository(tmp_path):
    """Several workspaces may share one repository; names with spaces are no problem for the trail."""
    top = tmp_path / "共享 仓库"
    top.mkdir()
    git(top, "init", "-q")
    (top / "其他科室.txt").write_text("别的单位的文件\n", encoding="utf-8")
    git(top, "add", "其他科室.txt")
    git(top, "commit", "-q", "-m", "其他")
    root = top / "法制科 台账"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府").exit_code == 0
    assert run(root, *ADD).exit_code == 0
    plan = ("plan", "create", "2024-001", "--responsible-unit", "保障科", "--milestone", "2024-06-30:入户调查")
    assert run(root, *plan).exit_code == 0
    path = root / "decisions/2024-001/plan.toml"
    path.write_text(path.read_text(encoding="utf-8") + "# 批注\n", encoding="utf-8")
    assert "decisions/2024-001/plan.toml: 警告：与最近一次提交不同" in run(root, "validate").stdout
    assert run(root, "plan", "done", "2024-001", "m1", "--on", "2024-06-20").exit_code == 0
    assert trailers(top)["Decisiontrack-Hand-Edited"] == "法制科 台账/decisions/2024-001/plan.toml"
    assert git(top, "status", "--porcelain") == ""
    assert (top / ".git" / "decisiontrack.lock").exists()


def test_a_record_ignored_by_gitignore_is_exit_4_naming_the_cause(repo):
    (repo / ".gitignore").write_text("out/\nfeedback/\n", encoding="utf-8")
    before = commit_count(repo)
    result = run(repo, *OPINION)
    assert_not_committed(result, repo, before, "记录文件被 .gitignore 忽略", "请从 .gitignore 中删去相应的规则")


def test_validate_names_a_record_file_that_gitignore_hides(repo):
    (repo / ".gitignore").write_text("out/\n*.bak.toml\n", encoding="utf-8")
    (repo / "decisions/2024-001/plan.bak.toml").write_text('responsible_unit = "保障科"\n', encoding="utf-8")
    result = run(repo, "validate")
    assert ("decisions/2024-001/plan.bak.toml: 警告：被 .gitignore 忽略，永远不会进入 git 历史；"
            "请从 .gitignore 中删去相应的规则") in result.stdout
    assert run(repo, "commit", "-m", "x").stdout == "没有需要提交的修改：记录文件与最近一次提交相同。\n"


def test_a_commit_without_hooks_is_the_commit_git_commit_would_make(repo):
    """Without commit hooks or signing the tool commits by plumbing (no lstat of every tracked file):
    the same parent, author, message, reflog entry and a clean work tree."""
    parent = git(repo, "rev-parse", "HEAD").strip()
    assert run(repo, *OPINION, "--summary", "收费偏高").exit_code == 0
    assert git(repo, "rev-parse", "HEAD^").strip() == parent
    assert git(repo, "log", "-1", "--format=%an <%ae>|%cn").strip() == "测试员 <tester@example.org>|测试员"
    subject = git(repo, "log", "-1", "--format=%s").strip()
    assert subject.startswith("登记意见 2024-001：")
    assert git(repo, "log", "-1", "--format=%B").endswith("Decisiontrack-Decision: 2024-001\n\n")
    assert git(repo, "reflog", "-1", "--format=%gs").strip() == f"commit: {subject}"
    assert git(repo, "reflog", "--format=%gs").splitlines()[-1] == "commit (initial): 新建工作区"
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "symbolic-ref", "HEAD").strip() in ("refs/heads/master", "refs/heads/main")


@pytest.mark.parametrize("where", ["hooks", "hooks-path"])
def test_commit_hooks_still_run_wherever_git_looks_for_them(repo, tmp_path, where):
    """A repository with a commit hook gets the porcelain ``git commit``: the hook runs (also from
    ``core.hooksPath``)."""
    ran = tmp_path / "post-commit-ran"
    folder = repo / ".git" / "hooks" if where == "hooks" else tmp_path / "office-hooks"
    folder.mkdir(parents=True, exist_ok=True)
    if where == "hooks-path":
        git(repo, "config", "core.hooksPath", str(folder))
    hook = folder / "post-commit"
    hook.write_text(f"#!/bin/sh\ntouch '{ran}'\n")
    hook.chmod(0o755)
    assert run(repo, *OPINION).exit_code == 0
    assert ran.exists()
    assert trailers(repo)["Decisiontrack-Command"] == "feedback add"


def test_a_large_batch_is_stored_as_one_pack_not_thousands_of_object_files(repo):
    """An import writes hundreds of records in one commit: their contents go into one pack first
    (``git fast-import``), so ``git add`` creates no object file per record."""
    from decisiontrack.store.git import PREPACK_FROM, find_repository

    names = [f"decisions/2024-001/notes/n{i:03d}.toml" for i in range(PREPACK_FROM)]
    for name in names:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(f'note = "{name}"\n', encoding="utf-8")
    loose_before = int(dict(line.split(": ") for line in git(repo, "count-objects", "-v").splitlines())["count"])
    assert store_git.commit(find_repository(repo), names, "批量写入") == []
    counts = dict(line.split(": ") for line in git(repo, "count-objects", "-v").splitlines())
    assert int(counts["in-pack"]) >= PREPACK_FROM
    assert int(counts["count"]) - loose_before < 10  # the trees and the commit, no blob
    assert sorted(git(repo, "show", "--name-only", "--format=", "HEAD").split()) == names
    assert git(repo, "status", "--porcelain") == ""


def _batch(repo, count, folder="notes"):
    from decisiontrack.store.git import PREPACK_FROM

    names = [f"decisions/2024-001/{folder}/n{i:03d}.toml" for i in range(max(count, PREPACK_FROM))]
    for name in names:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(f'note = "{name}"\n', encoding="utf-8")
    return names


def test_a_large_batch_with_a_gitignored_record_is_refused_and_stages_nothing(repo):
    """A batch is staged by plumbing, which would add an ignored file: it is checked first, as ``git add`` does."""
    from decisiontrack.store.git import GitRefused, find_repository

    (repo / ".gitignore").write_text("n007.toml\n", encoding="utf-8")
    git(repo, "add", ".gitignore")
    git(repo, "commit", "-qm", "忽略规则")
    names = _batch(repo, 0)
    with pytest.raises(GitRefused, match=r"记录文件被 \.gitignore 忽略.*decisions/2024-001/notes/n007\.toml"):
        store_git.commit(find_repository(repo), names, "批量写入")
    assert git(repo, "diff", "--cached", "--name-only") == ""


def test_a_large_batch_records_changed_and_removed_files_as_git_add_does(repo):
    """Rewritten files are updated, removed ones deleted, in one commit; the work tree is then clean."""
    from decisiontrack.store.git import find_repository

    names = _batch(repo, 0)
    store_git.commit(find_repository(repo), names, "批量写入")
    (repo / names[0]).write_text('note = "改过"\n', encoding="utf-8")
    for name in names[1:50]:
        (repo / name).unlink()
    store_git.commit(find_repository(repo), names, "批量修改")
    changed = git(repo, "show", "--name-status", "--format=", "HEAD").splitlines()
    assert changed[0] == f"M\t{names[0]}"
    assert sorted(changed[1:]) == sorted(f"D\t{name}" for name in names[1:50])
    assert git(repo, "status", "--porcelain") == ""


def test_paths_reached_through_links_are_named_as_git_names_them(repo, tmp_path):
    """Paths are named relative to the real top of the work tree, each folder resolved once for a batch:
    a workspace reached through a link, a ``..`` after a link (the target's parent, not the link's)."""
    from decisiontrack.store.git import find_repository

    link = tmp_path / "捷径"
    link.symlink_to(repo)
    (tmp_path / "旁路").mkdir()
    (tmp_path / "旁路" / "事项").symlink_to(repo / "decisions" / "2024-001")
    found = find_repository(link)
    paths = [link / "decisions/2024-001/decision.toml", repo / "decisiontrack.toml",
             tmp_path / "旁路" / "事项" / "plan.toml", tmp_path / "旁路" / "事项" / ".." / "2024-002" / "plan.toml"]
    assert found.relative_all(paths) == ["decisions/2024-001/decision.toml", "decisiontrack.toml",
                                         "decisions/2024-001/plan.toml", "decisions/2024-002/plan.toml"]
    assert found.relative(link) == "."
    assert run(link, *OPINION).exit_code == 0
    [written] = head_files(repo)
    assert written.startswith("decisions/2024-001/feedback/20240315-letter-")
    assert git(repo, "status", "--porcelain") == ""


def _write_batch(repo: Path, count: int, *, also=None, fail: bool = False) -> list[str]:
    """Write ``count`` new records in one transaction as an import does (``write_records``)."""
    from decisiontrack.store.transaction import transaction, write_record, write_records

    names = [f"decisions/2024-{i:03d}/decision.toml" for i in range(2, count + 2)]
    with transaction(repo) as tx:
        write_records({repo / name: f'id = "{name[10:18]}"\n' for name in names})
        if also:
            write_record(repo / also, 'note = "同一事务中另写的文件"\n')
        if fail:
            raise RuntimeError("写入中途出错")
        tx.describe("导入台账", command="import decisions")
    return names


def loose_objects(repo: Path) -> int:
    return int(dict(line.split(": ") for line in git(repo, "count-objects", "-v").splitlines())["count"])


def test_a_batch_is_packed_while_it_is_written_and_committed_without_writing_its_trees_loose(repo):
    """An import's records, blobs and trees, go into one pack while the files are written; the
    commit is the tree of the index, and no scratch commit is left behind."""
    parent, loose = git(repo, "rev-parse", "HEAD").strip(), loose_objects(repo)
    names = _write_batch(repo, 150)
    assert head_files(repo) == names
    assert git(repo, "rev-parse", "HEAD^").strip() == parent
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "write-tree").strip() == git(repo, "rev-parse", "HEAD^{tree}").strip()
    assert loose_objects(repo) - loose == 1  # the commit; every blob and tree is in the pack
    assert git(repo, "for-each-ref", "refs/decisiontrack") == ""
    assert git(repo, "reflog", "-1", "--format=%gs").strip() == "commit: 导入台账"
    assert trailers(repo) == {"Decisiontrack-Command": "import decisions"}


def test_a_batch_with_another_file_in_its_transaction_commits_the_index_as_it_is(repo):
    """A transaction that writes more than its batch (an import with --update) cannot use the
    batch's tree: the commit is made from the index, holding every file."""
    names = _write_batch(repo, 120, also="decisions/2024-001/note.toml")
    assert head_files(repo) == sorted([*names, "decisions/2024-001/note.toml"])
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "for-each-ref", "refs/decisiontrack") == ""


def test_a_batch_whose_packing_failed_is_committed_all_the_same(repo, monkeypatch):
    """fast-import failing (here on a ref name git refuses; a full disk alike) costs the batch its
    pack, not its commit: the contents are packed again from the files."""
    monkeypatch.setattr(store_git, "SCRATCH_REF", "refs/decisiontrack/no..such")
    names = _write_batch(repo, 110)
    assert head_files(repo) == names
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "for-each-ref", "refs/decisiontrack") == ""


def test_a_batch_rolled_back_leaves_no_file_no_commit_and_no_scratch_ref(repo):
    before, count = snapshot(repo), commit_count(repo)
    with pytest.raises(RuntimeError, match="写入中途出错"):
        _write_batch(repo, 130, fail=True)
    assert snapshot(repo) == before
    assert commit_count(repo) == count
    assert git(repo, "for-each-ref", "refs/decisiontrack") == ""
    assert git(repo, "status", "--porcelain") == ""


def test_a_batch_with_commit_hooks_goes_through_git_commit(repo, tmp_path):
    ran = tmp_path / "pre-commit-ran"
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(f"#!/bin/sh\ntouch '{ran}'\n")
    hook.chmod(0o755)
    names = _write_batch(repo, 100)
    assert ran.exists()
    assert head_files(repo) == names
    assert git(repo, "for-each-ref", "refs/decisiontrack") == ""


def test_git_writing_a_batch_gets_the_heap_settings_unless_the_user_set_their_own(monkeypatch):
    monkeypatch.delenv("GLIBC_TUNABLES", raising=False)
    assert store_git._batch_environment()["GLIBC_TUNABLES"] == store_git.BATCH_ENVIRONMENT["GLIBC_TUNABLES"]
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=1")
    assert store_git._batch_environment()["GLIBC_TUNABLES"] == "glibc.malloc.arena_max=1"


def test_paths_are_named_relative_to_the_top_even_the_top_itself_and_paths_outside_it(repo):
    from decisiontrack.store.git import find_repository

    found = find_repository(repo)
    assert found.relative_all([repo, repo / "decisions", repo / "decisions/2024-001/decision.toml",
                               repo.parent / "别处" / "x.toml", repo.parent]) == [
        ".", "decisions", "decisions/2024-001/decision.toml", "../别处/x.toml", ".."]


def test_a_batch_under_a_folder_whose_name_fast_import_would_misread_is_committed_from_the_files(tmp_path):
    """fast-import reads a path starting with a quote as a quoted one: such a batch is not packed
    ahead, and is committed all the same."""
    from decisiontrack.store.git import Batch

    assert not Batch.can_hold(['"法制科"/decisions/x.toml'] * Batch.SMALLEST)
    assert not Batch.can_hold(["a\nb.toml"] * Batch.SMALLEST)
    assert not Batch.can_hold(["decisions/x.toml"] * (Batch.SMALLEST - 1))
    assert Batch.can_hold(["法制科 台账/decisions/x.toml"] * Batch.SMALLEST)
    top = tmp_path / "共享仓库"
    top.mkdir()
    git(top, "init", "-q")
    root = top / '"法制科"'
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府").exit_code == 0
    names = _write_batch(root, 100)
    committed = git(top, "show", "-z", "--name-only", "--format=", "HEAD").strip("\0\n").split("\0")
    assert sorted(committed) == [f'"法制科"/{name}' for name in names]
    assert git(top, "status", "--porcelain") == ""


def test_a_batch_whose_git_cannot_be_started_is_committed_from_the_files(repo, monkeypatch, capfd):
    """No process for fast-import (too many open files): no pack ahead, no traceback, the same commit."""
    real_popen = subprocess.Popen

    def no_fast_import(argv, *args, **kwargs):
        if "fast-import" in argv and "--force" in argv:
            raise OSError(24, "Too many open files")
        return real_popen(argv, *args, **kwargs)

    monkeypatch.setattr(store_git.subprocess, "Popen", no_fast_import)
    names = _write_batch(repo, 100)
    assert head_files(repo) == names
    assert git(repo, "status", "--porcelain") == ""
    assert "Traceback" not in capfd.readouterr().err
