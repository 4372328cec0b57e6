"""Atomic writes: nothing the user wrote is ever half-overwritten (hatch ``write_atomic``)."""

from __future__ import annotations

import contextlib
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


def write_atomic_many(files: dict[Path, str | bytes]) -> None:
    """Write many new files at once, each as safely as :func:`write_atomic`.

    Every file goes to its temporary file first; one ``os.sync`` then makes them all durable and
    only then are they renamed into place — one sync instead of one fsync per file (an import of
    5,000 decisions: 0.5 s instead of 3–6 s). Refuses an existing file before writing any; a failure
    half-way removes every file and folder the batch made.
    """
    for path in files:
        if path.exists():
            raise UserError(f"文件 {path} 已存在；如确需覆盖，请加 --force")
    staged: list[tuple[str, Path]] = []
    placed: list[Path] = []
    made: list[Path] = []
    umask = os.umask(0)
    os.umask(umask)
    try:
        for path, content in files.items():
            made += _make_folders(path.parent)
            fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((tmp_name, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            os.chmod(tmp_name, 0o666 & ~umask)  # new files: as open() would make them
        os.sync()
        for tmp_name, path in staged:
            os.replace(tmp_name, path)
            placed.append(path)
    except BaseException:
        for tmp_name, _ in staged:
            Path(tmp_name).unlink(missing_ok=True)
        for path in placed:
            path.unlink(missing_ok=True)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir()
    return list(reversed(missing))
