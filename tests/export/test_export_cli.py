"""``decisiontrack export …`` as a user meets it, refusals included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
from icalendar import Calendar
from tests.helpers import run, snapshot

SRC = Path(__file__).resolve().parents[2] / "src"


def test_ledger_default_path(ws):
    result = run(ws, "export", "ledger", "--as-of", "2024-07-15")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(ws / "out" / "ledger.xlsx")
    assert openpyxl.load_workbook(ws / "out" / "ledger.xlsx")["台账"].max_row == 5


def test_calendar_to_a_chosen_file(ws, tmp_path):
    out = tmp_path / "duties.ics"
    result = run(ws, "export", "calendar", "-o", out, "--as-of", "2024-07-15")
    assert result.exit_code == 0, result.output
    assert len(Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 10


def test_public(ws, tmp_path):
    result = run(ws, "export", "public", tmp_path / "pub")
    assert result.exit_code == 0, result.output
    assert "公开报告 2 份；未列入 2 项，见 withheld.md" in result.stdout
    assert (tmp_path / "pub" / "index.md").is_file()


def test_existing_output_needs_force(ws, tmp_path):
    for command, name in (("ledger", "l.xlsx"), ("calendar", "c.ics")):
        out = tmp_path / name
        out.write_bytes(b"keep me")
        result = run(ws, "export", command, "-o", out)
        assert result.exit_code == 2
        assert "已存在" in result.stderr and "--force" in result.stderr
        assert out.read_bytes() == b"keep me"
        assert run(ws, "export", command, "-o", out, "--force").exit_code == 0
        assert out.read_bytes() != b"keep me"


def test_non_empty_public_dir_needs_force(ws, tmp_path):
    directory = tmp_path / "pub"
    directory.mkdir()
    (directory / "note.txt").write_text("keep", encoding="utf-8")
    before = snapshot(directory)
    result = run(ws, "export", "public", directory)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert snapshot(directory) == before
    assert run(ws, "export", "public", directory, "--force").exit_code == 0
    assert (directory / "note.txt").read_text(encoding="utf-8") == "keep"


def test_impossible_as_of(ws):
    result = run(ws, "export", "ledger", "--as-of", "2024-02-30")
    assert result.exit_code == 2
    assert "--as-of" in result.stderr and "2024-02-30" in result.stderr
    assert not (ws / "out").exists()


def test_not_a_workspace(tmp_path):
    for args in (("ledger",), ("calendar",), ("public", str(tmp_path / "p"))):
        result = run(tmp_path, "export", *args)
        assert result.exit_code == 2
        assert "不是工作区" in result.stderr and "Traceback" not in result.output


def test_broken_file_exports_and_exits_3(ws):
    (ws / "decisions/2024-001/decision.toml").write_text("id = \n", encoding="utf-8")
    result = run(ws, "export", "ledger", "--as-of", "2024-07-15")
    assert result.exit_code == 3
    assert "decisions/2024-001/decision.toml" in result.stderr
    assert (ws / "out" / "ledger.xlsx").is_file()
    assert run(ws, "export", "public", ws / "pub").exit_code == 3
    assert not (ws / "pub").exists()


def test_help_texts_are_chinese():
    for command in ("ledger", "calendar", "public"):
        result = run(None, "export", command, "--help")
        assert result.exit_code == 0
        assert "导出" in result.stdout


def test_check_never_loads_the_export_libraries(ws):
    code = (
        "import sys\n"
        "from decisiontrack.cli import main\n"
        "try:\n"
        f"    main(['-w', {str(ws)!r}, 'check', '--as-of', '2024-07-15', '--fail-on', 'never'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "names = ('decisiontrack.export', 'openpyxl', 'icalendar', 'docx')\n"
        "print([m for m in names if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip().splitlines()[-1] == "[]"
