"""The parse cache: a record is parsed once while its file is unchanged, and any change is seen.

The cache only saves parsing; every test here checks that what a command says is what it says
without it, and that no way of changing a file (same size, same modification time, a new file
renamed over it, a deletion) leaves an old parse in use.
"""

from __future__ import annotations

import json
import os
import pickle

import pytest

from decisiontrack import checking
from decisiontrack.store import loader, parsecache
from tests.helpers import run

ADD = ("decision", "add", "--title", "鄂尔多斯市公共租赁住房管理办法", "--category", "policy",
       "--adopted-on", "2024-01-08", "--effective-from", "2024-02-01", "--undertaking-unit", "市住房和城乡建设局")
PLAN = ("plan", "create", "2024-001", "--responsible-unit", "保障科", "--milestone", "2024-06-30:入户调查")
CHECK = ("check", "--as-of", "2025-03-31", "--format", "json")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A workspace in git whose files count as settled at once (the cache stores them)."""
    monkeypatch.delenv("DECISIONTRACK_NO_CACHE", raising=False)
    monkeypatch.setattr(parsecache, "SETTLED_NS", 0)
    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府").exit_code == 0
    assert run(root, *ADD).exit_code == 0
    assert run(root, *PLAN).exit_code == 0
    return root


def shard(root) -> dict:
    folder = parsecache.cache_folder(root)
    with open(os.path.join(folder, "2024-001.pickle"), "rb") as handle:
        return pickle.load(handle)


def without_parsing(monkeypatch) -> None:
    """From here on parsing a record fails the test: what loads must come from the cache (the
    settings file, one per workspace, is not cached)."""
    parse_toml = loader.parse_toml

    def parse(text, shown):
        assert not shown.startswith("decisions/"), f"{shown} parsed although it did not change"
        return parse_toml(text, shown)
    monkeypatch.setattr(loader, "parse_toml", parse)


@pytest.mark.parametrize("processes", [1, 2])
def test_a_second_check_reads_the_cache_and_says_the_same(repo, monkeypatch, processes):
    if processes == 2:
        assert run(repo, "decision", "add", "--title", "鄂尔多斯市停车管理办法", *ADD[4:]).exit_code == 0
        monkeypatch.setattr(checking, "PARALLEL_FROM", 2)  # the two processes each save their decisions
    first = run(repo, *CHECK)
    assert sorted(shard(repo)) == ["decisions/2024-001/decision.toml", "decisions/2024-001/plan.toml"]
    without_parsing(monkeypatch)
    second = run(repo, *CHECK)
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert json.loads(second.stdout)["findings"]


def test_an_edit_that_keeps_size_and_modification_time_is_seen(repo):
    """The change time moves with every write and no program can set it back."""
    path = repo / "decisions/2024-001/decision.toml"
    run(repo, *CHECK)
    before = os.stat(path)
    text = path.read_text("utf-8")
    path.write_text(text.replace("公共租赁住房", "保障性租赁房"), encoding="utf-8")  # as many bytes
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    shown = run(repo, "decision", "show", "2024-001")
    assert "鄂尔多斯市保障性租赁房管理办法" in shown.stdout


def test_a_file_renamed_over_the_old_one_is_seen(repo):
    path = repo / "decisions/2024-001/plan.toml"
    run(repo, *CHECK)
    other = path.with_name("plan.new")
    other.write_text(path.read_text("utf-8").replace("保障科", "住房科"), encoding="utf-8")
    os.replace(other, path)
    assert "跟踪反馈工作方案：住房科，1 个时间节点" in run(repo, "decision", "show", "2024-001").stdout


def test_a_file_changed_just_now_is_parsed_again_not_stored(repo, monkeypatch):
    """A file system may keep coarse times: a file younger than SETTLED_NS is not trusted to them."""
    monkeypatch.setattr(parsecache, "SETTLED_NS", 3600 * 10**9)
    run(repo, *CHECK)
    assert not os.path.exists(os.path.join(parsecache.cache_folder(repo), "2024-001.pickle"))


def test_a_file_with_a_problem_is_never_stored_and_its_warning_is_always_given(repo, monkeypatch):
    path = repo / "decisions/2024-001/plan.toml"
    path.write_text(path.read_text("utf-8") + 'remark = "手工批注"\n', encoding="utf-8")
    first = run(repo, "validate")
    assert "decisions/2024-001/plan.toml" in first.stdout and "remark" in first.stdout
    assert sorted(shard(repo)) == ["decisions/2024-001/decision.toml"]
    assert run(repo, "validate").stdout == first.stdout


def test_a_deleted_file_leaves_the_cache(repo):
    run(repo, *CHECK)
    (repo / "decisions/2024-001/plan.toml").unlink()
    run(repo, *CHECK)
    assert sorted(shard(repo)) == ["decisions/2024-001/decision.toml"]


def test_a_broken_cache_file_is_ignored_and_written_anew(repo, monkeypatch):
    first = run(repo, *CHECK)
    path = os.path.join(parsecache.cache_folder(repo), "2024-001.pickle")
    with open(path, "wb") as handle:
        handle.write(b"\x80\x05not a pickle")
    again = run(repo, *CHECK)
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)
    assert "Traceback" not in again.stderr
    assert sorted(shard(repo)) == ["decisions/2024-001/decision.toml", "decisions/2024-001/plan.toml"]


def test_a_cache_that_cannot_be_written_changes_nothing(repo):
    (repo / ".git" / parsecache.FOLDER).write_text("不是目录", encoding="utf-8")
    first = run(repo, *CHECK)
    assert first.stderr == "" and json.loads(first.stdout)["findings"]
    assert run(repo, *CHECK).stdout == first.stdout


def test_no_cache_outside_git_or_when_turned_off(tmp_path, monkeypatch):
    monkeypatch.setattr(parsecache, "SETTLED_NS", 0)
    loose = tmp_path / "loose"
    assert run(None, "init", str(loose), "--org", "鄂尔多斯市人民政府", "--no-git").exit_code == 0
    assert run(loose, *ADD).exit_code == 0
    assert parsecache.cache_folder(loose) is None
    run(loose, *CHECK)
    assert not [p for p in tmp_path.rglob("*") if p.suffix == ".pickle" or p.name == parsecache.FOLDER]
    monkeypatch.setenv("DECISIONTRACK_NO_CACHE", "1")
    kept = tmp_path / "kept"
    assert run(None, "init", str(kept), "--org", "鄂尔多斯市人民政府").exit_code == 0
    assert run(kept, *ADD).exit_code == 0
    run(kept, *CHECK)
    assert not (kept / ".git" / parsecache.FOLDER).exists()


def test_a_workspace_in_a_git_worktree_keeps_no_cache(repo, tmp_path):
    """A worktree's ``.git`` is a file; the folders above must not be searched for another repository."""
    import subprocess

    outer = tmp_path / "outer"
    outer.mkdir()
    subprocess.run(["git", "init", "-q", str(outer)], check=True)
    subprocess.run(["git", "-C", str(repo), "worktree", "add", "-q", str(outer / "tree")], check=True,
                   capture_output=True)
    assert (outer / "tree" / ".git").is_file()
    assert parsecache.cache_folder(outer / "tree") is None
    assert parsecache.cache_folder(repo).startswith(f"{repo / '.git' / parsecache.FOLDER / parsecache.VERSION}/")
