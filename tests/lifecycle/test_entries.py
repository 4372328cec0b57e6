"""``feedback / event / inspection`` ``set`` and ``withdraw`` and the lists: correct, never delete."""

from __future__ import annotations

import json
import tomllib
from datetime import date

import pytest

from tests.helpers import commits, git, last_commit, run
from tests.lifecycle.conftest import refused

D = "decisions/2023-001"
OPINION = "20240315-letter-0001"
EVENT = "20240401-controversy-0001"
INSPECTION = "20240510-onsite-0001"


@pytest.fixture
def entries(repo):
    """Decision 2023-001 with an opinion, an event and an inspection, each annotated by hand."""
    files = {
        f"{D}/feedback/{OPINION}.toml": (
            'received_on = 2024-03-15\nchannel = "letter"\nstance = "oppose"\nsummary = "建议延长过渡期"\n'
            '# 登记人：李某\n[submitter]\nname = "张某某"\ncontact = "13800001234"\n'),
        f"{D}/events/{EVENT}.toml": (
            'kind = "controversy"\noccurred_on = 2024-04-01\ndescription = "收费标准引发争议"  # 据信访办\n'
            'source = "信访办"\n'),
        f"{D}/inspections/{INSPECTION}.toml": (
            'conducted_on = 2024-05-10\nmethod = "onsite"\nby = "市人民政府督查室"\n# 第二次督查\n'
            '[[rectifications]]\nid = "r1"\nitem = "补齐台账"\ndue = 2024-08-31\n'),
    }
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "条目")
    return repo


def data(repo, name: str) -> dict:
    return tomllib.loads((repo / name).read_text(encoding="utf-8"))


def test_feedback_set_corrects_in_place_with_chinese_labels_and_one_commit(entries):
    name = f"{D}/feedback/{OPINION}.toml"
    result = run(entries, "feedback", "set", "2023-001", OPINION, "--channel", "电话（12345热线）", "--stance", "建议",
                 "--submitter-contact", "")
    assert result.exit_code == 0, result.stderr
    text = (entries / name).read_text(encoding="utf-8")
    assert "# 登记人：李某" in text
    assert data(entries, name) == {"received_on": date(2024, 3, 15), "channel": "phone", "stance": "suggestion",
                                   "summary": "建议延长过渡期", "submitter": {"name": "张某某"}}
    assert last_commit(entries) == (f"修改意见 2023-001：{OPINION}：渠道、态度、提出人联系方式", [name])


def test_event_set_keeps_the_file_name_comments_and_unknown_keys(entries):
    name = f"{D}/events/{EVENT}.toml"
    result = run(entries, "event", "set", "2023-001", EVENT, "--kind", "出现重大风险", "--reported-on", "2024-04-03")
    assert result.exit_code == 0, result.stderr
    text = (entries / name).read_text(encoding="utf-8")
    assert "# 据信访办" in text and 'source = "信访办"' in text
    record = data(entries, name)
    assert (record["kind"], record["reported_on"]) == ("major-risk", date(2024, 4, 3))
    assert last_commit(entries) == (f"修改事实 2023-001：{EVENT}：类型、报告日期", [name])


def test_inspection_set_keeps_the_rectification_items(entries):
    name = f"{D}/inspections/{INSPECTION}.toml"
    result = run(entries, "inspection", "set", "2023-001", INSPECTION, "--method", "听取汇报", "--findings", "台账不全")
    assert result.exit_code == 0, result.stderr
    record = data(entries, name)
    assert (record["method"], record["findings"]) == ("briefing", "台账不全")
    assert record["rectifications"][0]["id"] == "r1"
    assert "# 第二次督查" in (entries / name).read_text(encoding="utf-8")
    assert last_commit(entries) == (f"修改督查 2023-001：{INSPECTION}：督查方式、督查结论", [name])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("feedback", "set", "2023-001", OPINION, "--channel", "QQ"), "--channel：“QQ”不是可选的值"),
        (("feedback", "set", "2023-001", "20240315-letter-9999", "--stance", "反对"),
         f"决策 2023-001 没有意见 20240315-letter-9999（已有：{OPINION}）"),
        (("event", "set", "2023-001", EVENT, "--reported-on", "2024-03-01"),
         "报告日期 reported_on（2024-03-01）早于发生日期 occurred_on（2024-04-01）"),
        (("event", "set", "2023-001", EVENT), "没有给出要修改的内容"),
        (("inspection", "set", "2023-001", INSPECTION, "--conducted-on", "2024-02-30"), "选项 --conducted-on 的日期"),
        (("event", "set", "2023-009", EVENT, "--kind", "problem"), "未知的决策编号 2023-009"),
        (("feedback", "set", "2023-001", "../../decision", "--stance", "反对"), "意见编号“../../decision”无效"),
    ],
)
def test_refused_corrections_leave_the_files_and_the_history_untouched(entries, args, message):
    refused(entries, 2, message, *args)


def test_a_withdrawn_opinion_stays_on_disk_with_its_date_and_reason(entries):
    name = f"{D}/feedback/{OPINION}.toml"
    result = run(entries, "feedback", "withdraw", "2023-001", OPINION, "--reason", "重复登记", "--on", "2024-04-01")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"已撤回意见 {OPINION}：文件保留，自 2024-04-01 起不再计入。"
    record = data(entries, name)
    assert (record["withdrawn_on"], record["withdrawn_reason"]) == (date(2024, 4, 1), "重复登记")
    assert record["submitter"] == {"name": "张某某", "contact": "13800001234"}
    assert last_commit(entries) == (f"撤回意见 2023-001：{OPINION}（2024-04-01，重复登记）", [name])
    listed = run(entries, "feedback", "list", "2023-001")
    assert "2023-001 的公众意见（共 1 条，已撤回 1 条）" in listed.stdout
    assert "2024-04-01 撤回：重复登记" in listed.stdout


def test_a_withdrawn_opinion_no_longer_counts_toward_many_opinions(repo):
    """第十一条第（三）项: 较多意见 counts opinions not withdrawn on the day checked."""
    settings = repo / "decisiontrack.toml"
    text = settings.read_text(encoding="utf-8").replace("[parameters]", "[parameters]\nopinion_threshold = 2", 1)
    settings.write_text(text, encoding="utf-8")
    for day in ("2024-03-01", "2024-03-02"):
        assert run(repo, "feedback", "add", "2023-001", "--received-on", day, "--channel", "信函",
                   "--stance", "反对").exit_code == 0
    first = sorted((repo / D / "feedback").glob("*.toml"))[0].stem

    def rules(as_of: str) -> list[str]:
        result = run(repo, "check", "--as-of", as_of, "--format", "json", "--fail-on", "never")
        return [f["rule"] for f in json.loads(result.stdout)["findings"]]

    assert "ordos-2024/11.3" in rules("2024-03-10")
    assert run(repo, "feedback", "withdraw", "2023-001", first, "--reason", "登记错误", "--on", "2024-03-05").exit_code == 0
    assert "ordos-2024/11.3" not in rules("2024-03-10")
    assert "ordos-2024/11.3" in rules("2024-03-04")  # a day before the withdrawal still sees it


def test_event_and_inspection_withdraw_and_list(entries):
    assert run(entries, "event", "withdraw", "2023-001", EVENT, "--reason", "并非本决策的事实",
               "--on", "2024-04-05").exit_code == 0
    assert run(entries, "inspection", "withdraw", "2023-001", INSPECTION, "--reason", "重复登记",
               "--on", "2024-05-11").exit_code == 0
    assert commits(entries)[:2] == [f"撤回督查 2023-001：{INSPECTION}（2024-05-11，重复登记）",
                                    f"撤回事实 2023-001：{EVENT}（2024-04-05，并非本决策的事实）"]
    events = run(entries, "event", "list", "2023-001")
    assert events.exit_code == 0
    assert "2023-001 的事实（共 1 条，已撤回 1 条）" in events.stdout
    assert "出现较大争议" in events.stdout and "2024-04-05 撤回：并非本决策的事实" in events.stdout
    inspections = run(entries, "inspection", "list", "2023-001")
    assert "实地督查" in inspections.stdout and "r1 补齐台账（期限 2024-08-31，未完成）" in inspections.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("feedback", "withdraw", "2023-001", OPINION, "--on", "2024-04-01"), 2, "缺少必需的选项：--reason（撤回原因）"),
        (("feedback", "withdraw", "2023-001", OPINION, "--reason", "重复", "--on", "2024-03-01"), 2,
         "--on：撤回日期 2024-03-01 早于该意见的日期 2024-03-15"),
        (("event", "withdraw", "2023-001", "nope", "--reason", "x"), 2, f"决策 2023-001 没有事实 nope（已有：{EVENT}）"),
        (("inspection", "withdraw", "2023-001", INSPECTION, "--reason", " ", "--on", "2024-06-01"), 2,
         "--reason：请写明撤回的原因"),
    ],
)
def test_refused_withdrawals(entries, args, code, message):
    refused(entries, code, message, *args)


def test_withdrawing_twice_is_refused(entries):
    run(entries, "feedback", "withdraw", "2023-001", OPINION, "--reason", "重复登记", "--on", "2024-04-01")
    result = run(entries, "feedback", "withdraw", "2023-001", OPINION, "--reason", "再次", "--on", "2024-04-02")
    assert result.exit_code == 2
    assert f"{D}/feedback/{OPINION}.toml 已于 2024-04-01 撤回（重复登记）" in result.stderr


def test_set_cannot_withdraw_behind_the_audit_trail(entries):
    from decisiontrack.errors import UserError
    from decisiontrack.ops.entries import set_entry

    with pytest.raises(UserError, match="feedback withdraw"):
        set_entry(entries, "2023-001", "feedback", OPINION, {"withdrawn_on": date(2024, 4, 1)})
