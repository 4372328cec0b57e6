"""``--reference-doc``: the office's own template wins, style by style (as in pandoc)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.shared import Pt, Twips
from render_helpers import fonts

from decisiontrack.errors import UserError


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    """A Letter-size template whose Normal is 12 pt 微软雅黑, with sample text to clear."""
    import docx

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "微软雅黑"
    )
    document.styles["Quote"].delete()
    document.add_paragraph("模板里的示例文字")
    section = document.sections[0]
    section.page_width, section.page_height = Twips(12240), Twips(15840)
    path = tmp_path / "template.docx"
    document.save(str(path))
    return path


def test_reference_styles_and_page_are_kept(render_sample, reference):
    document = render_sample(reference_doc=reference)
    normal = document.styles["Normal"]
    assert fonts(normal.element)["eastAsia"] == "微软雅黑"
    assert normal.font.size.pt == 12
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (12240, 15840)
    texts = [p.text for p in document.paragraphs]
    assert "模板里的示例文字" not in texts
    body = next(p for p in document.paragraphs if p.text.startswith("本次评估"))
    assert all(fonts(run._r)["eastAsia"] is None for run in body.runs)


def test_styles_missing_from_reference_get_our_look(render_sample, reference):
    document = render_sample(reference_doc=reference)
    quote = document.styles["Quote"]
    assert fonts(quote.element)["eastAsia"] == "楷体_GB2312"
    assert fonts(document.styles["Table Text"].element)["eastAsia"] == "仿宋_GB2312"
    # the reference had no footer: page numbers are still added
    assert document.sections[0].footer.paragraphs[0].text == "— 1 —"


def test_missing_reference_is_a_user_error(render_sample, tmp_path):
    with pytest.raises(UserError, match="找不到参考文档 .*nothere.docx"):
        render_sample(reference_doc=tmp_path / "nothere.docx")


def test_non_docx_reference_is_a_user_error(render_sample, tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("不是 Word 文件", encoding="utf-8")
    with pytest.raises(UserError, match="fake.docx 不是有效的 Word 文档"):
        render_sample(reference_doc=fake)
