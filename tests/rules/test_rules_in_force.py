"""Nothing before the 办法 took effect; a trigger that fell earlier counts from that day.

鄂尔多斯第二十四条 “本办法自印发之日起施行” (印发 2024-01-09; 成文 2024-01-08);
任丘第三十六条 (印发 2023-07-31); 国务院令第713号 “自2019年9月1日起施行”.
"""

from __future__ import annotations

import json

import pytest
from tests.helpers import run, workspace
from tests.rules.rule_helpers import PLAN, decision, evaluation, event, findings, levels, plan

OLD_PLAN = {**decision("plan", "2021-01-01", "2025-12-31"), **PLAN}
"""Past half (2023-07-03) before the Ordos 办法 existed."""


def test_24_ordos_nothing_on_the_day_before_it_took_effect(tmp_path):
    """第二十四条: on 2024-01-08 (成文日期, not yet 印发) nothing is found, not even a plan missing for years."""
    files = {**decision("reform", "2021-01-01", "2025-12-31"), **event("controversy", "2023-10-01"),
             **event("problem", "2023-11-01", name="20231101-problem-0002")}
    assert findings(tmp_path, files, "2024-01-08") == []


def test_24_ordos_an_old_mid_term_counts_from_2024_01_09(tmp_path):
    assert levels(findings(tmp_path, OLD_PLAN, "2024-01-08"), "ordos-2024/12.3") == []
    assert levels(findings(tmp_path, OLD_PLAN, "2024-01-09"), "ordos-2024/12.3") == [("must", "2024-01-09", "2024-04-08")]
    assert levels(findings(tmp_path, OLD_PLAN, "2024-01-10"), "ordos-2024/12.3") == [("must", "2024-01-09", "2024-04-08")]
    assert levels(findings(tmp_path, OLD_PLAN, "2024-04-09"), "ordos-2024/12.3") == [("overdue", "2024-01-09", "2024-04-08")]


def test_24_ordos_an_old_reform_past_its_first_year_and_a_plan_never_made(tmp_path):
    files = decision("reform", "2022-03-01", None)
    found = findings(tmp_path, files, "2024-01-09")
    assert levels(found, "ordos-2024/12.2") == [("must", "2024-01-09", "2024-04-08")]
    assert levels(found, "ordos-2024/6") == [("must", "2024-01-09", "2024-04-08")]
    assert {f.level for f in found} == {"must"}  # on its first days nothing is overdue


def test_24_ordos_an_old_controversy_counts_from_then_but_an_earlier_evaluation_still_answers(tmp_path):
    files = {**OLD_PLAN, **event("controversy", "2023-10-01")}
    assert levels(findings(tmp_path, files, "2024-01-09"), "ordos-2024/12.1") == [("must", "2024-01-09", "2024-04-08")]
    answered = files | evaluation("ordos-2024/12.1", "2023-11-01", kind="special")
    assert levels(findings(tmp_path, answered, "2024-01-09"), "ordos-2024/12.1") == []


def test_24_ordos_a_deadline_that_fell_earlier_runs_from_2024_01_09(tmp_path):
    """第九条's clock (7 days, local) starts on 2024-01-09 for a problem of 2024-01-05."""
    files = {**OLD_PLAN, **event("problem", "2024-01-05")}
    assert levels(findings(tmp_path, files, "2024-01-16"), "ordos-2024/9") == []
    assert levels(findings(tmp_path, files, "2024-01-17"), "ordos-2024/9") == [("overdue", "2024-01-17", "2024-01-16")]


def test_24_ordos_a_milestone_due_before_falls_due_on_2024_01_09(tmp_path):
    text = PLAN["decisions/2022-001/plan.toml"] + '[[milestones]]\nid = "m2"\ndue = 2023-12-31\n'
    files = {**decision("plan", "2021-01-01", "2025-12-31"), "decisions/2022-001/plan.toml": text}
    rule = "ordos-2024/6.milestone"
    assert levels(findings(tmp_path, files, "2024-01-08"), rule) == []
    assert levels(findings(tmp_path, files, "2024-01-09"), rule) == [("due-soon", "2024-01-09", "2024-01-09")]
    assert levels(findings(tmp_path, files, "2024-01-10"), rule) == [("overdue", "2024-01-10", "2024-01-09")]


def test_36_renqiu_in_force_from_2023_07_31(tmp_path):
    files = {**decision("normative", "2021-01-01", "2023-12-31", "continue_intended = true\n")}
    # 6 months before expiry is 2023-06-30, before the 办法.
    assert findings(tmp_path, files, "2023-07-30", "renqiu-2023") == []
    found = findings(tmp_path, files, "2023-07-31", "renqiu-2023")
    assert levels(found, "renqiu-2023/12.3") == [("must", "2023-07-31", "2023-10-29")]
    assert levels(findings(tmp_path, files, "2023-08-01", "renqiu-2023"), "renqiu-2023/12.3") == [
        ("must", "2023-07-31", "2023-10-29")]


def test_national_in_force_from_2019_09_01(tmp_path):
    files = {**decision("policy", "2018-01-01", None), **event("problem", "2019-08-20")}
    assert findings(tmp_path, files, "2019-08-31", "national-2019") == []
    assert levels(findings(tmp_path, files, "2019-09-08"), "national-2019/35") == []
    assert levels(findings(tmp_path, files, "2019-09-08", "national-2019"), "national-2019/35") == []
    assert levels(findings(tmp_path, files, "2019-09-09", "national-2019"), "national-2019/35") == [
        ("overdue", "2019-09-09", "2019-09-08")]


@pytest.mark.parametrize("profile, before, first", [("ordos-2024", "2024-01-08", "2024-01-09"),
                                                     ("renqiu-2023", "2023-07-30", "2023-07-31"),
                                                     ("national-2019", "2019-08-31", "2019-09-01")])
def test_check_says_in_one_line_that_the_banfa_was_not_yet_in_force(tmp_path, profile, before, first):
    root = workspace(tmp_path, {**decision("plan", "2015-01-01", "2030-12-31"), **plan()}, profile)
    result = run(root, "check", "--as-of", before)
    assert result.exit_code == 0
    assert f"{before} 《" in result.stdout and f"》尚未施行（自 {first} 起施行" in result.stdout
    assert result.stdout.count("没有需要检查的事项。") == 1  # one line, not repeated
    assert "尚未施行" not in run(root, "check", "--as-of", first).stdout
    payload = run(root, "check", "--as-of", before, "--format", "json")
    assert json.loads(payload.stdout)["findings"] == []
    assert payload.stderr.count("尚未施行") == 1
