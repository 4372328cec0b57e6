"""The overviews at scale: filters, ``status`` formats, secret decisions, several workspaces, -w anywhere.

The rules cited here are those whose findings the views show: 第十二条第（三）项 (mid-term
evaluation of a plan of five years or more), 第六条 (tracking plan and its milestones).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from tests.helpers import SETTINGS, build_tree, decision_toml, run, workspace

MILESTONE = ('responsible_unit = "规划科"\nsteps = "问卷调查、实地考察"\n[[people]]\nname = "王某"\n'
             '[[milestones]]\nid = "m1"\ntitle = "完成年度调查"\ndue = 2026-08-15\n')
FILES = {
    # a plan of five years: 第十二条第（三）项 fires 2026-07-02; its milestone (第六条) is due 2026-08-15
    "decisions/2022-001/decision.toml": decision_toml("2022-001", "plan", "2024-01-01", "2028-12-31"),
    "decisions/2022-001/plan.toml": MILESTONE,
    # a reform of the education bureau without a plan: 第六条 (must) from 2026-05-31, due 2026-08-29
    "decisions/2022-002/decision.toml": decision_toml("2022-002", "reform", "2026-05-01", "2027-04-30").replace(
        "市生态环境局", "市教育局").replace("鄂尔多斯市“十四五”生态环境保护规划", "义务教育阶段课后服务改革"),
    # a secret plan: never in an overview unless asked for
    "decisions/2022-003/decision.toml": decision_toml("2022-003", "plan", "2024-01-01", "2028-12-31").replace(
        "鄂尔多斯市“十四五”生态环境保护规划", "涉密事项 2022-003") + 'classification = "secret"\n',
    "decisions/2022-003/plan.toml": MILESTONE,
}
AS_OF = "2026-07-20"


@pytest.fixture
def ws(tmp_path):
    return workspace(tmp_path / "city", FILES)


def _check(root, *args):
    result = run(root, "check", "--as-of", AS_OF, "--format", "json", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _pairs(payload):
    return [(f["decision"], f["rule"], f["level"]) for f in payload["findings"]]


def test_secret_decisions_are_left_out_of_check_unless_asked(ws):
    """第十二条第（三）项 fires for 2022-001 and the secret 2022-003 alike; only one is shown."""
    assert _pairs(_check(ws)) == [
        ("2022-001", "ordos-2024/12.3", "must"),
        ("2022-002", "ordos-2024/6", "must"),
        ("2022-001", "ordos-2024/6.milestone", "due-soon"),
    ]
    inside = _check(ws, "--include-secret")
    assert {f["decision"] for f in inside["findings"]} == {"2022-001", "2022-002", "2022-003"}
    markdown = run(ws, "check", "--as-of", AS_OF, "--format", "markdown")
    assert "2022-003" not in markdown.stdout and "涉密决策 1 项未列入本摘要。" in markdown.stdout
    text = run(ws, "check", "--as-of", AS_OF)
    assert "2022-003" not in text.stdout
    assert "涉密决策 1 项未列入（内部查看可加 --include-secret）。" in text.stdout


def test_level_unit_category_due_within_and_decision_filter_findings(ws):
    """--level keeps 应当 and above; --unit, --category (code or 中文), --due-within, --decision."""
    assert _pairs(_check(ws, "--level", "must")) == _pairs(_check(ws, "--level", "应当"))
    assert [p[2] for p in _pairs(_check(ws, "--level", "must"))] == ["must", "must"]
    assert {p[0] for p in _pairs(_check(ws, "--unit", "教育局"))} == {"2022-002"}
    assert _pairs(_check(ws, "--category", "重大规划")) == _pairs(_check(ws, "--category", "plan"))
    assert {p[0] for p in _pairs(_check(ws, "--category", "plan"))} == {"2022-001"}
    # due within 30 days (by 2026-08-19): the milestone (2026-08-15); within 45 also the plan (2026-08-29);
    # the mid-term evaluation is due 2026-09-30
    assert _pairs(_check(ws, "--due-within", "30")) == [("2022-001", "ordos-2024/6.milestone", "due-soon")]
    assert len(_pairs(_check(ws, "--due-within", "45"))) == 2
    assert len(_pairs(_check(ws, "--due-within", "100"))) == 3
    assert _pairs(_check(ws, "--due-within", "0")) == []
    assert {p[0] for p in _pairs(_check(ws, "--decision", "2022-002"))} == {"2022-002"}


@pytest.mark.parametrize(("args", "message"), [
    (["--level", "never"], "--level：“never”不是可选的值"),
    (["--category", "规划"], "--category：“规划”不是可选的值"),
    (["--due-within", "-3"], "--due-within 的值“-3”无效"),
    (["--due-within", "三十"], "--due-within 的值“三十”无效"),
    (["--decision", "2099-001"], "未知的决策编号 2099-001"),
])
def test_bad_filters_exit_2_with_a_chinese_message(ws, args, message):
    for command in ("check", "status"):
        result = run(ws, command, "--as-of", AS_OF, *args)
        assert result.exit_code == 2, (command, args)
        assert message in result.stderr


STATUS_2022_001 = {
    "decision": "2022-001", "title": "鄂尔多斯市“十四五”生态环境保护规划", "category": "plan",
    "undertaking_unit": "市生态环境局", "status": "in-force", "effective_from": "2024-01-01",
    "effective_until": "2028-12-31", "stage": "跟踪反馈中", "next_due": "2026-08-15",
    "findings": {"overdue": 0, "must": 1, "due-soon": 1, "may": 0, "info": 0},
    "path": "decisions/2022-001/decision.toml",
}


def test_status_json_is_the_documented_schema(ws):
    result = run(ws, "status", "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["as_of"] == AS_OF
    assert payload["decisions"][0] == STATUS_2022_001
    assert [d["decision"] for d in payload["decisions"]] == ["2022-001", "2022-002"]
    assert payload["errors"] == []
    assert payload["summary"] == {"decisions": 2, "overdue": 0, "must": 2, "due-soon": 1, "may": 0, "info": 0,
                                  "errors": 0}
    inside = json.loads(run(ws, "status", "--as-of", AS_OF, "--format", "json", "--include-secret").stdout)
    assert [d["decision"] for d in inside["decisions"]] == ["2022-001", "2022-002", "2022-003"]


def test_status_csv_markdown_and_text(ws):
    rows = list(csv.reader(io.StringIO(run(ws, "status", "--as-of", AS_OF, "--format", "csv").stdout)))
    assert rows[0][:3] == ["编号", "名称", "类别"]
    assert rows[1][:5] == ["2022-001", "鄂尔多斯市“十四五”生态环境保护规划", "重大规划", "市生态环境局", "执行中"]
    assert len(rows) == 3
    markdown = run(ws, "status", "--as-of", AS_OF, "--format", "markdown").stdout
    assert "| 2022-002 | 重大改革 | 2026-05-01 至 2027-04-30 | 未制定方案 | 2026-08-29 | 0 | 1 | 0 | 0 |" in markdown
    text = run(ws, "status", "--as-of", AS_OF).stdout.splitlines()
    assert text[0].split() == ["编号", "类别", "施行期间", "阶段", "下一个期限", "已逾期", "应当", "即将到期", "可以", "名称"]
    assert text[1].split() == ["2022-001", "重大规划", "2024-01-01", "至", "2028-12-31", "跟踪反馈中", "2026-08-15",
                               "0", "1", "1", "0", "鄂尔多斯市“十四五”生态环境保护规划"]
    assert "涉密决策 1 项未列入" in text[-1]
    assert run(ws, "status", "--format", "xml").exit_code == 2


def test_status_exits_3_and_names_a_broken_file(ws):
    (ws / "decisions/2022-002/decision.toml").write_text('id = "2022-002"\nadopted_on = 2022-02-30\n', encoding="utf-8")
    result = run(ws, "status", "--as-of", AS_OF)
    assert result.exit_code == 3
    assert "2022-001" in result.stdout
    assert result.stdout.splitlines()[2].split() == ["2022-002", "（文件有误）"]
    assert "decisions/2022-002/decision.toml:2: 日期 2022-02-30 不存在，请改为真实的日期" in result.stderr
    payload = json.loads(run(ws, "status", "--as-of", AS_OF, "--format", "json").stdout)
    assert [d["decision"] for d in payload["decisions"]] == ["2022-001"]
    assert payload["errors"][0]["path"] == "decisions/2022-002/decision.toml"


def _county(tmp_path, name="某旗人民政府", folder="county"):
    root = build_tree(tmp_path / folder, {
        "decisiontrack.toml": SETTINGS.format(profile="ordos-2024").replace("鄂尔多斯市人民政府", name),
        "decisions/2022-001/decision.toml": decision_toml("2022-001", "plan", "2024-01-01", "2028-12-31"),
    })
    return root


def test_several_workspaces_report_each_finding_with_its_organization(ws, tmp_path):
    """The 司法厅's overview: ids repeat across workspaces, so text shows 组织/编号 and JSON a workspace."""
    county = _county(tmp_path)
    payload = json.loads(run(None, "-w", ws, "-w", county, "check", "--as-of", AS_OF, "--format", "json",
                             "--level", "must").stdout)
    assert [(f["workspace"], f["decision"], f["rule"], f["level"]) for f in payload["findings"]] == [
        ("某旗人民政府", "2022-001", "ordos-2024/6", "overdue"),
        ("某旗人民政府", "2022-001", "ordos-2024/12.3", "must"),
        ("鄂尔多斯市人民政府", "2022-001", "ordos-2024/12.3", "must"),
        ("鄂尔多斯市人民政府", "2022-002", "ordos-2024/6", "must"),
    ]
    assert payload["profile"] == "ordos-2024"
    assert [w["workspace"] for w in payload["workspaces"]] == ["鄂尔多斯市人民政府", "某旗人民政府"]
    assert (payload["summary"]["overdue"], payload["summary"]["must"]) == (1, 3)
    text = run(None, "-w", ws, "-w", county, "check", "--as-of", AS_OF).stdout
    assert "某旗人民政府/2022-001" in text and "鄂尔多斯市人民政府/2022-002" in text
    assert "2022-003" not in text


def test_a_parent_folder_holds_the_workspaces(ws, tmp_path):
    _county(tmp_path)
    parent = tmp_path  # holds city/ and county/
    status = run(None, "-w", parent, "status", "--as-of", AS_OF, "--format", "json")
    assert status.exit_code == 0
    assert [(d["workspace"], d["decision"]) for d in json.loads(status.stdout)["decisions"]] == [
        ("鄂尔多斯市人民政府", "2022-001"), ("鄂尔多斯市人民政府", "2022-002"), ("某旗人民政府", "2022-001")]
    text = run(None, "status", "-w", parent, "--as-of", AS_OF).stdout
    assert any(line.startswith("某旗人民政府/2022-001") for line in text.splitlines())


def test_two_workspaces_of_one_organization_are_told_apart_by_folder(ws, tmp_path):
    other = _county(tmp_path, name="鄂尔多斯市人民政府", folder="copy")
    payload = _check(ws, "-w", other)
    assert {f["workspace"] for f in payload["findings"]} == {"鄂尔多斯市人民政府（city）", "鄂尔多斯市人民政府（copy）"}


def test_one_workspace_commands_refuse_several(ws, tmp_path):
    county = _county(tmp_path)
    result = run(None, "-w", ws, "-w", county, "decision", "list")
    assert result.exit_code == 2
    assert "此命令只能用于一个工作区" in result.stderr
    assert run(None, "-w", tmp_path / "nowhere", "check").exit_code == 2


def test_workspace_option_after_the_subcommand(ws):
    """``decisiontrack check -w DIR`` as well as ``decisiontrack -w DIR check`` (issue 12)."""
    listed = run(None, "decision", "list", "-w", ws)
    assert listed.exit_code == 0 and "2022-001" in listed.stdout
    checked = run(None, "check", "--as-of", AS_OF, "--format", "json", "--fail-on", "never", "--workspace", ws)
    assert json.loads(checked.stdout)["findings"]
    added = run(None, "feedback", "add", "2022-001", "-w", ws, "--received-on", "2023-07-01", "--channel", "letter",
                "--stance", "support", "--summary", "赞成")
    assert added.exit_code == 0, added.output
    assert len(list((ws / "decisions/2022-001/feedback").glob("*.toml"))) == 1


def test_plain_text_never_wraps_an_id_or_a_date(ws, monkeypatch):
    """Without a terminal each finding is one line of fixed columns; a long message has its own line."""
    monkeypatch.setenv("COLUMNS", "60")
    lines = run(ws, "check", "--as-of", AS_OF).stdout.splitlines()
    head = lines.index("应当：2 项")
    assert lines[head + 1].split() == ["决策", "条款", "起始", "期限", "事项"]
    assert lines[head + 2].split() == ["2022-001", "第十二条第（三）项", "2026-07-02", "2026-09-30"]
    assert lines[head + 3].startswith("    五年以上长期执行的决策执行期限过半")
    assert lines[head + 4].split() == ["2022-002", "第六条", "2026-05-31", "2026-08-29"]
    monkeypatch.setenv("COLUMNS", "300")
    wide = run(ws, "check", "--as-of", AS_OF).stdout.splitlines()
    first = wide[wide.index("应当：2 项") + 2]
    assert first.startswith("2022-001  第十二条第（三）项  2026-07-02  2026-09-30  五年以上长期执行的决策")


def test_two_processes_give_the_same_result_as_one(ws, monkeypatch):
    """A large workspace is split between two processes; the output is the same byte for byte."""
    from decisiontrack import checking

    single = {fmt: run(ws, "status", "--as-of", AS_OF, "--format", fmt).stdout for fmt in ("json", "csv")}
    check_single = run(ws, "check", "--as-of", AS_OF, "--format", "json", "--include-secret").stdout
    monkeypatch.setattr(checking, "PARALLEL_FROM", 2)
    assert {fmt: run(ws, "status", "--as-of", AS_OF, "--format", fmt).stdout for fmt in ("json", "csv")} == single
    assert run(ws, "check", "--as-of", AS_OF, "--format", "json", "--include-secret").stdout == check_single


def test_an_error_in_the_second_process_reaches_the_first(ws, monkeypatch):
    from datetime import date

    from decisiontrack import checking

    def broken_view(folder, findings, scope):
        raise ValueError(f"view of {folder.id}")

    monkeypatch.setattr(checking, "PARALLEL_FROM", 2)
    with pytest.raises(ValueError, match="view of 2022-00"):
        list(checking.check_many([ws], date(2026, 7, 20), checking.EVERYTHING, broken_view))


def test_check_imports_only_what_it_uses(ws):
    """A fresh interpreter running ``check``: no rich (no terminal), no export, render or report code.

    Modules the bare interpreter already loads at start-up (``.pth`` hooks of the environment, such as
    setuptools' ``_distutils_hack``) are not ours and are left out, so the test reads only what
    ``check`` itself imports.
    """
    listing = "print(sorted(m for m in sys.modules if m.partition('.')[0] not in sys.stdlib_module_names))\n"
    code = (
        "import sys\nfrom decisiontrack.cli import main\n"
        "try:\n    main(['-w', sys.argv[1], 'check', '--as-of', '2026-07-20', '--fail-on', 'never'])\n"
        "except SystemExit:\n    pass\n" + listing
    )
    result = subprocess.run([sys.executable, "-c", code, str(ws)], capture_output=True, text=True, check=True)
    bare = subprocess.run([sys.executable, "-c", "import sys\n" + listing], capture_output=True, text=True, check=True)
    at_start = set(eval(bare.stdout.strip().splitlines()[-1]))  # noqa: S307 — our own printed list
    loaded = set(eval(result.stdout.strip().splitlines()[-1])) - at_start  # noqa: S307 — our own printed list
    third_party = {name.partition(".")[0] for name in loaded if not name.startswith(("decisiontrack", "_sysconfigdata"))}
    heavy = {"rich", "docx", "lxml", "openpyxl", "questionary", "prompt_toolkit", "icalendar", "rjieba",
             "markdown_it", "tomlkit", "dateutil", "pygments", "filelock"}
    assert not third_party & heavy, third_party & heavy
    assert "decisiontrack.checking" in loaded  # the check ran in that interpreter
    ours = {name for name in loaded if name.startswith("decisiontrack.")}
    for package in ("export", "render", "reports", "status", "validation", "timeline"):
        assert not any(name.startswith(f"decisiontrack.{package}") for name in ours), package
    assert {name for name in ours if name.startswith("decisiontrack.ops")} == {"decisiontrack.ops",
                                                                                "decisiontrack.ops.folders"}


def test_brief_of_several_workspaces(ws, tmp_path):
    """The 司法厅's brief names every organisation; a Word file for several needs -o."""
    county = _county(tmp_path)
    mail = run(None, "-w", ws, "-w", county, "brief", "--as-of", AS_OF, "--format", "markdown")
    assert mail.exit_code == 0, mail.output
    assert "鄂尔多斯市人民政府" in mail.stdout and "某旗人民政府" in mail.stdout
    assert "涉密事项 2022-003" not in mail.stdout
    refused = run(None, "-w", ws, "-w", county, "brief", "--as-of", AS_OF)
    assert refused.exit_code == 2 and "-o" in refused.stderr
