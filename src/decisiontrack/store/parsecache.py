"""Parsed TOML kept in the repository's git folder, so a daily ``check`` parses only what changed.

Parsing is most of every read command (tomllib takes 3.9 s for the 91,000 files of 10,000
decisions); from one morning's cron run to the next few files change. An entry is tomllib's
result for one record file and stands while the file's inode, size, modification and change
times are all as they were: every write changes the change time (ctime), which no program can
set back, so an edit that keeps the size and restores the modification time is still seen. A
file changed less than :data:`SETTLED_NS` before the run is not stored, as git does with its
"racy" files, since a file system may keep coarse times.

Only files that loaded without any problem are stored, so every error and warning is found on
the text itself. The cache is one pickle per decision under
``<.git>/decisiontrack-cache/<version>/<workspace>/``: it is not a record, never committed, may be
deleted at any time, and a cache that cannot be read or written only means parsing as without
it. ``DECISIONTRACK_NO_CACHE=1`` turns it off; outside a git repository there is none.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import time

from decisiontrack import __version__

SETTLED_NS = 2_000_000_000
"""A file changed less than this many nanoseconds before the run is parsed, not stored."""

FOLDER = "decisiontrack-cache"
VERSION = f"{__version__}-py{'.'.join(map(str, sys.version_info[:3]))}"
"""Entries are tomllib's output: a new Python or decisiontrack starts a new cache."""

StatKey = tuple[int, int, int, int]

_folders: dict[str, str | None] = {}
_made: set[str] = set()


def cache_folder(root: os.PathLike | str) -> str | None:
    """Where the workspace at ``root`` keeps its cache, or None (turned off, or no ``.git`` folder)."""
    if os.environ.get("DECISIONTRACK_NO_CACHE") or os.name != "posix":
        return None
    key = os.fspath(root)
    if key not in _folders:
        real = os.path.realpath(key)
        _folders[key] = None
        folder = real
        while True:
            git = os.path.join(folder, ".git")
            if os.path.isdir(git):
                workspace = hashlib.sha1(real.encode("utf-8", "surrogateescape"), usedforsecurity=False).hexdigest()[:16]
                _folders[key] = os.path.join(git, FOLDER, VERSION, workspace)
                break
            if os.path.lexists(git):
                break  # a worktree's or submodule's ``.git`` file: no cache rather than an outer repository's
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    return _folders[key]


def stat_key(path: str) -> StatKey | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns


class Shard:
    """The cached files of one decision folder: ``{relative path: (stat key, data, text clean)}``."""

    def __init__(self, folder: str | None, decision_id: str):
        self.path = os.path.join(folder, decision_id + ".pickle") if folder else None
        self.entries: dict[str, tuple[StatKey, dict, bool]] = {}
        self.looked_up: set[str] = set()
        self.changed = False
        self.settled_before = time.time_ns() - SETTLED_NS
        if self.path is not None:
            try:
                with open(self.path, "rb") as handle:
                    entries = pickle.load(handle)
                if isinstance(entries, dict):
                    self.entries = entries
            except Exception:  # missing, cut short, or from another format: parse as without it
                self.entries = {}

    def get(self, relative: str, key: StatKey | None) -> tuple[dict, bool] | None:
        """The data and text-clean flag stored for this file as it is now, else None."""
        self.looked_up.add(relative)
        entry = self.entries.get(relative)
        if entry is None or key is None or entry[0] != key:
            return None
        return entry[1], entry[2]

    def put(self, relative: str, key: StatKey | None, data: dict, clean: bool) -> None:
        """Store a file that loaded without problems, once it has settled."""
        if self.path is None or key is None or key[3] >= self.settled_before or key[2] >= self.settled_before:
            if self.entries.pop(relative, None) is not None:
                self.changed = True
            return
        self.entries[relative] = (key, data, clean)
        self.changed = True

    def drop(self, relative: str) -> None:
        if self.entries.pop(relative, None) is not None:
            self.changed = True

    def save(self, whole: bool) -> None:
        """Write the shard if it changed (atomically: a reader sees the old one or the new one);
        after reading the ``whole`` folder, entries of files no longer there are left out."""
        if whole and self.path is not None:
            gone = self.entries.keys() - self.looked_up
            if gone:
                self.entries = {k: v for k, v in self.entries.items() if k in self.looked_up}
                self.changed = True
        if self.path is None or not self.changed:
            return
        folder = os.path.dirname(self.path)
        temporary = f"{self.path}.{os.getpid()}.tmp"  # one per process: two processes never share one
        try:
            if folder not in _made:
                os.makedirs(folder, exist_ok=True)
                _made.add(folder)
            try:
                with open(temporary, "wb") as out:
                    pickle.dump(self.entries, out, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            pass  # a read-only or full disk: the next run parses again
        self.changed = False
