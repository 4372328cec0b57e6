"""Atomic writes: nothing the user wrote is ever half-overwritten (hatch ``write_atomic``)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from decisiontrack.errors import UserError


def _mode_for(path: Path) -> int:
    """Keep an existing file's mode; new files get 0666 less the umask (mkstemp makes 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, content: str | bytes, *, overwrite: bool = False) -> Path:
    """Write ``content`` to ``path`` through a temporary file, fsync and rename.

    Refuses to replace an existing file unless ``overwrite`` (the ``--force`` of commands).
    """
    if path.exists() and not overwrite:
        raise UserError(f"文件 {path} 已存在；如确需覆盖，请加 --force")
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _mode_for(path))
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path
