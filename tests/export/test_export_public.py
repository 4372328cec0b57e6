"""The disclosure set (任丘第七条; Ordos 第二十一条): no personal value, no secret title."""

from __future__ import annotations

import docx
import pytest
from tests.export.conftest import PERSONAL, SECRET_DOC, SECRET_TITLE

from decisiontrack.errors import DataError, UserError
from decisiontrack.export.public import write_public


def _docx_text(path) -> str:
    """Every paragraph, table cell, header and footer of a .docx."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        for part in (section.header, section.footer, section.even_page_footer):
            parts += [p.text for p in part.paragraphs]
    return "\n".join(parts)


def _texts(directory) -> dict[str, str]:
    return {
        p.name: _docx_text(p) if p.suffix == ".docx" else p.read_text(encoding="utf-8")
        for p in sorted(directory.iterdir())
    }


@pytest.fixture
def public(result, tmp_path):
    directory = tmp_path / "public"
    chosen = write_public(result.workspace, result.profile, directory)
    return directory, chosen


def test_files_of_the_set(public):
    directory, chosen = public
    assert sorted(p.name for p in directory.iterdir()) == [
        "2022-001-2023-mid-term.docx", "2023-003-2023-mid-term.docx", "index.md", "withheld.md",
    ]
    assert [r.file for r in chosen.reports] == sorted(p.name for p in directory.glob("*.docx"))


def test_no_personal_value_and_no_secret_anywhere(public):
    directory, _ = public
    texts = _texts(directory)
    raw = {p.name: p.read_bytes() for p in directory.iterdir()}
    for name, text in texts.items():
        for value in [*PERSONAL, SECRET_TITLE, SECRET_DOC, "2023-002"]:
            assert value not in text, (name, value)
            assert value.encode() not in raw[name], (name, value)


def test_report_is_rendered_redacted(public):
    directory, _ = public
    text = _docx_text(directory / "2022-001-2023-mid-term.docx")
    assert "生态环境保护规划中期评估报告" in text
    assert "本次评估由王＊＊、李＊＊等群众来信引发。张＊＊（电话 ［电话已隐去］" in text
    assert "身份证号 ［身份证号已隐去］" in text
    assert "本决策与［涉密内容已隐去］无关" in text
    assert "满意度" in text and "张＊＊ ［联系方式已隐去］" in text
    assert "指引" not in text  # guidance comments are dropped by the renderer


def test_internal_decision_is_published_without_a_classification_mark(public):
    directory, _ = public
    document = docx.Document(str(directory / "2023-003-2023-mid-term.docx"))
    assert "公交票价调整政策评估报告" in _docx_text(directory / "2023-003-2023-mid-term.docx")
    assert all(p.text.strip() not in ("内部", "秘密") for p in document.paragraphs)


def test_index(public):
    directory, _ = public
    assert (directory / "index.md").read_text(encoding="utf-8") == (
        "# 重大行政决策后评估结果公开目录\n\n"
        "根据《鄂尔多斯市重大行政决策实施情况跟踪反馈和后评估办法》第四条“公开透明”的原则，"
        "现将鄂尔多斯市人民政府重大行政决策后评估报告"
        "公开如下；个人信息已隐去。\n\n"
        "| 编号 | 决策名称 | 文号 | 评估 | 评估结论 | 决定日期 | 文件 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 2022-001 | 鄂尔多斯市“十四五”生态环境保护规划 | 鄂府发〔2021〕88号 "
        "| 2023-mid-term（中期评估） "
        "| 继续执行 | 2023-11-01 | [2022-001-2023-mid-term.docx](2022-001-2023-mid-term.docx) |\n"
        "| 2023-003 | 城区公交票价调整政策 | 鄂府发〔2023〕12号 | 2023-mid-term（中期评估） "
        "| 继续执行 | 2023-11-01 | [2023-003-2023-mid-term.docx](2023-003-2023-mid-term.docx) |\n"
    )


def test_withheld(public):
    directory, _ = public
    assert (directory / "withheld.md").read_text(encoding="utf-8") == (
        "# 未列入公开目录的事项\n\n"
        "- 1 项涉密决策未列入（《鄂尔多斯市重大行政决策实施情况跟踪反馈和后评估办法》第二十一条）。\n"
        "- 2024-001 中心城区供热管网改造项目：尚无已决定的评估\n\n"
        "已公开的报告中，意见提出人的姓名和联系方式、责任人员的联系方式，以及电话号码、"
        "电子邮箱和身份证号码均已隐去（《鄂尔多斯市重大行政决策实施情况跟踪反馈和后评估办法》第二十一条）。\n"
    )


def test_decided_without_report_and_report_marked_secret(ws, tmp_path):
    from tests.export.conftest import AS_OF

    from decisiontrack.checking import run_check

    (ws / "decisions/2023-003/evaluations/2023-mid-term/report.md").unlink()
    report = ws / "decisions/2022-001/evaluations/2023-mid-term/report.md"
    report.write_text(report.read_text(encoding="utf-8").replace(
        'classification = "public"', 'classification = "secret"'), encoding="utf-8")
    result = run_check(ws, AS_OF, keep_records=True)
    chosen = write_public(result.workspace, result.profile, tmp_path / "p")
    assert chosen.reports == []
    assert chosen.withheld == [
        "2022-001 鄂尔多斯市“十四五”生态环境保护规划：评估 2023-mid-term 的评估报告标注为涉密",
        "2023-003 城区公交票价调整政策：评估 2023-mid-term 已作出决定，但尚无评估报告（report.md）",
        "2024-001 中心城区供热管网改造项目：尚无已决定的评估",
    ]
    assert "本次没有可公开的后评估报告。" in (tmp_path / "p/index.md").read_text(encoding="utf-8")


def test_refuses_a_non_empty_directory_unless_forced(result, tmp_path):
    directory = tmp_path / "public"
    directory.mkdir()
    (directory / "mine.txt").write_text("keep", encoding="utf-8")
    (directory / "old-report.docx").write_bytes(b"stale")
    with pytest.raises(UserError, match="--force"):
        write_public(result.workspace, result.profile, directory)
    assert sorted(p.name for p in directory.iterdir()) == ["mine.txt", "old-report.docx"]
    write_public(result.workspace, result.profile, directory, force=True)
    names = sorted(p.name for p in directory.iterdir())
    assert "old-report.docx" not in names and "mine.txt" in names and "index.md" in names


def test_refuses_a_workspace_with_broken_files(ws, tmp_path):
    """An unreadable opinion could hide a name that must be removed."""
    from tests.export.conftest import AS_OF

    from decisiontrack.checking import run_check

    (ws / "decisions/2022-001/feedback/20240401-visit-9999.toml").write_text("name = ", "utf-8")
    result = run_check(ws, AS_OF, keep_records=True)
    with pytest.raises(DataError):
        write_public(result.workspace, result.profile, tmp_path / "p")
    assert not (tmp_path / "p").exists()
