"""One writer at a time, and every write in git: lock → read → write atomically → commit → unlock.

Every operation that writes records runs inside :func:`transaction` (``ops.change.writes`` wraps
them, so no command can forget it). The lock is one file in the git directory of the repository
that holds the workspace — several workspaces may share a repository, and two processes writing
to one plan must not interleave their read-modify-write. A waiting writer waits; it never
overwrites. Inside the transaction records are written only through :func:`write_record`, which
notes each file, so the commit holds exactly the files the command wrote, and a failure before the
commit puts every file back as it was. A commit git refuses is :class:`NotCommitted` (exit 4): the
files stay written, and the message says what to run.

Example::

    with transaction(root, commit=True) as tx:
        write_record(path, text)        # noted and, on failure, rolled back
        tx.describe("意见 2024-001：…", command="feedback add", decision="2024-001")
"""

from __future__ import annotations

import os
import shlex
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from decisiontrack.errors import NotCommitted, UserError
from decisiontrack.store.atomic import os_reason, prune_empty_folders, reporting_os_errors, write_atomic

if TYPE_CHECKING:
    from decisiontrack.store.git import Batch, Repository

LOCK_NAME = "decisiontrack.lock"
"""In the git directory (shared by every workspace of the repository); ``.decisiontrack.lock`` in a
workspace outside git."""
DEFAULT_LOCK_TIMEOUT = 120.0
"""Seconds a writer waits for another before giving up (``DECISIONTRACK_LOCK_TIMEOUT`` overrides)."""

NOTICE_AFTER = 2.0
"""Seconds of waiting after which a person at a terminal is told why nothing happens."""

wait_notice: Callable[[str], None] | None = None
"""Set by the CLI when a person is at a terminal: called once when a writer has to wait."""

_active: ContextVar[Transaction | None] = ContextVar("decisiontrack_transaction", default=None)


@dataclass
class Transaction:
    """What one writing command has written so far, and how to commit it."""

    root: Path
    commit: bool
    repository: Repository | None = None
    explicit: bool = False
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    previous: dict[Path, bytes | None] = field(default_factory=dict)
    hand_edited: list[str] = field(default_factory=list)
    batch: Batch | None = None
    subject: str = ""
    trailers: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _noted: set[Path] = field(default_factory=set, repr=False)
    _git_names: dict[Path, str] = field(default_factory=dict, repr=False)

    def git_names(self, paths: list[Path]) -> list[str]:
        """``paths`` as git names them, each worked out once per transaction (a batch is named
        when it is packed and again at the commit)."""
        missing = [path for path in dict.fromkeys(paths) if path not in self._git_names]
        self._git_names.update(zip(missing, self.repository.relative_all(missing), strict=True))
        return [self._git_names[path] for path in paths]

    def describe(self, subject: str, *, command: str, decision: str = "") -> None:
        """The commit's Chinese subject line and its machine-readable trailers."""
        from decisiontrack.store.git import TRAILER_COMMAND, TRAILER_DECISION

        self.subject = subject
        self.trailers = {TRAILER_COMMAND: command, TRAILER_DECISION: decision}

    def before_write(self, path: Path) -> None:
        """Keep the old bytes: for a rollback, and to tell at the commit whether they were committed."""
        path = Path(path)
        if path in self.previous:
            return
        try:
            self.previous[path] = path.read_bytes()
        except FileNotFoundError:
            self.previous[path] = None

    def find_hand_edits(self) -> None:
        """Note the files this command rewrote whose old content was not the committed one (edited by
        hand, or written with ``--no-commit``): one git call for all, whatever their number."""
        from decisiontrack.store.git import head_contents

        rewritten = {path: content for path, content in self.previous.items() if content is not None}
        old = dict(zip(self.git_names(list(rewritten)), rewritten.values(), strict=True))
        committed = head_contents(self.repository, list(old))
        self.hand_edited += [name for name, content in old.items()
                             if committed.get(name) is None or _lines(committed[name]) != _lines(content)]

    def note_written(self, path: Path) -> None:
        if path not in self._noted:  # a set: an import notes thousands of files
            self._noted.add(path)
            self.written.append(path)

    def adopt(self, path: Path) -> None:
        """Commit a file as it is on disk — changed, added or deleted by hand (``decisiontrack commit``)."""
        path = Path(path)
        if path.exists():
            self.note_written(path)
        elif path not in self.removed:
            self.removed.append(path)

    def rollback(self) -> None:
        """Put every file back as it was before the transaction (new files and their new folders go)."""
        if self.batch is not None:
            self.batch.tree()  # let its git finish and remove its scratch commit
        for path, old in reversed(list(self.previous.items())):
            if old is None:
                Path(path).unlink(missing_ok=True)
                prune_empty_folders(Path(path).resolve(), self.root.resolve())
            else:
                write_atomic(path, old, overwrite=True)


def _lines(content: bytes) -> bytes:
    """Content compared as git stores it with ``core.autocrlf``: line ends alike."""
    return content.replace(b"\r\n", b"\n")


def active() -> Transaction:
    """The transaction of the running command; writing a record outside one is a bug."""
    current = _active.get()
    if current is None:
        raise RuntimeError("records may only be written inside store.transaction.transaction()")
    return current


def write_record(path: Path, content: str | bytes, *, overwrite: bool = False) -> Path:
    """Write one record file atomically, as part of the running transaction."""
    tx = active()
    tx.before_write(path)
    write_atomic(path, content, overwrite=overwrite)
    tx.note_written(Path(path))
    return Path(path)


def write_records(files: dict[Path, str | bytes]) -> list[Path]:
    """Write many new record files (an import) as part of the running transaction.

    As safe as :func:`write_record` for each, with one sync for all (``write_atomic_many``). A
    large batch that will be committed is packed by git on the other processor meanwhile
    (:class:`~decisiontrack.store.git.Batch`).
    """
    from decisiontrack.store.atomic import write_atomic_many

    if not files:
        return []  # nothing to write: no sync
    tx = active()
    for path in files:
        if Path(path).exists():
            raise UserError(f"文件 {path} 已存在；如确需覆盖，请加 --force")
    for path in files:
        tx.previous.setdefault(Path(path), None)  # new: a rollback removes it
    contents = {path: content.encode("utf-8") if isinstance(content, str) else content
                for path, content in files.items()}
    if tx.commit and tx.batch is None:
        tx.batch = _start_batch(tx, contents)
    write_atomic_many(contents)
    for path in files:
        tx.note_written(Path(path))
    return list(files)


def _start_batch(tx: Transaction, contents: dict[Path, bytes]) -> Batch | None:
    """Pack a large batch of new files while they are written; None for a small one."""
    from decisiontrack.store.git import Batch

    if len(contents) < Batch.SMALLEST:
        return None
    names = tx.git_names([Path(path) for path in contents])
    if not Batch.can_hold(names):
        return None
    return Batch(tx.repository, dict(zip(names, contents.values(), strict=True)))


def remove_record(path: Path) -> None:
    """Delete a record file as part of the running transaction (restored on failure)."""
    tx = active()
    tx.before_write(path)
    with reporting_os_errors(path, "删除"):
        Path(path).unlink()
    tx.removed.append(Path(path))


def _lock_timeout() -> float:
    value = os.environ.get("DECISIONTRACK_LOCK_TIMEOUT")
    if not value:
        return DEFAULT_LOCK_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        raise UserError(f"环境变量 DECISIONTRACK_LOCK_TIMEOUT 的值“{value}”无效：应为秒数，如 60") from None
    if not 0 < seconds <= 86400:
        raise UserError(f"环境变量 DECISIONTRACK_LOCK_TIMEOUT 的值“{value}”无效：应在 0 到 86400 秒之间")
    return seconds


@contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    """Hold the workspace lock; wait (telling a person after two seconds), or fail after the timeout."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_path))
    timeout = _lock_timeout()
    started = time.monotonic()
    try:
        try:
            lock.acquire(timeout=min(NOTICE_AFTER, timeout))
        except Timeout:
            if wait_notice is not None:
                wait_notice(f"其他人正在写入工作区，正在等待（锁文件 {lock_path}）……")
            lock.acquire(timeout=max(0.0, timeout - (time.monotonic() - started)))
    except Timeout:
        raise UserError(f"等待工作区写入锁超过 {timeout:g} 秒：另一项写入仍未结束（锁文件 {lock_path}）。"
                        "请稍后重试") from None
    except OSError as error:
        raise UserError(f"无法创建工作区写入锁 {lock_path}：{os_reason(error)}") from None
    try:
        yield
    finally:
        lock.release()


def _auto_commit(root: Path) -> bool:
    """``[git] auto_commit`` of the workspace (true for a workspace ``init`` is creating)."""
    from decisiontrack.store.loader import load_settings
    from decisiontrack.store.locate import SETTINGS_FILE

    if not (root / SETTINGS_FILE).exists():
        return True
    settings, _ = load_settings(root)
    return settings.git.auto_commit


@contextmanager
def transaction(root: Path, *, commit: bool = True, explicit: bool = False) -> Iterator[Transaction]:
    """Run one writing command: lock, let it write, commit what it wrote, unlock.

    ``commit`` is False for ``--no-commit``; a workspace outside git or with ``auto_commit =
    false`` is written without a commit, unless the commit is what the user asked for
    (``explicit``: ``decisiontrack commit``). An exception inside rolls every file back.
    """
    from decisiontrack.store.git import find_repository

    if _active.get() is not None:
        raise RuntimeError("transactions do not nest")
    repository = find_repository(root)
    lock_path = repository.common_dir / LOCK_NAME if repository else root / f".{LOCK_NAME}"
    with _locked(lock_path):
        committing = commit and repository is not None and (explicit or _auto_commit(root))
        tx = Transaction(root, committing, repository if committing else None, explicit=explicit)
        token = _active.set(tx)
        try:
            yield tx
        except BaseException:
            tx.rollback()
            raise
        finally:
            _active.reset(token)
        if tx.commit and (tx.written or tx.removed):
            _commit(tx)


def _commit(tx: Transaction) -> None:
    from decisiontrack.store.git import TRAILER_HAND_EDITED, GitRefused, commit, message_with_trailers

    repo = tx.repository
    files = tx.git_names([*tx.written, *tx.removed])
    tx.find_hand_edits()
    subject = tx.subject or "decisiontrack 写入"
    trailers = dict(tx.trailers)
    if tx.hand_edited:
        subject += "（一并提交此前未提交的手工修改）"
        trailers[TRAILER_HAND_EDITED] = "、".join(sorted(set(tx.hand_edited)))
    try:
        tx.warnings += commit(repo, files, message_with_trailers(subject, trailers), tx.batch)
    except GitRefused as refused:
        if tx.explicit:  # ``decisiontrack commit`` wrote nothing: only the commit failed
            raise NotCommitted(f"未能提交到 git：{refused}", []) from None
        raise NotCommitted(
            f"已写入但未提交到 git：{refused}。处理后运行 decisiontrack commit -m {shlex.quote(subject)} 补交提交",
            tx.written,
        ) from None
