"""One way to read a choice: its code or its Chinese label, for every option and prompt.

A legal officer types ``信函`` or ``反对`` as naturally as ``letter`` or ``oppose``; both are
accepted, and the files keep the code. The labels come from the model's label dicts (and, for
outcomes and status words, from the profile), so a new label is one line of data.

Example::

    >>> from decisiontrack.model.feedback import CHANNEL_LABELS
    >>> choose("电话（12345热线）", CHANNEL_LABELS, "--channel", {"12345热线": "phone"})
    'phone'
"""

from __future__ import annotations

import functools
import re

from decisiontrack.errors import UserError

_FULL_WIDTH = str.maketrans("（）：，　", "():, ")
_LABEL_NOTE = re.compile(r"\(.*\)$")
_SPACES = re.compile(r"\s+")


def _normal(text: str) -> str:
    """Compare without case, spaces or the difference between full- and half-width brackets."""
    return _SPACES.sub("", str(text).translate(_FULL_WIDTH)).casefold()


def lookup(value: str, labels: dict[str, str], aliases: dict[str, str] | None = None) -> str | None:
    """The code ``value`` names (a code, a label, a label with its note in brackets, or an alias)."""
    wanted = _normal(value)
    if not wanted:
        return None
    spellings = _spellings(tuple(labels.items()), tuple((aliases or {}).items()))
    found = spellings.get(wanted)
    if found is None:
        without_note = _LABEL_NOTE.sub("", wanted)
        if without_note != wanted:
            return lookup(without_note, labels, aliases)
    return found


@functools.lru_cache(maxsize=64)
def _spellings(labels: tuple, aliases: tuple) -> dict[str, str]:
    """Every accepted spelling, compared as :func:`_normal` compares, to its code.

    Made once per vocabulary: an import looks up three choices on each of thousands of rows. A
    code or label comes before an alias, and an earlier label before a later one.
    """
    spellings: dict[str, str] = {}
    for code, label in labels:
        for spelling in (code, label, f"{label}({code})"):
            spellings.setdefault(_normal(spelling), code)
    for alias, code in aliases:
        spellings.setdefault(_normal(alias), code)
    return spellings


def listing(labels: dict[str, str]) -> str:
    """``letter（信函）、phone（电话）…``: the choices as an error message names them."""
    return "、".join(f"{code}（{label}）" for code, label in labels.items())


def choose(value: str, labels: dict[str, str], option: str, aliases: dict[str, str] | None = None) -> str:
    """The code of a choice given as code or Chinese label; anything else is exit 2 listing the choices."""
    code = lookup(value, labels, aliases)
    if code is None:
        raise UserError(f"{option}：“{value}”不是可选的值（可用：{listing(labels)}）")
    return code


def choose_optional(value: str | None, labels: dict[str, str], option: str,
                    aliases: dict[str, str] | None = None) -> str | None:
    """As :func:`choose`, passing None (an option not given) through."""
    return None if value is None else choose(value, labels, option, aliases)
