"""An export that cannot be written whole leaves nothing behind (issue 10, item 6)."""

from __future__ import annotations

import os

from tests.helpers import run


def test_a_full_disk_during_export_public_leaves_no_partial_set(ws, tmp_path, monkeypatch):
    """The third file fails to reach the disk: the two already written are removed again."""
    calls = {"n": 0}
    real_fsync = os.fsync

    def fails_on_the_third(fd):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr("decisiontrack.store.atomic.os.fsync", fails_on_the_third)
    target = tmp_path / "公开"
    result = run(ws, "export", "public", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：无法写入 ") and result.stderr.endswith("：磁盘空间已满\n")
    assert list(target.iterdir()) == []
