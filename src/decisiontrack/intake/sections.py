"""Match a delivered report's headings to the profile's template by their words, and write Markdown.

A third party numbers and words its headings its own way (``一、评估工作基本情况、评估过程和方式``
for the template's ``评估工作的基本情况，评估过程和方式``). Each level-2 heading is matched to the
template section whose words are most alike (at least :data:`ALIKE`), never by its number: a
nine-heading report on other subjects matches nothing, and ``evaluation lint`` then names every
missing section by its article. A matched heading that lint would not recognise is written with
the template's words and its own kept in a comment beneath it; the 第十八条 sub-items inside a
matched section are matched the same way.

Example::

    >>> alike("评估工作基本情况、评估过程和方式", "评估工作的基本情况，评估过程和方式") >= ALIKE
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from decisiontrack.intake.wordreport import Block, escape
from decisiontrack.profiles.model import ReportTemplate
from decisiontrack.reports.lint import normalize
from decisiontrack.reports.scaffold import numeral

ALIKE = 0.6
"""How alike (difflib's ratio of the headings without their numbers) a heading must be to match."""

WHOLE = 0.9
"""A short heading counts as the template's when this share of it is found there, in order."""

_PUNCTUATION = re.compile(r"[，。、；：,.;:！？!?“”‘’\"'（）()《》]")

MARKS = {2: "##", 3: "###", 4: "####", 5: "#####", 6: "######"}


@dataclass
class Converted:
    """The report body in Markdown, its title, and what the officer should know about it."""

    body: str
    title: str = ""
    images: list[str] = field(default_factory=list)
    matched: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)


def alike(heading: str, wanted: str) -> float:
    """How alike a heading is to a template heading, from 0 to 1.

    1.0 when lint would already match it; else difflib's ratio of the two texts without numbers and
    punctuation — or, for a heading of four or more characters found almost whole inside the
    template's (``评估结论`` in ``作出建议……的评估结论``), the share of it found.
    """
    if normalize(heading).startswith(normalize(wanted)):
        return 1.0
    text, target = _words(heading), _words(wanted)
    if not text or not target:
        return 0.0
    matcher = SequenceMatcher(None, text, target, autojunk=False)
    ratio = matcher.ratio()
    found = sum(block.size for block in matcher.get_matching_blocks()) / len(text)
    return max(ratio, found) if len(text) >= 4 and found >= WHOLE else ratio


def _words(text: str) -> str:
    return _PUNCTUATION.sub("", normalize(text)).replace("其他", "其它")


def _assign(headings: list[str], wanted: list[str]) -> dict[int, int]:
    """Heading index → template index, the most alike pairs first, each used once."""
    pairs = sorted(((alike(h, w), i, j) for i, h in enumerate(headings) for j, w in enumerate(wanted)),
                   key=lambda pair: (-pair[0], pair[1], pair[2]))
    result: dict[int, int] = {}
    taken: set[int] = set()
    for score, i, j in pairs:
        if score >= ALIKE and i not in result and j not in taken:
            result[i] = j
            taken.add(j)
    return result


def convert(blocks: list[Block], template: ReportTemplate) -> Converted:
    """The body Markdown of ``report.md``: headings matched to the template, the rest as written."""
    result = Converted("")
    top = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 2]
    sections = _assign([blocks[i].text for i in top], [s.heading for s in template.sections])
    names: dict[int, tuple[str, str]] = {}
    for position, j in sections.items():
        section = template.sections[j]
        names[top[position]] = (f"{numeral(j + 1)}、", section.heading)
        if not section.subitems:
            continue
        end = next((i for i in top if i > top[position]), len(blocks))
        inner = [i for i in range(top[position] + 1, end) if blocks[i].kind == "heading" and blocks[i].level == 3]
        items = _assign([blocks[i].text for i in inner], [s.heading for s in section.subitems])
        for k, m in items.items():
            names[inner[k]] = (f"（{numeral(m + 1)}）", section.subitems[m].heading)
    result.matched = len(sections)
    lines: list[str] = []
    for index, block in enumerate(blocks):
        if block.kind == "title" and not result.title:
            result.title = block.text
        elif block.kind == "title":
            lines.append(block.text)
        elif block.kind == "heading":
            lines.append(_heading(block, names.get(index), result))
        elif block.kind == "table" and block.rows:
            lines.append(_table(block.rows))
        elif block.kind == "image":
            result.images.append(block.text)
            lines.append(f"<!-- 缺少附件：图片 {block.text}（Markdown 无法保存图片，见原件 report.original.docx） -->")
        else:
            lines.append(block.text)
    result.body = "\n\n".join(lines) + "\n"
    return result


def _heading(block: Block, name: tuple[str, str] | None, result: Converted) -> str:
    mark = MARKS[block.level]
    if name is None or normalize(block.text).startswith(normalize(name[1])):
        return f"{mark} {escape(block.text)}"
    number, words = name
    result.renamed.append((block.text, f"{number}{words}"))
    return f"{mark} {number}{words}\n\n<!-- 原标题：{block.text.replace('--', '－－')} -->"


def _table(rows: list[list[str]]) -> str:
    """A Markdown table; the first row is its head (as in the reports offices write)."""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)
