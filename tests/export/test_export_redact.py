"""Redaction (Ordos 第二十一条, 任丘第七条): no phone, e-mail or ID number survives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decisiontrack.export.redact import (
    CONTACT_MASK,
    EMAIL_MASK,
    ID_MASK,
    PHONE_MASK,
    SECRET_MASK,
    Redactor,
    mask_name,
    redact_text,
)

# Filler never holds digits or "@": after redaction, no digit may be left at all.
FILLER_CHARS = "决策评估报告执行情况意见建议的了在是和与，。、：；（）“”《》 \nabcxyzXYZ!?_-/#*|"
filler = st.text(alphabet=FILLER_CHARS, max_size=30)
# Between two values: text ending in a character that cannot belong to an e-mail address
# (else "138…?x@a.cn" is one address whose local part starts with the digits).
separator = st.builds(str.__add__, st.text(alphabet=FILLER_CHARS, max_size=10),
                      st.sampled_from(list("，。：； \n决")))
SEPARATORS = st.sampled_from(["", " ", "-", "—"])


@st.composite
def mobiles(draw) -> str:
    digits = draw(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
    first, second = draw(SEPARATORS), draw(SEPARATORS)
    prefix = draw(st.sampled_from(["", "+86 ", "+86", "86", "+86-", "0086 ", "(+86)", "（+86）"]))
    return f"{prefix}{digits[:3]}{first}{digits[3:7]}{second}{digits[7:]}"


@st.composite
def landlines(draw) -> str:
    area = draw(st.from_regex(r"0[1-9][0-9]{1,2}", fullmatch=True))
    number = draw(st.from_regex(r"[1-9][0-9]{6,7}", fullmatch=True))
    shape = draw(st.sampled_from(["{a}-{n}", "({a}){n}", "（{a}）{n}", "{a} {n}", "{a}{n}",
                                  "({a}) {n}", "{a}-{n}-12", "{a}-{n}转805"]))
    return shape.format(a=area, n=number)


ids = st.one_of(
    st.from_regex(r"[1-9][0-9]{16}[0-9Xx]", fullmatch=True),
    st.from_regex(r"[1-9][0-9]{14}", fullmatch=True),
)
personal = st.one_of(mobiles(), landlines(), st.emails(), ids)


@given(before=filler, value=personal, after=filler)
def test_no_personal_pattern_survives(before, value, after):
    out = redact_text(f"{before}{value}{after}")
    assert value not in out
    assert not re.search(r"[0-9@＠]", out), out


@settings(max_examples=40, deadline=None)
@given(parts=st.lists(st.tuples(separator, personal), min_size=1, max_size=4), tail=filler)
def test_many_values_in_one_text(parts, tail):
    """Values follow each other with a word boundary between (else they are one number)."""
    text = "".join(f"{f}{v}" for f, v in parts) + tail
    out = redact_text(text)
    assert not re.search(r"[0-9@＠]", out)
    assert all(v not in out for _, v in parts)


@given(text=st.text(max_size=80))
def test_idempotent_on_any_text(text):
    once = redact_text(text)
    assert redact_text(once) == once


NAME_CHARS = "张王李赵刘陈杨黄周吴三丰小明四光娜伟芳"


@given(before=filler, name=st.text(alphabet=NAME_CHARS, min_size=2, max_size=4), after=filler)
def test_known_names_are_masked(before, name, after):
    out = redact_text(f"{before}{name}{after}", known=[name])
    assert name not in out
    assert mask_name(name) in out


@pytest.mark.parametrize(("text", "expected"), [
    ("电话13800138000。", f"电话{PHONE_MASK}。"),
    ("手机 138-0013-8000", f"手机 {PHONE_MASK}"),
    ("+86 138 0013 8000", PHONE_MASK),
    ("座机0477-8581234转12", f"座机{PHONE_MASK}"),
    ("（0477）8581234", PHONE_MASK),
    ("邮箱zhang.san@example.com。", f"邮箱{EMAIL_MASK}。"),
    ("身份证11010519491231002X号", f"身份证{ID_MASK}号"),
    ("旧证110105491231002", f"旧证{ID_MASK}"),
])
def test_examples(text, expected):
    assert redact_text(text) == expected


def test_ordinary_numbers_stay():
    text = "2024-06-30 鄂府发〔2021〕88号 第12条 投资100万元，增长3.5%，共1234567人次，0.5亿元。"
    assert redact_text(text) == text


def test_contacts_and_secrets_go_first():
    text = "联系地址东胜区天骄路8号；与某涉密方案有关；张某某来信。"
    out = redact_text(text, known=["张某某"], contacts=["东胜区天骄路8号"], secrets=["某涉密方案"])
    assert out == f"联系地址{CONTACT_MASK}；与{SECRET_MASK}有关；张＊＊来信。"


def test_short_values_are_not_replaced():
    assert redact_text("王府井", known=["王"]) == "王府井"


@pytest.mark.parametrize(
    ("name", "masked"), [("张某某", "张＊＊"), ("欧阳娜娜", "欧＊＊＊"), ("王", "＊")]
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_redactor_for_workspace(result):
    from decisiontrack.export.redact import redactor_for

    redact = redactor_for(result.workspace)
    assert isinstance(redact, Redactor)
    assert set(redact.names) == {"张三丰", "王小明", "李四光", "赵六"}
    assert set(redact.contacts) == {
        "zhangsf@example.com", "0477-8581234", "13912345678", "东胜区天骄路8号", "lisi@mail.gov.cn"
    }
    assert set(redact.secrets) == {"某涉密国防动员改革实施方案", "鄂府密〔2023〕5号"}
