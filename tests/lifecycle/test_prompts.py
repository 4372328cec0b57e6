"""Interactive entry never loses answers: each answer is checked as it is typed.

questionary is driven through prompt_toolkit's pipe input (no terminal needed); the checks are
also tested directly, and without a terminal every command fails at once listing what is missing.
"""

from __future__ import annotations

import tomllib
from datetime import date

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from decisiontrack.cli import _prompts
from decisiontrack.cli._prompts import Ask, checker, fill_missing
from decisiontrack.errors import UserError
from tests.helpers import commits, run, snapshot

DOWN, ENTER, CLEAR = "\x1b[B", "\r", "\x15"


@pytest.fixture
def terminal(monkeypatch):
    """A person at a terminal: prompts read what the test types into a pipe."""
    monkeypatch.setattr(_prompts, "is_interactive", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def test_checks_run_as_each_answer_is_typed():
    day = checker(Ask("on", "--on", "日期", "date"))
    assert day("2024-02-29") is True
    assert day("2023-02-29") == "请输入真实的日期，如 2024-01-08"
    assert day("  ") == "不能为空"

    def rule(text: str) -> str:
        if text not in ("12.1", "12.3"):
            raise UserError(f"办法 ordos-2024 没有规则“{text}”")
        return text

    assert checker(Ask("rule", "--addresses", "规则", parse=rule))("12.9") == "办法 ordos-2024 没有规则“12.9”"


def test_a_wrong_date_is_asked_again_at_once(terminal):
    terminal.send_text("2024-13-01" + ENTER + CLEAR + "2024-01-08" + ENTER + "市司法局" + ENTER)
    filled = fill_missing({"on": None, "unit": None},
                          [Ask("on", "--on", "日期", "date"), Ask("unit", "--unit", "单位")])
    assert filled == {"on": date(2024, 1, 8), "unit": "市司法局"}


def test_a_choice_is_picked_by_arrow_keys(terminal):
    terminal.send_text(DOWN + DOWN + ENTER)
    filled = fill_missing({"stance": None}, [Ask("stance", "--stance", "态度", "choice",
                                                 {"support": "支持", "oppose": "反对", "suggestion": "建议"})])
    assert filled == {"stance": "suggestion"}


def test_an_optional_question_is_left_unset_without_a_terminal():
    asks = [Ask("addresses", "--addresses", "回应的规则", "several", {"x": "x"}, required=False)]
    assert fill_missing({"addresses": None}, asks) == {"addresses": None}
    with pytest.raises(UserError, match="缺少必需的选项：--on（日期）"):
        fill_missing({"on": None}, [Ask("on", "--on", "日期", "date")])


def test_interactive_decision_add_asks_again_until_the_date_is_real(repo, terminal):
    answers = ["停车收费办法", DOWN + ENTER, "2024-02-30" + ENTER + CLEAR + "2024-01-20", "2024-03-01", "市发展和改革委员会"]
    terminal.send_text("".join(a if a.endswith(ENTER) else a + ENTER for a in answers))
    result = run(repo, "decision", "add")
    assert result.exit_code == 0, result.output
    data = tomllib.loads((repo / "decisions/2024-001/decision.toml").read_text(encoding="utf-8"))
    assert (data["title"], data["category"], data["adopted_on"]) == ("停车收费办法", "policy", date(2024, 1, 20))


def test_evaluation_start_offers_the_rules_triggered_that_day(repo, terminal):
    """第十二条第（一）、（二）项: a controversy, and a year of a policy of public concern, make an evaluation
    required; the prompt lists both rules by number and article; a rule the 办法 lacks is asked again."""
    assert run(repo, "event", "add", "2023-001", "--kind", "出现较大争议",
               "--on", "2024-04-01").exit_code == 0
    answers = [DOWN + DOWN + DOWN + ENTER, "2024-06-01" + ENTER, "12.9" + ENTER + CLEAR + "12.1" + ENTER,
               "市发展和改革委员会" + ENTER]
    terminal.send_text("".join(answers))
    result = run(repo, "evaluation", "start", "2023-001")
    assert result.exit_code == 0, result.output
    listed = result.stdout.split("本次评估回应的规则可选：\n", 1)[1].splitlines()[:2]
    assert [line.split("：")[0] for line in listed] == [
        "  12.2 第十二条第（二）项（已逾期）", "  12.1 第十二条第（一）项（应当）"]
    data = tomllib.loads((repo / "decisions/2023-001/evaluations/2024-special/evaluation.toml")
                         .read_text(encoding="utf-8"))
    assert (data["kind"], data["addresses"]) == ("special", ["ordos-2024/12.1"])


def test_the_rules_offered_are_those_triggered_on_the_day(repo):
    from decisiontrack.ops.evaluations import triggered_rules

    run(repo, "event", "add", "2023-001", "--kind", "controversy", "--on", "2024-04-01")
    offered = triggered_rules(repo, "2023-001", date(2024, 6, 1))
    assert list(offered) == ["ordos-2024/12.2", "ordos-2024/12.1"]
    assert offered["ordos-2024/12.1"].startswith("12.1 第十二条第（一）项（应当）：")
    assert list(triggered_rules(repo, "2023-001", date(2024, 2, 1))) == []


def test_a_voluntary_evaluation_answers_no_rule(repo):
    result = run(repo, "evaluation", "start", "2023-001", "--kind", "专项评估", "--started-on", "2024-06-01",
                 "--evaluator", "市发展和改革委员会")
    assert result.exit_code == 0, result.stderr
    assert "评估 2024-special 未回应任何规则（自愿评估）" in result.stdout
    data = tomllib.loads((repo / "decisions/2023-001/evaluations/2024-special/evaluation.toml")
                         .read_text(encoding="utf-8"))
    assert data["addresses"] == []


def test_ctrl_c_cancels_without_writing_anything(repo, terminal):
    before = snapshot(repo), commits(repo)
    terminal.send_text("停车" + "\x03")
    result = run(repo, "decision", "add")
    assert result.exit_code == 130
    assert "已取消，未写入任何内容。" in result.stderr
    assert "Cancelled" not in result.output
    assert (snapshot(repo), commits(repo)) == before


@pytest.mark.parametrize(
    ("args", "missing"),
    [
        (("decision", "add"), "--title（决策名称）、--category（类别）、--adopted-on（作出决策的日期）"),
        (("plan", "move", "2023-001", "m1"), "--due（新的期限）、--reason（调整原因）"),
        (("feedback", "withdraw", "2023-001", "nope"), None),
        (("evaluation", "decide", "2023-001", "x"), "--outcome（评估结论（第二十条））"),
    ],
)
def test_without_a_terminal_a_missing_value_is_exit_2_at_once(repo, args, missing):
    before = snapshot(repo)
    result = run(repo, *args)
    assert result.exit_code == 2
    if missing:
        assert f"缺少必需的选项：{missing}" in result.stderr
    assert snapshot(repo) == before
