"""The git audit trail: each writing command commits exactly the files it wrote.

Every call stays O(1) in the size of the repository: the files are staged by name, the index is
checked for anything else staged, and the commit is made without a pathspec — ``git commit --
<path>`` rebuilds a temporary index from the whole tree (2.2 s at 20,000 decisions, 72 s at 50,000).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

STALE_INDEX_LOCK_SECONDS = 300
"""A ``.git/index.lock`` older than this is left over from a git that was killed, not a live one."""

INDEX_LOCK_WAIT_SECONDS = 5.0
"""How long a commit waits for another git process (the user's ``git pull``) to release the index."""

TRAILER_COMMAND = "Decisiontrack-Command"
TRAILER_DECISION = "Decisiontrack-Decision"
TRAILER_HAND_EDITED = "Decisiontrack-Hand-Edited"


class GitRefused(Exception):
    """git did not commit; the message (Chinese) says why and what to do."""


def _git(cwd: Path | str, *args: str, stdin: str | None = None,
         batch: bool = False) -> subprocess.CompletedProcess[str]:
    """``git -C cwd args``; ``batch``: a command writing thousands of objects (:data:`BATCH_ENVIRONMENT`)."""
    return subprocess.run(
        ["git", "-C", str(cwd), *args], capture_output=True, text=True, encoding="utf-8", errors="replace",
        input=stdin, env=_batch_environment() if batch else None,
    )


def _git_on_paths(cwd: Path | str, *args: str, paths: list[str]) -> subprocess.CompletedProcess[str]:
    """A git command on many paths: given on stdin, so an import of 60,000 files stays under the
    system's argument limit, and taken literally (a ``[`` in a name is no pattern)."""
    return _git(cwd, "--literal-pathspecs", *args, "--pathspec-from-file=-", "--pathspec-file-nul",
                stdin="\0".join(paths))


@dataclass(frozen=True)
class Repository:
    """The git work tree that holds a workspace, and its (common) git directory."""

    top: Path
    git_dir: Path
    common_dir: Path
    hooks_dir: Path | None = None

    def relative(self, path: Path) -> str:
        """``path`` as git names it (relative to the top of the work tree, forward slashes)."""
        return self.relative_all([path])[0]

    def relative_all(self, paths: list[Path]) -> list[str]:
        """Many paths as git names them, each folder resolved and named once from its parent's
        name (an import names 5,000 files in 5,000 folders of one workspace: resolving and
        naming each path whole took 0.15 s)."""
        top = str(self.top)
        folders: dict[str, tuple[str, str | None]] = {}

        def whole(real: str) -> str:
            return Path(os.path.relpath(real, top)).as_posix()

        def folder_of(folder: str) -> tuple[str, str | None]:
            """(real path, name under the top: "" for the top, None outside it)."""
            if folder not in folders:
                parent, name = os.path.split(folder)
                if parent == folder or name in ("", ".", ".."):
                    real = os.path.realpath(folder)
                    named = whole(real)
                else:
                    real_parent, named_parent = folder_of(parent)
                    real = os.path.join(real_parent, name)
                    if os.path.islink(real):
                        real = os.path.realpath(real)
                        named = whole(real)
                    else:
                        named = None if named_parent is None else f"{named_parent}/{name}" if named_parent else name
                if real == top:
                    named = ""
                elif named is not None and (named == ".." or named.startswith("../")):
                    named = None
                folders[folder] = (real, named)
            return folders[folder]

        named = []
        for path in paths:
            path = os.fspath(path)
            if ".." in path.split(os.sep):  # "link/.." is the link's target's parent: resolve it all
                named.append(whole(os.path.realpath(path)))
                continue
            folder, name = os.path.split(os.path.abspath(path))
            real, inside = folder_of(folder)
            full = os.path.join(real, name)
            if os.path.islink(full):
                named.append(whole(os.path.realpath(full)))
            elif full == top:
                named.append(".")
            else:
                named.append(whole(full) if inside is None else f"{inside}/{name}" if inside else name)
        return named


def find_repository(root: Path) -> Repository | None:
    """The repository holding ``root``, or None outside one (or without git)."""
    if shutil.which("git") is None:
        return None
    result = _git(root, "rev-parse", "--show-toplevel", "--git-dir", "--git-common-dir", "--git-path", "hooks")
    if result.returncode != 0:
        return None
    top, git_dir, common_dir, hooks = result.stdout.splitlines()[:4]
    return Repository(Path(top).resolve(), (Path(root) / git_dir).resolve(), (Path(root) / common_dir).resolve(),
                      (Path(root) / hooks).resolve())


def in_repository(root: Path) -> bool:
    """True when ``root`` lies inside a git work tree (and git is installed)."""
    return find_repository(root) is not None


def init_repository(root: Path) -> bool:
    """``git init``; False when git is not installed."""
    if shutil.which("git") is None:
        return False
    return _git(root, "init", "-q").returncode == 0


def file_states(repo: Repository, paths: list[str], *, ignored: bool = False) -> list[tuple[str, str]]:
    """Of ``paths`` (files or folders, relative to the top), each file that differs from HEAD or
    is untracked (or, with ``ignored``, ignored), with its two-letter ``git status --porcelain`` code
    (``??`` untracked, ``!!`` ignored, `` M``…)."""
    if not paths:
        return []
    flags = ["--ignored=matching"] if ignored else []
    result = _git(repo.top, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", *flags, "--",
                  *paths)
    if result.returncode != 0:
        return []
    return sorted((entry[3:], entry[:2]) for entry in result.stdout.split("\0") if len(entry) > 3)


def record_file_states(root: Path) -> list[tuple[str, str]]:
    """The workspace's record files (settings, ``decisions/``) that differ from HEAD or are untracked.

    Paths are relative to the workspace, each with its ``git status --porcelain`` code; empty
    outside git.
    """
    from decisiontrack.store.locate import SETTINGS_FILE

    repo = find_repository(root)
    if repo is None:
        return []
    states = file_states(repo, [repo.relative(root / SETTINGS_FILE), repo.relative(root / "decisions")], ignored=True)
    return [(Path(os.path.relpath(repo.top / name, root.resolve())).as_posix(), state) for name, state in states]


def head_contents(repo: Repository, paths: list[str]) -> dict[str, bytes | None]:
    """The bytes of each path (relative to the top) in HEAD, None where HEAD has no such file: one git call."""
    if not paths:
        return {}
    result = subprocess.run(["git", "-C", str(repo.top), "cat-file", "--batch"], capture_output=True,
                            input="".join(f"HEAD:{path}\n" for path in paths).encode("utf-8"))
    contents: dict[str, bytes | None] = {}
    output, position = result.stdout, 0
    for path in paths:
        end = output.find(b"\n", position)
        if end < 0:
            contents[path] = None
            continue
        header = output[position:end]
        position = end + 1
        contents[path] = None
        if header.endswith((b" missing", b" ambiguous")):  # "<name> missing": the name may hold spaces
            continue
        _, kind, size = header.split()
        if kind == b"blob":
            contents[path] = output[position:position + int(size)]
        position += int(size) + 1
    return contents


def changed_files(repo: Repository, paths: list[str]) -> list[str]:
    """Of ``paths`` (files or folders, relative to the top), those that differ from HEAD or are untracked."""
    return [name for name, _ in file_states(repo, paths)]


def _staged(repo: Repository) -> list[str]:
    result = _git(repo.top, "diff", "--cached", "--name-only", "-z", "--no-renames")
    return [name for name in result.stdout.split("\0") if name]


def _index_lock_problem(repo: Repository) -> str | None:
    """Wait briefly for a live git to release the index; a stale lock is named with its fix."""
    lock = repo.git_dir / "index.lock"
    deadline = time.monotonic() + INDEX_LOCK_WAIT_SECONDS
    while lock.exists():
        try:
            age = time.time() - lock.stat().st_mtime
        except FileNotFoundError:
            return None
        if age > STALE_INDEX_LOCK_SECONDS and not _git_running(repo):
            return (f"git 的锁文件 {lock} 已存在 {int(age // 60)} 分钟，且没有 git 程序在运行，"
                    f"是 git 异常退出后残留的；请删除它：rm {lock}")
        if time.monotonic() > deadline:
            return f"另一个 git 程序正在使用仓库（锁文件 {lock}）；请等它结束"
        time.sleep(0.1)
    return None


def _git_running(repo: Repository) -> bool:
    """True when a git process works in this repository (Linux ``/proc``; elsewhere assumed not)."""
    try:
        entries = [entry for entry in os.listdir("/proc") if entry.isdigit()]
    except OSError:
        return False
    for entry in entries:
        try:
            with open(f"/proc/{entry}/comm", encoding="utf-8", errors="replace") as handle:
                if not handle.read().startswith("git"):
                    continue
            cwd = Path(os.readlink(f"/proc/{entry}/cwd"))
        except OSError:
            continue
        if cwd == repo.top or repo.top in cwd.parents or cwd == repo.git_dir or repo.git_dir in cwd.parents:
            return True
    return False


def _explain(detail: str) -> str:
    """git's refusal in Chinese: what is wrong and what to do; git's own words follow as detail."""
    if "user.email" in detail or "user.name" in detail or "identity" in detail:
        return 'git 未设置提交人；请运行 git config user.name "姓名" 和 git config user.email "邮箱"'
    if "index.lock" in detail:
        return f"另一个 git 程序正在使用仓库：{detail}"
    if ".gitignore" in detail:
        return f"记录文件被 .gitignore 忽略，git 不会记录它；请从 .gitignore 中删去相应的规则：{detail.splitlines()[0]}"
    return (f"git 拒绝提交（仓库的提交钩子 pre-commit、commit-msg 或签名设置未通过）：{detail or '没有给出原因'}")


def commit(repo: Repository, files: list[str], message: str, batch: Batch | None = None) -> list[str]:
    """Stage ``files`` (relative to the top; deleted ones too) and commit exactly them.

    ``batch``: the new files already being packed (:class:`Batch`). Returns warnings (a detached
    HEAD); raises :class:`GitRefused` when nothing was committed.
    """
    problem = _index_lock_problem(repo)
    if problem:
        if batch is not None:
            batch.tree()  # let fast-import finish and its scratch ref go
        raise GitRefused(problem)
    tree = _stage(repo, files, batch)
    staged = _staged(repo)
    others = sorted(set(staged) - set(files))
    if others:
        _git_on_paths(repo.top, "reset", "-q", paths=files)  # leave the index as it was found
        listed = "、".join(others[:5]) + ("等" if len(others) > 5 else "")
        raise GitRefused(f"暂存区中已有其他文件（{listed}），为免混入本次提交而未提交；"
                         "请先提交或取消暂存它们（git restore --staged 文件）")
    if not staged:
        return []  # the files were rewritten as they already were in HEAD: nothing to record
    committed = _commit_plainly(repo, message, tree) if _plain_commit_is_the_same(repo) else (
        _git(repo.top, "commit", "-q", "-m", message))
    if committed.returncode != 0:
        detail = (committed.stderr.strip() or committed.stdout.strip())
        _git_on_paths(repo.top, "reset", "-q", paths=files)  # leave the index as it was found
        raise GitRefused(_explain(detail))
    if _git(repo.top, "symbolic-ref", "-q", "HEAD").returncode != 0:
        return ["仓库处于分离 HEAD 状态，本次提交不在任何分支上；请运行 git switch -c 分支名 保存它"]
    return []


PREPACK_FROM = 100
"""From this many files (an import) they are packed and staged as a batch (:func:`_stage`)."""

BATCH_ENVIRONMENT = {"GLIBC_TUNABLES": "glibc.malloc.trim_threshold=134217728:glibc.malloc.top_pad=16777216"}
"""For git writing thousands of objects in one run: with glibc's default heap settings git gives
back and asks again for zlib's working memory around every object (20,000 ``brk`` calls for 5,000
records: ``fast-import`` 0.41 s, of which 0.31 s in the kernel; 0.10 s with these). Other C
libraries ignore the variable; one the user set is left alone."""

FAST_IMPORT = ("-c", "fastimport.unpackLimit=1", "fast-import", "--quiet", "--done")
"""``git fast-import`` writing one pack however few the objects, reading to the ``done`` command."""

SCRATCH_REF = "refs/decisiontrack/batch"
"""Where ``git fast-import`` leaves the commit whose tree is a batch's tree, until it is read and
deleted (:class:`Batch`); under the workspace lock, so one at a time."""


def _batch_environment() -> dict[str, str]:
    return {**BATCH_ENVIRONMENT, **os.environ}


class Batch:
    """A batch of new records packed by ``git fast-import`` while they are being written.

    An import knows its files' contents before it writes them: ``git fast-import`` stores them,
    and builds the tree HEAD would have with them added, in one pack on the second processor
    while this one writes the files. The commit then stages the files (finding every object
    stored) and, when the index is exactly that tree, commits it without ``git write-tree``,
    which would write every new folder's tree as a loose object file (0.2–0.4 s for 5,000).
    The tree comes from a scratch commit at :data:`SCRATCH_REF`, deleted when read; should
    anything differ, the commit is made from the index as usual.
    """

    SMALLEST = PREPACK_FROM

    def __init__(self, repo: Repository, contents: dict[str, bytes]):
        self.repo = repo
        self.names = set(contents)
        self._returncode: int | None = None
        self._finished = False
        self._tree: str | None = None
        parent = _git(repo.top, "rev-parse", "-q", "--verify", "HEAD^{commit}").stdout.strip()
        stream = bytearray(b"commit %s\ncommitter decisiontrack <> 0 +0000\ndata 0\n" % SCRATCH_REF.encode())
        if parent:
            stream += b"from %s\n" % parent.encode()
        for name, data in contents.items():
            stream += b"M 100644 inline %s\ndata %d\n%s\n" % (name.encode("utf-8"), len(data), data)
        stream += b"\ndone\n"
        self._thread = threading.Thread(target=self._run, args=(bytes(stream),), daemon=True)
        self._thread.start()

    @staticmethod
    def can_hold(names: list[str]) -> bool:
        """fast-import takes a path to the end of its line unless it starts with a quote."""
        return len(names) >= Batch.SMALLEST and not any(name.startswith('"') or "\n" in name for name in names)

    def _run(self, stream: bytes) -> None:
        """In a thread: the stream in one write (the thread waits in the system, not holding the
        interpreter, while the main thread writes files); fast-import's words are not read."""
        try:
            process = subprocess.Popen(
                ["git", "-C", str(self.repo.top), *FAST_IMPORT, "--force"], stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_batch_environment())
        except OSError:
            return  # no pack: the commit packs from the files
        try:
            process.stdin.write(stream)
            process.stdin.close()
        except OSError:
            pass  # fast-import stopped (a broken pipe): its exit code says so
        self._returncode = process.wait()

    def tree(self) -> str | None:
        """Wait for the pack; the batch's tree, or None when fast-import failed. The scratch
        commit is deleted at the first call (a rolled-back write calls it only for that)."""
        if not self._finished:
            self._thread.join()
            self._finished = True
            if self._returncode == 0:
                self._tree = _git(self.repo.top, "rev-parse", "-q", "--verify",
                                  f"{SCRATCH_REF}^{{tree}}").stdout.strip() or None
                _git(self.repo.top, "update-ref", "-d", SCRATCH_REF)
        return self._tree


def _stage(repo: Repository, files: list[str], batch: Batch | None = None) -> str | None:
    """Stage ``files`` as ``git add -A -- files`` does; a batch of :data:`PREPACK_FROM` or more by plumbing.

    ``git add`` matches every path it sees against every path given (0.44 s for 5,000 files); a
    batch is instead checked against ``.gitignore`` (as ``git add`` refuses an ignored file), packed
    (by ``batch`` while it was written, else :func:`_prepack`) and entered with ``git update-index
    --add --remove`` (0.05 s). Returns the tree ``batch`` built, when there is one.
    """
    if len(files) < PREPACK_FROM:
        added = _git_on_paths(repo.top, "add", "-A", paths=files)
        if added.returncode != 0:
            raise GitRefused(_explain(added.stderr.strip()))
        return None
    ignored = _git(repo.top, "check-ignore", "--stdin", "-z", stdin="\0".join(files)).stdout.split("\0")
    ignored = [name for name in ignored if name]
    tree = batch.tree() if batch is not None else None
    if ignored:
        raise GitRefused(_explain(".gitignore: " + "、".join(ignored[:5]) + ("等" if len(ignored) > 5 else "")))
    packed = batch.names if tree is not None else set()
    rest = [name for name in files if name not in packed]
    if rest:
        _prepack(repo, rest)
    added = _git(repo.top, "update-index", "--add", "--remove", "-z", "--stdin", stdin="\0".join(files), batch=True)
    if added.returncode != 0:
        raise GitRefused(_explain(added.stderr.strip()))
    return tree


def _prepack(repo: Repository, files: list[str]) -> None:
    """Write the files' contents as one pack with ``git fast-import``.

    Staging then finds every object already stored and writes no loose object: for an import of
    5,000 records that is 0.1 s instead of 2.8 s of creating 5,000 object files. Best effort — if
    it fails, ``git add`` stores the objects as usual.
    """
    stream = bytearray()
    for name in files:
        try:
            data = (repo.top / name).read_bytes()
        except OSError:
            continue  # a removed file: nothing to store
        stream += b"blob\ndata %d\n" % len(data) + data + b"\n"
    stream += b"done\n"
    subprocess.run(["git", "-C", str(repo.top), *FAST_IMPORT], input=bytes(stream), capture_output=True,
                   env=_batch_environment())


COMMIT_HOOKS = ("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit")


def _plain_commit_is_the_same(repo: Repository) -> bool:
    """True when ``git commit`` would do nothing more than write the tree and the commit.

    ``git commit`` first lstat()s every tracked file (0.3 s at 20,000 decisions, most of a write);
    the plumbing commands make the same commit without it. A repository with commit hooks or
    commit signing gets the porcelain ``git commit``, so hooks run and signing holds.
    """
    hooks = repo.hooks_dir
    if hooks is None or any(os.access(hooks / name, os.X_OK) for name in COMMIT_HOOKS):
        return False
    signing = _git(repo.top, "config", "--type=bool", "--get", "commit.gpgsign")
    return signing.stdout.strip() != "true"


def _commit_plainly(repo: Repository, message: str, tree: str | None = None) -> subprocess.CompletedProcess[str]:
    """The commit ``git commit -m`` would make: tree of the index, HEAD as parent, the reflog entry,
    then the automatic housekeeping ``git commit`` runs (``gc --auto``).

    ``tree``: a batch's tree (:class:`Batch`), used when the index is exactly it, instead of
    ``git write-tree``.
    """
    if tree is None or _git(repo.top, "diff-index", "--cached", "--quiet", tree).returncode != 0:
        written = _git(repo.top, "write-tree", batch=True)
        if written.returncode != 0:
            return written
        tree = written.stdout.strip()
    parent = _git(repo.top, "rev-parse", "-q", "--verify", "HEAD^{commit}").stdout.strip()
    made = _git(repo.top, "commit-tree", tree, *(["-p", parent] if parent else []), "-F", "-",
                stdin=message.strip() + "\n")
    if made.returncode != 0:
        return made
    subject = message.strip().splitlines()[0]
    reflog = f"commit: {subject}" if parent else f"commit (initial): {subject}"
    moved = _git(repo.top, "update-ref", "-m", reflog, "HEAD", made.stdout.strip(), parent)  # "": must not exist yet
    if moved.returncode == 0:
        _git(repo.top, "gc", "--auto", "--quiet")
    return moved


def message_with_trailers(subject: str, trailers: dict[str, str]) -> str:
    """A commit message: the Chinese subject line, a blank line, machine-readable trailers."""
    lines = [f"{key}: {value}" for key, value in trailers.items() if value]
    return subject + ("\n\n" + "\n".join(lines) if lines else "")
