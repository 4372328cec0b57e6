"""docs/profiles.md names every predicate, parameter and vocabulary word; docs/legal-map.md every article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from decisiontrack.profiles import BUILT_IN, read_profile
from decisiontrack.profiles.loader import profile_text
from decisiontrack.profiles.quotes import articles
from decisiontrack.rules.predicates import PREDICATES
from decisiontrack.rules.schema import VOCABULARIES

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_profiles_md_lists_every_predicate_with_its_parameters():
    text = (DOCS / "profiles.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`"): line for line in text.splitlines() if line.startswith("| `")}
    for name, function in PREDICATES.items():
        assert name in rows, name
        for param in function.params:
            assert f"`{param}`" in rows[name] or f"| `{param}` |" in text, (name, param)


def test_profiles_md_lists_every_vocabulary_word():
    text = (DOCS / "profiles.md").read_text(encoding="utf-8")
    for vocabulary, words in VOCABULARIES.items():
        for word, label in words.items():
            assert f"`{word}` {label.split('（')[0]}" in text, (vocabulary, word)


SECTIONS = {"ordos-2024": "## 一、", "renqiu-2023": "## 二、", "national-2019": "## 三、"}


def _section(name: str) -> str:
    text = (DOCS / "legal-map.md").read_text(encoding="utf-8")
    start = text.index(SECTIONS[name])
    following = [text.index(h) for h in SECTIONS.values() if text.index(h) > start] + [text.index("## 文本沉默之处")]
    return text[start:min(following)]


@pytest.mark.parametrize("name", BUILT_IN)
def test_legal_map_covers_every_article_and_every_rule(name):
    section = _section(name)
    table_articles = set(re.findall(r"^\| (第[一二三四五六七八九十百]+条)", section, re.MULTILINE))
    assert set(articles(profile_text(name))) <= table_articles
    for rule in read_profile(name).rules:
        assert f"`{name}/{rule.id}`" in section or f"`{rule.id}`" in section, rule.id


def test_legal_map_names_the_three_unnumbered_ordos_articles():
    section = _section("ordos-2024")
    for heading in ("第一条（目的和依据）", "第二条（适用范围）", "第三条（定义概念）"):
        assert f"| {heading} |" in section
