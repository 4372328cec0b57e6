"""What the Markdown becomes: tables, lists, emphasis, 落款, 密级, dropped comments."""

from __future__ import annotations

import os
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from render_helpers import fonts, paragraph, text_runs

from conftest import SAMPLE

GOLDEN = Path(__file__).parent / "golden" / "sample_structure.txt"


def test_table_keeps_rows_cells_and_a_repeated_header(render_sample):
    table = render_sample().tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["指标", "目标值", "实际值"],
        ["日均客流（万人次）", "30", "28.5"],
        ["满意度", "80%", "85%"],
    ]
    assert table.style.name == "Table Grid"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(run.bold for run in table.cell(0, 0).paragraphs[0].runs)
    assert table.cell(2, 2).paragraphs[0].runs[0].bold


def test_lists_become_numbered_and_indented_paragraphs(render_sample):
    document = render_sample()
    items = [p for p in document.paragraphs if p.style.name == "List Paragraph"]
    assert [p.text for p in items] == [
        "1.问卷调查",
        "2.座谈会",
        "·市民代表",
        "·企业代表",
        "·查阅资料",
    ]
    assert items[2].paragraph_format.left_indent.pt == 32
    assert items[0].paragraph_format.left_indent is None


def test_nested_ordered_list_uses_parenthesised_numbers(render_sample):
    document = render_sample("1. 甲\n   1. 子一\n   2. 子二\n")
    texts = [p.text for p in document.paragraphs if p.style.name == "List Paragraph"]
    assert texts == ["1.甲", "（1）子一", "（2）子二"]


def test_bold_and_italic_runs(render_sample):
    body = paragraph(render_sample(), "本次评估")
    runs = [(run.text, bool(run.bold), bool(run.italic)) for run in text_runs(body)]
    assert ("12 条线路", True, False) in runs
    assert ("试行期", False, True) in runs
    assert body.text == (
        "本次评估依据《重大行政决策程序暂行条例》第三十九条开展。决策于 2021 年实施，"
        "涉及 12 条线路，试行期两年。"
    )


def test_block_quote_is_indented_kaiti(render_sample):
    document = render_sample()
    quote = paragraph(document, "公众意见")
    assert quote.style.name == "Quote"
    style = document.styles["Quote"]
    assert fonts(style.element)["eastAsia"] == "楷体_GB2312"
    assert style.paragraph_format.left_indent.pt == 32
    assert not style.font.italic


def test_html_comments_are_dropped(render_sample):
    document = render_sample()
    text = "\n".join(p.text for p in document.paragraphs)
    assert "指引" not in text and "<!--" not in text


def test_sealed_signature_centres_the_issuer_over_the_date_four_characters_from_the_right(render_sample):
    """GB/T 9704-2012 7.3.5.1: 成文日期右空四字，发文机关署名以成文日期为准居中."""
    texts = [p.text for p in render_sample().paragraphs]
    end = texts.index("2024年1月8日")
    assert texts[end - 3 : end + 2] == ["", "", "某市司法局", "2024年1月8日", "（此件不予公开）"]
    paragraphs = render_sample().paragraphs
    issuer, day = paragraphs[end - 1], paragraphs[end]
    assert issuer.alignment == day.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert day.paragraph_format.right_indent.pt == 64  # 右空四字
    # 5-character issuer centred over the 6-character date
    assert issuer.paragraph_format.right_indent.pt == 64 + 8


def test_unsealed_signature_follows_7_3_5_2(render_sample):
    """GB/T 9704-2012 7.3.5.2: 正文下空一行右空二字署名，日期首字比署名首字右移二字."""
    text = SAMPLE.replace('issuer = "某市司法局"', 'issuer = "某市人民政府办公室"\nseal = false')
    paragraphs = render_sample(text).paragraphs
    texts = [p.text for p in paragraphs]
    end = texts.index("2024年1月8日")
    assert texts[end - 2 : end] == ["", "某市人民政府办公室"]
    issuer, day = paragraphs[end - 1], paragraphs[end]
    assert issuer.paragraph_format.right_indent.pt == 2 * 16
    # the issuer (9 characters) starts at 2 + 9 = 11 characters from the right; the date
    # (6 characters wide) starts two characters later, at 9: its right indent is 3
    assert day.paragraph_format.right_indent.pt == 3 * 16


def test_unsealed_date_longer_than_the_issuer_stands_two_characters_from_the_right(render_sample):
    text = SAMPLE.replace('issuer = "某市司法局"', 'issuer = "司法局"\nseal = false')
    paragraphs = render_sample(text).paragraphs
    end = [p.text for p in paragraphs].index("2024年1月8日")
    assert paragraphs[end].paragraph_format.right_indent.pt == 2 * 16
    assert paragraphs[end - 1].paragraph_format.right_indent.pt == (6 + 2 + 2 - 3) * 16


def test_seal_must_be_true_or_false(cli, sample):
    sample.write_text(SAMPLE.replace('issuer = "某市司法局"', 'issuer = "某市司法局"\nseal = "no"'), encoding="utf-8")
    result = cli(str(sample))
    assert result.exit_code == 3
    assert f"{sample}:4: 前置信息有误：seal 的值“no”无效" in result.stderr


def test_no_signature_without_issuer_or_date(render_sample):
    document = render_sample('+++\ntitle = "通知"\n+++\n正文。\n')
    assert [p.text for p in document.paragraphs if p.text] == ["通知", "正文。"]


def test_secret_mark_on_the_second_line_with_its_term(render_sample):
    """GB/T 9704-2012 7.2.2: 密级和保密期限顶格编排在版心左上角第二行，用“★”隔开."""
    text = SAMPLE.replace('classification = "internal"', 'classification = "secret"\nsecret_level = "机密"\nsecrecy_term = "1年"')
    paragraphs = render_sample(text).paragraphs
    assert paragraphs[0].text == ""
    mark = paragraphs[1]
    assert mark.text == "机密★1年"
    assert mark.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert mark.paragraph_format.first_line_indent.pt == 0
    assert fonts(mark.runs[0]._r)["eastAsia"] == "黑体"
    assert mark.runs[0].font.size.pt == 16
    assert paragraphs[2].style.name == "Title"
    assert "（此件不予公开）" not in [p.text for p in paragraphs]


def test_secret_level_defaults_to_mimi_without_a_term(render_sample):
    text = SAMPLE.replace('classification = "internal"', 'classification = "secret"')
    assert render_sample(text).paragraphs[1].text == "秘密"


def test_bad_secret_level_names_the_line(cli, sample):
    sample.write_text(SAMPLE.replace('classification = "internal"', 'classification = "secret"\nsecret_level = "内部"'),
                      encoding="utf-8")
    result = cli(str(sample))
    assert result.exit_code == 3
    assert f"{sample}:6: 前置信息有误：secret_level 的值“内部”无效：只能是 秘密、机密、绝密 之一" in result.stderr


def test_internal_is_not_a_secret_level_but_a_note(render_sample):
    """Internal: nothing in the 密级 place; the 公开属性 as 附注 under the date (7.3.6)."""
    paragraphs = render_sample().paragraphs
    assert paragraphs[0].style.name == "Title"
    assert "内部" not in [p.text for p in paragraphs]
    assert paragraphs[-1].text == "（此件不予公开）"
    assert paragraphs[-1].paragraph_format.first_line_indent is None  # the style's two characters


def test_note_from_front_matter_replaces_the_default(render_sample):
    text = SAMPLE.replace('classification = "internal"', 'classification = "internal"\nnote = "此件发至县级"')
    assert render_sample(text).paragraphs[-1].text == "（此件发至县级）"


def test_public_document_has_no_mark_and_no_note(render_sample):
    public = SAMPLE.replace('classification = "internal"\n', "")
    document = render_sample(public)
    texts = [p.text for p in document.paragraphs]
    assert "秘密" not in texts and "（此件不予公开）" not in texts
    assert document.paragraphs[0].style.name == "Title"


def test_title_from_first_heading_without_front_matter(render_sample):
    document = render_sample("# 工作情况报告\n\n正文。\n")
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == ["工作情况报告"]


def test_long_title_breaks_into_even_lines_between_words(render_sample):
    title = "关于2023年度城区老旧小区改造（第二批）项目决策执行情况的跟踪反馈报告"
    document = render_sample(f'+++\ntitle = "{title}"\n+++\n正文。\n')
    para = document.paragraphs[0]
    assert para.text.replace("\n", "") == title
    assert para._p.xpath("count(.//w:br)") == 1
    assert para.text.split("\n") == [
        "关于2023年度城区老旧小区改造（第二批）",
        "项目决策执行情况的跟踪反馈报告",
    ]


def _structure(document) -> str:
    """One line per block: style (or ``table``) and text, the shape a reviewer reads."""
    body = document.element.body
    lines = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            style = (
                child.pPr.pStyle.val
                if child.pPr is not None and child.pPr.pStyle is not None
                else "Normal"
            )
            text = "".join(t.text for t in child.iter(qn("w:t"))) + "⏎" * len(
                child.findall(".//" + qn("w:br"))
            )
            lines.append(f"{style}\t{text}")
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = ["".join(t.text for t in tc.iter(qn("w:t"))) for tc in row.iter(qn("w:tc"))]
                lines.append("table\t" + " | ".join(cells))
    return "\n".join(lines) + "\n"


def test_golden_structure(render_sample):
    actual = _structure(render_sample())
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8")


def test_the_signature_never_stands_alone_on_a_page(render_sample):
    """The last body paragraph and the blank lines keep with the 落款 (7.3.5)."""
    paragraphs = render_sample().paragraphs
    end = [p.text for p in paragraphs].index("某市司法局")
    assert paragraphs[end - 3].text == "决策目标基本实现，建议继续实施。"
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[end - 3 : end + 1])


def test_an_issuer_without_a_date_is_warned_about(cli, sample):
    sample.write_text('+++\ntitle = "报告"\nissuer = "某市司法局"\n+++\n正文。\n', encoding="utf-8")
    result = cli(str(sample))
    assert result.exit_code == 0
    assert f"{sample}:3: 警告：落款只有发文机关署名，没有成文日期" in result.stderr
