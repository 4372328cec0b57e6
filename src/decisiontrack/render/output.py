"""Where a rendered file goes: checked before any work, written whole or not at all.

An impossible output — ``/proc/x.docx``, a path under a file, a folder given as the file,
a read-only folder — is a usage error (exit 2) naming the path and the system's reason in
Chinese; the atomic write leaves no partial file behind.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from decisiontrack.errors import UserError
from decisiontrack.store.atomic import write_atomic

SUFFIXES = {"docx": ".docx", "pdf": ".pdf", "markdown": ".md"}
_REASONS = {
    errno.EACCES: "没有写入权限",
    errno.EPERM: "不允许写入",
    errno.EROFS: "所在的文件系统是只读的",
    errno.ENOENT: "目录不存在且无法创建",
    errno.ENOTDIR: "路径中有一段是文件而不是目录",
    errno.EISDIR: "这是一个目录",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EEXIST: "路径中有一段已存在且不是目录",
    errno.EINVAL: "系统不接受这个文件名",
}


def reason(error: OSError) -> str:
    """The system's reason for refusing a write, in Chinese."""
    known = _REASONS.get(error.errno or 0)
    return known or f"系统拒绝写入（{errno.errorcode.get(error.errno or 0, error.errno)}）"


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
    folder = _nearest_existing(out.parent)
    if not folder.is_dir():
        raise UserError(f"无法写入 {out}：{folder} 是文件而不是目录")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"无法写入 {out}：{folder} 没有写入权限")
    return out


def write_output(out: Path, data: bytes | str, overwrite: bool) -> Path:
    """Write atomically; a system refusal becomes one Chinese line naming the path (exit 2)."""
    try:
        return write_atomic(out, data, overwrite=overwrite)
    except OSError as error:
        raise UserError(f"无法写入 {out}：{reason(error)}") from None


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder
