"""A git workspace with one decision whose file carries a comment and an unknown key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import commits, git, run, snapshot

DECISION = "decisions/2023-001/decision.toml"

DECISION_TEXT = """\
id = "2023-001"
title = "鄂尔多斯市中心城区停车收费办法"  # 草案名称
doc_number = "鄂府发〔2023〕8号"
category = "policy"
adopted_on = 2023-01-20
effective_from = 2023-03-01
undertaking_unit = "市发展和改革委员会"
public_concern = true
# 科室批注：下一次常务会议复核
reviewer_note = "王科长"
"""


@pytest.fixture
def repo(tmp_path) -> Path:
    """A workspace in git with decision 2023-001 committed."""
    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府").exit_code == 0
    path = root / DECISION
    path.parent.mkdir(parents=True)
    path.write_text(DECISION_TEXT, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "登记")
    return root


def refused(root: Path, code: int, message: str, *args: str):
    """Run a command that must be refused: its exit code and message, no file and no commit changed."""
    before = snapshot(root), commits(root)
    result = run(root, *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr, result.stderr
    assert (snapshot(root), commits(root)) == before
    return result
