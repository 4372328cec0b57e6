"""Evidence: copies of the papers that prove a stage (合法性审查意见书, 专家论证意见, 验收确认, 常务会议纪要).

A reviewer from the 司法局 asks first for the paper behind each date. ``--evidence FILE`` copies
the file into the record's ``evidence/`` folder inside the transaction (so it is committed with
the record that names it), and the record lists it beside the stage's date as a path relative to
the folder that holds ``evidence/``.
"""

from __future__ import annotations

from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.store.atomic import read_input

EVIDENCE = "evidence"


def _free_name(folder: Path, name: str, content: bytes) -> Path:
    """``name``, or ``name-2``… when a different file already has it; the same file is kept once."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for number in range(1, 1000):
        target = folder / (name if number == 1 else f"{stem}-{number}{suffix}")
        if not target.exists() or target.read_bytes() == content:
            return target
    raise UserError(f"{folder} 中同名的证明材料过多，请先整理")


def keep_evidence(sources: list[Path], base: Path) -> list[str]:
    """Copy each file into ``base/evidence/``; return their paths relative to ``base``."""
    from decisiontrack.store.transaction import write_record

    kept: list[str] = []
    for source in sources:
        source = Path(source)
        if source.name.startswith(".") or not source.name:
            raise UserError(f"--evidence：文件名“{source.name}”无效")
        content = read_input(source, "--evidence")
        target = _free_name(base / EVIDENCE, source.name, content)
        if not target.exists():
            write_record(target, content)
        kept.append(f"{EVIDENCE}/{target.name}")
    return kept
