"""Breaking a long 公文 title into balanced lines (GB/T 9704 7.3.1).

The standard asks for lines that keep words whole and read evenly — like a pyramid or an
hourglass — never a lone last character. We measure in Chinese characters (Latin letters
and digits count half) and pick the breaks that make the lines most even, preferring a
break after 的、关于 phrases or punctuation.
"""

from __future__ import annotations

import math
import re

#: 2号 (22 pt) characters that fit in the 156 mm type area.
TITLE_LINE_CHARS = 20
_TOKEN = re.compile(r"[A-Za-z0-9.\-_/%]+|\s+|.", re.DOTALL)
_NO_LINE_START = set("，。、；：！？）》〉」』”’%")
_NO_LINE_END = set("（《〈「『“‘")
_GOOD_AFTER = set("的、，：；")
_GOOD_BREAK = -4.0  # as good as two characters of unevenness
_INSIDE_BRACKETS = 9.0


def char_width(text: str) -> float:
    """Width in Chinese characters: ASCII counts half."""
    return sum(0.5 if ord(char) < 0x2E80 else 1.0 for char in text)


def split_title(title: str, line_chars: int = TITLE_LINE_CHARS) -> list[str]:
    """Split ``title`` into the fewest even lines that fit ``line_chars``."""
    title = " ".join(title.split())
    total = char_width(title)
    if total <= line_chars:
        return [title] if title else []
    tokens = _TOKEN.findall(title)
    count = math.ceil(total / line_chars)
    best = _best_breaks(tokens, count, line_chars) or _best_breaks(tokens, count + 1, line_chars)
    if best is None:
        return [title]
    lines, start = [], 0
    for end in [*best, len(tokens)]:
        lines.append("".join(tokens[start:end]).strip())
        start = end
    return lines


def _best_breaks(tokens: list[str], count: int, line_chars: int) -> list[int] | None:
    """Dynamic programme over break positions: least squared deviation from even lines."""
    widths = [char_width(token) for token in tokens]
    prefix = [0.0]
    for width in widths:
        prefix.append(prefix[-1] + width)
    ideal = prefix[-1] / count
    depth, nesting = 0, []  # bracket depth before each token: avoid breaking inside （…）
    for token in tokens:
        nesting.append(depth)
        depth += token in _NO_LINE_END
        depth -= token in "）》〉」』”’"
    nesting.append(0)
    size = len(tokens)
    # cost[k][i]: best cost of putting tokens[:i] on k lines; back[k][i]: where line k starts
    inf = float("inf")
    cost = [[inf] * (size + 1) for _ in range(count + 1)]
    back = [[0] * (size + 1) for _ in range(count + 1)]
    cost[0][0] = 0.0
    for lines in range(1, count + 1):
        for end in range(1, size + 1):
            if lines < count and not _can_break(tokens, end):
                continue
            for start in range(lines - 1, end):
                if cost[lines - 1][start] == inf:
                    continue
                width = prefix[end] - prefix[start]
                if width > line_chars:
                    continue
                value = cost[lines - 1][start] + (width - ideal) ** 2
                if lines < count:
                    value += _GOOD_BREAK if tokens[end - 1] in _GOOD_AFTER else 0.0
                    value += _INSIDE_BRACKETS if nesting[end] > 0 else 0.0
                if value < cost[lines][end]:
                    cost[lines][end], back[lines][end] = value, start
    if cost[count][size] == inf:
        return None
    breaks, end = [], size
    for lines in range(count, 1, -1):
        end = back[lines][end]
        breaks.append(end)
    return breaks[::-1]


def _can_break(tokens: list[str], index: int) -> bool:
    if index >= len(tokens):
        return False
    return tokens[index][0] not in _NO_LINE_START and tokens[index - 1][-1] not in _NO_LINE_END
