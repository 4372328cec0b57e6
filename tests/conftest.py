"""Shared fixtures: a CLI runner with fixed width and no colour, a git identity, tree builders."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.helpers import build_tree  # noqa: F401  (re-exported for tests)


@pytest.fixture(autouse=True)
def _environment(monkeypatch, tmp_path_factory):
    """No colour, a fixed width, a git identity, no inherited workspace, HOME in a temp dir."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    for name in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(name, "测试员")
    for name in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(name, "tester@example.org")
    monkeypatch.delenv("DECISIONTRACK_WORKSPACE", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
