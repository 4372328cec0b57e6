"""The body as a 公文 sets it, asserted on the .docx XML (issue #14 items 1–3).

Titles broken between words (GB/T 9704-2012 7.3.1), justified paragraphs with widow control
and punctuation kept in the 版心, tables sized to their content on the 28.95 pt grid.
"""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from decisiontrack.render.tables import CELL_PADDING, TEXT_FLOOR, text_width
from decisiontrack.render.title import split_title, words

LONG_TITLES = {
    # the two titles the 秘书科 sent back, and one with a bracketed period
    "鄂尔多斯市中心城区老旧小区改造提升行动方案后评估报告": ["鄂尔多斯市中心城区老旧小区", "改造提升行动方案后评估报告"],
    "鄂尔多斯市城区出租汽车经营权有偿使用管理办法跟踪反馈报告（2025年下半年）": [
        "鄂尔多斯市城区出租汽车经营权有偿使用",
        "管理办法跟踪反馈报告（2025年下半年）",
    ],
    "某某市人民政府关于进一步加强重大行政决策全过程管理工作的实施意见（试行）": [
        "某某市人民政府关于进一步加强重大行政决策",
        "全过程管理工作的实施意见（试行）",
    ],
}


def _boundaries(tokens: list[str]) -> set[int]:
    ends, total = set(), 0
    for token in tokens:
        total += len(token)
        ends.add(total)
    return ends


@pytest.mark.parametrize(("title", "lines"), LONG_TITLES.items())
def test_long_titles_break_between_whole_words(render_sample, title, lines):
    """GB/T 9704-2012 7.3.1: 回行时要做到词意完整，排列对称，长短适宜."""
    document = render_sample(f'+++\ntitle = "{title}"\n+++\n正文。\n')
    paragraph = document.paragraphs[0]
    assert paragraph.style.name == "Title"
    assert paragraph.text.split("\n") == lines
    words_of_title = [word for word, _ in words(title)]
    assert len(lines[0]) in _boundaries(words_of_title)  # the break falls between two words


def test_titles_break_for_the_page_in_use():
    """A narrower reference page gives shorter title lines, still between words."""
    title = "鄂尔多斯市城区出租汽车经营权有偿使用管理办法跟踪反馈报告（2025年下半年）"
    lines = split_title(title, 16)
    assert len(lines) == 3 and "".join(lines) == title
    assert all(len(line) <= 16 for line in lines)
    assert "出租汽车" in lines[0]


def _effective(document, paragraph, tag: str):
    """A paragraph property as Word resolves it: the paragraph's own, else its style's."""
    own = paragraph._p.pPr.find(qn(f"w:{tag}")) if paragraph._p.pPr is not None else None
    if own is not None:
        return own
    style = paragraph.style
    while style is not None:
        ppr = style.element.pPr
        found = ppr.find(qn(f"w:{tag}")) if ppr is not None else None
        if found is not None:
            return found
        style = style.base_style
    return None


def test_body_paragraphs_are_justified_with_widow_control(render_sample):
    document = render_sample()
    body = [p for p in document.paragraphs if p.style.name in ("Normal", "Heading 1", "Quote") and p.text
            and p.alignment is None]
    assert body
    for paragraph in body:
        assert _effective(document, paragraph, "jc").get(qn("w:val")) == "both", paragraph.text
        assert _effective(document, paragraph, "widowControl") is not None
    assert document.styles["Normal"].paragraph_format.widow_control is True


def test_punctuation_stays_inside_the_type_area(render_sample):
    """标点挤压, no hanging punctuation: kinsoku on, overflowPunct off, compress punctuation."""
    document = render_sample()
    ppr = document.styles["Normal"].element.pPr
    assert ppr.find(qn("w:kinsoku")).get(qn("w:val")) == "1"
    assert ppr.find(qn("w:overflowPunct")).get(qn("w:val")) == "0"
    assert ppr.find(qn("w:topLinePunct")).get(qn("w:val")) == "1"
    spacing = document.settings.element.find(qn("w:characterSpacingControl"))
    assert spacing.get(qn("w:val")) == "compressPunctuation"
    order = [child.tag.split("}")[1] for child in ppr]
    assert order.index("widowControl") < order.index("kinsoku") < order.index("overflowPunct") < order.index("spacing")


def test_libreoffice_copy_says_no_hanging_its_own_way(render_sample, sample):
    """LibreOffice reads w:overflowPunct inverted; only the copy it converts is flipped."""
    import zipfile
    from io import BytesIO

    from decisiontrack.render.pdf import for_libreoffice

    render_sample()
    data = (sample.parent / "out.docx").read_bytes()
    flipped = zipfile.ZipFile(BytesIO(for_libreoffice(data))).read("word/styles.xml")
    assert b'<w:overflowPunct w:val="1"/>' in flipped and b'<w:overflowPunct w:val="0"/>' not in flipped
    assert b'<w:overflowPunct w:val="0"/>' in zipfile.ZipFile(BytesIO(data)).read("word/styles.xml")


TABLE = """\
## 时间节点

| 序号 | 时间节点 | 应完成日期 | 完成日期 | 状态 |
|---|---|---|---|---|
| 1 | 完成首次实施情况问卷调查和座谈会，形成调查报告并报送市人民政府 | 2024年10月15日 | 2024-10-15 | 已完成 |
| 2 | 完成车辆准入标准执行情况专项调查 | 2025年3月31日 | — | 未完成 |
"""


def _grid(table) -> list[int]:
    return [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]


def test_table_columns_are_sized_to_their_content(render_sample):
    table = render_sample(TABLE).tables[0]
    widths = _grid(table)
    assert sum(widths) == 11906 - 1587 - 1474  # the whole type area
    assert len(set(widths)) > 2  # not all equal
    number, text, due, done, status = widths
    assert number < status < done < due
    # a date never breaks: its column holds 2024年10月15日 (or 2024-10-15) on one line
    padding = CELL_PADDING
    assert due >= text_width("2024年10月15日") * 280 + padding and done >= text_width("2024-10-15") * 280 + padding
    assert status >= text_width("未完成") * 280 + padding
    assert text >= TEXT_FLOOR * 280 + padding  # running text keeps a few characters a line
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    for row in table.rows:
        assert [int(cell._tc.tcPr.tcW.get(qn("w:w"))) for cell in row.cells] == widths


def test_rows_never_split_and_the_header_repeats(render_sample):
    table = render_sample(TABLE).tables[0]
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.trPr
        assert tr_pr.find(qn("w:cantSplit")) is not None
        assert (tr_pr.find(qn("w:tblHeader")) is not None) is (index == 0)


def test_table_rows_keep_the_22_line_grid(render_sample):
    """Cell lines are a border thinner than the pitch; rows are whole grid lines tall."""
    document = render_sample(TABLE)
    style = document.styles["Table Text"].paragraph_format
    assert style.line_spacing.twips == 579 - 10
    heights = [int(row._tr.trPr.find(qn("w:trHeight")).get(qn("w:val"))) for row in document.tables[0].rows]
    assert all(height % 579 == 0 for height in heights)
    assert heights[0] == 579 and heights[1] >= 2 * 579  # the long milestone takes two lines or more


def test_column_alignment_from_the_markdown(render_sample):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = render_sample("| 指标 | 数值 |\n|:--|--:|\n| 满意度 | 85% |\n").tables[0]
    assert table.cell(1, 1).paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.cell(0, 1).paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER  # headers centred
