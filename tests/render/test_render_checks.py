"""``render`` checks what it is given (issue #14 items 5–6): output, format, lint, internal words."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from filled import fill
from tests.helpers import run

SAMPLE_WORKSPACE = Path(__file__).resolve().parents[2] / "sample_workspace"


def test_to_and_the_suffix_must_agree(cli, sample):
    result = cli(str(sample), "--to", "pdf", "-o", str(sample.parent / "x.docx"))
    assert result.exit_code == 2
    assert "--to pdf 与 -o" in result.stderr and "扩展名不一致" in result.stderr
    assert not (sample.parent / "x.docx").exists()


def test_an_unknown_suffix_is_refused(cli, sample):
    result = cli(str(sample), "-o", str(sample.parent / "x.txt"))
    assert result.exit_code == 2
    assert "扩展名 .txt 与输出格式 docx 不一致" in result.stderr


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("/proc/x.docx", "/proc/x.docx："),
        ("{tmp}/report.md/x.docx", "是文件而不是目录"),
        ("{tmp}", "这是一个目录"),
    ],
)
def test_impossible_outputs_are_exit_2_with_path_and_reason(cli, sample, target, reason):
    out = target.format(tmp=sample.parent)
    before = sorted(os.listdir(sample.parent))
    result = cli(str(sample), "-o", out, "--force")
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and out in lines[0] and reason in lines[0]
    assert "Traceback" not in result.output and "Errno" not in result.stderr
    assert sorted(os.listdir(sample.parent)) == before  # nothing partial left


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_exit_2(cli, sample):
    folder = sample.parent / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = cli(str(sample), "-o", str(folder / "x.docx"))
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2
    assert f"无法写入 {folder / 'x.docx'}：{folder} 没有写入权限" in result.stderr
    assert list(folder.iterdir()) == []


def test_system_refusals_are_worded_in_chinese():
    import errno

    from decisiontrack.render.output import reason

    assert reason(OSError(errno.EACCES, "Permission denied")) == "没有写入权限"
    assert reason(OSError(errno.EROFS, "Read-only file system")) == "所在的文件系统是只读的"
    assert reason(OSError(errno.ENOTDIR, "Not a directory")) == "路径中有一段是文件而不是目录"


def test_iso_dates_rule_ids_and_file_names_are_warned_about_with_their_line(cli, sample):
    sample.write_text(
        '+++\ntitle = "报告"\n+++\n正文。\n\n依据 ordos-2024/11.5，于 2025-03-03 启动。\n\n'
        "详见 evaluation.toml。\n\n<!-- 2025-01-01 注释里的不算 -->\n",
        encoding="utf-8",
    )
    result = cli(str(sample))
    assert result.exit_code == 0, result.output
    warnings = result.stderr.strip().splitlines()
    assert warnings == [
        f"{sample}:6: 警告：日期“2025-03-03”在公文中应写作“2025年3月3日”",
        f"{sample}:6: 警告：“ordos-2024/11.5”是规则的内部编号，公文中请写所依据的条款，如“第十一条第（五）项”",
        f"{sample}:8: 警告：“evaluation.toml”是工作区的文件名，不宜出现在公文中",
    ]


@pytest.fixture
def sample_workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_WORKSPACE, root)
    return root


def test_an_unfinished_progress_report_is_not_rendered_unless_draft(sample_workspace):
    """第八条 progress reports are linted like evaluation reports before they become a 公文."""
    root = sample_workspace
    assert run(root, "progress", "new", "2020-001", "--period", "2025-H1", "--submitted-on", "2025-07-10",
               "--no-commit").exit_code == 0
    report = root / "decisions" / "2020-001" / "progress" / "2025-H1.md"
    result = run(root, "render", str(report))
    assert result.exit_code == 3
    assert "报告尚未完成，不宜排版为正式公文" in result.stderr
    assert "decisions/2020-001/progress/2025-H1.md:" in result.stderr and "第八条" in result.stderr
    assert "加 --draft" in result.stderr
    assert not (root / "out").exists()
    draft = run(root, "render", str(report), "--draft")
    assert draft.exit_code == 0, draft.output
    assert (root / "out" / "2020-001-progress-2025-H1.docx").is_file()


def test_a_filled_progress_report_renders_without_internal_words(sample_workspace):
    import docx

    root = sample_workspace
    run(root, "progress", "new", "2020-001", "--period", "2025-H1", "--submitted-on", "2025-07-10", "--no-commit")
    report = root / "decisions" / "2020-001" / "progress" / "2025-H1.md"
    report.write_text(fill(report.read_text(encoding="utf-8")), encoding="utf-8")
    result = run(root, "render", str(report))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # no ISO date, rule id or file name in the body
    document = docx.Document(str(root / "out" / "2020-001-progress-2025-H1.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "2025年上半年" in document.paragraphs[0].text.replace("\n", "")
    assert "2025年7月10日" in text
    _no_internal_words(text)


def test_an_evaluation_plan_is_linted_too(sample_workspace):
    root = sample_workspace
    assert run(root, "evaluation", "scaffold", "2021-001", "2024-special", "--plan", "--no-commit").exit_code == 0
    plan = root / "decisions" / "2021-001" / "evaluations" / "2024-special" / "plan.md"
    result = run(root, "render", str(plan))
    assert result.exit_code == 3 and "第十四条" in result.stderr


def test_a_rendered_scaffold_carries_no_iso_date_or_rule_id(sample_workspace):
    """Issue #14 item 5: the scaffold's prefilled facts speak as a 公文."""
    import docx

    root = sample_workspace
    run(root, "evaluation", "scaffold", "2021-001", "2024-special", "--force", "--no-commit")
    report = root / "decisions" / "2021-001" / "evaluations" / "2024-special" / "report.md"
    result = run(root, "render", str(report), "--draft")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(root / "out" / "2021-001-2024-special-report.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "第十一条第（四）项" in text and "2024年5月20日" in text
    _no_internal_words(text)


def _no_internal_words(text: str) -> None:
    import re

    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), re.search(r".{20}\d{4}-\d{2}-\d{2}.{20}", text)
    assert not re.search(r"[a-z]+-\d{4}/", text)
    assert ".toml" not in text and "2025-H1" not in text

