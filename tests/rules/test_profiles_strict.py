"""Profiles and ``[parameters]`` are strict: each kind of mistake is exit 3 with ``file:line`` naming the key.

A typo in a profile would silently switch a legal duty off; records, by contrast, stay lenient
(SPEC §2: unknown keys there are warnings).
"""

from __future__ import annotations

import pytest
from tests.helpers import decision_toml, run, workspace

FILES = {"decisions/2022-001/decision.toml": decision_toml("2022-001", "plan", "2024-02-01", "2029-01-31")}

CUSTOM = """\
name = "city-2025"
title = "某市重大行政决策后评估办法"
[parameters]
grace_days = 60
report_days = 7
[[rules]]
id = "9"
article = "第九条"
level = "overdue"
predicate = "unreported-event"
message = "{kind}应于 {due} 前报告（第九条）"
params = { kinds = ["problem"], days = "$report_days" }
[[rules]]
id = "12"
article = "第十二条"
level = "must"
asks_evaluation = true
predicate = "anniversary"
message = "执行满{years}年，应当评估（第十二条）"
params = { years = 2, categories = ["policy"] }
[[rules]]
id = "20"
article = "第二十条"
level = "must"
predicate = "outcome-status"
message = "决定“{outcome}”后应当落实（第二十条）"
params = { outcomes = ["stop"], status = "in-force" }
[vocabularies.outcomes.default]
keep = "继续执行"
stop = "停止执行"
"""


def check_with(tmp_path, profile_text: str):
    root = workspace(tmp_path, {**FILES, "rules/city.toml": profile_text}, profile="rules/city.toml")
    return run(root, "check", "--as-of", "2025-01-01")


def test_a_profile_written_from_yesterdays_docs_still_loads(tmp_path):
    """No quote, reference, basis or effective_from: it loads, and validate warns about each."""
    root = workspace(tmp_path, {**FILES, "rules/city.toml": CUSTOM}, profile="rules/city.toml")
    assert run(root, "check", "--as-of", "2025-01-01").exit_code in (0, 1)
    result = run(root, "validate")
    assert result.exit_code == 0, result.stdout
    assert "rules/city.toml:1: 警告：办法文件没有写施行日期 effective_from" in result.stdout
    assert "rules/city.toml:4: 警告：参数 grace_days 没有写 basis" in result.stdout
    for line, rule in [(6, "9"), (13, "12"), (21, "20")]:
        assert f"rules/city.toml:{line}: 警告：规则 {rule}（第" in result.stdout and "没有写 quote" in result.stdout


@pytest.mark.parametrize("old, new, expected", [
    ('title = "某', 'titel = "某', "rules/city.toml:2: titel 不是可用的键，是否想写 title？"),
    ('asks_evaluation = true', 'asks_evalution = true',
     "rules/city.toml:17: rules[1].asks_evalution 不是可用的键，是否想写 asks_evaluation？"),
    ('predicate = "anniversary"', 'predicate = "birthday"', "rules/city.toml:18: rules[1].predicate 的值“birthday”无效"),
    ('days = "$report_days"', 'day = "$report_days"',
     "rules/city.toml:12: 规则 9 的判断方式 unreported-event 没有参数 day，是否想写 days？"),
    ('params = { years = 2, categories = ["policy"] }', 'params = { categories = ["policy"] }',
     "rules/city.toml:20: 规则 12（anniversary）缺少必填参数 years"),
    ('kinds = ["problem"]', 'kinds = ["problems"]',
     "rules/city.toml:12: 规则 9 的参数 kinds：“problems”不是事实类型（events 的 kind）"),
    ('categories = ["policy"]', 'categories = ["polcy"]',
     "rules/city.toml:20: 规则 12 的参数 categories：“polcy”不是决策类别（decision.toml 的 category）"),
    ('outcomes = ["stop"]', 'outcomes = ["halt"]',
     "rules/city.toml:27: 规则 20 的参数 outcomes：“halt”不是评估结论（办法文件 [vocabularies.outcomes] 中的编号）"),
    ('status = "in-force"', 'status = "in_force"', "rules/city.toml:27: 规则 20 的参数 status：“in_force”不是决策状态"),
    ('years = 2', 'years = 0', "rules/city.toml:20: 规则 12 的参数 years：值 0 太小，应不小于 1（期限不能为零或负数）"),
    ('years = 2', 'years = -1', "rules/city.toml:20: 规则 12 的参数 years：值 -1 太小，应不小于 1"),
    ('years = 2', 'years = "two"', "rules/city.toml:20: 规则 12 的参数 years：值 'two' 应为整数"),
    ('report_days = 7', 'report_days = 0',
     "rules/city.toml:12: 规则 9 的参数 days：参数 report_days 的值 0 太小，应不小于 1"),
    ('days = "$report_days"', 'days = "$report_dayz"',
     "rules/city.toml:12: 规则 9 的参数 days：引用了未定义的参数 $report_dayz"),
    ('level = "must"\nasks', 'level = "should"\nasks', "rules/city.toml:16: rules[1].level 的值“should”无效"),
    ('grace_days = 60', 'grace_days = { value = 60, basis = "statue" }', "rules/city.toml:4: parameters.grace_days.basis"),
    ('grace_days = 60', 'grace_days = { value = 60, refrence = "第九条" }',
     "rules/city.toml:4: parameters.grace_days.refrence 不是可用的键，是否想写 reference？"),
    ('grace_days = 60', 'grace_days = { values = { 2024-02-30 = 60 } }',
     "rules/city.toml:4: parameters.grace_days.values：values 的键“2024-02-30”应为生效日期"),
    ('grace_days = 60', 'grace_days = { value = 60, values = { 2024-01-01 = 30 } }',
     "rules/city.toml:4: parameters.grace_days：参数应当写 value（一个值）或 values（按生效日期的多个值）之一"),
])
def test_each_kind_of_mistake_in_a_profile_is_exit_3_at_its_line(tmp_path, old, new, expected):
    assert old in CUSTOM
    result = check_with(tmp_path, CUSTOM.replace(old, new, 1))
    assert result.exit_code == 3, result.stdout + result.stderr
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_flag_outside_its_vocabulary(tmp_path):
    text = CUSTOM.replace('params = { years = 2, categories = ["policy"] }',
                          'params = { years = 2, flags = ["broad-impact"] }')
    result = check_with(tmp_path, text)
    assert result.exit_code == 3
    assert "rules/city.toml:20: 规则 12 的参数 flags：“broad-impact”不是决策标志" in result.stderr


def test_a_deadline_needs_exactly_one_of_months_and_days(tmp_path):
    text = CUSTOM + ('[[rules]]\nid = "19"\narticle = "第十九条"\nlevel = "overdue"\npredicate = "deadline-after-stage"\n'
                     'message = "x（第十九条）"\nparams = { after = "research_completed", until = "submitted" }\n')
    result = check_with(tmp_path, text)
    assert result.exit_code == 3
    assert "rules/city.toml:37: 规则 19（deadline-after-stage）的参数 months、days 应当写且只写一个" in result.stderr


def test_an_unknown_prefill_block_in_a_template(tmp_path):
    text = CUSTOM + ('[[templates]]\nkind = "evaluation-report"\ntitle = "评估报告"\narticle = "第九条"\n'
                     '[[templates.sections]]\nheading = "评估情况"\narticle = "第九条"\nprefill = "opinion"\n')
    result = check_with(tmp_path, text)
    assert result.exit_code == 3
    assert "rules/city.toml:31: templates[0].sections[0].prefill：预填块“opinion”无效" in result.stderr


def test_every_prefill_block_is_known_to_the_profile_model():
    from decisiontrack.profiles.model import PREFILL_BLOCKS
    from decisiontrack.reports.blocks import builders

    assert set(builders(None, None, None, {"inspection": None, "rectifications": None, "annual": None})) | {
        "decision", "plan", "opinions", "events", "inspections", "indicators", "evaluation", "triggers"} == set(PREFILL_BLOCKS)


def test_an_unknown_stage(tmp_path):
    text = CUSTOM + ('[[rules]]\nid = "24"\narticle = "第二十四条"\nlevel = "must"\npredicate = "missing-stage"\n'
                     'message = "x（第二十四条）"\nparams = { after = "submit", missing = "legality_review" }\n')
    result = check_with(tmp_path, text)
    assert result.exit_code == 3
    assert "rules/city.toml:37: 规则 24 的参数 after：“submit”不是评估阶段" in result.stderr


SETTINGS = '[workspace]\nprofile = "ordos-2024"\n[parameters]\n'


@pytest.mark.parametrize("line, expected", [
    ("grace_days = 0", "decisiontrack.toml:4: [parameters] 中 grace_days 的值 0 太小，应不小于 1"),
    ("grace_days = 3651", "decisiontrack.toml:4: [parameters] 中 grace_days 的值 3651 太大，应不大于 3650"),
    ("opinion_threshold = 0", "decisiontrack.toml:4: [parameters] 中 opinion_threshold 的值 0 太小，应不小于 1"),
    ("event_report_days = -3", "decisiontrack.toml:4: [parameters] 中 event_report_days 的值 -3 太小"),
    ("long_term_years = 3", "decisiontrack.toml:4: [parameters] 中的 long_term_years 是办法明文规定的数"
                            "（第十二条第（三）（四）项“五年以上长期执行”），不能在工作区修改"),
    ("opinion_threshold = { 2024-13-01 = 20 }", "decisiontrack.toml:4: [parameters] 中 opinion_threshold 的键“2024-13-01”"),
    ("opinion_threshold = { 2024-01-09 = \"many\" }",
     "decisiontrack.toml:4: [parameters] 中 opinion_threshold 的值 'many' 类型不对"),
    ("opinion_treshold = 20", "decisiontrack.toml:4: [parameters] 中的 opinion_treshold 不是办法 ordos-2024 的参数"),
])
def test_each_kind_of_mistake_in_workspace_parameters_is_exit_3(tmp_path, line, expected):
    root = workspace(tmp_path, FILES)
    (root / "decisiontrack.toml").write_text(SETTINGS + line + "\n", encoding="utf-8")
    result = run(root, "check", "--as-of", "2025-01-01")
    assert result.exit_code == 3, result.stderr
    assert expected in result.stderr, result.stderr


def test_workspace_parameters_in_range_and_dated_are_accepted(tmp_path):
    root = workspace(tmp_path, FILES)
    (root / "decisiontrack.toml").write_text(
        SETTINGS + "grace_days = 3650\nopinion_threshold = { 2024-01-09 = 20, 2025-07-01 = 30 }\n", encoding="utf-8")
    assert run(root, "check", "--as-of", "2025-01-01").exit_code in (0, 1)
    shown = run(root, "validate")
    assert shown.exit_code == 0, shown.stdout
