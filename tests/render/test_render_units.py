"""Pure pieces: meta fallbacks, dates, title breaking, Markdown blocks."""

from __future__ import annotations

from datetime import date

import pytest

from decisiontrack.errors import UserError
from decisiontrack.render.markdown import Heading, ListItem, Paragraph, Run, parse_blocks
from decisiontrack.render.meta import DocumentMeta, chinese_date, meta_from_front_matter
from decisiontrack.render.title import char_width, split_title


def test_meta_fallbacks():
    body = "正文\n\n# 从正文来的标题\n"
    assert meta_from_front_matter({}, body) == DocumentMeta("从正文来的标题", "", None, "public")
    data = {"title": "标题", "issuer": "某市", "decided_on": date(2023, 5, 6)}
    assert meta_from_front_matter(data, body).issued_on == date(2023, 5, 6)
    data["submitted_on"] = "2024-01-08"
    assert meta_from_front_matter(data, body).issued_on == date(2024, 1, 8)


def test_meta_rejects_bad_dates_and_levels():
    with pytest.raises(UserError, match="issued_on"):
        meta_from_front_matter({"issued_on": "2024-13-01"}, "")
    with pytest.raises(UserError, match="classification"):
        meta_from_front_matter({"classification": "top"}, "")


def test_chinese_date_has_no_leading_zeros():
    assert chinese_date(date(2024, 1, 8)) == "2024年1月8日"
    assert chinese_date(date(2024, 12, 31)) == "2024年12月31日"


@pytest.mark.parametrize(
    "title",
    [
        "关于城区公交票价调整重大行政决策实施情况的后评估报告",
        "某某市人民政府关于进一步加强重大行政决策全过程管理工作的实施意见（试行）",
        "一二三四五六七八九十一二三四五六七八九十一",
    ],
)
def test_long_titles_split_evenly_without_lone_characters(title):
    lines = split_title(title)
    assert "".join(lines) == title
    assert len(lines) == 2
    assert all(char_width(line) <= 20 for line in lines)
    assert min(char_width(line) for line in lines) >= 8


def test_short_title_stays_on_one_line():
    assert split_title("关于开展评估工作的通知") == ["关于开展评估工作的通知"]


def test_blocks_of_a_small_body():
    body = "# 题\n\n## 一、甲\n\n文字**粗**。\n\n<!-- 删 -->\n\n- 项\n\n> 引\n"
    assert parse_blocks(body) == [
        Heading(0, (Run("题"),)),
        Heading(1, (Run("一、甲"),)),
        Paragraph((Run("文字"), Run("粗", bold=True), Run("。"))),
        ListItem("·", 0, (Run("项"),)),
        Paragraph((Run("引"),), "quote"),
    ]


def test_soft_breaks_join_chinese_without_space_and_latin_with_one():
    (paragraph,) = parse_blocks("第一行\n第二行 word\nnext\n")
    assert paragraph.runs == (Run("第一行第二行 word next"),)
