"""``decisiontrack export …`` as a user meets it, refusals included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
from icalendar import Calendar
from tests.helpers import run, snapshot

SRC = Path(__file__).resolve().parents[2] / "src"


def _ids(path):
    return [row[0] for row in openpyxl.load_workbook(path)["台账"].iter_rows(min_row=2, values_only=True)]


def test_ledger_default_path_leaves_secret_decisions_out(ws):
    """The secret decision 2023-002 is in no ledger unless asked for (--include-secret)."""
    result = run(ws, "export", "ledger", "--as-of", "2024-07-15")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(ws / "out" / "ledger.xlsx")
    assert _ids(ws / "out" / "ledger.xlsx") == ["2022-001", "2023-003", "2024-001"]
    found = [row[0] for row in openpyxl.load_workbook(ws / "out" / "ledger.xlsx")["发现事项"].iter_rows(
        min_row=2, values_only=True)]
    assert "2023-002" not in found
    inside = run(ws, "export", "ledger", "--as-of", "2024-07-15", "--include-secret", "--force")
    assert inside.exit_code == 0, inside.output
    assert _ids(ws / "out" / "ledger.xlsx") == ["2022-001", "2023-002", "2023-003", "2024-001"]


def test_calendar_to_a_chosen_file_leaves_secret_decisions_out(ws, tmp_path):
    out = tmp_path / "duties.ics"
    result = run(ws, "export", "calendar", "-o", out, "--as-of", "2024-07-15")
    assert result.exit_code == 0, result.output
    uids = [str(e["UID"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert len(uids) == 8 and not any(uid.startswith("2023-002/") for uid in uids)
    inside = run(ws, "export", "calendar", "-o", out, "--as-of", "2024-07-15", "--include-secret", "--force")
    assert inside.exit_code == 0, inside.output
    assert len(Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 10


def test_ledger_of_several_workspaces_needs_an_output_and_names_each_organization(ws, tmp_path):
    from tests.helpers import decision_toml, workspace

    other = workspace(tmp_path / "county", {"decisions/2022-001/decision.toml": decision_toml("2022-001")})
    (other / "decisiontrack.toml").write_text('[workspace]\norganization = "某县人民政府"\nprofile = "ordos-2024"\n',
                                             encoding="utf-8")
    refused = run(None, "-w", ws, "-w", other, "export", "ledger", "--as-of", "2024-07-15")
    assert refused.exit_code == 2 and "-o" in refused.stderr
    out = tmp_path / "all.xlsx"
    result = run(None, "-w", ws, "export", "ledger", "-w", other, "-o", out, "--as-of", "2024-07-15")
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(out)["台账"].iter_rows(values_only=True))
    assert rows[0][:2] == ("组织", "编号")
    assert [row[:2] for row in rows[1:]] == [
        ("鄂尔多斯市人民政府", "2022-001"), ("鄂尔多斯市人民政府", "2023-003"), ("鄂尔多斯市人民政府", "2024-001"),
        ("某县人民政府", "2022-001")]


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
