"""Benchmark ``import decisions`` of a big ledger against the floor of merely reading it with openpyxl.

Usage: python bench/import_scale.py [N] [--repeat R]
Writes a ledger of N rows (default 5,000) as offices keep it — a merged title row, dates in four
spellings, Chinese categories, 备注 flags — then, R times and interleaved so that a busy machine
weighs on both alike:

- the floor: a subprocess that loads the workbook with openpyxl in read-only mode (as the import
  does) and reads every value (and, for information, the same in openpyxl's normal mode);
- ``decisiontrack import decisions`` into a new git workspace (one commit of N files), checking
  that it made exactly one commit holding N decision.toml files;
- the same with ``--no-commit`` (the share of git), and a re-import (nothing new: no write).

Prints the medians and the ratio to the floor (goal: at most 2x).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

FLOOR = """
import sys
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=sys.argv[2] == "read-only", data_only=True)
count = sum(1 for sheet in book.worksheets for _ in sheet.iter_rows(values_only=True))
print(count)
"""

CATEGORIES = ["重大规划", "重大政策", "重大改革", "重大项目", "规范性文件", "其他"]
UNITS = ["市发展和改革委员会", "市生态环境局", "市交通运输局", "市住房和城乡建设局", "市教育局"]


def spelled(day: date, index: int):
    """The four ways offices type a date, in turn."""
    return [day, f"{day.year}.{day.month}.{day.day}", f"{day.year}/{day.month}/{day.day}",
            f"{day.year}年{day.month}月{day.day}日"][index % 4]


def write_ledger(path: Path, count: int) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "决策事项台账"
    header = ["序号", "决策事项名称", "文号", "决策类别", "审议通过日期", "施行日期", "有效期至", "承办单位", "密级", "备注"]
    sheet.append(["基准测试市重大行政决策事项台账"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for index in range(count):
        year = 2016 + index % 9
        adopted = date(year, 1, 1) + timedelta(days=index * 7 % 330)
        start = adopted + timedelta(days=30)
        until = "" if index % 5 == 0 else spelled(start + timedelta(days=365 * (1 + index % 6) - 1), index + 1)
        sheet.append([index + 1, f"第{index + 1}号重大行政决策实施方案", f"基府发〔{year}〕{index + 1}号",
                      CATEGORIES[index % 6], spelled(adopted, index), spelled(start, index + 2), until,
                      UNITS[index % 5], "内部" if index % 10 == 0 else "公开",
                      "群众普遍关注" if index % 4 == 0 else ""])
    book.save(path)


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def new_workspace(parent: Path, name: str) -> Path:
    root = parent / name
    subprocess.run([sys.executable, "-m", "decisiontrack", "init", str(root), "--org", "基准测试市人民政府",
                    "--profile", "ordos-2024"], stdout=subprocess.DEVNULL, check=True)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None, help="where to work (e.g. /dev/shm: no disk)")
    args = parser.parse_args()
    py = sys.executable
    env_identity = {"GIT_AUTHOR_NAME": "基准", "GIT_COMMITTER_NAME": "基准",
                    "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    os.environ.update({k: os.environ.get(k, v) for k, v in env_identity.items()})
    times: dict[str, list[float]] = {k: [] for k in ("floor", "normal", "import", "no-commit", "again")}
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        ledger = folder / "台账.xlsx"
        write_ledger(ledger, args.count)
        subprocess.run([py, "-c", FLOOR, str(ledger), "read-only"], stdout=subprocess.DEVNULL, check=True)  # warm
        for run in range(args.repeat):
            times["floor"].append(timed([py, "-c", FLOOR, str(ledger), "read-only"]))
            times["normal"].append(timed([py, "-c", FLOOR, str(ledger), "normal"]))
            root = new_workspace(folder, f"ws{run}")
            times["import"].append(timed([py, "-m", "decisiontrack", "-w", str(root), "import", "decisions",
                                          str(ledger)]))
            commits = int(git(root, "rev-list", "--count", "HEAD"))
            files = len(git(root, "show", "--name-only", "--format=", "HEAD").split())
            assert (commits, files) == (2, args.count), (commits, files)  # init, then the one import
            times["again"].append(timed([py, "-m", "decisiontrack", "-w", str(root), "import", "decisions",
                                         str(ledger)]))
            assert int(git(root, "rev-list", "--count", "HEAD")) == 2  # nothing new, no commit
            loose = new_workspace(folder, f"nc{run}")
            times["no-commit"].append(timed([py, "-m", "decisiontrack", "-w", str(loose), "import", "decisions",
                                             str(ledger), "--no-commit"]))
    m = {k: statistics.median(v) for k, v in times.items()}
    print(f"rows: {args.count} (one commit of {args.count} decision.toml files; median of {args.repeat})")
    print(f"floor, openpyxl read-only read:   {m['floor']:.2f} s")
    print(f"openpyxl normal-mode read:        {m['normal']:.2f} s ({m['normal'] / m['floor']:.2f}x)")
    print(f"import decisions (one commit):    {m['import']:.2f} s ({m['import'] / m['floor']:.2f}x, goal <= 2x)")
    print(f"import decisions --no-commit:     {m['no-commit']:.2f} s ({m['no-commit'] / m['floor']:.2f}x)")
    print(f"re-import (nothing new):          {m['again']:.2f} s ({m['again'] / m['floor']:.2f}x)")


if __name__ == "__main__":
    main()
