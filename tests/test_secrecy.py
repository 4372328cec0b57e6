"""Secret decisions keep no secret text (issue 10, item 9; 保密义务: Ordos 第二十一条, 任丘第七条).

A repository shared between departments holds only a placeholder title for a ``secret`` decision
unless the workspace sets ``allow_secret_text = true``; the real text reaches neither the file,
nor the commit, nor the output.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from decisiontrack.ops.secrecy import placeholder_title, withhold_secret_text
from tests.helpers import decision_toml, run, workspace

TITLE = "某国防动员 体制改革实施方案"
SUMMARY = "涉及兵员动员的具体安排"
DOC = "鄂府密〔2024〕3号"
SECRET = ("decision", "add", "--title", TITLE, "--summary", SUMMARY, "--doc-number", DOC, "--classification",
          "secret", "--category", "reform", "--adopted-on", "2024-01-08", "--effective-from", "2024-02-01",
          "--undertaking-unit", "市国防动员办公室")


def everything_git_holds(root: Path) -> str:
    """Every commit message and every blob of the history, as one text."""
    return subprocess.run(["git", "-C", str(root), "log", "--all", "-p", "--format=%B"], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府").exit_code == 0
    return root


def test_a_secret_decision_keeps_only_a_placeholder_anywhere(repo):
    result = run(repo, *SECRET)
    assert result.exit_code == 0
    assert result.stdout == ("已写入 decisions/2024-001/decision.toml\n"
                             "已登记决策 2024-001：涉密事项 2024-001\n")
    assert result.stderr.startswith("提示：涉密决策只保存占位名称“涉密事项 2024-001”，名称、文号、摘要不予保存")
    assert "allow_secret_text = true" in result.stderr
    text = (repo / "decisions/2024-001/decision.toml").read_text(encoding="utf-8")
    assert 'title = "涉密事项 2024-001"' in text and 'classification = "secret"' in text
    history = everything_git_holds(repo)
    for secret in (TITLE, SUMMARY, DOC, "体制改革"):
        assert secret not in text
        assert secret not in history
        assert secret not in result.stdout + result.stderr


def test_a_secret_decision_needs_no_title_even_without_a_terminal(repo):
    result = run(repo, *[a for a in SECRET if a not in ("--title", TITLE, "--summary", SUMMARY, "--doc-number", DOC)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert run(repo, "validate", "--strict").exit_code == 0


def test_an_office_that_may_keep_secret_text_keeps_it(repo):
    settings = repo / "decisiontrack.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "[check]", "allow_secret_text = true\n\n[check]"), encoding="utf-8")
    result = run(repo, *SECRET)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert TITLE in (repo / "decisions/2024-001/decision.toml").read_text(encoding="utf-8")
    assert "涉密" not in run(repo, "validate").stdout


def test_validate_warns_on_free_text_in_a_secret_decisions_files(tmp_path):
    decision = decision_toml(id="2024-001").replace("鄂尔多斯市“十四五”生态环境保护规划", placeholder_title("2024-001"))
    root = workspace(tmp_path, {
        "decisions/2024-001/decision.toml": decision + 'classification = "secret"\nsummary = "兵员安排"\n',
        "decisions/2024-001/plan.toml": 'responsible_unit = "动员科"\nsteps = "逐月核查"\n[[milestones]]\nid = "m1"\n'
                                        'title = "完成核查"\ndue = 2024-06-30\n',
        "decisions/2024-001/feedback/20240315-letter-0a1b.toml":
            'received_on = 2024-03-15\nchannel = "letter"\nstance = "oppose"\nsummary = "反对"\n',
        "decisions/2024-002/decision.toml": decision_toml(id="2024-002") + 'summary = "公开决策的摘要"\n',
    })
    result = run(root, "validate")
    assert result.exit_code == 0
    warned = [line.split(": 警告：")[0] for line in result.stdout.splitlines() if "涉密决策的文件中写有文字内容" in line]
    assert warned == ["decisions/2024-001/decision.toml:3", "decisions/2024-001/decision.toml:10",
                      "decisions/2024-001/feedback/20240315-letter-0a1b.toml:4",
                      "decisions/2024-001/plan.toml:2", "decisions/2024-001/plan.toml:5"]
    assert ("decisions/2024-001/decision.toml:3: 警告：涉密决策的文件中写有文字内容 doc_number：涉密内容不应存入"
            "各部门共享的仓库，请删除（名称只保留“涉密事项 编号”）") in result.stdout
    assert run(root, "validate", "--strict").exit_code == 3


def test_the_policy_edits_a_document_in_place_for_decision_set():
    """``decision set`` to secret calls the same function on the tomlkit document it edits."""
    import tomlkit

    document = tomlkit.parse(f'id = "2024-001"  # 编号\ntitle = "{TITLE}"\ndoc_number = "{DOC}"\n'
                             'classification = "secret"\nsummary = "x"\n')
    notice = withhold_secret_text("2024-001", document, allowed=False)
    assert notice is not None and TITLE not in notice
    assert tomlkit.dumps(document) == 'id = "2024-001"  # 编号\ntitle = "涉密事项 2024-001"\nclassification = "secret"\n'


@pytest.mark.parametrize(("values", "allowed"), [
    ({"classification": "public", "title": TITLE}, False),
    ({"classification": "secret", "title": TITLE}, True),
    ({"classification": "secret", "title": "涉密事项 2024-001"}, False),
])
def test_nothing_to_withhold_says_nothing(values, allowed):
    before = dict(values)
    assert withhold_secret_text("2024-001", values, allowed=allowed) is None
    assert values == before


def test_decision_set_to_secret_keeps_no_text_and_says_the_history_still_has_it(repo):
    public = [a for a in SECRET if a not in ("--classification", "secret")]
    assert run(repo, *public).exit_code == 0
    result = run(repo, "decision", "set", "2024-001", "--classification", "secret")
    assert result.exit_code == 0
    assert "名称、文号、摘要不予保存" in result.stderr and "仍有原来的文字" in result.stderr
    text = (repo / "decisions/2024-001/decision.toml").read_text(encoding="utf-8")
    assert 'title = "涉密事项 2024-001"' in text
    assert all(secret not in text for secret in (TITLE, SUMMARY, DOC))
    assert all(secret not in result.stdout + result.stderr for secret in (TITLE, SUMMARY, DOC))


def test_decision_set_of_a_title_on_a_secret_decision_keeps_the_placeholder(repo):
    assert run(repo, *SECRET).exit_code == 0
    result = run(repo, "decision", "set", "2024-001", "--title", "又一个真实名称")
    assert result.exit_code == 0
    assert "又一个真实名称" not in (repo / "decisions/2024-001/decision.toml").read_text(encoding="utf-8")
    assert "又一个真实名称" not in everything_git_holds(repo) + result.stdout + result.stderr
