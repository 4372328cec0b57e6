"""Every read command at scale against the floor of merely parsing the same TOML, in one run.

Usage: python bench/scale.py [--sizes 1000,10000,50000] [--repeat 3] [--data /work/benchdata]
                             [--only check-json,status] [--writes] [--startup]

Workspaces come from ``bench/workspaces.py`` (generated once under ``--data`` and reused).
Each command runs as a whole process (start-up, loading, rendering, writing its file), with
stdout to a file (no terminal, as from cron); floor and command runs alternate so that other
load on the machine hits both alike. For each: the median wall seconds, the median CPU
seconds of the process and every child it waited for, and the peak memory of the whole
process tree (the sum of the RSS of every process in it, sampled every 5 ms). Ratios are
medians of command over floor from the same run.

Each command runs three ways each round: warm (its parse cache in ``.git/decisiontrack-cache``
as the run before left it: the daily cron case, the first columns), as the first run after a
clone (no cache yet: it writes one) and with the cache off (``DECISIONTRACK_NO_CACHE=1``).

``--several 10x1000`` also times the commands that read several workspaces (check, status,
export ledger) over a parent folder of that many workspaces, against the floor of parsing all of
them. ``--writes`` times one ``feedback add`` with its commit at 10 / 10,000 / 20,000 / 50,000
decisions (the workspace is reset afterwards); ``--startup`` times ``--version`` and ``--help``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workspaces import DEFAULT_DATA, ensure, ensure_several  # noqa: E402

from decisiontrack.store.parsecache import FOLDER as CACHE  # noqa: E402

AS_OF = "2025-06-30"
FLOOR = """
import os, sys, tomllib
count = 0
for folder, folders, files in os.walk(sys.argv[1]):
    folders[:] = [name for name in folders if not name.startswith('.')]  # not into .git
    for name in files:
        if name.endswith('.toml'):
            with open(os.path.join(folder, name), 'rb') as handle:
                tomllib.load(handle)
            count += 1
print(count)
"""
def bare_typer_source() -> str:
    """A bare typer app with our groups and commands (same names, no options, no bodies): what
    ``--help`` is compared with, so the ratio measures our own start-up, not the size of the tree."""
    from decisiontrack.cli import app

    lines = ["import typer", "app = typer.Typer(rich_markup_mode=None)  # as ours: plain help, no rich at start-up"]
    for group in app.registered_groups:
        lines.append("group = typer.Typer()")
        lines += [f"group.command({c.name!r})(lambda: None)" for c in group.typer_instance.registered_commands]
        lines.append(f"app.add_typer(group, name={group.name!r})")
    lines += [f"app.command({c.name!r})(lambda: None)" for c in app.registered_commands]
    return "\n".join([*lines, "app()", ""])

#: name → (arguments after ``-w ROOT``, goal as a multiple of the floor)
COMMANDS: dict[str, tuple[list[str], float]] = {
    "check-text": (["check", "--as-of", AS_OF, "--fail-on", "never"], 1.5),
    "check-json": (["check", "--as-of", AS_OF, "--fail-on", "never", "--format", "json"], 1.5),
    "check-markdown": (["check", "--as-of", AS_OF, "--fail-on", "never", "--format", "markdown"], 1.5),
    "status-text": (["status", "--as-of", AS_OF], 1.5),
    "status-json": (["status", "--as-of", AS_OF, "--format", "json"], 1.5),
    "validate": (["validate"], 1.5),
    "decision-list": (["decision", "list"], 1.5),
    "export-ledger": (["export", "ledger", "--as-of", AS_OF, "--force", "-o", "{tmp}/ledger.xlsx"], 2.0),
    "export-calendar": (["export", "calendar", "--as-of", AS_OF, "--force", "-o", "{tmp}/calendar.ics"], 2.0),
}
#: the commands that take several workspaces (issue 15, item 3): the same goals over the total
SEVERAL = ("check-text", "check-json", "status-json", "export-ledger")


class Run:
    """One finished process: wall and CPU seconds, peak memory of its tree."""

    def __init__(self, wall: float, cpu: float, peak_kib: int, code: int):
        self.wall, self.cpu, self.peak_kib, self.code = wall, cpu, peak_kib, code


def _tree_rss_kib(pid: int) -> int:
    """The summed RSS of ``pid`` and all its descendants (from /proc)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    pending += [int(child) for child in handle.read().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def timed(argv: list[str], stdout, env: dict | None = None) -> Run:
    """Run ``argv`` to completion, sampling its process tree's memory."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(child.pid))
            done.wait(0.005)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime + usage.ru_stime, max(peak, usage.ru_maxrss), child.returncode)


def _median(runs: list[Run], attribute: str) -> float:
    return statistics.median(getattr(run, attribute) for run in runs)


def bench_reads(sizes: list[int], repeat: int, data: Path, only: list[str] | None,
                several: tuple[int, int] | None = None) -> list[list[str]]:
    """Table rows: size, command, wall, CPU, ratios to the floor, peak MiB, goal."""
    rows = []
    names = [name for name in COMMANDS if not only or name in only]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            root = ensure(data, size)
            rows += _bench_root(f"{size:,}", root, [str(root / "decisions")], names, repeat, tmp)
        if several:
            count, size = several
            parent = ensure_several(data, count, size)
            rows += _bench_root(f"{count}×{size:,}", parent, [str(parent)], [n for n in names if n in SEVERAL],
                                repeat, tmp)
    return rows


def _bench_root(label: str, root: Path, floor_folders: list[str], names: list[str], repeat: int,
                tmp: str) -> list[list[str]]:
    """Each command with ``-w root``, alternated with the floor of parsing the TOML under the folders.

    A command runs three ways each round: with its parse cache as the day before left it (warm:
    the cron case), as the first run after a clone (no cache yet: it writes one), and with the
    cache turned off (``DECISIONTRACK_NO_CACHE=1``).
    """
    py = sys.executable
    rows = []
    floor_argv = [py, "-c", FLOOR, *floor_folders]
    no_cache = {**os.environ, "DECISIONTRACK_NO_CACHE": "1"}
    trash = root.parent / ".old-parse-caches"  # beside the workspace: moving there is a rename
    with open(os.devnull, "w") as devnull:
        timed(floor_argv, devnull)  # warm the page cache
        for name in names:
            args, goal = COMMANDS[name]
            argv = [py, "-m", "decisiontrack", "-w", str(root), *(a.format(tmp=tmp) for a in args)]
            with open(os.path.join(tmp, "out"), "w") as sink:
                timed(argv, sink)  # warm-up (and the cache), and a check that it runs
            floors, runs, firsts, uncached = [], [], [], []
            for _ in range(repeat):
                floors.append(timed(floor_argv, devnull))
                with open(os.path.join(tmp, "out"), "w") as sink:
                    runs.append(timed(argv, sink))
                _move_caches(root, trash)
                with open(os.path.join(tmp, "out"), "w") as sink:
                    firsts.append(timed(argv, sink))
                with open(os.path.join(tmp, "out"), "w") as sink:
                    uncached.append(timed(argv, sink, env=no_cache))
            floor_wall, floor_cpu = _median(floors, "wall"), _median(floors, "cpu")
            wall, cpu = _median(runs, "wall"), _median(runs, "cpu")
            peak = max(run.peak_kib for run in [*runs, *firsts, *uncached]) / 1024
            row = [label, name, f"{wall:.2f}", f"{cpu:.2f}", f"{floor_wall:.2f}",
                   f"{wall / floor_wall:.2f}x", f"{cpu / floor_cpu:.2f}x",
                   f"{_median(firsts, 'wall') / floor_wall:.2f}x / {_median(firsts, 'cpu') / floor_cpu:.2f}x",
                   f"{_median(uncached, 'wall') / floor_wall:.2f}x / {_median(uncached, 'cpu') / floor_cpu:.2f}x",
                   f"{peak:.0f}", f"≤{goal}x", str(runs[-1].code)]
            rows.append(row)
            print(" | ".join(row), flush=True)
    shutil.rmtree(trash, ignore_errors=True)  # after the runs: deleting thousands of files slows the disk
    return rows


def _move_caches(root: Path, trash: Path) -> None:
    """Put the workspaces' parse caches aside (a rename), so the next run is a first run."""
    for cache in [root / ".git" / CACHE, *root.glob(f"*/.git/{CACHE}")]:
        if cache.exists():
            trash.mkdir(exist_ok=True)
            cache.rename(trash / f"{len(list(trash.iterdir()))}")


def bench_writes(data: Path, repeat: int) -> list[list[str]]:
    """One ``feedback add`` with its commit, by workspace size; the workspace is reset after."""
    py = sys.executable
    rows = []
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_COMMITTER_NAME": "bench",
           "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    for size in (10, 10_000, 20_000, 50_000):
        root = ensure(data, size)
        decision = sorted(os.listdir(root / "decisions"))[0]
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        walls = []
        try:
            for n in range(repeat):
                argv = [py, "-m", "decisiontrack", "-w", str(root), "feedback", "add", decision,
                        "--received-on", "2025-06-01", "--channel", "letter", "--stance", "support",
                        "--summary", f"基准写入 {n}"]
                start = time.perf_counter()
                code = subprocess.run(argv, stdout=subprocess.DEVNULL, env=env).returncode
                walls.append(time.perf_counter() - start)
                if code != 0:
                    raise SystemExit(f"feedback add failed with {code} at {size}")
        finally:
            subprocess.run(["git", "-C", str(root), "reset", "-q", "--hard", head], check=True)
            subprocess.run(["git", "-C", str(root), "clean", "-qfd", "decisions"], check=True)
        rows.append([f"{size:,}", f"{statistics.median(walls):.2f}", f"{max(walls):.2f}"])
        print(" | ".join(rows[-1]), flush=True)
    return rows


def bench_startup() -> list[str]:
    py = sys.executable
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as bare:
        bare.write(bare_typer_source())
    with open(os.devnull, "w") as devnull:
        results: dict[str, list[float]] = {"typer": [], "version": [], "bare": [], "help": []}
        for _ in range(20):  # alternated, like the floor
            results["typer"].append(timed([py, "-c", "import typer"], devnull).wall)
            results["version"].append(timed([py, "-m", "decisiontrack", "--version"], devnull).wall)
            results["bare"].append(timed([py, bare.name, "--help"], devnull).wall)
            results["help"].append(timed([py, "-m", "decisiontrack", "--help"], devnull).wall)
    Path(bare.name).unlink()
    m = {key: statistics.median(values) for key, values in results.items()}
    return [f"--version {m['version'] * 1000:.0f} ms vs import typer {m['typer'] * 1000:.0f} ms "
            f"({m['version'] / m['typer']:.2f}x, goal ≤1.5x)",
            f"--help {m['help'] * 1000:.0f} ms vs bare typer app {m['bare'] * 1000:.0f} ms "
            f"({m['help'] / m['bare']:.2f}x, goal ≤1.3x)"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--only", default="", help="comma-separated command names: " + ", ".join(COMMANDS))
    parser.add_argument("--several", default="", help="COUNTxSIZE, e.g. 10x1000: several workspaces in one folder")
    parser.add_argument("--writes", action="store_true")
    parser.add_argument("--startup", action="store_true")
    parser.add_argument("--no-reads", action="store_true")
    args = parser.parse_args()
    header = ["N", "command", "wall s", "CPU s", "floor s", "wall/floor", "CPU/floor",
              "first run wall/CPU", "no cache wall/CPU", "peak MiB", "goal", "exit"]
    rows = []
    if not args.no_reads:
        print(" | ".join(header), flush=True)
        sizes = [int(size) for size in args.sizes.split(",") if size]
        several = tuple(int(n) for n in args.several.split("x")) if args.several else None
        rows = bench_reads(sizes, args.repeat, args.data, [n for n in args.only.split(",") if n], several)
    writes = bench_writes(args.data, args.repeat) if args.writes else []
    startup = bench_startup() if args.startup else []
    print()
    if rows:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    if writes:
        print("\n| decisions | feedback add + commit, median s | max s |\n|---|---|---|")
        for row in writes:
            print("| " + " | ".join(row) + " |")
    for line in startup:
        print(line)


if __name__ == "__main__":
    main()
