"""PDF through a real LibreOffice (issue #14 item 8); skipped where soffice is not installed.

Not flaky by construction: soffice runs in a profile of its own with a timeout and is tried
twice (``render/pdf.py``); the assertions read the PDF's text and fonts, never timings.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from filled import fill
from tests.helpers import run

pytestmark = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
SAMPLE_WORKSPACE = Path(__file__).resolve().parents[2] / "sample_workspace"
RIGHT_EDGE = 595.3 - 74.4  # points: A4 width less the 26 mm right margin


def _has(tool: str) -> bool:
    return shutil.which(tool) is not None


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory) -> Path:
    """The sample's 2024-special evaluation report, filled in and rendered to PDF."""
    root = tmp_path_factory.mktemp("lo") / "ws"
    shutil.copytree(SAMPLE_WORKSPACE, root)
    assert run(root, "evaluation", "scaffold", "2021-001", "2024-special", "--force", "--no-commit").exit_code == 0
    report = root / "decisions" / "2021-001" / "evaluations" / "2024-special" / "report.md"
    report.write_text(fill(report.read_text(encoding="utf-8"), "调整", paragraphs=2), encoding="utf-8")
    out = root / "out" / "report.pdf"
    result = run(root, "render", str(report), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_the_pdf_is_a4(report_pdf):
    data = report_pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/MediaBox [0 0 595" in data or b"/MediaBox[0 0 595" in data


@pytest.mark.skipif(not _has("pdftotext"), reason="poppler-utils not installed")
def test_title_lines_page_numbers_and_punctuation_inside_the_margin(report_pdf):
    text = subprocess.run(["pdftotext", "-layout", str(report_pdf), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")
    first = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert first[:2] == ["鄂尔多斯市网络预约出租汽车经营", "服务管理实施细则专项评估报告"]
    assert re.search(r"—\s*1\s*—", pages[0]) and re.search(r"—\s*2\s*—", pages[1])
    boxes = subprocess.run(["pdftotext", "-bbox", str(report_pdf), "-"], capture_output=True, text=True).stdout
    right = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
    assert right and max(right) <= RIGHT_EDGE + 1.5  # no punctuation hangs into the margin
    # the comma after a full line is kept (LibreOffice would hang it, then drop it from view)
    assert "梳理，" in text.replace("\n", "").replace(" ", "")


@pytest.mark.skipif(not _has("pdffonts"), reason="poppler-utils not installed")
def test_the_four_faces_stay_distinct_with_the_font_aliases(report_pdf):
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    if "AR PL UKai" not in listed or "Noto Sans CJK SC" not in listed:
        pytest.skip("fonts-arphic-ukai and fonts-noto-cjk not installed")
    fonts = subprocess.run(["pdffonts", str(report_pdf)], capture_output=True, text=True).stdout
    assert "UKai" in fonts  # 楷体_GB2312: 二级标题
    assert "NotoSansCJK" in fonts  # 黑体: 一级标题
    assert "NotoSerifCJK" in fonts and "Bold" in fonts  # 仿宋 body, 小标宋 title
