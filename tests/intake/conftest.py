"""Workspaces under git and input files written inline, as an office would hand them over."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest
from tests.helpers import run

HEADER = ["决策事项名称", "文号", "决策类别", "审议通过日期", "施行日期", "有效期至", "承办单位"]
ROW = ["鄂尔多斯市中心城区机动车停车收费管理办法", "鄂府发〔2022〕15号", "重大政策", "2022.12.20", "2023/3/1",
       "2027/2/28", "市发展和改革委员会"]


@pytest.fixture
def repo(tmp_path) -> Path:
    """A new ordos-2024 workspace with its git repository (one commit: init)."""
    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府", "--profile", "ordos-2024").exit_code == 0
    return root


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "core.quotePath=false", "-C", str(root), *args], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout


def commits(root: Path) -> list[str]:
    return git(root, "log", "--format=%s").splitlines()


def committed_files(root: Path) -> list[str]:
    """The files of HEAD."""
    return sorted(line for line in git(root, "show", "--name-only", "--format=", "HEAD").splitlines() if line)


def xlsx(path: Path, rows: list[list], merges: tuple[str, ...] = (), title: str = "台账") -> Path:
    """A workbook of one sheet with ``rows`` (row 1 first) and merged ranges like ``A1:G1``."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for merged in merges:
        sheet.merge_cells(merged)
    book.save(path)
    return path


def csv_file(path: Path, rows: list[list], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def decision_files(root: Path) -> dict[str, str]:
    """decision.toml of every decision, by id."""
    return {p.parent.name: p.read_text(encoding="utf-8") for p in sorted((root / "decisions").glob("*/decision.toml"))}
