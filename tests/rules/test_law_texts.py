"""The law beside its code: every rule quotes its own article, verbatim, from the 办法 shipped with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from decisiontrack.profiles import BUILT_IN, read_profile
from decisiontrack.profiles.loader import profile_text, profile_warnings
from decisiontrack.profiles.quotes import articles, cited_articles, normalize, quote_problems

SHARED = Path("/work/shared/regulations")


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_quote_is_in_the_shipped_text(name):
    profile = read_profile(name)
    text = profile_text(name)
    assert text is not None and profile.text == f"{name}.txt"
    whole = normalize(text)
    for rule in profile.rules:
        assert rule.quotes, f"{rule.id} has no quote"
        for quote in rule.quotes:
            assert normalize(quote) in whole, (rule.id, quote)


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_quote_lies_between_its_articles_heading_and_the_next(name):
    profile = read_profile(name)
    by_article = {key: normalize(body) for key, body in articles(profile_text(name)).items()}
    for rule in profile.rules:
        cited = cited_articles(rule.article)
        assert cited and all(article in by_article for article in cited), (rule.id, rule.article)
        for quote in rule.quotes:
            assert any(normalize(quote) in by_article[article] for article in cited), (rule.id, quote)


@pytest.mark.parametrize("name", BUILT_IN)
def test_built_in_profiles_have_no_warnings(name):
    """Every rule quoted, every parameter with basis and reference, effective_from stated."""
    assert profile_warnings(name) == []
    profile = read_profile(name)
    assert profile.effective_from is not None
    assert all(p.basis in ("statute", "local") and p.reference for p in profile.parameters.values())


@pytest.mark.parametrize("name", BUILT_IN)
def test_the_shipped_text_is_the_regulation(name):
    shared = SHARED / f"{name}.txt"
    if not shared.is_file():
        pytest.skip("shared regulations not available")
    assert profile_text(name) == shared.read_text(encoding="utf-8")


def test_a_quote_not_in_the_text_or_from_another_article_is_caught():
    profile = read_profile("renqiu-2023")
    text = profile_text("renqiu-2023")
    rule = profile.rules[0].model_copy(update={"id": "x", "article": "第九条", "quote": "应当及时向市人民政府报告"})
    invented = profile.model_copy(update={"rules": [rule]})
    assert quote_problems(invented, text) == [
        (0, "规则 x 的 quote“应当及时向市人民政府报告”不是办法原文（与原文逐字比对，不计空白和序号）")]
    borrowed = rule.model_copy(update={"quote": "经合法性审查后，报市政府常务会议审议"})
    assert quote_problems(profile.model_copy(update={"rules": [borrowed]}), text) == [
        (0, "规则 x 的 quote“经合法性审查后，报市政府常务会议审议”不在所引的第九条中")]


def test_effective_dates_are_those_of_the_texts():
    """鄂尔多斯第二十四条 + 印发 2024-01-09; 任丘第三十六条 + 印发 2023-07-31; 第713号 自2019年9月1日起施行."""
    dates = {name: str(read_profile(name).effective_from) for name in BUILT_IN}
    assert dates == {"ordos-2024": "2024-01-09", "renqiu-2023": "2023-07-31", "national-2019": "2019-09-01"}
    assert "2024年1月9日印发" in profile_text("ordos-2024")
    assert "2023年7月31日印发" in profile_text("renqiu-2023")
    assert "自2019年9月1日起施行" in profile_text("national-2019")


def test_statute_numbers_are_the_texts_and_vague_words_are_local():
    ordos = read_profile("ordos-2024").parameters
    assert {k for k, p in ordos.items() if p.basis == "statute"} == {
        "anniversary_years", "long_term_years", "progress_above", "report_months"}
    renqiu = read_profile("renqiu-2023").parameters
    assert {k for k, p in renqiu.items() if p.basis == "statute"} == {"expiry_months"}
    assert renqiu["expiry_months"].reference == "第十二条第（三）项“在有效期届满前6个月”"
    assert ordos["event_report_days"].reference == "第九条“应当及时向市人民政府报告”"


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_rule_the_brief_can_list_has_a_task_in_its_messages_values(name):
    """The leader's brief lists overdue and must duties by their ``task`` (应办事项): each such rule
    has one, worded from the values its message has, so nothing is left as ``{placeholder}``."""
    from string import Formatter

    def fields(template: str) -> set[str]:
        return {field for _, field, _, _ in Formatter().parse(template) if field}

    for rule in read_profile(name).rules:
        if rule.level in ("overdue", "must"):
            assert rule.task, f"{name} {rule.id} has no task"
            assert fields(rule.task) <= fields(rule.message), (rule.id, fields(rule.task) - fields(rule.message))
            assert not rule.task.endswith("）") or "第" not in rule.task, f"{rule.id}: the brief adds the article"
