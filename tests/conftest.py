"""Shared fixtures: a CLI runner with fixed width and no colour, a git identity, tree builders."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from tests.helpers import build_tree  # noqa: F401  (re-exported for tests)

# The suite is the gate of every landing: the same examples on every run, so a red run means a
# change, not luck. Explore with HYPOTHESIS_PROFILE=explore to let hypothesis search afresh.
settings.register_profile("gate", derandomize=True, database=None)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "gate"))


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
