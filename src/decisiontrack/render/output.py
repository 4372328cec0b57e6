"""Where a rendered file goes: checked before any work, written whole or not at all.

An impossible output — ``/proc/x.docx``, a path under a file, a folder given as the file,
a read-only folder — is a usage error (exit 2) naming the path and the system's reason in
Chinese; the atomic write leaves no partial file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.store.atomic import nearest_existing, os_reason, write_atomic

SUFFIXES = {"docx": ".docx", "pdf": ".pdf", "markdown": ".md"}
reason = os_reason
"""The system's reason for refusing a write, in Chinese (one table for every writer: ``store.atomic``)."""


def check_target(out: Path, to: str, overwrite: bool, option: str = "-o") -> Path:
    """Refuse, before any work, an output that cannot or must not be written (exit 2)."""
    if out.is_dir():
        raise UserError(f"无法写入 {out}：这是一个目录，请在 {option} 中给出文件名，如 {out / ('报告' + SUFFIXES[to])}")
    if out.suffix.lower() != SUFFIXES[to]:
        shown = out.suffix or "（无扩展名）"
        raise UserError(
            f"{option} {out} 的扩展名 {shown} 与输出格式 {to} 不一致：请把文件名改为以 {SUFFIXES[to]} 结尾，"
            "或改用相应的 --to"
        )
    if out.exists() and not overwrite:
        raise UserError(f"文件 {out} 已存在；如确需覆盖，请加 --force")
    folder = nearest_existing(out.parent)
    if not folder.is_dir():
        raise UserError(f"无法写入 {out}：{folder} 是文件而不是目录")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"无法写入 {out}：{folder} 没有写入权限")
    return out


def write_output(out: Path, data: bytes | str, overwrite: bool) -> Path:
    """Write atomically; a system refusal is one Chinese line naming the path (exit 2, ``store.atomic``)."""
    return write_atomic(out, data, overwrite=overwrite)
