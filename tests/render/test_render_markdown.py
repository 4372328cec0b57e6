"""Every Markdown construct has an answer (issue #14 item 4): rendered, or refused with file:line.

Nothing silently disappears: HTML, footnotes, strikethrough, task lists, images, code blocks,
rules, links and over-long table rows are each rendered or refused, and no text that reached
a file by hand — control characters, odd Markdown — makes ``render`` crash.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisiontrack.errors import DecisionTrackError


def _png(path: Path, width: int = 40, height: int = 20) -> Path:
    """A small valid PNG, written without any imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
                     + chunk(b"IEND", b""))
    return path


def _texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text]


def test_inline_html_is_rendered(render_sample):
    document = render_sample(
        "正文<b>加粗</b>和<i>倾斜</i>，<u>下划线</u>，m<sup>2</sup>，H<sub>2</sub>O<br>第二行<span>不变</span>。\n"
    )
    paragraph = document.paragraphs[0]
    runs = {run.text: run for run in paragraph.runs if run.text}
    assert runs["加粗"].bold and runs["倾斜"].italic and runs["下划线"].underline
    assert runs["2"].font.superscript or any(r.font.subscript for r in paragraph.runs if r.text == "2")
    assert paragraph._p.xpath("count(.//w:br)") == 1
    assert paragraph.text.replace("\n", "") == "正文加粗和倾斜，下划线，m2，H2O第二行不变。"
    assert "<" not in paragraph.text


def test_div_align_center_is_a_centred_paragraph(render_sample):
    document = render_sample('<div align="center">\n居中的<b>说明</b>\n</div>\n\n<p align="right">右对齐</p>\n\n正文。\n')
    centred, right, body = document.paragraphs[:3]
    assert centred.text == "居中的说明" and centred.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert right.text == "右对齐" and right.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert body.alignment is None


def test_div_around_markdown_centres_what_it_encloses(render_sample):
    document = render_sample('<div align="center">\n\n**附件目录**\n\n</div>\n\n正文。\n')
    assert document.paragraphs[0].text == "附件目录"
    assert document.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert document.paragraphs[1].alignment is None


@pytest.mark.parametrize(
    ("markdown", "line", "words"),
    [
        ("正文。\n\n<font color=red>红字</font>\n", 3, "<font color=red>"),
        ("正文。\n\n段落里有 <span style=\"color:red\">红字</span>。\n", 3, "<span style=\"color:red\">"),
        ("正文。\n\n<img src=\"a.png\">\n", 3, "请改用 Markdown 图片"),
        ("正文。\n\n<table><tr><td>x</td></tr></table>\n", 3, "请改用 Markdown 表格"),
        ("<div align=\"center\">\n\n没有结束\n", 3, "没有结束标记"),
    ],
)
def test_other_html_is_refused_with_file_and_line(cli, sample, markdown, line, words):
    sample.write_text('+++\ntitle = "报告"\n+++\n' + markdown, encoding="utf-8")
    result = cli(str(sample), "-o", str(sample.parent / "x.docx"))
    assert result.exit_code == 3, result.output
    assert f"{sample}:{line + 3}: " in result.stderr and words in result.stderr
    assert "Traceback" not in result.output
    assert not (sample.parent / "x.docx").exists()


def test_footnotes_become_word_footnotes(render_sample, sample):
    """python-docx has no footnote API: the part, its relationship and the references are ours."""
    render_sample("正文有注释[^a]，另有一处[^b]。\n\n[^a]: 第一条注释。\n[^b]: 第二条注释，\n    有两行。\n")
    package = zipfile.ZipFile(sample.parent / "out.docx")
    notes = package.read("word/footnotes.xml").decode()
    assert "第一条注释。" in notes and "第二条注释，有两行。" in notes
    assert notes.count("<w:footnoteRef/>") == 2
    assert 'w:type="separator"' in notes and 'w:type="continuationSeparator"' in notes
    document = package.read("word/document.xml").decode()
    assert document.count("<w:footnoteReference") == 2
    assert 'w:id="1"' in document and 'w:id="2"' in document
    assert "footnotes.xml" in package.read("word/_rels/document.xml.rels").decode()
    assert "wordprocessingml.footnotes+xml" in package.read("[Content_Types].xml").decode()
    assert "<w:footnotePr>" in package.read("word/settings.xml").decode()
    assert "第一条注释" not in document  # the note's text is in the note, not the body


def test_strikethrough_is_struck(render_sample):
    paragraph = render_sample("原定~~六月~~七月完成。\n").paragraphs[0]
    struck = [run for run in paragraph.runs if run.font.strike]
    assert [run.text for run in struck] == ["六月"]
    assert paragraph.text == "原定六月七月完成。"


def test_task_lists_show_their_boxes(render_sample):
    texts = _texts(render_sample("- [ ] 召开座谈会\n- [x] 完成问卷调查\n"))
    assert texts == ["□召开座谈会", "☑完成问卷调查"]


def test_images_are_embedded_with_their_description(render_sample, sample):
    _png(sample.parent / "图一.png")
    document = render_sample("正文。\n\n![图1 满意度变化](图一.png)\n")
    figure = document.paragraphs[1]
    assert figure._p.xpath("count(.//pic:pic)") == 1
    assert figure.alignment == WD_ALIGN_PARAGRAPH.CENTER
    caption = document.paragraphs[2]
    assert (caption.text, caption.style.name) == ("图1 满意度变化", "Caption")
    assert any(name.startswith("word/media/") for name in zipfile.ZipFile(sample.parent / "out.docx").namelist())


def test_a_missing_image_is_exit_3_naming_it(cli, sample):
    sample.write_text('+++\ntitle = "报告"\n+++\n正文。\n\n![图](不存在.png)\n', encoding="utf-8")
    result = cli(str(sample))
    assert result.exit_code == 3
    assert f"{sample}:6: 找不到图片文件 {sample.parent / '不存在.png'}" in result.stderr


def test_a_file_that_is_not_an_image_is_exit_3(cli, sample):
    (sample.parent / "假图.png").write_text("不是图片", encoding="utf-8")
    sample.write_text("正文。\n\n![图](假图.png)\n", encoding="utf-8")
    result = cli(str(sample))
    assert result.exit_code == 3 and "不是可嵌入的图片" in result.stderr


def test_code_blocks_are_monospaced_line_by_line(render_sample):
    document = render_sample("正文。\n\n```\ndecisiontrack check  --as-of 2025-06-30\n第二行\n```\n")
    code = [p for p in document.paragraphs if p.style.name == "Code"]
    assert [p.text for p in code] == ["decisiontrack check  --as-of 2025-06-30", "第二行"]
    fonts = document.styles["Code"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == "Courier New"


def test_a_rule_is_a_line_across_the_type_area(render_sample):
    document = render_sample("上文。\n\n---\n\n下文。\n")
    rule = document.paragraphs[1]
    assert rule.text == "" and rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None


def test_links_keep_their_address(render_sample):
    text = render_sample("详见[市政府网站](https://www.ordos.gov.cn)和<https://a.gov.cn>。\n").paragraphs[0].text
    assert text == "详见市政府网站（https://www.ordos.gov.cn）和https://a.gov.cn。"


def test_extra_table_cells_are_reported_not_dropped(cli, sample):
    sample.write_text("正文。\n\n| 指标 | 数值 |\n|---|---|\n| 满意度 | 85% | 多出来的 |\n", encoding="utf-8")
    result = cli(str(sample))
    assert result.exit_code == 3
    assert f"{sample}:5: 表格这一行有 3 个单元格，表头只有 2 列" in result.stderr


@pytest.mark.parametrize("char", ["\x07", "\x00", "\x1b", "\x0c", "\x85"])
def test_control_characters_are_exit_3_with_line_and_column(cli, sample, char):
    sample.write_text(f'+++\ntitle = "报告"\n+++\n正文。\n\n第二段{char}有控制字符。\n', encoding="utf-8")
    result = cli(str(sample))
    assert result.exit_code == 3
    assert f"{sample}:6: 第 4 列有不可见的控制字符 U+{ord(char):04X}" in result.stderr
    assert "Traceback" not in result.output


def test_control_character_escaped_in_front_matter_names_its_key(cli, sample):
    sample.write_text('+++\ntitle = "报告\\u0007"\n+++\n正文。\n', encoding="utf-8")
    result = cli(str(sample))
    assert result.exit_code == 3
    assert f"{sample}:2: 前置信息有误：title 中有不可见的控制字符" in result.stderr


@pytest.mark.parametrize("body", ["", "\n\n", "<!-- 只有注释 -->\n", "# 报告\n"])
def test_an_empty_document_is_refused(cli, sample, body):
    sample.write_text(body, encoding="utf-8")
    result = cli(str(sample))
    assert result.exit_code == 3
    assert "没有可排版的正文" in result.stderr


PIECES = [*"#*_~`>-|[]()!<>/\\=:^ \n\t1.x评估报告，。", "<b>", "</div>", '<div align="center">', "[^1]",
          "[^1]: 注", "\x07", "![图](a.png)", "| a | b |\n|---|---|\n", "- [ ] ", "```\n", "<!--", "-->", "+++\n"]
MARKDOWNISH = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def test_a_footnote_that_cites_a_footnote_is_refused_with_its_line(tmp_path):
    """Found by the test below: Word footnotes cannot nest; exit 3 naming the line, not a RecursionError."""
    from decisiontrack.render import render_file

    path = tmp_path / "odd.md"
    path.write_text("正文\n\n见注[^1]| a | b |\n|---|---|\n\n[^1]: 注[^1]\n", encoding="utf-8")
    with pytest.raises(DecisionTrackError) as raised:
        render_file(path, tmp_path / "odd.docx", overwrite=True)
    assert int(raised.value.exit_code) == 3
    assert str(raised.value).endswith("odd.md:3: 脚注中又引用了脚注：Word 的脚注不能嵌套，请把被引用的内容写进该脚注或正文")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MARKDOWNISH)
def test_odd_markdown_never_crashes(tmp_path, text):
    """Whatever reaches the file: a document, or an error the CLI turns into exit 2 or 3."""
    from decisiontrack.render import render_file

    path = tmp_path / "odd.md"
    path.write_text(text, encoding="utf-8")
    try:
        render_file(path, tmp_path / "odd.docx", overwrite=True)
    except DecisionTrackError as error:
        assert int(error.exit_code) in (2, 3)
