"""The ``render`` command as a user meets it: outputs, names and every refusal (exit 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decisiontrack.render import default_output


def test_writes_default_output_and_prints_its_path(cli, sample):
    result = cli(str(sample))
    assert result.exit_code == 0, result.output
    out = sample.parent / "out" / "report.docx"
    assert result.stdout.strip() == str(out)
    assert out.read_bytes()[:2] == b"PK"


def test_default_output_goes_to_the_workspace_root(cli, tmp_path, sample):
    (tmp_path / "decisiontrack.toml").write_text("", encoding="utf-8")
    folder = tmp_path / "decisions" / "2024-003" / "evaluations" / "post-2024"
    folder.mkdir(parents=True)
    report = folder / "report.md"
    report.write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli(str(report), "--draft")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "2024-003-post-2024-report.docx").is_file()


def test_progress_reports_are_named_by_decision_and_period(tmp_path):
    path = tmp_path / "decisions" / "2024-003" / "progress" / "2024-Q1.md"
    assert (
        default_output(path, "pdf", tmp_path) == tmp_path / "out" / "2024-003-progress-2024-Q1.pdf"
    )


def test_existing_output_needs_force(cli, sample):
    out = sample.parent / "mine.docx"
    out.write_bytes(b"keep me")
    result = cli(str(sample), "-o", str(out))
    assert result.exit_code == 2
    assert "已存在" in result.stderr and "--force" in result.stderr
    assert out.read_bytes() == b"keep me"
    assert cli(str(sample), "-o", str(out), "--force").exit_code == 0
    assert out.read_bytes()[:2] == b"PK"


def test_missing_file(cli, tmp_path):
    result = cli(str(tmp_path / "none.md"))
    assert result.exit_code == 2
    assert "找不到文件" in result.stderr and "none.md" in result.stderr
    assert "Traceback" not in result.output


def test_non_utf8_file(cli, tmp_path):
    path = tmp_path / "gbk.md"
    path.write_bytes("# 报告\n\n正文。\n".encode("gbk"))
    result = cli(str(path))
    assert result.exit_code == 3
    assert f"{path}:1: 不是 UTF-8 编码" in result.stderr


def test_broken_front_matter_names_the_line(cli, tmp_path):
    path = tmp_path / "bad.md"
    path.write_text('+++\ntitle = "报告"\nissuer = 某市\n+++\n正文。\n', encoding="utf-8")
    result = cli(str(path))
    assert result.exit_code == 3
    assert f"{path}:3: 前置信息有误" in result.stderr


def test_unknown_format(cli, sample):
    result = cli(str(sample), "--to", "odt")
    assert result.exit_code == 2
    assert "--to 的值“odt”无效" in result.stderr


def test_bad_classification(cli, sample):
    text = sample.read_text(encoding="utf-8").replace('"internal"', '"confidential"')
    sample.write_text(text, encoding="utf-8")
    result = cli(str(sample))
    assert result.exit_code == 3
    assert f"{sample}:5: 前置信息有误：classification 的值“confidential”无效" in result.stderr


def test_pdf_without_libreoffice_gives_the_install_hint(cli, sample, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    out = sample.parent / "report.pdf"
    result = cli(str(sample), "-o", str(out))  # the .pdf suffix chooses --to pdf
    assert result.exit_code == 2
    assert "未找到 LibreOffice（soffice）" in result.stderr
    assert "apt-get install -y --no-install-recommends libreoffice-writer-nogui" in result.stderr
    assert not out.exists()


def test_help_is_chinese(cli):
    result = cli("--help")
    assert result.exit_code == 0
    assert "GB/T 9704-2012" in result.stdout and "--reference-doc" in result.stdout


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
def test_pdf_through_libreoffice(cli, sample):
    out = sample.parent / "report.pdf"
    result = cli(str(sample), "--to", "pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/MediaBox [0 0 595" in data or b"/MediaBox[0 0 595" in data


def test_render_does_not_import_docx_at_cli_import():
    import subprocess
    import sys

    code = (
        "import sys, types, pathlib, importlib.util\n"
        "spec = importlib.util.find_spec('decisiontrack')\n"
        "pkg = types.ModuleType('decisiontrack.cli')\n"
        "pkg.__path__ = [str(pathlib.Path(spec.origin).parent / 'cli')]\n"
        "sys.modules['decisiontrack.cli'] = pkg\n"
        "import decisiontrack.cli.render, decisiontrack.render\n"
        "print('docx' in sys.modules, 'markdown_it' in sys.modules)\n"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(src)}
    )
    assert result.stdout.split() == ["False", "False"], result.stderr
