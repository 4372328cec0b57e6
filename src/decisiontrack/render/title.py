"""Breaking a long 公文 title into lines that keep words whole (GB/T 9704-2012 7.3.1).

The standard: 回行时要做到词意完整，排列对称，长短适宜. So the title is first cut into
words by a segmenter (``rjieba``, loaded only here), numbers stay with their units and
brackets with what they enclose; then a dynamic programme chooses the breaks between
those words that make the lines most even, as a 梯形 or 菱形 — never an hourglass, never
a lone last character — and prefers a break after 的 or after punctuation. Widths are in
Chinese characters (Latin letters and digits count half), for the page actually in use.
"""

from __future__ import annotations

import math
import re

#: 2号 (22 pt) characters that fit in the 156 mm type area of the GB page.
TITLE_LINE_CHARS = 20
_NO_LINE_START = set("，。、；：！？）》〉」』”’%．·")
_NO_LINE_END = set("（《〈「『“‘")
_CLOSING = "）》〉」』”’"
_GOOD_AFTER = set("的、，：；")
_UNITS = set("年月日号期批次项条款个届")
_DIGITS = re.compile(r"^[0-9０-９.]+$")
_GOOD_BREAK = -4.0  # as good as two characters of unevenness
_WORD_BREAK = 1.0  # any other break between words (plus the cost of the pair)
_INSIDE_BRACKETS = 9.0
_HOURGLASS = 12.0  # an inner line shorter than both its neighbours


def char_width(text: str) -> float:
    """Width in Chinese characters: ASCII counts half."""
    return sum(0.5 if ord(char) < 0x2E80 else 1.0 for char in text)


def line_chars(text_width_pt: float, font_pt: float) -> int:
    """How many characters of ``font_pt`` fit on a line ``text_width_pt`` wide."""
    return max(1, int(text_width_pt / font_pt + 1e-6))


#: Terms of this domain the general dictionary cuts in two; a title never breaks inside them.
DOMAIN_WORDS = (
    "重大行政决策", "行政决策", "跟踪反馈", "后评估", "中期评估", "终期评估", "专项评估",
    "规范性文件", "生态环境保护",
)
#: Extra cost of a break between two parts of speech (jieba tags, first letter): the
#: parts of one phrase (adjective + noun, preposition + object, adverb + verb, noun + noun)
#: hold together; a noun phrase followed by its verb parts easily.
_PAIR_COST = {("a", "n"): 7.0, ("p", ""): 7.0, ("d", ""): 7.0, ("n", "n"): 3.0, ("v", "n"): 2.0}


def words(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) from the segmenter, glued so no break falls inside a unit.

    Digits keep their unit (``2025年``), an opening bracket or quote keeps the word after
    it, punctuation, particles (的) and closing brackets keep the word before them.
    """
    import rjieba

    for term in DOMAIN_WORDS:
        rjieba.add_word(term, 100_000, "n")
    glued: list[tuple[str, str]] = []
    for word, tag in rjieba.tag(text):
        if not glued:
            glued.append((word, tag))
            continue
        previous, previous_tag = glued[-1]
        if (
            word[0] in _NO_LINE_START
            or tag.startswith("u")  # 的、了: a particle ends the phrase before it
            or previous[-1] in _NO_LINE_END
            or (word[0] in _UNITS and _DIGITS.match(previous[-1]))
            or (word.isspace() or previous.isspace())
            or (_DIGITS.match(word) and _DIGITS.match(previous))
        ):
            glued[-1] = (previous + word, tag if previous[-1] in _NO_LINE_END else previous_tag)
        else:
            glued.append((word, tag))
    return glued


def split_title(title: str, line_chars: int = TITLE_LINE_CHARS) -> list[str]:
    """Split ``title`` into the fewest even lines of whole words that fit ``line_chars``."""
    title = " ".join(title.split())
    total = char_width(title)
    if total <= line_chars:
        return [title] if title else []
    tagged = words(title)
    tokens = [word for word, _ in tagged]
    tags = [tag for _, tag in tagged]
    count = math.ceil(total / line_chars)
    best = None
    for lines in (count, count + 1, count + 2):
        best = _best_breaks(tokens, tags, lines, line_chars)
        if best is not None:
            break
    if best is None:  # a single word longer than a line: let Word wrap it
        return [title]
    lines, start = [], 0
    for end in [*best, len(tokens)]:
        lines.append("".join(tokens[start:end]).strip())
        start = end
    return lines


def _break_cost(tokens: list[str], tags: list[str], end: int, nesting: list[int]) -> float:
    """What a break after ``tokens[end - 1]`` costs: cheap after 的 or punctuation."""
    before = tokens[end - 1]
    if before[-1] in _GOOD_AFTER or before[-1] in _CLOSING or tokens[end].startswith("关于"):
        cost = _GOOD_BREAK
    else:
        left, right = tags[end - 1][:1], tags[end][:1]
        pair = _PAIR_COST.get((left, right), _PAIR_COST.get((left, ""), 0.0))
        cost = _WORD_BREAK + pair
    return cost + (_INSIDE_BRACKETS if nesting[end] > 0 else 0.0)


def _best_breaks(tokens: list[str], tags: list[str], count: int, line_chars: int) -> list[int] | None:
    """The break positions with the least cost: evenness, break quality and shape.

    A title has a few dozen words and two to four lines, so every choice of breaks is
    scored (at most some thousands) rather than searched cleverly.
    """
    from itertools import combinations

    prefix = [0.0]
    for token in tokens:
        prefix.append(prefix[-1] + char_width(token))
    ideal = prefix[-1] / count
    depth, nesting = 0, []  # bracket depth before each token: avoid breaking inside （…）
    for token in tokens:
        nesting.append(depth)
        depth += sum(char in _NO_LINE_END for char in token)
        depth -= sum(char in _CLOSING for char in token)
    nesting.append(0)
    best: tuple[float, tuple[int, ...]] | None = None
    for breaks in combinations(range(1, len(tokens)), count - 1):
        edges = (0, *breaks, len(tokens))
        widths = [prefix[b] - prefix[a] for a, b in zip(edges, edges[1:], strict=False)]
        if max(widths) > line_chars or min(widths) < 2:
            continue
        cost = sum((width - ideal) ** 2 for width in widths)
        cost += sum(_break_cost(tokens, tags, end, nesting) for end in breaks)
        cost += _HOURGLASS * sum(
            1 for a, b, c in zip(widths, widths[1:], widths[2:], strict=False) if b < a and b < c
        )
        if best is None or cost < best[0]:
            best = (cost, breaks)
    return None if best is None else list(best[1])
