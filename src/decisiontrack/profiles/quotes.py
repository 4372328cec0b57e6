"""Keep the law beside its code: every rule's ``quote`` must be the 办法's own words, in its article.

The words are compared with whitespace and list marks (``- ``, ``（一）``) removed, since the
published texts break lines and number items inconsistently. Where the text has article headings
(a line starting ``第十二条``), a quote must also lie between the heading of an article the rule
cites and the next heading — a rule cannot borrow words from another article.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
_MARKS = re.compile(r"(?m)^\s*-\s+|[（(][一二三四五六七八九十]+[）)]")
_HEADING = re.compile(r"(?m)^[ \t\u3000]*(第[一二三四五六七八九十百零]+条)")
_CITED = re.compile(r"第([一二三四五六七八九十百零、]+)条")


def normalize(text: str) -> str:
    """The words alone: no whitespace, no list marks."""
    return _SPACE.sub("", _MARKS.sub("", text))


def articles(text: str) -> dict[str, str]:
    """``{"第十二条": its text up to the next heading}`` for every article heading in the text."""
    found = list(_HEADING.finditer(text))
    return {m.group(1): text[m.start():found[i + 1].start() if i + 1 < len(found) else len(text)]
            for i, m in enumerate(found)}


def cited_articles(article: str) -> list[str]:
    """``第二十四、二十九条第一款`` → ``["第二十四条", "第二十九条"]``."""
    match = _CITED.search(article)
    if match is None:
        return []
    return [f"第{number}条" for number in match.group(1).split("、") if number]


def quote_problems(profile, text: str) -> list[tuple[int, str]]:
    """(rule index, message) for each quote not found in the text or outside its article."""
    whole = normalize(text)
    by_article = {name: normalize(body) for name, body in articles(text).items()}
    problems = []
    for index, rule in enumerate(profile.rules):
        cited = [name for name in cited_articles(rule.article) if name in by_article]
        for quote in rule.quotes:
            words = normalize(quote)
            if words not in whole:
                problems.append((index, f"规则 {rule.id} 的 quote“{quote}”不是办法原文（与原文逐字比对，不计空白和序号）"))
            elif cited and not any(words in by_article[name] for name in cited):
                problems.append((index, f"规则 {rule.id} 的 quote“{quote}”不在所引的{'、'.join(cited)}中"))
    return problems
