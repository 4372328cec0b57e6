"""Where an export goes: ``<workspace>/out/<name>`` by default, never over a file unasked."""

from __future__ import annotations

from pathlib import Path

from decisiontrack.errors import UserError


def target(root: Path, out: Path | None, default_name: str, force: bool) -> Path:
    """The output path; refuses an existing file without ``force`` before any work is done."""
    path = out if out is not None else root / "out" / default_name
    if path.is_dir():
        raise UserError(f"{path} 是目录，请给出文件名")
    if path.exists() and not force:
        raise UserError(f"文件 {path} 已存在；如确需覆盖，请加 --force")
    return path
