"""The records of SPEC §2: the examples of the SPEC load, bad values are refused, notes are kept."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest
from pydantic import ValidationError

from decisiontrack.model import (
    Decision,
    Evaluation,
    Event,
    Inspection,
    Milestone,
    Opinion,
    ProgressReport,
    Settings,
    TrackingPlan,
)

# The examples of SPEC §2, as an officer would copy them into the files.
SPEC_SETTINGS = """\
[workspace]
organization = "鄂尔多斯市人民政府"   # 决策机关
profile = "ordos-2024"

[check]
due_soon_days = 30

[parameters]
opinion_threshold = 20

[git]
auto_commit = true
"""

SPEC_DECISION = """\
id = "2022-001"
title = "鄂尔多斯市“十四五”生态环境保护规划"
doc_number = "鄂府发〔2021〕88号"      # optional
category = "plan"
adopted_on = 2021-12-01
effective_from = 2022-01-01
effective_until = 2026-12-31          # optional, inclusive
undertaking_unit = "市生态环境局"       # 承办单位
broad_impact = false
public_concern = false
continue_intended = false
classification = "public"
status = "in-force"
summary = \"\"\"规划期内主要污染物排放总量持续减少。\"\"\"
"""

SPEC_PLAN = """\
responsible_unit = "市生态环境局规划科"
steps = \"\"\"每半年开展一次跟踪调查。\"\"\"
methods = ["问卷调查", "实地考察"]
progress_report_every_months = 6
[[people]]
name = "王某"
role = "科长"
contact = "13900000000"
[[milestones]]
id = "m1"
title = "完成年度跟踪调查"
due = 2024-06-30
done_on = 2024-06-20
"""

SPEC_OPINION = """\
received_on = 2024-03-15
channel = "letter"
stance = "oppose"
summary = "建议延长过渡期"
[submitter]
name = "张某某"
contact = "13800001234"
"""

SPEC_EVENT = """\
kind = "controversy"
occurred_on = 2024-04-01
description = "部分企业对限产时段有较大争议"
reported_on = 2024-04-03
raised_by = "市司法局"
"""

SPEC_INSPECTION = """\
conducted_on = 2024-05-10
method = "onsite"
by = "市人民政府督查室"
findings = "台账不全"
[[rectifications]]
id = "r1"
item = "补齐监测台账"
due = 2024-08-31
done_on = 2024-08-20
reviewed_on = 2024-09-05
"""

SPEC_EVALUATION = """\
id = "2024-mid-term"
kind = "mid-term"
addresses = ["ordos-2024/12.3"]
scope = "whole"
scope_note = ""
simplified = false
purpose = "评估规划实施过半的效果"
evaluator = "市生态环境局"
commissioned_to = ""
members = ["李某"]
methods = ["问卷调查", "专家咨询"]
started_on = 2024-07-05
research_completed_on = 2024-09-30
expert_review_on = 2024-10-10
accepted_on = 2024-10-12
legality_review_on = 2024-10-15
submitted_on = 2024-10-20
decided_on = 2024-11-01
outcome = "continue"
published_on = 2024-11-10
"""

SPEC_PROGRESS = """\
period = "2024-H1"
submitted_on = 2024-07-10
progress_percent = 55
on_track = true
[[indicators]]
name = "PM2.5平均浓度"
unit = "微克/立方米"
target = 25
actual = 23.5
"""


def load(text: str) -> dict:
    return tomllib.loads(text)


def test_the_examples_of_the_spec_are_valid_records():
    decision = Decision.model_validate(load(SPEC_DECISION))
    assert decision.id == "2022-001"
    assert decision.effective_until == date(2026, 12, 31)
    assert decision.summary == "规划期内主要污染物排放总量持续减少。"

    plan = TrackingPlan.model_validate(load(SPEC_PLAN))
    assert plan.milestone("m1").done_on == date(2024, 6, 20)
    assert plan.people[0].contact == "13900000000"
    assert plan.progress_report_every_months == 6

    opinion = Opinion.model_validate(load(SPEC_OPINION))
    assert (opinion.channel, opinion.stance, opinion.submitter.name) == (
        "letter",
        "oppose",
        "张某某",
    )

    event = Event.model_validate(load(SPEC_EVENT))
    assert (event.kind, event.reported_on) == ("controversy", date(2024, 4, 3))

    inspection = Inspection.model_validate(load(SPEC_INSPECTION))
    assert inspection.rectification("r1").reviewed_on == date(2024, 9, 5)
    assert inspection.rectification("r9") is None

    evaluation = Evaluation.model_validate(load(SPEC_EVALUATION))
    assert evaluation.addresses == ["ordos-2024/12.3"]
    assert evaluation.stage_date("research_completed") == date(2024, 9, 30)

    report = ProgressReport.model_validate(load(SPEC_PROGRESS))
    assert (report.indicators[0].target, report.indicators[0].actual) == (25, 23.5)

    settings = Settings.model_validate(load(SPEC_SETTINGS))
    assert settings.workspace.organization == "鄂尔多斯市人民政府"
    assert settings.parameters == {"opinion_threshold": 20}


def test_a_decision_has_the_defaults_of_the_spec():
    decision = Decision.model_validate(
        {
            "id": "2024-001",
            "title": "鄂尔多斯市公共租赁住房管理办法",
            "category": "policy",
            "adopted_on": date(2024, 1, 8),
            "effective_from": date(2024, 2, 1),
            "undertaking_unit": "市住房和城乡建设局",
        }
    )
    assert decision.effective_until is None
    assert (decision.broad_impact, decision.public_concern, decision.continue_intended) == (
        False,
    ) * 3
    assert (decision.classification, decision.status, decision.summary) == (
        "public",
        "in-force",
        "",
    )


def test_settings_default_to_ordos_with_thirty_days_and_auto_commit():
    settings = Settings.model_validate({})
    assert settings.workspace.profile == "ordos-2024"
    assert settings.check.due_soon_days == 30
    assert settings.git.auto_commit is True


def decision_data(**changes) -> dict:
    return {**load(SPEC_DECISION), **changes}


def error_of(model, data) -> list[dict]:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    return raised.value.errors(include_url=False)


@pytest.mark.parametrize(
    ("model", "text", "key", "value"),
    [
        (Decision, SPEC_DECISION, "category", "policy-ish"),
        (Decision, SPEC_DECISION, "classification", "confidential"),
        (Decision, SPEC_DECISION, "status", "active"),
        (Opinion, SPEC_OPINION, "channel", "qq"),
        (Opinion, SPEC_OPINION, "stance", "against"),
        (Event, SPEC_EVENT, "kind", "dispute"),
        (Inspection, SPEC_INSPECTION, "method", "phone"),
        (Evaluation, SPEC_EVALUATION, "kind", "annual"),
        (Evaluation, SPEC_EVALUATION, "scope", "some"),
    ],
)
def test_a_value_outside_the_vocabulary_is_refused(model, text, key, value):
    errors = error_of(model, {**load(text), key: value})
    assert [(e["loc"], e["type"]) for e in errors] == [((key,), "literal_error")]


@pytest.mark.parametrize("value", ["2024-02-30", "2024-01-08"])
def test_a_date_written_as_a_string_is_refused(value):
    errors = error_of(Decision, decision_data(adopted_on=value))
    assert [e["loc"] for e in errors] == [("adopted_on",)]


def test_a_decision_ending_before_it_starts_is_refused():
    errors = error_of(Decision, decision_data(effective_until=date(2021, 12, 31)))
    assert (
        "截止日期 effective_until（2021-12-31）早于施行日期 effective_from（2022-01-01）"
        in errors[0]["msg"]
    )


def test_an_event_reported_before_it_happened_is_refused():
    errors = error_of(Event, {**load(SPEC_EVENT), "reported_on": date(2024, 3, 31)})
    assert (
        "报告日期 reported_on（2024-03-31）早于发生日期 occurred_on（2024-04-01）"
        in errors[0]["msg"]
    )


def test_an_evaluation_submitted_before_its_research_ended_is_refused():
    errors = error_of(Evaluation, {**load(SPEC_EVALUATION), "submitted_on": date(2024, 9, 1)})
    assert (
        "报送日期 submitted_on（2024-09-01）早于调查研究结束 research_completed_on（2024-09-30）"
        in errors[0]["msg"]
    )


def test_an_evaluation_stage_before_its_start_is_refused():
    data = {**load(SPEC_EVALUATION), "started_on": date(2024, 10, 1)}
    errors = error_of(Evaluation, data)
    assert "早于启动日期 started_on（2024-10-01）" in errors[0]["msg"]


def test_an_outcome_needs_its_decision_date_and_the_other_way_round():
    data = load(SPEC_EVALUATION)
    del data["decided_on"], data["published_on"]
    assert (
        "评估结论 outcome 与决定日期 decided_on 必须同时填写"
        in error_of(Evaluation, data)[0]["msg"]
    )


def test_a_rectification_reviewed_before_it_was_done_is_refused():
    data = load(SPEC_INSPECTION)
    data["rectifications"][0]["reviewed_on"] = date(2024, 8, 1)
    assert (
        "报审日期 reviewed_on（2024-08-01）早于完成日期 done_on（2024-08-20）"
        in error_of(Inspection, data)[0]["msg"]
    )


def test_two_milestones_with_one_id_are_refused():
    data = load(SPEC_PLAN)
    data["milestones"].append({"id": "m1", "title": "第二次调查", "due": date(2025, 6, 30)})
    errors = error_of(TrackingPlan, data)
    assert errors[0]["loc"] == ("milestones",)
    assert "时间节点编号“m1”重复" in errors[0]["msg"]


def test_two_rectification_items_with_one_id_are_refused():
    data = load(SPEC_INSPECTION)
    data["rectifications"].append({"id": "r1", "item": "复查", "due": date(2024, 12, 31)})
    assert "整改事项编号“r1”重复" in error_of(Inspection, data)[0]["msg"]


@pytest.mark.parametrize(
    "bad", ["../x", "..", "", " 2024-001", "2024 001", "a/b", "-x", "x" * 65, "a..b"]
)
def test_ids_that_could_leave_their_folder_are_refused(bad):
    assert error_of(Decision, decision_data(id=bad))[0]["loc"] == ("id",)
    assert error_of(Evaluation, {**load(SPEC_EVALUATION), "id": bad})[0]["loc"] == ("id",)
    assert error_of(Milestone, {"id": bad, "due": date(2024, 6, 30)})[0]["loc"] == ("id",)


@pytest.mark.parametrize("good", ["2024-001", "a", "2024-mid-term", "v1.2_final", "X" * 64])
def test_ids_of_letters_digits_dots_dashes_and_underscores_are_accepted(good):
    assert Decision.model_validate(decision_data(id=good)).id == good


def test_the_id_message_explains_the_rule_in_chinese():
    message = error_of(Decision, decision_data(id="../x"))[0]["msg"]
    assert (
        "编号“../x”无效：只能使用字母、数字、“.”“_”“-”，以字母或数字开头，最长64个字符" in message
    )


def test_progress_percent_is_between_zero_and_a_hundred():
    assert error_of(ProgressReport, {**load(SPEC_PROGRESS), "progress_percent": 101})[0]["loc"] == (
        "progress_percent",
    )
    assert error_of(ProgressReport, {**load(SPEC_PROGRESS), "progress_percent": -1})


def test_unknown_keys_are_kept_in_model_extra_at_every_level():
    data = decision_data(effective_untill=date(2027, 12, 31), 备注="经市政府常务会议研究")
    decision = Decision.model_validate(data)
    assert decision.model_extra == {
        "effective_untill": date(2027, 12, 31),
        "备注": "经市政府常务会议研究",
    }
    assert decision.effective_until == date(2026, 12, 31)

    plan_data = load(SPEC_PLAN)
    plan_data["milestones"][0]["note"] = "已提前完成"
    plan_data["reviewer"] = "法制科"
    plan = TrackingPlan.model_validate(plan_data)
    assert plan.model_extra == {"reviewer": "法制科"}
    assert plan.milestones[0].model_extra == {"note": "已提前完成"}

    opinion_data = load(SPEC_OPINION)
    opinion_data["submitter"]["address"] = "康巴什区"
    assert Opinion.model_validate(opinion_data).submitter.model_extra == {"address": "康巴什区"}


def test_a_record_dumps_its_unknown_keys_after_the_known_ones():
    decision = Decision.model_validate(decision_data(备注="保留"))
    assert list(decision.model_dump())[-1] == "备注"


@pytest.mark.parametrize(("text", "clean"), [
    ('title = "生态环境保护规划"\n', True),
    ('title = "规划"\r\nunit = "市生态环境局"\r\n', True),  # Windows line endings are line breaks
    ('title = "\x1b[31m规划"\n', False),
    ('title = "科长\\b批注"\n', False),  # an escape may make a control character: the values are walked
    ('title = "C:\\\\文件"\n', False),
    ('# 注释\x08\ntitle = "规划"\n', False),
])
def test_a_file_text_is_clean_only_when_no_value_can_hold_a_control_character(text, clean):
    from decisiontrack.model.common import text_is_clean

    assert text_is_clean(text) is clean


def test_the_loader_still_refuses_an_escaped_control_character_in_a_nested_record(tmp_path):
    """The fast path skips the walk only for a clean text; a milestone's escaped ESC is still found."""
    from decisiontrack.store.loader import _Reader

    text = ('decision_id = "2024-001"\nresponsible_unit = "市生态环境局"\n\n[[milestones]]\nid = "m1"\n'
            'due = 2024-06-30\ntask = "\\u001b[31m中期评估"\n')
    (tmp_path / "plan.toml").write_text(text, encoding="utf-8")
    problems = []
    assert _Reader(tmp_path, problems).record("plan.toml", TrackingPlan) is None
    assert [(p.path, p.line) for p in problems] == [("plan.toml", 7)]
    assert "含有控制字符 \\x1b（ESC" in problems[0].message
