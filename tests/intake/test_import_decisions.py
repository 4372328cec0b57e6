"""``import decisions``: an office's 决策事项台账 comes in whole, once, in one commit — or not at all."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from tests.helpers import run, snapshot
from tests.intake.conftest import HEADER, ROW, commits, committed_files, csv_file, decision_files, git, xlsx
from tests.intake.make_inputs import LEDGER, ledger_xlsx

from decisiontrack.errors import UserError
from decisiontrack.intake.ledger import COLUMNS
from decisiontrack.ops.imports import plan_decisions

PARKING = """\
id = "2022-001"
title = "鄂尔多斯市中心城区机动车停车收费管理办法"
doc_number = "鄂府发〔2022〕15号"
category = "policy"
adopted_on = 2022-12-20
effective_from = 2023-03-01
effective_until = 2027-02-28
undertaking_unit = "市发展和改革委员会"
broad_impact = false
public_concern = false
continue_intended = false
classification = "public"
status = "in-force"
summary = ""
"""


def test_one_row_becomes_decision_toml_with_the_default_id(repo, tmp_path):
    ledger = xlsx(tmp_path / "台账.xlsx", [HEADER, ROW])
    result = run(repo, "import", "decisions", ledger)
    assert result.exit_code == 0, result.stderr
    assert decision_files(repo) == {"2022-001": PARKING}
    assert "已从 台账.xlsx 导入：新增 1 项，已存在且无变化 0 项。" in result.stdout


def test_the_sample_ledger_title_row_merged_cells_and_every_date_spelling(repo, tmp_path):
    """The README's sample: title row, 填报单位 line, blank row, merged 承办单位, a merged note."""
    result = run(repo, "import", "decisions", ledger_xlsx(tmp_path / LEDGER))
    assert result.exit_code == 0, result.stderr
    decisions = decision_files(repo)
    assert sorted(decisions) == ["2021-001", "2021-002", "2022-001", "2023-001", "2023-002"]
    heating = decisions["2023-001"]  # its 承办单位 cell is merged with the row above
    assert 'undertaking_unit = "市发展和改革委员会"' in heating
    assert "adopted_on = 2023-06-15\neffective_from = 2023-10-15\n" in heating  # date cell and 2023/10/15
    assert "effective_until" not in heating  # empty 有效期至: open-ended
    assert "broad_impact = true\npublic_concern = true\n" in heating  # both named in 备注
    assert 'classification = "internal"' in heating
    plan = decisions["2021-001"]
    assert "adopted_on = 2021-12-01\neffective_from = 2022-01-01\neffective_until = 2025-12-31\n" in plan
    assert 'category = "plan"' in plan
    assert 'category = "normative"' in decisions["2021-002"]
    assert "adopted_on = 2021-07-01" in decisions["2021-002"]  # 2021年7月1日
    assert 'summary = "备注：分三批实施"' in decisions["2023-002"]  # a 备注 is kept, not lost
    assert "跳过了整行合并的说明行（第 10 行）" in result.stderr


BASE = {"title": ("名称", "某决策"), "category": ("类别", "重大改革"), "adopted_on": ("通过日期", "2022.1.5"),
        "effective_from": ("施行日期", "2022/2/1"), "undertaking_unit": ("承办单位", "市司法局")}
SAMPLES = {
    "id": ("2022-009", "id", "2022-009"), "title": ("某决策", "title", "某决策"),
    "doc_number": ("鄂府发〔2022〕1号", "doc_number", "鄂府发〔2022〕1号"), "category": ("重大改革", "category", "reform"),
    "adopted_on": ("2022.1.5", "adopted_on", date(2022, 1, 5)),
    "effective_from": ("2022/2/1", "effective_from", date(2022, 2, 1)),
    "effective_until": ("2024年1月31日", "effective_until", date(2024, 1, 31)),
    "undertaking_unit": ("市司法局", "undertaking_unit", "市司法局"),
    "classification": ("内部", "classification", "internal"), "status": ("已到期", "status", "expired"),
    "summary": ("摘要文字", "summary", "摘要文字"), "public_concern": ("是", "public_concern", True),
    "broad_impact": ("√", "broad_impact", True), "remarks": ("群众普遍关注", "public_concern", True),
}
"""For each field: what its cell holds, the attribute it sets, and the value read."""


@pytest.mark.parametrize(("header", "key"), [(name, c.key) for c in COLUMNS for name in c.names])
def test_every_column_alias(header, key, tmp_path):
    """Each usual Chinese column name is recognised (issue 13, point 1)."""
    cell, attribute, expected = SAMPLES[key]
    base = {k: v for k, v in BASE.items() if k != key}
    rows = [[name for name, _ in base.values()] + [header], [value for _, value in base.values()] + [cell]]
    root = tmp_path / "empty"
    root.mkdir()
    decision = plan_decisions(root, xlsx(tmp_path / "a.xlsx", rows)).rows[0].decision
    assert getattr(decision, attribute) == expected


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_in_gbk_and_utf8_with_or_without_bom(repo, tmp_path, encoding):
    ledger = csv_file(tmp_path / "台账.csv", [["某市重大行政决策台账"], [], HEADER, ROW], encoding)
    result = run(repo, "import", "decisions", ledger)
    assert result.exit_code == 0, result.stderr
    assert decision_files(repo) == {"2022-001": PARKING}


def sheet_xml(workbook: Path) -> bytes:
    with zipfile.ZipFile(workbook) as book:
        return book.read("xl/worksheets/sheet1.xml")


def with_sheet_xml(workbook: Path, target: Path, xml: bytes) -> Path:
    """A copy of ``workbook`` whose first sheet's XML is ``xml`` (as a faulty writer would leave it)."""
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            copy.writestr(item, xml if item.filename == "xl/worksheets/sheet1.xml" else source.read(item))
    return target


def test_a_workbook_that_states_too_small_a_size_loses_no_row(repo, tmp_path):
    """Some writers state a sheet's size wrongly (``<dimension ref="A1"/>``); openpyxl's fast reading
    mode trusts it, so the import must not: every row comes in, and a merged 承办单位 fills down."""
    second = ["鄂尔多斯市中心城区停车场建设三年行动计划", "", "重大项目", "2023.1.5", "2023/2/1", "",
              None]
    built = xlsx(tmp_path / "原表.xlsx", [HEADER, ROW, second], merges=("G2:G3",))
    assert b'<dimension ref="A1:G3"' in sheet_xml(built)
    ledger = with_sheet_xml(built, tmp_path / "台账.xlsx",
                            sheet_xml(built).replace(b'<dimension ref="A1:G3"', b'<dimension ref="A1"'))
    result = run(repo, "import", "decisions", ledger)
    assert result.exit_code == 0, result.stderr
    assert "新增 2 项" in result.stdout
    assert 'undertaking_unit = "市发展和改革委员会"' in (repo / "decisions/2023-001/decision.toml").read_text("utf-8")


def test_a_bad_cell_refuses_the_whole_file_naming_sheet_cell_and_header(repo, tmp_path):
    """An impossible date and an unknown category: exit 3, every problem listed, nothing written."""
    rows = [["鄂尔多斯市重大行政决策事项台账"], HEADER, ROW,
            ["第二项决策", "", "重大事项", "2023.2.30", "2023/3/1", "", "市司法局"],
            ["第三项决策", "", "重大政策", "2023.1.1", "2023/3/1", "2022.1.1", "市司法局"],
            ["第四项决策", "", "重大政策", "2023.1.1", "2023/3/1", "", " "]]
    ledger = xlsx(tmp_path / "台账.xlsx", rows, merges=("A1:G1",))
    before = snapshot(repo)
    result = run(repo, "import", "decisions", ledger)
    assert result.exit_code == 3
    assert result.stderr.splitlines()[1:5] == [
        "  工作表“台账” C4（决策类别）：决策类别“重大事项”无法识别；"
        "可写：重大规划、重大政策、重大改革、重大项目、规范性文件、其他",
        "  工作表“台账” D4（审议通过日期）：日期“2023.2.30”不存在（没有这一天）；请改为真实的日期",
        "  工作表“台账” G6（承办单位）：不能为空：请填写承办单位",
        "  工作表“台账” 第 5 行：截止日期 effective_until（2022-01-01）早于施行日期 effective_from（2023-03-01），请检查日期",
    ]
    assert result.stderr.startswith("错误：台账.xlsx 有 4 处错误，未导入任何内容：")
    assert snapshot(repo) == before
    assert commits(repo) == ["新建工作区"]


def test_reimport_adds_nothing_and_commits_nothing(repo, tmp_path):
    ledger = ledger_xlsx(tmp_path / LEDGER)
    assert run(repo, "import", "decisions", ledger).exit_code == 0
    before = snapshot(repo)
    result = run(repo, "import", "decisions", ledger)
    assert result.exit_code == 0
    assert "新增 0 项，已存在且无变化 5 项。" in result.stdout
    assert snapshot(repo) == before
    assert len(commits(repo)) == 2


def test_a_monthly_ledger_adds_only_the_new_rows(repo, tmp_path):
    first = xlsx(tmp_path / "一月.xlsx", [HEADER, ROW])
    assert run(repo, "import", "decisions", first).exit_code == 0
    new = ["鄂尔多斯市城区供热价格调整方案", "鄂府发〔2023〕6号", "重大政策", "2023.6.15", "2023.10.15", "", "市发展和改革委员会"]
    changed = [*ROW[:6], "市住房和城乡建设局"]
    result = run(repo, "import", "decisions", xlsx(tmp_path / "二月.xlsx", [HEADER, changed, new]))
    assert result.exit_code == 0
    assert "新增 1 项，已存在且无变化 0 项，已存在但内容不同 1 项（加 --update 按文件更新）。" in result.stdout
    assert decision_files(repo)["2022-001"] == PARKING  # not updated without --update
    assert sorted(decision_files(repo)) == ["2022-001", "2023-001"]


def test_one_commit_for_the_whole_import(repo, tmp_path):
    result = run(repo, "import", "decisions", ledger_xlsx(tmp_path / LEDGER))
    assert result.exit_code == 0
    assert commits(repo)[0] == "导入决策：决策事项台账.xlsx，新增 5 项"
    assert committed_files(repo) == [f"decisions/{i}/decision.toml"
                                     for i in ("2021-001", "2021-002", "2022-001", "2023-001", "2023-002")]
    assert git(repo, "status", "--porcelain") == ""


def test_ids_continue_after_the_workspace_s_own(repo, tmp_path):
    assert run(repo, "decision", "add", "--title", "已有决策", "--category", "plan", "--adopted-on", "2022-03-01",
               "--effective-from", "2022-04-01", "--undertaking-unit", "市司法局").exit_code == 0
    assert run(repo, "import", "decisions", xlsx(tmp_path / "a.xlsx", [HEADER, ROW])).exit_code == 0
    assert sorted(decision_files(repo)) == ["2022-001", "2022-002"]
    assert 'id = "2022-002"\ntitle = "鄂尔多斯市中心城区机动车停车收费管理办法"' in decision_files(repo)["2022-002"]


def test_dry_run_prints_the_table_and_writes_nothing(repo, tmp_path):
    before = snapshot(repo)
    result = run(repo, "import", "decisions", ledger_xlsx(tmp_path / LEDGER), "--dry-run")
    assert result.exit_code == 0
    assert "（试运行，未写入）新增 5 项，已存在且无变化 0 项。" in result.stdout
    line = next(line for line in result.stdout.splitlines() if "城区供热价格调整方案" in line)
    assert line.split() == ["7", "2023-001", "鄂尔多斯市城区供热价格调整方案", "重大政策", "2023-06-15", "2023-10-15",
                            "长期", "市发展和改革委员会", "内部", "新增"]
    assert snapshot(repo) == before


def test_map_names_a_column_the_tool_does_not_know(repo, tmp_path):
    rows = [[*HEADER[:3], "批准日期", *HEADER[4:], "经办人"], ROW]
    ledger = xlsx(tmp_path / "a.xlsx", rows)
    refused = run(repo, "import", "decisions", ledger)
    assert refused.exit_code == 3
    assert "缺少必需的列：通过日期（审议通过日期/决策日期/作出决策日期）" in refused.stderr
    result = run(repo, "import", "decisions", ledger, "--map", "批准日期=通过日期")
    assert result.exit_code == 0, result.stderr
    assert decision_files(repo) == {"2022-001": PARKING}
    assert "提示：未导入的列：经办人" in result.stderr


def test_map_refuses_an_unknown_field(repo, tmp_path):
    result = run(repo, "import", "decisions", xlsx(tmp_path / "a.xlsx", [HEADER, ROW]), "--map", "文号=字号")
    assert result.exit_code == 2
    assert "--map “文号=字号”：没有字段“字号”" in result.stderr


def test_two_columns_for_one_field_are_ambiguous(repo, tmp_path):
    rows = [[*HEADER, "决策日期"], [*ROW, "2022.12.21"]]
    result = run(repo, "import", "decisions", xlsx(tmp_path / "a.xlsx", rows))
    assert result.exit_code == 3
    assert "D1（审议通过日期）、H1（决策日期） 对应同一字段" in result.stderr
    assert run(repo, "import", "decisions", tmp_path / "a.xlsx", "--map", "决策日期=忽略").exit_code == 0


def test_a_sheet_is_chosen_by_name_or_by_its_header(repo, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本表由司法局填报"])
    sheet = book.create_sheet("2024年")
    sheet.append(HEADER)
    sheet.append(ROW)
    book.save(tmp_path / "a.xlsx")
    assert run(repo, "import", "decisions", tmp_path / "a.xlsx", "--dry-run").exit_code == 0
    missing = run(repo, "import", "decisions", tmp_path / "a.xlsx", "--sheet", "2025年")
    assert missing.exit_code == 2
    assert "--sheet：文件中没有工作表“2025年”；已有：“说明”、“2024年”" in missing.stderr
    wrong = run(repo, "import", "decisions", tmp_path / "a.xlsx", "--sheet", "说明")
    assert wrong.exit_code == 3
    assert "工作表“说明”的前 30 行中找不到表头行" in wrong.stderr


def test_duplicate_rows_in_one_file_are_refused(repo, tmp_path):
    result = run(repo, "import", "decisions", xlsx(tmp_path / "a.xlsx", [HEADER, ROW, ROW]))
    assert result.exit_code == 3
    assert ("工作表“台账” 第 3 行：名称“鄂尔多斯市中心城区机动车停车收费管理办法”和文号“鄂府发〔2022〕15号”"
            "与第 2 行相同") in result.stderr


@pytest.mark.parametrize(("name", "content", "code", "message"), [
    ("missing.xlsx", None, 2, "不存在"),
    ("old.xls", b"\xd0\xcf\x11\xe0", 2, "是旧版 Excel 文件（.xls）；请在 Excel 或 WPS 中另存为 .xlsx"),
    ("ledger.txt", b"x", 2, "只支持 .xlsx 和 .csv 文件"),
    ("broken.xlsx", b"not a zip", 3, "不是有效的 Excel 文件"),
    ("latin.csv", "名称".encode("utf-16-le")[:3] + b"\xff\xfe\xfd\x81", 3, "无法识别文件的编码"),
])
def test_files_that_cannot_be_read(repo, tmp_path, name, content, code, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run(repo, "import", "decisions", path)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_workbook_whose_sheet_is_broken_is_refused_in_chinese(repo, tmp_path):
    """The sheet's XML is read after the workbook opens: a cut-off sheet is refused as a broken file."""
    built = xlsx(tmp_path / "原表.xlsx", [HEADER, ROW])
    ledger = with_sheet_xml(built, tmp_path / "台账.xlsx", sheet_xml(built)[:-40])
    before = snapshot(repo)
    result = run(repo, "import", "decisions", ledger)
    assert result.exit_code == 3
    assert result.stderr.startswith("错误：台账.xlsx 不是有效的 Excel 文件（")
    assert "请用 Excel 或 WPS 打开后另存为 .xlsx 再导入" in result.stderr
    assert snapshot(repo) == before


def test_a_secret_row_keeps_its_classification_but_not_its_text(repo, tmp_path):
    """Secret decisions keep no secret text (reliability issue; 鄂尔多斯第二十一条 保密义务): the
    placeholder title, no 文号; the id column finds the row again, so a re-import adds nothing."""
    rows = [["编号", *HEADER, "密级"], ["2022-007", *ROW, "涉密"]]
    ledger = xlsx(tmp_path / "a.xlsx", rows)
    result = run(repo, "import", "decisions", ledger)
    assert result.exit_code == 0, result.stderr
    text = decision_files(repo)["2022-007"]
    assert 'title = "涉密事项 2022-007"' in text and 'classification = "secret"' in text
    assert "doc_number" not in text
    real_title = ROW[0]
    log = git(repo, "log", "-p", "--format=%B")
    assert real_title not in text + result.stdout + result.stderr + log
    assert "1 项涉密决策只保存占位名称" in result.stderr
    again = run(repo, "import", "decisions", ledger)
    assert again.exit_code == 0 and "新增 0 项" in again.stdout


def test_a_secret_row_without_an_id_is_refused_and_nothing_is_written(repo, tmp_path):
    before = snapshot(repo)
    result = run(repo, "import", "decisions", xlsx(tmp_path / "a.xlsx", [[*HEADER, "密级"], [*ROW, "涉密"]]))
    assert result.exit_code == 3
    assert "涉密事项须在编号列写明编号" in result.stderr
    assert snapshot(repo) == before


def _export(root: Path, out: Path) -> Path:
    result = run(root, "export", "ledger", "-o", out)
    assert result.exit_code == 0, result.stderr
    return out


EXPORTED = ("id", "title", "doc_number", "category", "classification", "status", "undertaking_unit", "adopted_on",
            "effective_from", "effective_until")
"""The fields ``export ledger`` writes (the flags and the summary are not in it)."""


def _exported_fields(root: Path) -> dict[str, dict]:
    import tomllib

    return {k: {f: tomllib.loads(v).get(f) for f in EXPORTED} for k, v in decision_files(root).items()}


def test_the_exported_ledger_imports_back_unchanged(repo, tmp_path):
    """Round trip: re-importing ``export ledger`` changes nothing (even with --update); into a new
    workspace it rebuilds every exported field."""
    assert run(repo, "import", "decisions", ledger_xlsx(tmp_path / LEDGER)).exit_code == 0
    exported = _export(repo, tmp_path / "out.xlsx")
    before = snapshot(repo)
    again = run(repo, "import", "decisions", exported, "--update")
    assert again.exit_code == 0, again.stderr
    assert "新增 0 项，更新 0 项，已存在且无变化 5 项。" in again.stdout
    assert snapshot(repo) == before
    fresh = tmp_path / "fresh"
    assert run(None, "init", fresh, "--org", "鄂尔多斯市人民政府", "--profile", "ordos-2024").exit_code == 0
    result = run(fresh, "import", "decisions", exported)
    assert result.exit_code == 0, result.stderr
    assert "未导入的列" not in result.stderr
    assert _exported_fields(fresh) == _exported_fields(repo)


def test_update_changes_the_differing_fields_through_decision_set(repo, tmp_path):
    """--update writes through decision set's core: comments and unknown keys stay, one commit."""
    assert run(repo, "import", "decisions", xlsx(tmp_path / "一月.xlsx", [HEADER, ROW])).exit_code == 0
    path = repo / "decisions" / "2022-001" / "decision.toml"
    path.write_text("# 法制科批注：按月核对\n" + path.read_text(encoding="utf-8") + 'reviewer = "王某"\n', encoding="utf-8")
    git(repo, "commit", "-qam", "批注")
    changed = [*ROW[:5], "2027年12月31日", "市住房和城乡建设局"]
    ledger = xlsx(tmp_path / "二月.xlsx", [HEADER, changed])
    dry = run(repo, "import", "decisions", ledger, "--update", "--dry-run")
    assert "更新：有效期至、承办单位" in dry.stdout
    result = run(repo, "import", "decisions", ledger, "--update")
    assert result.exit_code == 0, result.stderr
    assert "新增 0 项，更新 1 项，已存在且无变化 0 项。" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 法制科批注：按月核对\n") and 'reviewer = "王某"' in text
    assert "effective_until = 2027-12-31" in text and 'undertaking_unit = "市住房和城乡建设局"' in text
    assert commits(repo)[0] == "导入决策：二月.xlsx，新增 0 项，更新 1 项"
    assert committed_files(repo) == ["decisions/2022-001/decision.toml"]


def test_update_leaves_a_different_status_to_decision_status(repo, tmp_path):
    assert run(repo, "import", "decisions", xlsx(tmp_path / "一月.xlsx", [HEADER, ROW])).exit_code == 0
    before = snapshot(repo)
    ledger = xlsx(tmp_path / "二月.xlsx", [[*HEADER, "状态"], [*ROW, "已到期"]])
    result = run(repo, "import", "decisions", ledger, "--update")
    assert result.exit_code == 0, result.stderr
    assert "已存在但内容不同 1 项" in result.stdout
    assert "第 2 行（2022-001）的状态“已到期”与记录“执行中”不同，未更新；状态请用 decision status 变更" in result.stderr
    assert snapshot(repo) == before


def test_an_id_column_of_sequence_numbers_is_a_sequence(repo, tmp_path):
    """Offices often head their 序号 column 编号: 1, 2, 3 are not decision ids."""
    rows = [["编号", *HEADER], [1, *ROW], [2, "第二项决策", "", "重大项目", "2022.3.1", "2022.4.1", "", "市司法局"]]
    result = run(repo, "import", "decisions", xlsx(tmp_path / "a.xlsx", rows))
    assert result.exit_code == 0, result.stderr
    assert sorted(decision_files(repo)) == ["2022-001", "2022-002"]
    assert "提示：“编号”列只有序号（1、2……），按序号处理：编号按“通过年份-序号”生成" in result.stderr


def test_a_failure_while_writing_leaves_nothing(repo, tmp_path, monkeypatch):
    """All or nothing holds on the disk too: a rename failing half-way removes what the batch wrote."""
    import os

    from decisiontrack.ops.imports import import_decisions

    real_replace, calls = os.replace, []

    def failing(source, target):
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing)
    before = snapshot(repo)
    with pytest.raises(UserError, match="：磁盘空间已满"):  # one Chinese line naming the path (exit 2)
        import_decisions(repo, ledger_xlsx(tmp_path / LEDGER))
    monkeypatch.setattr(os, "replace", real_replace)
    assert snapshot(repo) == before
    assert [p.name for p in (repo / "decisions").iterdir()] == [".gitkeep"]  # no file, no folder left
    assert commits(repo) == ["新建工作区"]


KILLED_AT_THE_SYNC = """
import os, sys
from pathlib import Path
from decisiontrack.ops.imports import import_decisions
os.sync = lambda: os._exit(137)  # killed (power cut, kill -9) after writing, before any rename
import_decisions(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_an_import_killed_before_its_renames_leaves_no_broken_decision(repo, tmp_path):
    """New decision folders are built under hidden staging names and appear whole: an import
    killed half-way leaves ``check`` nothing to read as a decision without its decision.toml,
    and ``validate`` names what to delete."""
    import subprocess
    import sys

    killed = subprocess.run([sys.executable, "-c", KILLED_AT_THE_SYNC, str(repo), str(ledger_xlsx(tmp_path / LEDGER))],
                            capture_output=True, text=True)
    assert killed.returncode == 137
    left = sorted(p.name for p in (repo / "decisions").iterdir() if p.name != ".gitkeep")
    assert len(left) == 5 and all(name.startswith(".20") and name.endswith(".tmp") for name in left)
    assert run(repo, "check", "--as-of", "2024-01-01").exit_code == 0
    validated = run(repo, "validate")
    assert validated.exit_code == 0
    assert validated.stdout.count("是写入中断后残留的临时文件，可以删除") == len(left)
    assert commits(repo) == ["新建工作区"]
