"""Benchmark ``check`` at scale against the floor of merely parsing the same TOML files.

Usage: python bench/check_scale.py [N] [--repeat R]
Generates N decisions (default 10,000), each with a plan and three opinions, then times
``decisiontrack check`` as a subprocess and, in the same run, a subprocess that only walks
the folder and parses every TOML file with tomllib. Prints the medians, their ratio and the
peak memory of each. Also times start-up against bare typer.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

FLOOR = """
import os, sys, tomllib
count = 0
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith('.toml'):
            with open(os.path.join(folder, name), 'rb') as handle:
                tomllib.load(handle)
            count += 1
print(count)
"""

BARE_TYPER = """
import typer
app = typer.Typer(rich_markup_mode=None)  # as ours: plain help, no rich at start-up
for name in ("profile", "decision", "plan", "feedback", "event", "progress", "inspection", "evaluation", "export"):
    group = typer.Typer()
    group.command("x")(lambda: None)
    app.add_typer(group, name=name)
for name in ("init", "check", "validate", "status", "render", "history"):
    app.command(name)(lambda: None)
app()
"""

CATEGORIES = ["plan", "policy", "reform", "project", "normative", "other"]
CHANNELS = ["letter", "phone", "email", "online", "visit"]


def generate(root: Path, count: int) -> None:
    """A workspace of ``count`` decisions with a plan and three opinions each."""
    rng = random.Random(20250630)
    (root / "decisiontrack.toml").write_text('[workspace]\norganization = "基准测试市人民政府"\nprofile = "ordos-2024"\n',
                                             encoding="utf-8")
    for index in range(count):
        year = 2018 + index % 7
        decision_id = f"{year}-{index:05d}"
        folder = root / "decisions" / decision_id
        (folder / "feedback").mkdir(parents=True)
        start = date(year, 1, 1) + timedelta(days=rng.randrange(300))
        until = start + timedelta(days=365 * rng.choice([1, 3, 5, 6]) - 1)
        (folder / "decision.toml").write_text(
            f'id = "{decision_id}"\ntitle = "第{index}号重大行政决策"\ncategory = "{rng.choice(CATEGORIES)}"\n'
            f'adopted_on = {start - timedelta(days=20)}\neffective_from = {start}\neffective_until = {until}\n'
            f'undertaking_unit = "市发展和改革委员会"\npublic_concern = {str(rng.random() < 0.2).lower()}\n',
            encoding="utf-8")
        (folder / "plan.toml").write_text(
            f'responsible_unit = "规划科"\nprogress_report_every_months = 6\n\n[[milestones]]\nid = "m1"\n'
            f'title = "年度跟踪调查"\ndue = {start + timedelta(days=180)}\n', encoding="utf-8")
        for n in range(3):
            received = start + timedelta(days=rng.randrange(700))
            channel = rng.choice(CHANNELS)
            (folder / "feedback" / f"{received:%Y%m%d}-{channel}-{n:04x}.toml").write_text(
                f'received_on = {received}\nchannel = "{channel}"\nstance = "suggestion"\nsummary = "建议加强宣传"\n',
                encoding="utf-8")


def timed(argv: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one subprocess (its own, via wait4)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    return time.perf_counter() - start, usage.ru_maxrss


def median(argv: list[str], repeat: int) -> tuple[float, int]:
    runs = [timed(argv) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, args.count)
        check_argv = [py, "-m", "decisiontrack", "-w", str(root), "check", "--as-of", "2025-06-30",
                      "--format", "json", "--fail-on", "never"]
        subprocess.run(check_argv, stdout=subprocess.DEVNULL, check=False)  # warm the page cache
        floor_s, floor_kib = median([py, "-c", FLOOR, str(root)], args.repeat)
        check_s, check_kib = median(check_argv, args.repeat)
    print(f"decisions: {args.count} ({args.count * 5} TOML files)")
    print(f"tomllib floor: {floor_s:.2f} s, peak {floor_kib / 1024:.0f} MiB")
    print(f"check:         {check_s:.2f} s, peak {check_kib / 1024:.0f} MiB")
    print(f"ratio:         {check_s / floor_s:.2f}x (goal <= 1.5x)")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as bare:
        bare.write(BARE_TYPER)
    typer_s, _ = median([py, "-c", "import typer"], 30)
    version_s, _ = median([py, "-m", "decisiontrack", "--version"], 30)
    bare_help_s, _ = median([py, bare.name, "--help"], 30)
    help_s, _ = median([py, "-m", "decisiontrack", "--help"], 30)
    Path(bare.name).unlink()
    print(f"start-up: --version {version_s * 1000:.0f} ms vs import typer {typer_s * 1000:.0f} ms "
          f"({version_s / typer_s:.2f}x, goal <= 1.5x)")
    print(f"start-up: --help {help_s * 1000:.0f} ms vs bare typer app {bare_help_s * 1000:.0f} ms "
          f"({help_s / bare_help_s:.2f}x, goal <= 1.3x)")


if __name__ == "__main__":
    main()
