"""Atomic writes: a file and the folders it needs appear in one step, or not at all (issue 10)."""

from __future__ import annotations

import os
import stat

import pytest

from decisiontrack.errors import UserError
from decisiontrack.store.atomic import is_temporary, write_atomic
from tests.helpers import decision_toml, run, workspace


def test_new_folders_appear_with_their_file_and_ordinary_modes(tmp_path):
    path = tmp_path / "decisions/2024-005/evaluations/e1/evaluation.toml"
    write_atomic(path, "id = \"e1\"\n")
    assert path.read_text(encoding="utf-8") == "id = \"e1\"\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "decisions").stat().st_mode) == 0o777 & ~umask
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["2024-005", "decisions", "e1", "evaluation.toml",
                                                          "evaluations"]


def test_a_write_failing_before_the_rename_leaves_no_folder_and_no_temporary_file(tmp_path, monkeypatch):
    def refused(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("decisiontrack.store.atomic.os.rename", refused)
    with pytest.raises(UserError, match="磁盘空间已满"):
        write_atomic(tmp_path / "decisions/2024-005/decision.toml", "id = \"2024-005\"\n")
    assert list(tmp_path.iterdir()) == []


def test_what_a_killed_write_leaves_is_named_by_validate_and_never_committed(tmp_path):
    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府").exit_code == 0
    staging = root / "decisions/.2024-005.k3j2h1.tmp"
    staging.mkdir()
    (staging / "decision.toml").write_text(decision_toml(id="2024-005"), encoding="utf-8")
    (root / "decisions/.decision.toml.a1b2c3.tmp").write_text("id = ", encoding="utf-8")
    result = run(root, "validate")
    assert result.exit_code == 0
    assert result.stdout == (
        "decisions/.2024-005.k3j2h1.tmp/decision.toml: 警告：是写入中断后残留的临时文件，可以删除\n"
        "decisions/.decision.toml.a1b2c3.tmp: 警告：是写入中断后残留的临时文件，可以删除\n"
        "校验通过：0 项决策，2 个警告。\n"
    )
    assert run(root, "commit", "-m", "x").stdout == "没有需要提交的修改：记录文件与最近一次提交相同。\n"


@pytest.mark.parametrize("name", [".plan.toml.x1y2z3.tmp", "a/.2024-001.abc.tmp/decision.toml"])
def test_temporary_names(name):
    assert is_temporary(name)


@pytest.mark.parametrize("name", ["plan.toml", ".gitkeep", "decisions/2024-001/x.tmp"])
def test_record_names_are_not_temporary(name):
    assert not is_temporary(name)


def test_an_existing_folder_is_written_in_place(tmp_path):
    root = workspace(tmp_path, {"decisions/2024-001/decision.toml": decision_toml(id="2024-001")})
    write_atomic(root / "decisions/2024-001/decision.toml", "x = 1\n", overwrite=True)
    assert sorted(p.name for p in (root / "decisions/2024-001").iterdir()) == ["decision.toml"]


def _batch(tmp_path):
    return {tmp_path / "decisions" / f"2024-{i:03d}" / "decision.toml": f'id = "2024-{i:03d}"\n' for i in range(1, 4)}


def test_a_batch_is_written_whole_with_ordinary_modes_and_no_temporary_file(tmp_path):
    from decisiontrack.store.atomic import write_atomic_many

    files = _batch(tmp_path)
    write_atomic_many(files)
    umask = os.umask(0)
    os.umask(umask)
    for path, text in files.items():
        assert path.read_text(encoding="utf-8") == text
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in (tmp_path / "decisions" / "2024-001").iterdir()) == ["decision.toml"]


def test_a_batch_whose_temporary_name_is_taken_draws_another(tmp_path, monkeypatch):
    from decisiontrack.store.atomic import write_atomic_many

    files = _batch(tmp_path)
    taken = tmp_path / "decisions" / "2024-002" / ".decision.toml.0000aaaa.tmp"
    taken.parent.mkdir(parents=True)
    taken.write_text("另一个写入者的临时文件", encoding="utf-8")
    taken_folder = tmp_path / "decisions" / ".2024-003.0000aaaa.tmp"
    taken_folder.mkdir()
    monkeypatch.setattr("decisiontrack.store.atomic.secrets.token_hex", lambda n: "0000aaaa")
    write_atomic_many(files)
    assert all(path.read_text(encoding="utf-8") == text for path, text in files.items())
    assert taken.read_text(encoding="utf-8") == "另一个写入者的临时文件"
    assert sorted(p.name for p in taken.parent.iterdir()) == [taken.name, "decision.toml"]
    assert taken_folder.is_dir() and list(taken_folder.iterdir()) == []
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "decisions" / "2024-003").stat().st_mode) == 0o777 & ~umask
    assert sorted(p.name for p in (tmp_path / "decisions").iterdir()) == [taken_folder.name, "2024-001", "2024-002",
                                                                          "2024-003"]


def test_a_batch_failing_half_way_leaves_nothing_it_made(tmp_path, monkeypatch):
    from decisiontrack.store.atomic import write_atomic_many

    files = _batch(tmp_path)
    (tmp_path / "decisions").mkdir()
    real_replace = os.replace
    calls = []

    def full_disk_on_the_second(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr("decisiontrack.store.atomic.os.replace", full_disk_on_the_second)
    with pytest.raises(UserError, match="磁盘空间已满"):
        write_atomic_many(files)
    assert list((tmp_path / "decisions").iterdir()) == []


def test_a_batch_builds_each_new_folder_under_a_staging_name_and_renames_it_whole(tmp_path, monkeypatch):
    """Two files of one new folder share its staging folder; a file in an existing folder gets a
    temporary file beside it; what is renamed, and in which order, is the whole new folder."""
    from decisiontrack.store import atomic

    (tmp_path / "decisions" / "2024-001").mkdir(parents=True)
    files = {tmp_path / "decisions/2024-002/decision.toml": 'id = "2024-002"\n',
             tmp_path / "decisions/2024-002/feedback/20240315-letter-a1b2.toml": 'channel = "letter"\n',
             tmp_path / "decisions/2024-001/plan.toml": 'responsible_unit = "保障科"\n'}
    renamed = []
    real_replace = os.replace

    def noting(source, target):
        renamed.append((os.path.basename(source), os.path.relpath(target, tmp_path)))
        real_replace(source, target)

    monkeypatch.setattr("decisiontrack.store.atomic.secrets.token_hex", lambda n: "5eed")
    monkeypatch.setattr(atomic.os, "replace", noting)
    atomic.write_atomic_many(files)
    assert renamed == [(".2024-002.5eed.tmp", "decisions/2024-002"), (".plan.toml.5eed.tmp", "decisions/2024-001/plan.toml")]
    assert all(path.read_text(encoding="utf-8") == text for path, text in files.items())
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "decisions/2024-002/feedback").stat().st_mode) == 0o777 & ~umask
    assert sorted(p.name for p in (tmp_path / "decisions").iterdir()) == ["2024-001", "2024-002"]


def test_a_batch_under_a_file_is_refused_naming_the_path_and_leaves_nothing(tmp_path):
    from decisiontrack.store.atomic import write_atomic_many

    (tmp_path / "decisions").write_text("不是目录", encoding="utf-8")
    with pytest.raises(UserError, match=r"无法写入 .*decision\.toml：路径中有一段是文件而不是目录"):
        write_atomic_many(_batch(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decisions"]
    (tmp_path / "decisions").unlink()
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "2024-002").write_text("不是目录", encoding="utf-8")
    with pytest.raises(UserError, match=r"无法写入 .*2024-002/decision\.toml：路径中有一段是文件而不是目录"):
        write_atomic_many(_batch(tmp_path))
    assert sorted(p.name for p in (tmp_path / "decisions").iterdir()) == ["2024-002"]
