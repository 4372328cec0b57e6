"""How wide a text shows in a fixed-width font: a Chinese character takes two columns.

Used by the plain text tables and by the ledger's column widths. One regular expression over the
wide ranges (CJK, Hangul, full-width forms) instead of a Python call per character: the ledger
measures half a million cells.
"""

from __future__ import annotations

import re

_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def display_width(text: str) -> int:
    """Columns ``text`` takes on one line (East Asian wide and full-width characters count two)."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))
