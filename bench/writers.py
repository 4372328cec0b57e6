"""Benchmark writes on a large git workspace: one write with its commit, then N writers at once.

Usage: python bench/writers.py [DECISIONS] [--writers N] [--repeat R]

Generates DECISIONS decisions (default 10,000; nine files each, as ``workspaces.py``) in a git
repository with one initial commit, then measures:

- a single ``feedback add`` as a user runs it (a subprocess, start-up and commit included), its
  median over R runs, and the transaction alone (lock → write → commit → unlock) in-process;
- N concurrent ``feedback add`` on N different decisions, and N concurrent ``plan done`` on one
  plan (the same file): wall time, throughput, latency p50/p95, and the p95 *wait* (a writer's
  latency minus the median latency of a writer alone: the time spent queueing for the lock).

Each concurrent run checks what the tool promises: every writer exits 0, N new commits of one file
each, every date in the plan, ``git status`` clean.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from workspaces import write_files as generate  # noqa: E402  (a sibling script, not a package)

CLI = [sys.executable, "-m", "decisiontrack"]
IDENTITY = {"GIT_AUTHOR_NAME": "基准测试", "GIT_AUTHOR_EMAIL": "bench@example.org",
            "GIT_COMMITTER_NAME": "基准测试", "GIT_COMMITTER_EMAIL": "bench@example.org"}


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def decision_ids(root: Path, count: int) -> list[str]:
    return sorted(os.listdir(root / "decisions"))[:count]


def opinion(root: Path, decision_id: str, n: int) -> list[str]:
    return [*CLI, "-w", str(root), "feedback", "add", decision_id, "--received-on", "2024-03-15",
            "--channel", "letter", "--stance", "oppose", "--summary", f"基准意见{n}"]


def one_write(root: Path, argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def in_process_transaction(root: Path, decision_id: str, repeat: int) -> float:
    """Median seconds of ``add_opinion`` alone: lock, write the file, stage, commit, unlock."""
    from decisiontrack.ops.entries import add_opinion

    runs = []
    for n in range(repeat):
        fields = {"received_on": date(2024, 3, 15), "channel": "phone", "stance": "support", "summary": f"进程内{n}"}
        started = time.perf_counter()
        add_opinion(root, decision_id, fields)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def concurrent(commands: list[list[str]]) -> tuple[float, list[float], list[int]]:
    """Start every command at once; (wall seconds, each latency, each exit code)."""
    started = time.perf_counter()
    processes = {subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).pid: argv
                 for argv in commands}
    latencies, codes = [], []
    while processes:
        pid, status = os.wait()
        if processes.pop(pid, None) is not None:
            latencies.append(time.perf_counter() - started)
            codes.append(os.waitstatus_to_exitcode(status))
    return time.perf_counter() - started, latencies, codes


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def report(name: str, root: Path, base: str, wall: float, latencies: list[float], codes: list[int],
           alone: float) -> None:
    commits = git(root, "rev-list", f"{base}..HEAD").split()
    one_file_each = all(len(git(root, "show", "--name-only", "--format=", sha).split()) == 1 for sha in commits)
    clean = git(root, "status", "--porcelain", "--untracked-files=no") == ""
    waits = [max(0.0, latency - alone) for latency in latencies]
    print(f"{name}: {len(codes)} writers, exit 0: {codes.count(0)}, new commits: {len(commits)} "
          f"(one file each: {one_file_each}), git status clean: {clean}")
    print(f"  wall {wall:.2f} s, throughput {len(codes) / wall:.1f} writes/s, latency p50 "
          f"{statistics.median(latencies):.2f} s p95 {p95(latencies):.2f} s, wait p95 {p95(waits):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.update(IDENTITY)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, args.count)
        started = time.perf_counter()
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "基准工作区")
        files = int(git(root, "ls-files", "-z").count("\0"))
        print(f"workspace: {args.count} decisions, {files} files in git (initial commit {time.perf_counter() - started:.1f} s)")

        ids = decision_ids(root, args.writers + 1)
        one_write(root, opinion(root, ids[0], -1))  # warm the page cache and the index
        solo = [one_write(root, opinion(root, ids[0], n)) for n in range(args.repeat)]
        startup = statistics.median(one_write(root, [*CLI, "--version"]) for _ in range(args.repeat))
        transaction = in_process_transaction(root, ids[0], args.repeat)
        alone = statistics.median(solo)
        print(f"single write (feedback add, commit included): median {alone:.2f} s over {args.repeat} runs "
              f"(start-up alone {startup:.2f} s); lock+write+commit in-process {transaction * 1000:.0f} ms")

        base = git(root, "rev-parse", "HEAD").strip()
        wall, latencies, codes = concurrent([opinion(root, ids[1 + n], n) for n in range(args.writers)])
        report("concurrent writers, different files", root, base, wall, latencies, codes, alone)

        milestones = [f"--milestone=2024-07-{day % 28 + 1:02d}:节点{day}" for day in range(args.writers)]
        subprocess.run([*CLI, "-w", str(root), "plan", "create", ids[0], "--responsible-unit", "规划科", "--force",
                        *milestones], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        base = git(root, "rev-parse", "HEAD").strip()
        wall, latencies, codes = concurrent([
            [*CLI, "-w", str(root), "plan", "done", ids[0], f"m{n + 1}", "--on", "2024-06-30"]
            for n in range(args.writers)])
        report("concurrent writers, one file (plan done)", root, base, wall, latencies, codes, alone)
        plan = (root / "decisions" / ids[0] / "plan.toml").read_text(encoding="utf-8")
        print(f"  milestones done in the plan: {plan.count('done_on = ')} of {args.writers}")


if __name__ == "__main__":
    main()
