"""``evaluation import``: a third party's Word report becomes ``report.md`` that ``evaluation lint`` reads
as a scaffolded one (Ordos 第十九条第二款; 第十八条 as its sub-items)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from tests.helpers import run, snapshot
from tests.intake.conftest import HEADER, ROW, commits, committed_files, xlsx
from tests.intake.make_inputs import REPORT, SECTIONS, report_docx

from decisiontrack.store.frontmatter import parse_front_matter

EVALUATION = "decisions/2022-001/evaluations/2025-mid-term"


@pytest.fixture
def evaluating(repo, tmp_path):
    """Decision 2022-001 with a commissioned mid-term evaluation 2025-mid-term."""
    assert run(repo, "import", "decisions", xlsx(tmp_path / "台账.xlsx", [HEADER, ROW])).exit_code == 0
    started = run(repo, "evaluation", "start", "2022-001", "--kind", "mid-term", "--addresses", "12.3",
                  "--started-on", "2025-03-01", "--evaluator", "市发展和改革委员会",
                  "--commissioned-to", "鄂尔多斯市某公共政策评估中心")
    assert started.exit_code == 0, started.stderr
    return repo


def lint(root):
    return run(root, "evaluation", "lint", "2022-001", "2025-mid-term")


def report_text(root) -> str:
    return (root / EVALUATION / "report.md").read_text(encoding="utf-8")


def png(path: Path) -> Path:
    """A 1×1 PNG made here (zlib and struct), to stand for a chart in the report."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
                     + chunk(b"IEND", b""))
    return path


def test_a_complete_report_with_numbered_plain_headings_passes_lint(evaluating, tmp_path):
    """第十九条第二款: the nine contents, found by their words though the institute worded them its own way."""
    original = report_docx(tmp_path / REPORT)
    result = run(evaluating, "evaluation", "import", "2022-001", "2025-mid-term", original)
    assert result.exit_code == 0, result.stderr
    assert "已导入评估报告：9/9 个部分与办法规定的内容对应。" in result.stdout
    assert "报告完整，可以报送" in result.stdout
    checked = lint(evaluating)
    assert checked.exit_code == 0, checked.stdout
    assert "报告完整：9 个部分、6 个子项均已填写，评估结论为“调整”。" in checked.stdout
    data, body, _ = parse_front_matter(report_text(evaluating))
    assert data == {"title": "《鄂尔多斯市中心城区机动车停车收费管理办法》中期评估报告", "decision": "2022-001",
                    "evaluation": "2025-mid-term", "kind": "evaluation-report", "issuer": "市发展和改革委员会",
                    "classification": "public"}
    assert ("## 三、重大行政决策实施中存在的主要问题和原因，提出改进建议\n\n"
            "<!-- 原标题：三、存在的主要问题和原因及改进建议 -->") in body
    assert "## 四、决策与法律、法规、规章及国家相关政策规定是否一致" in body  # a long heading, kept as written
    assert "### （一）决策实施的效果与决策目的是否相符\n\n停车秩序明显改善，与决策目的相符。" in body  # run-in, bold
    assert "| 指标 | 目标 | 实际 |\n|---|---|---|\n| 新增公共泊位（个） | 4000 | 4200 |" in body
    assert "**评估结论**：建议调整重大行政决策" in body
    assert "#### 1\\. 泊位利用率" in body
    assert "\n2\\. 市民满意度调查结果详见附件" in body  # a numbered sentence stays a paragraph
    kept = evaluating / EVALUATION / "report.original.docx"
    assert kept.read_bytes() == original.read_bytes()


def test_one_commit_holds_the_report_and_the_original(evaluating, tmp_path):
    assert run(evaluating, "evaluation", "import", "2022-001", "2025-mid-term", report_docx(tmp_path / REPORT)).exit_code == 0
    assert commits(evaluating)[0] == "导入评估报告 2022-001：评估 2025-mid-term（第三方评估报告.docx）"
    assert committed_files(evaluating) == [f"{EVALUATION}/report.md", f"{EVALUATION}/report.original.docx"]


def test_a_missing_section_is_named_by_its_article(evaluating, tmp_path):
    """The report lacks its seventh content: lint names 第十九条第二款第（七）项 and exits 3."""
    report = report_docx(tmp_path / REPORT, leave_out="七、")
    result = run(evaluating, "evaluation", "import", "2022-001", "2025-mid-term", report)
    assert result.exit_code == 0
    assert "已导入评估报告：8/9 个部分与办法规定的内容对应。" in result.stdout
    checked = lint(evaluating)
    assert checked.exit_code == 3
    assert "缺少第十九条第二款第（七）项要求的“七、决策是否存在负面因素或其它不利影响”" in checked.stdout
    refused = run(evaluating, "evaluation", "advance", "2022-001", "2025-mid-term", "submitted", "--on", "2025-06-10")
    assert refused.exit_code == 3


def test_advance_submitted_accepts_an_imported_report(evaluating, tmp_path):
    """A commissioned report is accepted (第十四条第（三）项) and then submitted like a scaffolded one."""
    assert run(evaluating, "evaluation", "import", "2022-001", "2025-mid-term", report_docx(tmp_path / REPORT)).exit_code == 0
    for stage, day in (("research_completed", "2025-05-20"), ("accepted", "2025-06-05")):
        advanced = run(evaluating, "evaluation", "advance", "2022-001", "2025-mid-term", stage, "--on", day)
        assert advanced.exit_code == 0, advanced.stderr
    result = run(evaluating, "evaluation", "advance", "2022-001", "2025-mid-term", "submitted", "--on", "2025-06-10")
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(("title_level", "section_level"), [(0, 1), (1, 2)])
def test_headings_from_word_heading_styles(evaluating, tmp_path, title_level, section_level):
    """Word's own heading styles (numbers from Word's list numbering, not in the text) are headings too,
    whether the title is "Title" and the sections "Heading 1", or the title "Heading 1" and the
    sections "Heading 2"."""
    import docx

    from decisiontrack.profiles.loader import read_profile

    profile = read_profile("ordos-2024", tmp_path)
    template = profile.template("evaluation-report", "policy")
    document = docx.Document()
    document.add_heading("停车收费管理办法中期评估报告", level=title_level)
    for section in template.sections:
        document.add_heading(section.heading, level=section_level)
        for item in section.subitems:
            document.add_heading(item.heading, level=section_level + 1)
            document.add_paragraph("已评估。")
        document.add_paragraph("评估结论：继续执行。" if section.outcome else "已写明。")
    document.save(tmp_path / "styled.docx")
    result = run(evaluating, "evaluation", "import", "2022-001", "2025-mid-term", tmp_path / "styled.docx")
    assert result.exit_code == 0, result.stderr
    assert lint(evaluating).exit_code == 0
    text = report_text(evaluating)
    assert "## 评估工作的基本情况，评估过程和方式\n" in text
    assert "### 决策实施的成本效益分析\n" in text
    assert 'title = "停车收费管理办法中期评估报告"' in text


def test_a_nine_heading_report_on_other_subjects_does_not_pass(evaluating, tmp_path):
    """Matched by words, not numbers: 一 to 九 on other subjects leave every content of 第十九条 missing."""
    import docx

    document = docx.Document()
    for heading in ("一、项目背景", "二、评估依据", "三、评估方法", "四、指标体系", "五、数据分析", "六、评估结果",
                    "七、对策建议", "八、结论", "九、附件"):
        document.add_paragraph(heading)
        document.add_paragraph("正文。")
    document.save(tmp_path / "other.docx")
    result = run(evaluating, "evaluation", "import", "2022-001", "2025-mid-term", tmp_path / "other.docx")
    assert result.exit_code == 0
    assert "已导入评估报告：0/9 个部分与办法规定的内容对应。" in result.stdout
    checked = lint(evaluating)
    assert checked.exit_code == 3
    for article in ("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）"):
        assert f"缺少第十九条第二款第{article}项要求的" in checked.stdout


def test_images_are_listed_as_missing_attachments(evaluating, tmp_path):
    report = report_docx(tmp_path / REPORT, image=png(tmp_path / "chart.png"))
    result = run(evaluating, "evaluation", "import", "2022-001", "2025-mid-term", report)
    assert result.exit_code == 0
    assert "缺少附件：原件中的图片 1 张未导入（image1.png），见原件。" in result.stdout
    text = report_text(evaluating)
    assert "缺少附件：原件中的图片 1 张未导入（image1.png），见原件。" in text  # in the note at the top
    assert "<!-- 缺少附件：图片 image1.png（Markdown 无法保存图片，见原件 report.original.docx） -->" in text
    assert lint(evaluating).exit_code == 0


def test_an_existing_report_is_replaced_only_with_force(evaluating, tmp_path):
    assert run(evaluating, "evaluation", "scaffold", "2022-001", "2025-mid-term").exit_code == 0
    before = snapshot(evaluating)
    report = report_docx(tmp_path / REPORT)
    refused = run(evaluating, "evaluation", "import", "2022-001", "2025-mid-term", report)
    assert refused.exit_code == 2
    assert f"{EVALUATION}/report.md 已存在；如确需用导入的报告替换（已写的内容会丢失），请加 --force" in refused.stderr
    assert snapshot(evaluating) == before
    assert run(evaluating, "evaluation", "import", "2022-001", "2025-mid-term", report, "--force").exit_code == 0
    assert lint(evaluating).exit_code == 0


@pytest.mark.parametrize(("name", "content", "code", "message"), [
    ("报告.doc", b"\xd0\xcf\x11\xe0", 2, "是旧版 Word 文件（.doc）；请在 Word 或 WPS 中另存为 .docx"),
    ("报告.pdf", b"%PDF", 2, "评估报告只支持 .docx 文件"),
    ("报告.docx", b"not a zip", 3, "不是有效的 Word 文件"),
    ("缺失.docx", None, 2, "不存在"),
])
def test_files_that_are_not_word_reports(evaluating, tmp_path, name, content, code, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = snapshot(evaluating)
    result = run(evaluating, "evaluation", "import", "2022-001", "2025-mid-term", path)
    assert result.exit_code == code
    assert message in result.stderr and "Traceback" not in result.stderr
    assert snapshot(evaluating) == before


def test_unknown_evaluation_is_exit_2(evaluating, tmp_path):
    result = run(evaluating, "evaluation", "import", "2022-001", "2030-final", report_docx(tmp_path / REPORT))
    assert result.exit_code == 2
    assert "决策 2022-001 没有评估 2030-final" in result.stderr


def test_sections_of_the_sample_are_worded_unlike_the_template():
    """The sample stays a real test of matching by words: most headings differ from the template's."""
    from decisiontrack.profiles.loader import read_profile

    template = read_profile("ordos-2024", Path(".")).template("evaluation-report", "policy")
    same = [h for (h, _), s in zip(SECTIONS, template.sections, strict=True) if h.endswith(s.heading)]
    assert len(same) <= 2
