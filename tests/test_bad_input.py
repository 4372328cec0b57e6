"""Values in range or refused, pasted text, system errors, a BOM (issue 10, items 4–7).

Each bad input once: its exit code (2 for an option, 3 for a file), its message naming the option
or the ``file:line``, and that nothing was written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers import decision_toml, refused, run, snapshot, workspace

ADD = ["decision", "add", "--title", "公租房管理办法", "--category", "policy", "--adopted-on", "2024-01-08",
       "--effective-from", "2024-02-01", "--undertaking-unit", "市住房和城乡建设局"]
PASTED = "\x1b[31m重要\x1b[0m"
ESC = "含有控制字符 \\x1b（ESC，终端颜色等转义序列的开头），多半是从终端或网页粘贴带入的；请删除它"


@pytest.fixture
def ws(tmp_path) -> Path:
    return workspace(tmp_path / "ws", {"decisions/2024-001/decision.toml": decision_toml(id="2024-001")})


def with_option(args: list[str], option: str, value: str) -> list[str]:
    """``args`` with ``option`` set to ``value`` (replaced if present)."""
    if option in args:
        args = list(args)
        args[args.index(option) + 1] = value
        return args
    return [*args, option, value]


@pytest.mark.parametrize(("args", "option", "value", "message"), [
    (ADD, "--title", PASTED, f"--title：title {ESC}"),
    (ADD, "--undertaking-unit", "市\b住建局", "--undertaking-unit：undertaking_unit 含有控制字符 \\x08（退格）"),
    (ADD, "--summary", "摘要\x00", "--summary：summary 含有控制字符 \\x00（NUL）"),
    (ADD, "--doc-number", "鄂府发\x7f", "--doc-number：doc_number 含有控制字符 \\x7f（DEL）"),
    (["feedback", "add", "2024-001", "--received-on", "2024-03-15", "--channel", "letter", "--stance", "oppose"],
     "--summary", "回车\r覆盖", "--summary：summary 含有控制字符 \\x0d（单独的回车）"),
    (["feedback", "add", "2024-001", "--received-on", "2024-03-15", "--channel", "letter", "--stance", "oppose"],
     "--submitter-name", PASTED, f"--submitter-name：submitter.name {ESC}"),
    (["event", "add", "2024-001", "--kind", "problem", "--on", "2024-04-01"], "--description", PASTED,
     f"--description：description {ESC}"),
    (["plan", "create", "2024-001", "--responsible-unit", "保障科"], "--milestone", f"2024-06-30:{PASTED}",
     f"--milestone：title {ESC}"),
    (["plan", "create", "2024-001", "--responsible-unit", "保障科"], "--person", f"王{PASTED}:科长:139",
     f"--person：people[0].name {ESC}"),
    (["inspection", "add", "2024-001", "--conducted-on", "2024-05-10", "--method", "onsite"], "--rectification",
     f"2024-08-31:{PASTED}", f"--rectification：rectifications[0].item {ESC}"),
    (["evaluation", "start", "2024-001", "--kind", "special", "--addresses", "11.1", "--started-on", "2024-07-01",
      "--evaluator", "市发展和改革委员会"], "--purpose", PASTED, f"--purpose：purpose {ESC}"),
])
def test_a_control_character_in_a_text_option_is_exit_2_naming_the_option(ws, args, option, value, message):
    refused(ws, 2, f"错误：{message}", *with_option(args, option, value))


def test_init_refuses_a_pasted_organisation_and_makes_nothing(tmp_path):
    result = run(None, "init", str(tmp_path / "ws"), "--org", PASTED)
    assert result.exit_code == 2
    assert "错误：--org：“\\x1b[31m重要\\x1b[0m”含有控制字符" in result.stderr
    assert not (tmp_path / "ws").exists()


def test_tab_and_line_breaks_are_text_not_control_characters(ws):
    result = run(ws, *with_option(ADD, "--summary", "第一段\n\t第二段\r\n第三段"))
    assert result.exit_code == 0, result.stderr
    assert run(ws, "validate").exit_code == 0


@pytest.mark.parametrize(("path", "text", "line", "message"), [
    ("decisions/2024-001/decision.toml", decision_toml(id="2024-001").replace("生态环境保护规划", "\\u001b[31m规划"),
     2, f"title {ESC}"),
    ("decisions/2024-001/decision.toml", decision_toml(id="2024-001") + "\"备注\" = \"科长\\b批注\"\n",
     9, "备注 含有控制字符 \\x08（退格）"),
    ("decisions/2024-001/decision.toml", decision_toml(id="2024-001").replace("生态环境保护规划", "\x1b[31m规划"),
     2, ESC),
    ("decisions/2024-001/plan.toml", 'responsible_unit = "保障科"\n[[milestones]]\nid = "m1"\ntitle = "调\\u0000查"\n'
     "due = 2024-06-30\n", 4, "milestones[0].title 含有控制字符 \\x00（NUL）"),
    ("decisions/2024-001/progress/2024-H1.md", "+++\nperiod = \"2024-H1\"\nsubmitted_on = 2024-07-10\n+++\n"
     "## 一、工作进展\n\n完成\x1b[1m调查\n", 7, f"第 3 列有{ESC.removeprefix('含有')}"),
    ("decisions/2024-001/evaluations/e1/report.md", "+++\ntitle = \"报告\"\n+++\n\n正文\b\n", 5,
     "第 3 列有控制字符 \\x08（退格）"),
])
def test_a_control_character_in_a_workspace_file_is_exit_3_at_its_line(ws, path, text, line, message):
    (ws / path).parent.mkdir(parents=True, exist_ok=True)
    (ws / path).write_text(text, encoding="utf-8")
    if "evaluations/e1" in path:
        (ws / "decisions/2024-001/evaluations/e1/evaluation.toml").write_text(
            'id = "e1"\nkind = "special"\nstarted_on = 2024-07-01\n', encoding="utf-8")
    result = run(ws, "validate")
    assert result.exit_code == 3
    assert f"{path}:{line}: {message}" in result.stdout


def test_check_reports_a_pasted_title_as_a_data_error_and_still_checks_the_rest(ws):
    (ws / "decisions/2024-002").mkdir()
    (ws / "decisions/2024-002/decision.toml").write_text(
        decision_toml(id="2024-002").replace("生态环境保护规划", "\\u001b规划"), encoding="utf-8")
    result = run(ws, "check", "--as-of", "2024-06-30", "--format", "json")
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    assert [(e["path"], e["line"]) for e in report["errors"]] == [("decisions/2024-002/decision.toml", 2)]
    assert report["errors"][0]["message"].startswith(f"title {ESC}")
    assert {f["decision"] for f in report["findings"]} == {"2024-001"}


@pytest.mark.parametrize(("option", "key"), [("--title", "title"), ("--undertaking-unit", "undertaking_unit")])
def test_a_blank_required_text_is_exit_2(ws, option, key):
    refused(ws, 2, f"错误：{option}：{key} 不能为空，也不能只有空格", *with_option(ADD, option, " \u3000 "))


def test_a_blank_responsible_unit_is_exit_2(ws):
    refused(ws, 2, "错误：--responsible-unit：responsible_unit 不能为空，也不能只有空格",
            "plan", "create", "2024-001", "--responsible-unit", "  ")


def test_an_empty_id_is_refused_not_replaced_by_the_default(ws):
    refused(ws, 2, "错误：--id：编号“”无效", *ADD, "--id", "")


def test_a_blank_title_in_a_file_is_exit_3_at_its_line(ws):
    path = ws / "decisions/2024-001/decision.toml"
    path.write_text(decision_toml(id="2024-001").replace("鄂尔多斯市“十四五”生态环境保护规划", "   "), encoding="utf-8")
    result = run(ws, "validate")
    assert result.exit_code == 3
    assert "decisions/2024-001/decision.toml:2: title 不能为空，也不能只有空格" in result.stdout


@pytest.mark.parametrize("value", ["20240101", "2024-1-8", "2024/01/08", "2024-W02-1", "2024-008", "24-01-08",
                                   "2024-02-30"])
def test_dates_on_the_command_line_are_strictly_yyyy_mm_dd(ws, value):
    refused(ws, 2, f"错误：选项 --adopted-on 的日期“{value}”无效：请写成真实的日期，格式为 YYYY-MM-DD，如 2024-01-08",
            *with_option(ADD, "--adopted-on", value))


def test_a_date_typed_full_width_is_read(ws):
    result = run(ws, *with_option(ADD, "--adopted-on", "２０２４－０１－０８"))
    assert result.exit_code == 0, result.stderr
    assert "adopted_on = 2024-01-08\n" in (ws / "decisions/2024-002/decision.toml").read_text(encoding="utf-8")


def test_a_milestone_date_is_strict_too_and_takes_a_full_width_colon(ws):
    refused(ws, 2, "错误：--milestone “20240630:调查” 无效：应写成 日期:事项", "plan", "create", "2024-001",
            "--responsible-unit", "保障科", "--milestone", "20240630:调查")
    result = run(ws, "plan", "create", "2024-001", "--responsible-unit", "保障科", "--milestone", "2024-06-30：调查：入户")
    assert result.exit_code == 0
    assert 'title = "调查：入户"' in (ws / "decisions/2024-001/plan.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("value", "message"), [
    ("0", "progress_report_every_months 的值 0 太小，应不小于 1"),
    ("121", "progress_report_every_months 的值 121 太大，应不大于 120"),
    ("99999999999999999999", "progress_report_every_months 的值 99999999999999999999 太大，应不大于 120"),
])
def test_numbers_on_the_command_line_are_range_checked_naming_the_option(ws, value, message):
    refused(ws, 2, f"错误：--progress-report-every-months：{message}", "plan", "create", "2024-001",
            "--responsible-unit", "保障科", "--progress-report-every-months", value)


BOM = "\ufeff"


def test_a_utf8_bom_is_accepted_in_every_file(tmp_path):
    """Windows Notepad saves "UTF-8" with a byte-order mark: every file reads, and edits keep working."""
    files = {
        "decisiontrack.toml": '[workspace]\norganization = "鄂尔多斯市人民政府"\nprofile = "ordos-2024"\n',
        "decisions/2024-001/decision.toml": decision_toml(id="2024-001"),
        "decisions/2024-001/plan.toml":
            'responsible_unit = "保障科"\ncreated_on = 2024-02-01\n[[milestones]]\nid = "m1"\ndue = 2024-06-30\n',
        "decisions/2024-001/feedback/20240315-letter-0a1b.toml":
            'received_on = 2024-03-15\nchannel = "letter"\nstance = "oppose"\n',
        "decisions/2024-001/events/20240401-problem-0a1b.toml": 'kind = "problem"\noccurred_on = 2024-04-01\n',
        "decisions/2024-001/inspections/20240510-onsite-0a1b.toml":
            'conducted_on = 2024-05-10\nmethod = "onsite"\n[[rectifications]]\nid = "r1"\ndue = 2024-08-31\n',
        "decisions/2024-001/progress/2024-H1.md": '+++\nperiod = "2024-H1"\nsubmitted_on = 2024-07-10\n+++\n正文\n',
        "decisions/2024-001/evaluations/e1/evaluation.toml": 'id = "e1"\nkind = "special"\nstarted_on = 2024-07-01\n',
    }
    root = tmp_path / "ws"
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes((BOM + text).encode("utf-8"))
    result = run(root, "validate")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "校验通过：1 项决策，0 个警告。\n"
    assert run(root, "check", "--as-of", "2024-12-31", "--fail-on", "never").exit_code == 0
    assert run(root, "status", "--as-of", "2024-12-31").exit_code == 0
    assert run(root, "plan", "done", "2024-001", "m1", "--on", "2024-06-20").exit_code == 0
    assert "done_on = 2024-06-20" in (root / "decisions/2024-001/plan.toml").read_text(encoding="utf-8")


def test_a_bom_file_with_a_real_error_still_names_its_line(tmp_path):
    root = workspace(tmp_path / "ws")
    path = root / "decisions/2024-001/decision.toml"
    path.parent.mkdir(parents=True)
    path.write_bytes((BOM + decision_toml(id="2024-001").replace('category = "plan"', 'category = "plans"'))
                     .encode("utf-8"))
    result = run(root, "validate")
    assert result.exit_code == 3
    assert "decisions/2024-001/decision.toml:4: category 的值“plans”无效" in result.stdout


# System errors: every command that writes names the path and the system's reason in one line.

@pytest.mark.parametrize(("args", "message"), [
    (["export", "ledger", "-o", "/proc/x.xlsx"], "错误：无法写入 /proc/x.xlsx：该位置不存在或不能在其中创建文件"),
    (["export", "ledger", "-o", "{file}/x.xlsx"], "错误：无法写入 {file}/x.xlsx：{file} 是文件而不是目录"),
    (["export", "ledger", "-o", "{ws}/decisions"], "错误：{ws}/decisions 是目录，请给出文件名"),
    (["export", "calendar", "-o", "/proc/x.ics"], "错误：无法写入 /proc/x.ics：该位置不存在或不能在其中创建文件"),
    (["export", "calendar", "-o", "{file}/x.ics"], "错误：无法写入 {file}/x.ics：{file} 是文件而不是目录"),
    (["export", "public", "/proc/public"], "错误：无法创建目录 /proc/public：该位置不存在或不能在其中创建文件"),
    (["export", "public", "{file}/public"], "错误：无法创建目录 {file}/public：路径中有一段是文件而不是目录"),
    (["export", "public", "{file}"], "错误：{file} 不是目录"),
])
def test_an_impossible_output_path_is_exit_2_naming_it(ws, args, message):
    fill = {"file": str(ws / "decisiontrack.toml"), "ws": str(ws)}
    as_of = [] if args[1] == "public" else ["--as-of", "2024-06-30"]
    refused(ws, 2, message.format(**fill), *[arg.format(**fill) for arg in args], *as_of)


def test_render_to_an_impossible_path_is_exit_2(ws, tmp_path):
    report = tmp_path / "报告.md"
    report.write_text("+++\ntitle = \"报告\"\n+++\n\n正文。\n", encoding="utf-8")
    result = run(None, "render", str(report), "-o", "/proc/x.docx", "--draft")
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：无法写入 /proc/x.docx：")


@pytest.mark.parametrize(("where", "message"), [
    ("/proc/ws", "错误：无法创建目录 /proc/ws：该位置不存在或不能在其中创建文件"),
    ("{file}/ws", "错误：无法创建目录 {file}/ws：路径中有一段是文件而不是目录"),
])
def test_init_in_an_impossible_place_is_exit_2(tmp_path, where, message):
    blocker = tmp_path / "一个文件"
    blocker.write_text("")
    result = run(None, "init", where.format(file=blocker), "--org", "鄂尔多斯市人民政府")
    assert result.exit_code == 2
    assert result.stderr == message.format(file=blocker) + "\n"


def test_a_full_disk_while_writing_a_report_scaffold_leaves_nothing(ws, monkeypatch):
    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("decisiontrack.store.atomic.os.fsync", full)
    refused(ws, 2, "磁盘空间已满", "progress", "new", "2024-001", "--period", "2024-H1", "--submitted-on", "2024-07-10")
    assert not (ws / "decisions/2024-001/progress").exists()


def test_a_full_disk_during_init_leaves_no_half_made_workspace(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("decisiontrack.store.atomic.os.fsync", full)
    result = run(None, "init", str(tmp_path / "新工作区"), "--org", "鄂尔多斯市人民政府")
    assert result.exit_code == 2
    assert "磁盘空间已满" in result.stderr
    assert not (tmp_path / "新工作区").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_exit_2(ws, tmp_path):
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    before = snapshot(ws)
    result = run(ws, "export", "ledger", "-o", str(folder / "台账.xlsx"), "--as-of", "2024-06-30")
    assert result.exit_code == 2
    assert result.stderr == f"错误：无法写入 {folder / '台账.xlsx'}：没有写入权限\n"
    assert snapshot(ws) == before
