"""Benchmark: the whole-process render of a ~20-page report, as the officer runs it.

Each run is a fresh ``decisiontrack render`` subprocess, so interpreter start, the CLI, the
segmenter (rjieba) and python-docx loading are all counted — not a warm in-process call.

Usage: ``python bench/render_report.py [N] [--pdf]`` (N runs, default 7; ``--pdf`` also
converts once with LibreOffice and prints the real page count). Prints the median and the
spread. Goal (issue #14): under 1.5 s for 20 pages, segmenter load included.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
SENTENCE = (
    "本项决策实施以来，各责任单位按照职责分工推进落实，"
    "2023年完成投资1.2亿元，群众满意度明显提升，评估组建议在2025年12月31日前完善配套制度。"
)
TITLE = "鄂尔多斯市城区出租汽车经营权有偿使用管理办法实施情况的后评估报告"


def build_report(sections: int = 6) -> str:
    """Sections of paragraphs, a list and a table each: the mix of a real 后评估报告."""
    numbers = "一二三四五六七八九十"
    parts = [
        f'+++\ntitle = "{TITLE}"\nissuer = "鄂尔多斯市交通运输局"\nsubmitted_on = 2024-01-08\n'
        'classification = "internal"\n+++\n'
    ]
    for s in range(sections):
        parts.append(f"## {numbers[s]}、第{numbers[s]}部分\n")
        for sub in range(2):
            parts.append(f"### （{numbers[sub]}）分项情况\n")
            parts += [SENTENCE * 3 + "\n" for _ in range(3)]
        parts += [f"{i}. 措施{i}：{SENTENCE}" for i in range(1, 4)]
        parts.append("\n| 指标 | 目标值 | 实际值 | 完成日期 | 说明 |\n|---|---|---|---|---|")
        parts += [
            f"| 指标{i} | {i * 10} | {i * 9.5} | 2024年{i}月{i + 10}日 | **{'达标' if i % 2 else '未达标'}** |"
            for i in range(1, 7)
        ]
        parts.append("")
    return "\n".join(parts) + "\n"


def estimate_pages(text: str) -> float:
    """Lines at 28 characters a line (a table row counts a line), 22 lines a page."""
    lines = 0
    for line in text.splitlines():
        if line.startswith("|"):
            lines += 1
        elif line.strip() and not line.startswith(("+++", "title", "issuer", "submitted", "classification")):
            width = sum(0.5 if ord(char) < 0x2E80 else 1 for char in line)
            lines += -(-int(width) // CHARS_PER_LINE)
    return lines / LINES_PER_PAGE


def render_once(source: Path, out: Path) -> float:
    """Seconds for one whole ``decisiontrack render`` process."""
    command = [sys.executable, "-m", "decisiontrack", "render", str(source), "-o", str(out), "--force"]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str]) -> None:
    runs = int(next((a for a in argv if a.isdigit()), 7))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "report.md"
        text = build_report()
        source.write_text(text, encoding="utf-8")
        out = Path(tmp) / "report.docx"
        render_once(source, out)  # warm the file cache, as a second run by the officer would be
        timings = sorted(render_once(source, out) for _ in range(runs))
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import decisiontrack.cli"], check=True)
        cli_start = time.perf_counter() - start
        print(f"pages (estimate): {estimate_pages(text):.1f}")
        print(f"whole-process render, median of {runs}: {statistics.median(timings):.3f} s "
              f"(min {timings[0]:.3f}, max {timings[-1]:.3f})")
        print(f"of which starting the CLI alone: {cli_start:.3f} s")
        if "--pdf" in argv:
            pdf = Path(tmp) / "report.pdf"
            subprocess.run([sys.executable, "-m", "decisiontrack", "render", str(source), "-o", str(pdf)], check=True)
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages")), "?")
            print(f"pages (LibreOffice): {pages}")


if __name__ == "__main__":
    main(sys.argv[1:])
