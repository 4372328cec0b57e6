"""Lint a report against its template: every section and sub-item, in order, really written.

A section counts as written when it holds text of the officer's own: the ``<!-- 待填写… -->``
guidance, any other comment, the ``<!-- 预填 … -->`` facts and a bare ``评估结论：`` label do
not count. The conclusion (第十九条第二款第（八）项; 任丘第二十一条第（三）项、第二十八条第（四）项)
must name exactly one outcome of the profile's vocabulary for that kind of decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from decisiontrack.errors import Problem
from decisiontrack.profiles.model import ReportTemplate
from decisiontrack.reports.scaffold import numeral
from decisiontrack.store.frontmatter import FrontMatterError, parse_front_matter, split_front_matter

FRONT_KEYS = ("decision", "evaluation", "title", "issuer", "classification", "kind")
CLASSIFICATIONS = ("public", "internal", "secret")
_PREFILLED = re.compile(r"<!--\s*预填[\s\S]*?<!--\s*/预填\s*-->")
_COMMENT = re.compile(r"<!--[\s\S]*?(-->|$)")
_OUTCOME = re.compile(r"^[ \t>*_-]*评估结论[*_]*[ \t]*[：:][ \t]*(.*)$", re.MULTILINE)
_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])"
)


@dataclass
class LintResult:
    """The problems found, and the outcome the conclusion names when it names exactly one."""

    problems: list[Problem] = field(default_factory=list)
    outcome: str | None = None
    sections: int = 0
    subitems: int = 0

    @property
    def complete(self) -> bool:
        return not self.problems


@dataclass
class _Heading:
    level: int
    text: str
    start: int  # index of the heading's line in the body
    end: int  # index after the heading's lines


def normalize(text: str) -> str:
    """Heading text without its number, spaces and emphasis, in full-width punctuation."""
    text = re.sub(r"[\s*_`]", "", text)
    text = text.replace(",", "，").replace("(", "（").replace(")", "）").replace(";", "；")
    return _NUMBER.sub("", text).rstrip("。")


def real_text(text: str) -> str:
    """What the officer wrote: no prefilled facts, no comments, no bare 评估结论 label."""
    text = _COMMENT.sub("", _PREFILLED.sub("", text))
    text = _OUTCOME.sub(lambda m: m.group(0) if m.group(1).strip() else "", text)
    return text.strip()


def _headings(body: str) -> list[_Heading]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(body)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3") and token.map:
            found.append(_Heading(int(token.tag[1]), tokens[index + 1].content, *token.map))
    return found


def lint_report(
    text: str,
    path: str,
    template: ReportTemplate,
    outcomes: dict[str, str],
    expected: dict[str, str] | None = None,
    front_keys: tuple[str, ...] = FRONT_KEYS,
) -> LintResult:
    """Check a report's front matter, sections, sub-items and conclusion; problems cite articles."""
    result = LintResult()
    try:
        data, body, body_line = parse_front_matter(text)
    except FrontMatterError as error:
        result.problems.append(Problem(path, error.line, f"{error}"))
        return result
    head = split_front_matter(text)[0]
    result.problems += _front_matter(data, head, path, expected or {}, front_keys)
    lines = body.splitlines()
    checker = _Checker(path, lines, body_line, template, outcomes, result)
    checker.run(_headings(body))
    result.problems.sort(key=lambda p: (p.line or 0, p.message))
    return result


def _front_matter(data: dict, head: str, path: str, expected: dict[str, str], front_keys=FRONT_KEYS) -> list[Problem]:
    def line(key: str) -> int:
        for index, text in enumerate(head.splitlines()):
            if re.match(rf"^\s*{key}\s*=", text):
                return index + 2
        return 1

    problems = []
    for key in front_keys:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(path, line(key), f"前置信息缺少 {key}（应为非空文字）"))
        elif key in expected and key != "classification" and value != expected[key]:
            problems.append(
                Problem(path, line(key), f"前置信息 {key} = “{value}”，应为“{expected[key]}”")
            )
    value = data.get("classification")
    if isinstance(value, str) and value:
        if value not in CLASSIFICATIONS:
            problems.append(
                Problem(
                    path,
                    line("classification"),
                    f"classification 的值“{value}”无效：只能是 {'、'.join(CLASSIFICATIONS)} 之一",
                )
            )
        elif "classification" in expected and (
            CLASSIFICATIONS.index(value) < CLASSIFICATIONS.index(expected["classification"])
        ):
            problems.append(
                Problem(
                    path,
                    line("classification"),
                    f"classification = “{value}” 低于决策的密级“{expected['classification']}”"
                    "（第二十一条保密义务；任丘第七条）",
                )
            )
    return problems


class _Checker:
    """Walks the headings of one body against the template's sections."""

    def __init__(self, path, lines, body_line, template, outcomes, result):
        self.path, self.lines, self.offset = path, lines, body_line
        self.template, self.outcomes, self.result = template, outcomes, result

    def line(self, index: int) -> int:
        return self.offset + index

    def problem(self, index: int, message: str) -> None:
        self.result.problems.append(Problem(self.path, self.line(index), message))

    def text(self, start: int, end: int) -> str:
        return "\n".join(self.lines[start:end])

    def run(self, headings: list[_Heading]) -> None:
        level2 = [h for h in headings if h.level == 2]
        required = [
            (f"{numeral(i)}、{s.heading}", s) for i, s in enumerate(self.template.sections, 1)
        ]
        matched = self.match(level2, [s.heading for _, s in required])
        self.result.sections = len(required)
        self.report_missing_and_order(required, matched, len(self.lines), "")
        for j, heading in matched.items():
            name, section = required[j]
            stop = next((h.start for h in level2 if h.start > heading.start), len(self.lines))
            inner = [h for h in headings if h.level == 3 and heading.start < h.start < stop]
            if section.outcome and not self.check_outcome(name, section, heading, stop):
                continue  # one message for an unwritten conclusion is enough
            if section.subitems:
                self.check_subitems(name, section, inner, stop)
            elif not real_text(self.text(heading.end, stop)):
                self.problem(
                    heading.start,
                    f"{section.article}要求的“{name}”尚未填写（只有待填写说明或预填的事实）",
                )

    def match(self, headings: list[_Heading], wanted: list[str]) -> dict[int, _Heading]:
        """Template index → the first heading of the body that carries its text."""
        matched: dict[int, _Heading] = {}
        for heading in headings:
            text = normalize(heading.text)
            for j, required in enumerate(wanted):
                if j not in matched and text.startswith(normalize(required)):
                    matched[j] = heading
                    break
        return matched

    def report_missing_and_order(self, required, matched, end: int, where: str) -> None:
        for j, (name, item) in enumerate(required):
            if j in matched:
                continue
            after = [matched[k].start for k in matched if k > j]
            self.problem(min(after) if after else end, f"缺少{item.article}要求的“{name}”{where}")
        highest = -1
        for j, heading in sorted(matched.items(), key=lambda pair: pair[1].start):
            if j < highest:
                name, item = required[j]
                self.problem(
                    heading.start,
                    f"顺序不对：{item.article}要求的“{name}”应排在“{required[highest][0]}”之前",
                )
            highest = max(highest, j)

    def check_subitems(self, parent: str, section, inner: list[_Heading], stop: int) -> None:
        required = [(f"（{numeral(i)}）{s.heading}", s) for i, s in enumerate(section.subitems, 1)]
        matched = self.match(inner, [s.heading for _, s in required])
        self.result.subitems += len(required)
        self.report_missing_and_order(required, matched, stop, f"（在“{parent}”之下）")
        for j, heading in matched.items():
            name, item = required[j]
            end = next((h.start for h in inner if h.start > heading.start), stop)
            if not real_text(self.text(heading.end, end)):
                self.problem(
                    heading.start, f"{item.article}要求的“{name}”尚未填写（只有待填写说明）"
                )

    def check_outcome(self, name: str, section, heading: _Heading, stop: int) -> bool:
        """Exactly one outcome named; False (and a problem) otherwise."""
        region = _PREFILLED.sub("", self.text(heading.end, stop))
        labelled = [m for m in _OUTCOME.finditer(region) if real_text(m.group(1))]
        text = " ".join(real_text(m.group(1)) for m in labelled) if labelled else real_text(region)
        if not self.outcomes:  # the 办法 lists no outcomes: any conclusion written counts
            if text:
                self.result.outcome = text
                return True
            self.problem(heading.start, f"“{name}”未写明评估结论，请在“评估结论：”之后写明")
            return False
        named = _named(text, self.outcomes)
        choices = "、".join(f"“{label}”" for label in self.outcomes.values())
        if len(named) == 1:
            self.result.outcome = named[0]
            return True
        if len(named) > 1:
            listed = "、".join(f"“{label}”" for label in named)
            self.problem(
                heading.start, f"{section.article}：“{name}”只能写一项评估结论，现写了{listed}"
            )
        elif labelled:
            self.problem(
                heading.start,
                f"{section.article}：评估结论“{text}”不是可用的结论，应为{choices}之一",
            )
        else:
            self.problem(
                heading.start,
                f"{section.article}：“{name}”未写明评估结论，请在“评估结论：”之后写{choices}之一",
            )
        return False


def _named(text: str, outcomes: dict[str, str]) -> list[str]:
    """The outcome labels the text names (a label inside a longer named one does not count)."""
    labels = [label for label in outcomes.values() if label in text]
    return [a for a in labels if not any(a != b and a in b for b in labels)]
