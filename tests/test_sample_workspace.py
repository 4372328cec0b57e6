"""The sample workspace of the README loads clean: no errors and no warnings."""

from __future__ import annotations

import shutil
from pathlib import Path

from decisiontrack.store.loader import load_workspace
from tests.helpers import run

SAMPLE = Path(__file__).resolve().parent.parent / "sample_workspace"


def test_the_sample_workspace_validates_without_problems(tmp_path):
    """A copy, outside git: whether this checkout has committed its edits of the sample is not the sample's problem."""
    copy = shutil.copytree(SAMPLE, tmp_path / "sample_workspace")
    result = run(copy, "validate")
    assert result.exit_code == 0
    assert result.stdout == "校验通过：7 项决策，0 个警告。\n"
    assert result.stderr == ""


def test_the_sample_workspace_holds_what_the_demo_needs():
    ws = load_workspace(SAMPLE)
    assert ws.problems == []
    assert ws.settings.workspace.organization == "鄂尔多斯市人民政府"
    assert ws.settings.workspace.profile == "ordos-2024"
    assert (SAMPLE / ".gitignore").read_text(encoding="utf-8") == "out/\n"
    categories = {d.id: d.decision.category for d in ws.decisions.values()}
    assert categories == {
        "2020-001": "plan",
        "2021-001": "policy",
        "2022-001": "normative",
        "2022-002": "policy",
        "2023-001": "reform",
        "2023-002": "project",
        "2024-001": "policy",
    }
    assert [d.id for d in ws.decisions.values() if not d.plan_file_exists] == ["2022-001"]
    assert len(ws.decisions["2024-001"].opinions) == 25
    assert ws.decisions["2022-002"].decision.classification == "internal"
    adjusted = ws.decisions["2021-001"].evaluation("2024-special")
    assert (adjusted.evaluation.outcome, adjusted.has_report) == ("adjust", True)
    assert ws.decisions["2021-001"].decision.status == "in-force"


def test_sample_workspace_shows_every_kind_of_finding_on_the_demo_date():
    import json


    result = run(SAMPLE, "check", "--as-of", "2025-06-30", "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["errors"] == []
    assert {level for level, count in payload["summary"].items() if count} == {"overdue", "must", "due-soon", "may"}
    assert {f["rule"] for f in payload["findings"]} == {
        "ordos-2024/6", "ordos-2024/6.milestone", "ordos-2024/8", "ordos-2024/9", "ordos-2024/10",
        "ordos-2024/11.1", "ordos-2024/11.3", "ordos-2024/12.1", "ordos-2024/12.2", "ordos-2024/19",
        "ordos-2024/20",
    }
