"""Benchmark: render a ~20-page evaluation report to .docx; prints the median seconds.

Usage: ``PYTHONPATH=src python bench/render_report.py [N] [--pdf]`` (N defaults to 5;
``--pdf`` also converts once with LibreOffice and prints the real page count).
Goal: under one second per report.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from decisiontrack.render import render_file

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
SENTENCE = (
    "本项决策实施以来，各责任单位按照职责分工推进落实，"
    "2023 年完成投资 1.2 亿元，群众满意度明显提升。"
)


def build_report(sections: int = 6) -> str:
    """Sections of paragraphs, a list and a table each: the mix of a real 后评估报告."""
    numbers = "一二三四五六七八九十"
    parts = [
        '+++\ntitle = "关于城区公共交通票价调整重大行政决策实施情况的后评估报告"\n'
        'issuer = "某市司法局"\nsubmitted_on = 2024-01-08\nclassification = "internal"\n+++\n'
    ]
    for s in range(sections):
        parts.append(f"## {numbers[s]}、第{numbers[s]}部分\n")
        for sub in range(2):
            parts.append(f"### （{numbers[sub]}）分项情况\n")
            parts += [SENTENCE * 4 + "\n" for _ in range(4)]
        parts += [f"{i}. 措施{i}：{SENTENCE}" for i in range(1, 5)]
        parts.append("\n| 指标 | 目标值 | 实际值 | 说明 |\n|---|---|---|---|")
        parts += [
            f"| 指标{i} | {i * 10} | {i * 9.5} | **{'达标' if i % 2 else '未达标'}** |"
            for i in range(1, 7)
        ]
        parts.append("")
    return "\n".join(parts) + "\n"


def estimate_pages(text: str) -> float:
    """Lines at 28 characters a line (tables count a line a row), 22 lines a page."""
    lines = 0
    for line in text.splitlines():
        if line.startswith("|"):
            lines += 1
        elif line.strip():
            width = sum(0.5 if ord(char) < 0x2E80 else 1 for char in line)
            lines += -(-int(width) // CHARS_PER_LINE)
    return lines / LINES_PER_PAGE


def main(argv: list[str]) -> None:
    runs = int(next((a for a in argv if a.isdigit()), 5))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "report.md"
        text = build_report()
        source.write_text(text, encoding="utf-8")
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            out = render_file(source, Path(tmp) / "report.docx", overwrite=True)
            timings.append(time.perf_counter() - start)
        print(f"pages (estimate): {estimate_pages(text):.1f}")
        print(f"median of {runs}: {statistics.median(timings):.3f} s")
        if "--pdf" in argv:
            pdf = render_file(source, Path(tmp) / "report.pdf", to="pdf", overwrite=True)
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            pages = next(
                (line.split()[-1] for line in info.splitlines() if line.startswith("Pages")), "?"
            )
            print(f"pages (LibreOffice): {pages}; docx at {out.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
