"""The README's "从已有台账开始" runs as written, on the files the sample script generates."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.helpers import run
from tests.intake.conftest import commits
from tests.intake.make_inputs import main as make_inputs

README = Path(__file__).resolve().parents[2] / "README.md"


def _section_commands() -> list[list[str]]:
    """Every ``decisiontrack`` command of the section, continuation lines joined, comments and ``&& cd`` dropped."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## 从已有台账开始"):]
    section = section[:section.index("\n## ", 3)]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    lines = "\n".join(blocks).replace("\\\n", " ").splitlines()
    return [shlex.split(line.split("#")[0].split("&&")[0]) for line in lines if line.startswith("decisiontrack ")]


def test_the_three_imports_of_the_readme(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_inputs(["样例"])
    commands = _section_commands()
    assert [c[1:3] for c in commands] == [["init", "决策台账"], ["import", "decisions"], ["feedback", "import"],
                                          ["evaluation", "start"], ["evaluation", "import"]]
    init, *rest = commands
    assert run(None, *init[1:]).exit_code == 0
    workspace = tmp_path / "决策台账"
    monkeypatch.chdir(workspace)  # the README goes on inside the new workspace
    for command in rest:
        result = run(None, *command[1:])
        assert result.exit_code == 0, (command, result.stderr)
    assert run(None, "evaluation", "lint", "2022-001", "2025-mid-term").exit_code == 0
    history = commits(workspace)
    assert len(history) == 5  # init, three imports and evaluation start: one commit each
    assert [history[0], history[2], history[3]] == [
        "导入评估报告 2022-001：评估 2025-mid-term（第三方评估报告.docx）",
        "导入意见 2022-001：12345工单.csv，6 条",
        "导入决策：决策事项台账.xlsx，新增 5 项",
    ]
