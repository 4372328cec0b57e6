"""Page, fonts and footers of the rendered 公文, checked in the units Word stores (SPEC §5)."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from lxml import etree
from render_helpers import fonts, half_points, paragraph


def test_page_is_a4_with_the_standards_margins(render_sample):
    section = render_sample().sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert section.top_margin.twips == 2098
    assert section.left_margin.twips == 1587
    assert section.right_margin.twips == 1474
    assert section.bottom_margin.twips == 1984
    assert section.footer_distance.twips == 1460  # the page number's 一字线 7 mm below the type area


def test_22_lines_by_exact_spacing_and_28_characters_by_char_spacing(render_sample):
    document = render_sample()
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"
    assert grid.get(qn("w:type")) is None
    normal = document.styles["Normal"]
    layout = normal.paragraph_format
    assert layout.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert layout.line_spacing.twips == 579
    assert (layout.space_before.twips, layout.space_after.twips) == (0, 0)
    spacing = normal.element.rPr.find(qn("w:spacing"))
    assert spacing.get(qn("w:val")) == "-5"


def test_body_is_fangsong_3hao_with_two_character_indent(render_sample):
    document = render_sample()
    normal = document.styles["Normal"]
    assert fonts(normal.element) == {
        "ascii": "Times New Roman",
        "hAnsi": "Times New Roman",
        "eastAsia": "仿宋_GB2312",
    }
    assert half_points(normal.element) == 32
    assert normal.paragraph_format.first_line_indent.pt == 32
    body = paragraph(document, "本次评估")
    assert body.style.name == "Normal"
    assert all(fonts(run._r)["eastAsia"] == "仿宋_GB2312" for run in body.runs)
    assert all(fonts(run._r)["ascii"] == "Times New Roman" for run in body.runs)


def test_styles_carry_no_theme_fonts_or_colours(render_sample):
    document = render_sample()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Quote"):
        xml = document.styles[name].element.xml
        assert "Theme" not in xml and "theme" not in xml, name
        assert "w:color" not in xml, name
    defaults = etree.tostring(document.styles.element.find(qn("w:docDefaults"))).decode()
    assert "Theme" not in defaults
    assert 'w:eastAsia="zh-CN"' in defaults


def test_title_is_2hao_xiaobiaosong_centred(render_sample):
    document = render_sample()
    title = paragraph(document, "关于城区公交")
    assert title.style.name == "Title"
    style = document.styles["Title"]
    assert fonts(style.element)["eastAsia"] == "方正小标宋简体"
    assert fonts(title.runs[0]._r)["eastAsia"] == "方正小标宋简体"
    assert half_points(style.element) == 44
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert style.paragraph_format.first_line_indent.pt == 0


def test_heading_levels_use_heiti_kaiti_and_bold_fangsong(render_sample):
    document = render_sample()
    expected = {
        "一、评估基本情况": ("Heading 1", "黑体", False),
        "（一）评估组织": ("Heading 2", "楷体_GB2312", False),
        "1. 评估方式": ("Heading 3", "仿宋_GB2312", True),
    }
    for text, (style_name, east_asia, bold) in expected.items():
        found = paragraph(document, text)
        assert found.text == text  # numbers kept as written
        assert found.style.name == style_name
        style = document.styles[style_name]
        assert fonts(style.element) == {
            "ascii": "Times New Roman",
            "hAnsi": "Times New Roman",
            "eastAsia": east_asia,
        }
        assert half_points(style.element) == 32
        assert bool(style.font.bold) is bold
        assert fonts(found.runs[0]._r)["eastAsia"] == east_asia


def test_table_cells_are_4hao_fangsong_without_indent(render_sample):
    document = render_sample()
    cell = document.tables[0].cell(1, 0).paragraphs[0]
    assert cell.style.name == "Table Text"
    style = document.styles["Table Text"]
    assert fonts(style.element)["eastAsia"] == "仿宋_GB2312"
    assert half_points(style.element) == 28
    assert style.paragraph_format.first_line_indent.pt == 0
    assert fonts(cell.runs[0]._r)["eastAsia"] == "仿宋_GB2312"


def _field_runs(footer) -> tuple[str, list[str]]:
    para = footer.paragraphs[0]
    kinds = [c.get(qn("w:fldCharType")) for c in para._p.iter(qn("w:fldChar"))]
    instr = "".join(t.text for t in para._p.iter(qn("w:instrText")))
    return instr.strip(), kinds


def test_page_numbers_odd_right_even_left(render_sample):
    document = render_sample()
    assert document.settings.odd_and_even_pages_header_footer is True
    section = document.sections[0]
    odd, even = section.footer, section.even_page_footer
    for footer in (odd, even):
        instr, kinds = _field_runs(footer)
        assert instr == "PAGE"
        assert kinds == ["begin", "separate", "end"]
        text = footer.paragraphs[0].text
        assert text.startswith("— ") and text.endswith(" —")
        run = footer.paragraphs[0].runs[0]
        assert fonts(run._r)["eastAsia"] == "宋体"
    assert half_points(document.styles["Footer"].element) == 28
    assert odd.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert odd.paragraphs[0].paragraph_format.right_indent.pt == 14
    assert even.paragraphs[0].paragraph_format.left_indent.pt == 14
    assert odd._element is not even._element
