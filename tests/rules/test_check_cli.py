"""``check``, ``status`` and ``profile`` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import decision_toml, run, workspace
from tests.rules.rule_helpers import PLAN

FILES = {"decisions/2022-001/decision.toml": decision_toml("2022-001", "plan", "2022-01-01", "2026-12-31"), **PLAN}
"""A five-year plan past half from 2024-07-02 (第十二条第（三）项)."""


def test_json_output_is_exactly_the_spec_shape(tmp_path):
    root = workspace(tmp_path, FILES)
    result = run(root, "check", "--as-of", "2024-07-02", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "as_of": "2024-07-02",
        "profile": "ordos-2024",
        "findings": [{
            "decision": "2022-001", "rule": "ordos-2024/12.3", "article": "第十二条第（三）项",
            "level": "must", "since": "2024-07-02", "due": "2024-09-30",
            "message": "五年以上长期执行的决策执行期限过半（自 2024-07-02 起），应当进行中期评估（第十二条第（三）项）"
                       "（按本地设定：办理期限90日）",
            "path": "decisions/2022-001/decision.toml",
            "settings": {"grace_days": 90},
        }],
        "errors": [],
        "summary": {"overdue": 0, "must": 1, "due-soon": 0, "may": 0, "info": 0, "errors": 0},
    }


def test_same_workspace_and_date_give_identical_output(tmp_path):
    root = workspace(tmp_path, FILES)
    first = run(root, "check", "--as-of", "2024-01-01", "--format", "json").stdout
    assert first == run(root, "check", "--as-of", "2024-01-01", "--format", "json").stdout


def test_exit_codes_follow_fail_on(tmp_path):
    root = workspace(tmp_path, FILES)
    assert run(root, "check", "--as-of", "2024-07-01").exit_code == 0
    assert run(root, "check", "--as-of", "2024-07-02").exit_code == 1
    assert run(root, "check", "--as-of", "2024-07-02", "--fail-on", "overdue").exit_code == 0
    assert run(root, "check", "--as-of", "2024-07-02", "--fail-on", "never").exit_code == 0
    assert run(root, "check", "--as-of", "2024-10-01", "--fail-on", "overdue").exit_code == 1


def test_quiet_prints_nothing_below_fail_on(tmp_path):
    root = workspace(tmp_path, FILES)
    quiet = run(root, "check", "--as-of", "2024-07-01", "--quiet", "--format", "markdown")
    assert (quiet.exit_code, quiet.stdout) == (0, "")
    loud = run(root, "check", "--as-of", "2024-07-02", "--quiet", "--format", "markdown")
    assert loud.exit_code == 1
    assert "## 应当（1）" in loud.stdout
    assert "| 2022-001 鄂尔多斯市“十四五”生态环境保护规划 | 第十二条第（三）项 |" in loud.stdout


def test_text_output_groups_by_level_with_articles(tmp_path):
    root = workspace(tmp_path, FILES)
    result = run(root, "check", "--as-of", "2024-10-01")
    assert "已逾期：1 项" in result.stdout
    assert "第十二条第（三）项" in result.stdout
    assert "合计：已逾期 1，应当 0，即将到期 0，可以 0，提示 0，数据错误 0" in result.stdout


def test_broken_file_is_an_error_and_never_hides_other_decisions(tmp_path):
    files = {**FILES, "decisions/2023-001/decision.toml": 'id = "2023-001"\ntitle = "x"\nadopted_on = 2024-13-01\n'}
    root = workspace(tmp_path, files)
    result = run(root, "check", "--as-of", "2024-07-02", "--format", "json")
    assert result.exit_code == 3
    payload = json.loads(result.stdout)
    assert [f["decision"] for f in payload["findings"]] == ["2022-001"]
    assert payload["errors"] == [{"path": "decisions/2023-001/decision.toml", "line": 3,
                                  "message": "日期 2024-13-01 不存在，请改为真实的日期"}]
    assert payload["summary"]["errors"] == 1


def test_decision_option_limits_the_check(tmp_path):
    files = {**FILES, "decisions/2022-002/decision.toml": decision_toml("2022-002", "reform", "2022-01-01", "2026-12-31")}
    root = workspace(tmp_path, files)
    payload = json.loads(run(root, "check", "--as-of", "2024-07-02", "--format", "json", "--decision", "2022-002").stdout)
    assert {f["decision"] for f in payload["findings"]} == {"2022-002"}
    unknown = run(root, "check", "--decision", "2099-001")
    assert unknown.exit_code == 2
    assert "未知的决策编号 2099-001" in unknown.stderr


def test_bad_usage_exits_2_with_chinese_message(tmp_path):
    root = workspace(tmp_path, FILES)
    for args, message in [
        (["--as-of", "2024-02-30"], "选项 --as-of 的日期“2024-02-30”无效"),
        (["--format", "xml"], "--format 的值“xml”无效"),
        (["--fail-on", "sometimes"], "--fail-on：“sometimes”不是可选的值（可用：overdue（已逾期）"),
    ]:
        result = run(root, "check", *args)
        assert result.exit_code == 2, args
        assert message in result.stderr


def test_not_a_workspace(tmp_path):
    result = run(tmp_path, "check")
    assert result.exit_code == 2
    assert "不是工作区" in result.stderr


def test_workspace_parameters_override_profile(tmp_path):
    root = workspace(tmp_path, FILES)
    (root / "decisiontrack.toml").write_text('[workspace]\nprofile = "ordos-2024"\n[parameters]\ngrace_days = 10\n',
                                             encoding="utf-8")
    payload = json.loads(run(root, "check", "--as-of", "2024-07-13", "--format", "json").stdout)
    assert payload["findings"][0]["level"] == "overdue"
    assert payload["findings"][0]["due"] == "2024-07-12"
    assert payload["findings"][0]["settings"] == {"grace_days": 10}
    assert payload["findings"][0]["message"].endswith("（按本地设定：办理期限10日）")


def test_unknown_parameter_override_is_a_data_error(tmp_path):
    root = workspace(tmp_path, FILES)
    (root / "decisiontrack.toml").write_text('[workspace]\nprofile = "ordos-2024"\n[parameters]\ngrace_dayz = 10\n',
                                             encoding="utf-8")
    result = run(root, "check", "--as-of", "2024-07-13")
    assert result.exit_code == 3
    assert "decisiontrack.toml:4: [parameters] 中的 grace_dayz 不是办法 ordos-2024 的参数" in result.stderr


CUSTOM = """\
name = "city-2025"
title = "某市重大行政决策后评估办法"
[parameters]
grace_days = 60
[[rules]]
id = "9"
article = "第九条"
level = "must"
asks_evaluation = true
predicate = "anniversary"
message = "执行满{years}年，应当评估（第九条）"
params = { years = 2 }
[vocabularies.outcomes.default]
continue = "继续执行"
"""


def test_custom_profile_file_from_workspace_path(tmp_path):
    root = workspace(tmp_path, {**FILES, "rules/city.toml": CUSTOM}, profile="rules/city.toml")
    payload = json.loads(run(root, "check", "--as-of", "2024-01-01", "--format", "json").stdout)
    assert payload["profile"] == "city-2025"
    assert [(f["rule"], f["article"], f["since"], f["due"], f["settings"]) for f in payload["findings"]] == [
        ("city-2025/9", "第九条", "2024-01-01", "2024-03-01", {})]


def test_invalid_custom_profile_names_the_key_and_line(tmp_path):
    broken = CUSTOM.replace('predicate = "anniversary"', 'predicate = "birthday"')
    root = workspace(tmp_path, {**FILES, "rules/city.toml": broken}, profile="rules/city.toml")
    result = run(root, "check", "--as-of", "2023-01-01")
    assert result.exit_code == 3
    assert "rules/city.toml:10: rules[0].predicate 的值“birthday”无效" in result.stderr


def test_missing_custom_profile(tmp_path):
    root = workspace(tmp_path, FILES, profile="rules/none.toml")
    result = run(root, "check")
    assert result.exit_code == 2
    assert "找不到办法“rules/none.toml”" in result.stderr


def test_status_table_lists_every_decision(tmp_path):
    root = workspace(tmp_path, FILES)
    result = run(root, "status", "--as-of", "2024-10-01")
    assert result.exit_code == 0
    assert "2022-001" in result.stdout and "跟踪反馈中" in result.stdout


def test_profile_list_and_show(tmp_path):
    listed = run(None, "profile", "list")
    assert "ordos-2024" in listed.stdout and "renqiu-2023" in listed.stdout
    assert "鄂府办发〔2024〕3号" in listed.stdout
    shown = run(None, "profile", "show", "ordos-2024")
    for rule, article in [("ordos-2024/12.3", "第十二条第（三）项"), ("ordos-2024/19", "第十九条")]:
        assert rule in shown.stdout and article in shown.stdout
    assert "grace_days" in shown.stdout
    assert "施行日期：2024-01-09（第二十四条“本办法自印发之日起施行”，2024年1月9日印发）" in shown.stdout
    rows = {line.split()[0]: line for line in shown.stdout.splitlines() if line.strip().startswith(("grace", "report_"))}
    assert "本地设定" in rows["grace_days"] and "法定" in rows["report_months"]  # 第十九条“一个月”
    assert "重大行政决策后评估工作完成后，决策承办单位应当在一个月内形成书面评估报告" in shown.stdout
    assert "national-2019" in listed.stdout and "国务院令第713号" in listed.stdout
    assert run(None, "profile", "show", "nowhere-2020").exit_code == 2


def test_validate_checks_addresses_and_outcomes_against_profile(tmp_path):
    evaluation = ('id = "e1"\nkind = "mid-term"\naddresses = ["ordos-2024/12.3", "ordos-2024/99"]\n'
                  'started_on = 2024-01-02\nsubmitted_on = 2024-02-01\ndecided_on = 2024-03-01\noutcome = "repeal"\n')
    root = workspace(tmp_path, {**FILES, "decisions/2022-001/evaluations/e1/evaluation.toml": evaluation})
    result = run(root, "validate")
    assert result.exit_code == 3
    assert ("decisions/2022-001/evaluations/e1/evaluation.toml:3: addresses 中的规则“ordos-2024/99”"
            "不存在于办法 ordos-2024") in result.stdout
    assert ("decisions/2022-001/evaluations/e1/evaluation.toml:7: "
            "评估结论 outcome“repeal”不在办法 ordos-2024 的结论中") in result.stdout


def test_check_never_imports_heavy_libraries(tmp_path):
    root = workspace(tmp_path, FILES)
    code = (
        "import sys\nfrom decisiontrack.cli import main\n"
        "try:\n    main(['-w', sys.argv[1], 'check', '--as-of', '2024-01-01', '--fail-on', 'never'])\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('docx', 'questionary', 'openpyxl', 'jinja2', 'icalendar', 'rjieba', 'jieba',"
        " 'mdit_py_plugins') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_parameter_override_of_the_wrong_type_is_a_data_error(tmp_path):
    root = workspace(tmp_path, FILES)
    (root / "decisiontrack.toml").write_text('[workspace]\nprofile = "ordos-2024"\n[parameters]\n'
                                             'opinion_threshold = "many"\n', encoding="utf-8")
    result = run(root, "check", "--as-of", "2024-07-13")
    assert result.exit_code == 3
    assert "decisiontrack.toml:4: [parameters] 中 opinion_threshold 的值 'many' 类型不对，应与默认值 20 相同" in result.stderr


def test_init_refuses_an_unknown_profile(tmp_path):
    result = run(None, "init", str(tmp_path / "ws"), "--org", "某市人民政府", "--profile", "nowhere-2020", "--no-git")
    assert result.exit_code == 2
    assert "找不到办法“nowhere-2020”" in result.stderr
    assert not (tmp_path / "ws").exists()
