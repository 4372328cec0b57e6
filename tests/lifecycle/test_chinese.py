"""Chinese in, Chinese out: help, usage errors, every choice's Chinese label, and the prompts."""

from __future__ import annotations

import re
import tomllib

import pytest
import typer

from decisiontrack.cli import app
from decisiontrack.model.decision import CATEGORY_LABELS, CLASSIFICATION_LABELS, STATUS_LABELS
from decisiontrack.model.evaluation import KIND_LABELS, SCOPE_LABELS, STAGES
from decisiontrack.model.event import EVENT_LABELS
from decisiontrack.model.feedback import CHANNEL_LABELS, STANCE_LABELS
from decisiontrack.model.inspection import METHOD_LABELS
from decisiontrack.profiles.loader import read_profile
from decisiontrack.profiles.model import LEVEL_LABELS
from tests.helpers import git, run

CLICK_WORDS = ["Usage", "Options", "Arguments", "Commands", "Show this message", "and exit", "default:", "[default",
               "required]", "env var", "TEXT", "INTEGER", "PATH", "BOOLEAN", "[OPTIONS]", "COMMAND", "[ARGS]", "Try '",
               "Error", "<str>", "<int>", "<path>", "Aborted", "Missing", "No such", "Did you mean", "Got unexpected",
               "Invalid value", "Possible options", "requires an argument", "Cancelled", "Use arrow keys"]
"""click's, typer's and questionary's own English words: none may reach a user."""


def english(text: str) -> list[str]:
    return [word for word in CLICK_WORDS if word in text]


def command_paths(group=None, prefix=()):
    group = group or typer.main.get_command(app)
    for name in group.commands:
        command = group.commands[name]
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from command_paths(command, (*prefix, name))


PATHS = [()] + sorted(command_paths())


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "decisiontrack")
def test_help_of_every_command_is_chinese(path):
    for flag in ("--help", "-h"):
        result = run(None, *path, flag)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("用法：decisiontrack")
        assert "显示本帮助并退出。" in result.stdout
        assert english(result.output) == [], result.output


def test_the_scan_covers_the_new_commands():
    names = {" ".join(p) for p in PATHS}
    for expected in ["decision set", "decision status", "decision rename", "undo", "history", "feedback set",
                     "feedback withdraw", "event set", "event withdraw", "event list", "inspection set",
                     "inspection withdraw", "inspection list", "evaluation list", "plan move", "plan add-milestone",
                     "plan set"]:
        assert expected in names


def test_help_shows_defaults_required_and_environment_in_chinese():
    root = run(None, "-h").stdout
    assert "[环境变量：DECISIONTRACK_WORKSPACE]" in root and "命令：" in root and "选项：" in root
    add = run(None, "decision", "add", "-h").stdout
    assert re.search(r"--classification 文本\s+密级：.*\[默认：public\]", add)
    assert re.search(r"--adopted-on 日期\s+作出决策的日期", add)
    show = run(None, "decision", "show", "-h").stdout
    assert show.startswith("用法：decisiontrack decision show ID [选项]\n")
    assert "参数：\n  ID" in show


@pytest.mark.parametrize("group", ["decision", "plan", "feedback", "event", "inspection", "evaluation", "export"])
def test_a_group_without_a_command_shows_its_help(group):
    result = run(None, group)
    assert result.exit_code == 2
    assert result.stdout.startswith(f"用法：decisiontrack {group} [选项] 命令 [参数]…")
    assert english(result.output) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("decision", "ad"), "错误：没有这个命令：ad（您是不是要找 add？）"),
        (("evaluaton", "list"), "错误：没有这个命令：evaluaton（您是不是要找 evaluation？）"),
        (("decision", "add", "--titel", "x"), "错误：没有这个选项：--titel（您是不是要找 --title？）"),
        (("decision", "add", "--category"), "错误：选项 --category 后面缺少值"),
        (("decision", "add", "--force=yes"), "错误：选项 --force 不接受值，只写选项本身即可"),
        (("decision", "show"), "错误：缺少参数 ID（决策编号）"),
        (("decision", "show", "2024-001", "2024-002"), "错误：多余的参数：2024-002"),
        (("plan", "set", "2024-001", "--progress-report-every-months", "六"),
         "错误：选项 --progress-report-every-months 的值无效：应为整数"),
    ],
)
def test_usage_errors_are_said_in_chinese(args, message):
    result = run(None, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert english(result.output) == [], result.output


def test_a_usage_error_names_the_usage_and_the_help():
    result = run(None, "decision", "add", "--titel", "x")
    assert result.stderr.splitlines() == [
        "用法：decisiontrack decision add [选项]",
        "错误：没有这个选项：--titel（您是不是要找 --title？）",
        "运行 decisiontrack decision add -h 查看帮助。",
    ]


# --- every vocabulary by its Chinese label ---------------------------------------------------------

ORDOS = read_profile("ordos-2024")
VOCABULARIES = {
    "category": CATEGORY_LABELS, "classification": CLASSIFICATION_LABELS, "status": STATUS_LABELS,
    "channel": CHANNEL_LABELS, "stance": STANCE_LABELS, "kind": EVENT_LABELS, "method": METHOD_LABELS,
    "evaluation kind": KIND_LABELS, "scope": SCOPE_LABELS, "stage": {s: STAGES[s] for s in STAGES if s != "decided"},
    "outcome": ORDOS.outcomes_for("plan"), "level": LEVEL_LABELS,
}
CASES = [(vocabulary, code, label) for vocabulary, labels in VOCABULARIES.items() for code, label in labels.items()]


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    """A git workspace with a decision, an opinion, an event, an inspection and an evaluation to edit."""
    root = tmp_path_factory.mktemp("labels") / "ws"
    assert run(None, "init", str(root), "--org", "鄂尔多斯市人民政府").exit_code == 0
    steps = [
        ("decision", "add", "--title", "停车收费办法", "--category", "policy", "--adopted-on", "2023-01-20",
         "--effective-from", "2023-03-01", "--undertaking-unit", "市发展和改革委员会"),
        ("feedback", "add", "2023-001", "--received-on", "2024-03-15", "--channel", "letter", "--stance", "oppose"),
        ("event", "add", "2023-001", "--kind", "problem", "--on", "2024-04-01"),
        ("inspection", "add", "2023-001", "--conducted-on", "2024-05-10", "--method", "onsite"),
    ]
    for step in steps:
        assert run(root, *step).exit_code == 0
    return root


def _entry(root, folder: str) -> str:
    return next((root / "decisions/2023-001" / folder).glob("*.toml")).stem


def _read(path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("vocabulary", "code", "label"), CASES, ids=[f"{v}-{c}" for v, c, _ in CASES])
def test_every_choice_takes_its_chinese_label(labelled, tmp_path, vocabulary, code, label):
    """Each option of a vocabulary accepts the label the views show, and the file keeps the code."""
    root = labelled
    decision = root / "decisions/2023-001/decision.toml"
    if vocabulary in ("category", "classification"):
        assert run(root, "decision", "set", "2023-001", f"--{vocabulary}", label).exit_code == 0
        assert _read(decision)[vocabulary] == code
    elif vocabulary == "status":
        result = run(root, "decision", "list", "--status", label)
        assert result.exit_code == 0 and "符合条件的决策" in result.stdout
    elif vocabulary in ("channel", "stance"):
        entry = _entry(root, "feedback")
        assert run(root, "feedback", "set", "2023-001", entry, f"--{vocabulary}", label).exit_code == 0
        assert _read(root / f"decisions/2023-001/feedback/{entry}.toml")[vocabulary] == code
    elif vocabulary == "kind":
        entry = _entry(root, "events")
        assert run(root, "event", "set", "2023-001", entry, "--kind", label).exit_code == 0
        assert _read(root / f"decisions/2023-001/events/{entry}.toml")["kind"] == code
    elif vocabulary == "method":
        entry = _entry(root, "inspections")
        assert run(root, "inspection", "set", "2023-001", entry, "--method", label).exit_code == 0
        assert _read(root / f"decisions/2023-001/inspections/{entry}.toml")["method"] == code
    elif vocabulary in ("evaluation kind", "scope"):
        extra = ("--scope-note", "收费标准部分") if code == "partial" else ()
        option = "--kind" if vocabulary == "evaluation kind" else "--scope"
        other = ("--scope", "整体评估") if option == "--kind" else ("--kind", "专项评估")
        result = run(root, "evaluation", "start", "2023-001", option, label, *other, *extra, "--started-on",
                     "2024-07-01", "--evaluator", "市发展和改革委员会", "--id", f"e-{code}", "--no-commit")
        assert result.exit_code == 0, result.stderr
        data = _read(root / f"decisions/2023-001/evaluations/e-{code}/evaluation.toml")
        assert data["kind" if option == "--kind" else "scope"] == code
        git(root, "clean", "-fdq")
    elif vocabulary == "stage":
        run(root, "evaluation", "start", "2023-001", "--kind", "special", "--started-on", "2024-07-01",
            "--evaluator", "市发展和改革委员会", "--id", f"s-{code}")
        result = run(root, "evaluation", "advance", "2023-001", f"s-{code}", label, "--on", "2024-08-01", "--force")
        assert result.exit_code == 0, result.stderr
        assert _read(root / f"decisions/2023-001/evaluations/s-{code}/evaluation.toml")[f"{code}_on"].isoformat() \
            == "2024-08-01"
    elif vocabulary == "outcome":
        run(root, "evaluation", "start", "2023-001", "--kind", "special", "--started-on", "2024-07-01",
            "--evaluator", "市发展和改革委员会", "--id", f"o-{code}")
        result = run(root, "evaluation", "decide", "2023-001", f"o-{code}", "--outcome", label, "--on", "2024-09-01",
                     "--force")
        assert result.exit_code == 0, result.stderr
        assert _read(root / f"decisions/2023-001/evaluations/o-{code}/evaluation.toml")["outcome"] == code
    elif vocabulary == "level":
        result = run(root, "check", "--as-of", "2024-06-01", "--fail-on", label, "--quiet")
        assert result.exit_code in (0, 1), result.stderr
    else:  # pragma: no cover
        raise AssertionError(vocabulary)


def test_the_channel_may_be_written_as_offices_write_it(labelled):
    entry = _entry(labelled, "feedback")
    for text in ("电话（12345热线）", "电话(12345热线)", "12345热线"):
        assert run(labelled, "feedback", "set", "2023-001", entry, "--channel", text).exit_code == 0
        assert _read(labelled / f"decisions/2023-001/feedback/{entry}.toml")["channel"] == "phone"
        run(labelled, "feedback", "set", "2023-001", entry, "--channel", "信函")
