"""``feedback import``: hotline, website and letter exports become opinions (第七条; 任丘第八条)."""

from __future__ import annotations

import tomllib
from datetime import date, datetime

import pytest
from tests.helpers import run, snapshot
from tests.intake.conftest import HEADER, ROW, commits, committed_files, csv_file, xlsx
from tests.intake.make_inputs import HOTLINE, hotline_csv

from decisiontrack.intake.hotline import CHANNEL_ALIASES, parse_channel
from decisiontrack.model.feedback import CHANNEL_LABELS

HOTLINE_HEADER = ["受理时间", "来源渠道", "诉求内容", "来电人", "联系电话"]


@pytest.fixture
def parking(repo, tmp_path):
    """The workspace with decision 2022-001 (停车收费管理办法)."""
    assert run(repo, "import", "decisions", xlsx(tmp_path / "台账.xlsx", [HEADER, ROW])).exit_code == 0
    return repo


def opinions(root) -> list[dict]:
    """Every opinion of 2022-001, by file name."""
    folder = root / "decisions" / "2022-001" / "feedback"
    return [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.toml"))]


@pytest.mark.parametrize(("written", "channel"), [
    *((word, key) for word, key in CHANNEL_ALIASES.items()),
    *((label, key) for key, label in CHANNEL_LABELS.items()),
    ("12345政务服务便民热线", "phone"), ("市政府门户网站留言", "online"), ("phone", "phone"),
])
def test_every_channel_label(written, channel):
    """Issue 13: 12345热线/热线/电话 → phone, 网站/网上/网络 → online, 来信/信函 → letter, 来访 → visit,
    电子邮件/邮件 → email, 传真 → fax, 微信 → wechat; and the model's own labels."""
    assert parse_channel(written) == channel


@pytest.mark.parametrize("written", ["市长信箱", "电话来信"])
def test_unknown_or_ambiguous_channels_are_refused(written):
    with pytest.raises(ValueError, match=f"渠道“{written}”无法识别；可写：12345热线、12345、热线"):
        parse_channel(written)


def test_the_sample_hotline_export_in_gbk(parking, tmp_path):
    """Name and phone go to [submitter], never into the summary; each opinion keeps its source row and
    full time; two identical complaints on one day stay two opinions (they count toward 较多意见)."""
    result = run(parking, "feedback", "import", "2022-001", hotline_csv(tmp_path / HOTLINE))
    assert result.exit_code == 0, result.stderr
    assert "新增 6 条，已导入过 0 条。" in result.stdout
    found = sorted(opinions(parking), key=lambda o: o["source"])
    assert [o["source"] for o in found] == [f"12345工单.csv#{n}" for n in range(2, 8)]
    first, second, web, letter, wechat, phone = found
    assert first == {
        "received_on": date(2023, 3, 5), "channel": "phone", "stance": "oppose",
        "summary": "市民反映一类区域首小时收费3元偏高，建议下调。", "received_at": datetime(2023, 3, 5, 9, 12),
        "source": "12345工单.csv#2", "submitter": {"name": "王某某", "contact": "13900001111"},
    }
    assert (second["received_on"], second["summary"]) == (first["received_on"], first["summary"])
    assert web["channel"] == "online" and web["stance"] == "suggestion" and "submitter" not in web
    assert letter["channel"] == "letter"
    assert letter["summary"] == "［提出人］来信：夜间停车收费标准应予公示，联系电话［联系方式已隐去］。"
    assert letter["submitter"] == {"name": "张某某", "contact": "13900003333"}
    assert (wechat["channel"], wechat["stance"], wechat["received_on"]) == ("wechat", "support", date(2023, 4, 15))
    assert "received_at" not in wechat
    assert (phone["channel"], phone["stance"], phone["received_at"]) == ("phone", "neutral", datetime(2023, 4, 20, 14, 30))
    assert "提示：未导入的列：工单编号" in result.stderr


def test_one_commit_and_reimport_adds_nothing(parking, tmp_path):
    export = hotline_csv(tmp_path / HOTLINE)
    assert run(parking, "feedback", "import", "2022-001", export).exit_code == 0
    assert commits(parking)[0] == "导入意见 2022-001：12345工单.csv，6 条"
    assert len(committed_files(parking)) == 6
    before = snapshot(parking)
    again = run(parking, "feedback", "import", "2022-001", export)
    assert again.exit_code == 0
    assert "新增 0 条，已导入过 6 条。" in again.stdout
    assert snapshot(parking) == before
    assert len(commits(parking)) == 3


def test_a_later_export_of_the_same_name_with_other_rows_is_refused(parking, tmp_path):
    """Same source, different content: another file under the same name, not a re-import."""
    export = tmp_path / "导出.csv"
    csv_file(export, [HOTLINE_HEADER, ["2023/3/5", "热线", "收费偏高", "", ""]])
    assert run(parking, "feedback", "import", "2022-001", export).exit_code == 0
    csv_file(export, [HOTLINE_HEADER, ["2023/4/5", "热线", "泊位不足", "", ""]])
    before = snapshot(parking)
    result = run(parking, "feedback", "import", "2022-001", export)
    assert result.exit_code == 3
    assert "第 2 行：来源“导出.csv#2”已导入" in result.stderr and "请改用新的文件名" in result.stderr
    assert snapshot(parking) == before


def test_stance_option_and_channel_option_when_the_file_has_no_such_column(parking, tmp_path):
    export = xlsx(tmp_path / "网站留言.xlsx", [["某市政府网站留言导出"], ["留言时间", "留言内容"],
                                               ["2023-05-06 10:00", "希望公布收费依据"]], merges=("A1:B1",))
    refused = run(parking, "feedback", "import", "2022-001", export)
    assert refused.exit_code == 2
    assert "没有渠道列；请用 --channel 指明" in refused.stderr
    result = run(parking, "feedback", "import", "2022-001", export, "--channel", "网站", "--stance", "中立")
    assert result.exit_code == 0, result.stderr
    (opinion,) = opinions(parking)
    assert (opinion["channel"], opinion["stance"], opinion["source"]) == ("online", "neutral", "网站留言.xlsx#3")


def test_bad_cells_refuse_the_whole_file(parking, tmp_path):
    export = csv_file(tmp_path / "工单.csv", [HOTLINE_HEADER, ["2023/2/30", "热线", "甲", "", ""],
                                              ["2023/3/1", "市长信箱", "乙", "", ""], ["2023/3/2", "热线", "丙", "", ""]],
                      "gbk")
    before = snapshot(parking)
    result = run(parking, "feedback", "import", "2022-001", export)
    assert result.exit_code == 3
    assert "  A2（受理时间）：日期“2023/2/30”不存在（没有这一天）；请改为真实的日期" in result.stderr
    assert "  B3（来源渠道）：渠道“市长信箱”无法识别" in result.stderr
    assert snapshot(parking) == before


def test_dry_run_shows_no_personal_data(parking, tmp_path):
    result = run(parking, "feedback", "import", "2022-001", hotline_csv(tmp_path / HOTLINE), "--dry-run")
    assert result.exit_code == 0
    assert "（试运行，未写入）新增 6 条，已导入过 0 条。" in result.stdout
    assert "王某某" not in result.stdout and "13900001111" not in result.stdout
    assert not (parking / "decisions" / "2022-001" / "feedback").exists()


def test_unknown_decision_is_exit_2(parking, tmp_path):
    result = run(parking, "feedback", "import", "2030-001", hotline_csv(tmp_path / HOTLINE))
    assert result.exit_code == 2
    assert "未知的决策编号 2030-001" in result.stderr


def test_imported_opinions_count_toward_rule_11_3(parking, tmp_path):
    """第十一条第（三）项: imported opinions are opinions like any other (threshold lowered to 6 here;
    the 办法 is in force from 2024-01-09, and the 2023 opinions are within the 365 days before the 20th)."""
    settings = parking / "decisiontrack.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "[parameters]", "[parameters]\nopinion_threshold = 6"), encoding="utf-8")
    assert run(parking, "feedback", "import", "2022-001", hotline_csv(tmp_path / HOTLINE), "--no-commit").exit_code == 0
    result = run(parking, "check", "--as-of", "2024-01-20", "--format", "json", "--fail-on", "never")
    import json

    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert "ordos-2024/11.3" in rules


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--channel", "市长信箱", "--channel：渠道“市长信箱”无法识别"),
    ("--stance", "愤怒", "--stance：态度“愤怒”无法识别；可写：支持、反对、建议、中立"),
])
def test_bad_channel_or_stance_options_are_exit_2(parking, tmp_path, option, value, message):
    export = csv_file(tmp_path / "工单.csv", [["受理时间", "诉求内容"], ["2023/3/1", "甲"]])
    result = run(parking, "feedback", "import", "2022-001", export, "--channel", "热线", option, value)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_bad_cell_is_named_once(parking, tmp_path):
    export = csv_file(tmp_path / "工单.csv", [HOTLINE_HEADER, ["", "热线", "甲", "", ""]])
    result = run(parking, "feedback", "import", "2022-001", export)
    assert result.exit_code == 3
    assert "有 1 处错误" in result.stderr and "A2（受理时间）：不能为空：请填写收到时间" in result.stderr


def test_the_source_names_the_sheet_when_the_workbook_has_several(parking, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "3月"
    book.active.append(HOTLINE_HEADER)
    book.active.append(["2023/3/5", "热线", "收费偏高", "", ""])
    april = book.create_sheet("4月")
    april.append(HOTLINE_HEADER)
    april.append(["2023/4/5", "网站", "泊位不足", "", ""])
    book.save(tmp_path / "工单.xlsx")
    result = run(parking, "feedback", "import", "2022-001", tmp_path / "工单.xlsx", "--sheet", "4月")
    assert result.exit_code == 0, result.stderr
    (opinion,) = opinions(parking)
    assert (opinion["source"], opinion["channel"]) == ("工单.xlsx#4月!2", "online")
