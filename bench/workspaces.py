"""Realistic benchmark workspaces, generated once and reused (they take minutes and gigabytes at 50,000).

Each decision has a plan with two milestones, five opinions, an event, an inspection with a
rectification item, and one in ten an evaluation with its report; one in fifty is secret. The
workspace is a git repository with everything committed, as an office's would be.

Usage: python bench/workspaces.py [--data /work/benchdata] [SIZE ...]
"""

from __future__ import annotations

import argparse
import random
import subprocess
from datetime import date, timedelta
from pathlib import Path

DEFAULT_DATA = Path("/work/benchdata")
SETTINGS = '[workspace]\norganization = "{org}"\nprofile = "ordos-2024"\n\n[check]\ndue_soon_days = 30\n'
CATEGORIES = ["plan", "policy", "reform", "project", "normative", "other"]
UNITS = ["市发展和改革委员会", "市生态环境局", "市教育局", "市住房和城乡建设局", "市交通运输局", "市卫生健康委员会",
         "市自然资源局", "市农牧局", "市民政局", "市财政局"]
CHANNELS = ["letter", "phone", "email", "online", "visit", "meeting", "wechat"]
STANCES = ["support", "oppose", "suggestion", "neutral"]
EVENTS = ["basis-changed", "problem", "controversy", "below-target", "evaluation-requested", "deemed-necessary"]
SUBJECTS = ["生态环境保护", "城乡供水保障", "义务教育均衡发展", "老旧小区改造", "公共交通优化", "基层医疗服务",
            "耕地保护", "营商环境改善", "养老服务体系", "数字政府建设"]


def workspace_path(data: Path, size: int) -> Path:
    """Where the workspace of ``size`` decisions lives."""
    return data / f"ws-{size}"


def generate(root: Path, size: int, seed: int = 20250630, org: str = "基准测试市人民政府") -> None:
    """Write a workspace of ``size`` decisions under ``root`` and commit it."""
    write_files(root, size, seed, org)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-q", "-m", "基准工作区")


def write_files(root: Path, size: int, seed: int = 20250630, org: str = "基准测试市人民政府") -> None:
    """The files of a workspace of ``size`` decisions under ``root`` (no git)."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "decisiontrack.toml").write_text(SETTINGS.format(org=org), encoding="utf-8")
    (root / ".gitignore").write_text("out/\n", encoding="utf-8")
    for index in range(size):
        _decision(root, index, rng)


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True)


def _decision(root: Path, index: int, rng: random.Random) -> None:
    year = 2018 + index % 7
    decision_id = f"{year}-{index:05d}"
    folder = root / "decisions" / decision_id
    for sub in ("feedback", "events", "inspections"):
        (folder / sub).mkdir(parents=True)
    start = date(year, 1, 1) + timedelta(days=rng.randrange(300))
    until = start + timedelta(days=365 * rng.choice([1, 3, 5, 6]) - 1)
    subject = rng.choice(SUBJECTS)
    unit = rng.choice(UNITS)
    classification = "secret" if index % 50 == 7 else rng.choice(["public"] * 4 + ["internal"])
    title = f"关于推进{subject}的实施意见（第{index}号）" if classification != "secret" else f"涉密事项 {decision_id}"
    _write(folder / "decision.toml", (
        f'id = "{decision_id}"\ntitle = "{title}"\ndoc_number = "鄂府发〔{year}〕{index % 300 + 1}号"\n'
        f'category = "{rng.choice(CATEGORIES)}"\nadopted_on = {start - timedelta(days=20)}\n'
        f'effective_from = {start}\neffective_until = {until}\nundertaking_unit = "{unit}"\n'
        f'broad_impact = {_bool(rng.random() < 0.3)}\npublic_concern = {_bool(rng.random() < 0.2)}\n'
        f'classification = "{classification}"\n'
        f'summary = """\n围绕{subject}，明确目标任务、责任分工和保障措施，'
        f'分年度组织实施，定期报告进展。\n"""\n'))
    created = start + timedelta(days=rng.randrange(10, 40))
    m1, m2 = start + timedelta(days=180), start + timedelta(days=540)
    done = f"done_on = {m1 - timedelta(days=5)}\n" if rng.random() < 0.7 else ""
    _write(folder / "plan.toml", (
        f'responsible_unit = "{unit}法规科"\ncreated_on = {created}\nsteps = """\n'
        f'一、制定方案；二、开展调查；三、形成报告。\n"""\nmethods = ["问卷调查", "实地考察"]\n'
        f'progress_report_every_months = 6\n\n[[people]]\nname = "王某某"\nrole = "科长"\n'
        f'contact = "0477-8581234"\n\n[[milestones]]\nid = "m1"\ntitle = "完成年度跟踪调查"\ndue = {m1}\n{done}\n'
        f'[[milestones]]\nid = "m2"\ntitle = "形成阶段性跟踪反馈报告"\ndue = {m2}\n'))
    for _ in range(5):
        received = start + timedelta(days=rng.randrange(900))
        channel = rng.choice(CHANNELS)
        _write(folder / "feedback" / f"{received:%Y%m%d}-{channel}-{rng.getrandbits(16):04x}.toml", (
            f'received_on = {received}\nchannel = "{channel}"\nstance = "{rng.choice(STANCES)}"\n'
            f'summary = "建议进一步加强{subject}的宣传解读，及时公开进展情况。"\n\n'
            f'[submitter]\nname = "市民李某"\ncontact = "13900000000"\n'))
    occurred = start + timedelta(days=rng.randrange(60, 900))
    kind = rng.choice(EVENTS)
    reported = f"reported_on = {occurred + timedelta(days=3)}\n" if rng.random() < 0.8 else ""
    _write(folder / "events" / f"{occurred:%Y%m%d}-{kind}-{rng.getrandbits(16):04x}.toml", (
        f'kind = "{kind}"\noccurred_on = {occurred}\ndescription = "执行中反映的情况：{subject}相关问题。"\n{reported}'))
    conducted = start + timedelta(days=rng.randrange(90, 700))
    fixed = f"done_on = {conducted + timedelta(days=50)}\n" if rng.random() < 0.6 else ""
    _write(folder / "inspections" / f"{conducted:%Y%m%d}-onsite-{rng.getrandbits(16):04x}.toml", (
        f'conducted_on = {conducted}\nmethod = "onsite"\nby = "市人民政府督查室"\n'
        f'findings = "部分任务进度滞后。"\n\n[[rectifications]]\nid = "r1"\nitem = "加快推进滞后任务"\n'
        f'due = {conducted + timedelta(days=60)}\n{fixed}'))
    if index % 10 == 3:
        _evaluation(folder, start, subject)


def _evaluation(folder: Path, start: date, subject: str) -> None:
    began = start + timedelta(days=400)
    path = folder / "evaluations" / f"{began.year}-special"
    path.mkdir(parents=True)
    _write(path / "evaluation.toml", (
        f'id = "{began.year}-special"\nkind = "special"\naddresses = []\nscope = "whole"\n'
        f'purpose = "评估{subject}的实施效果"\nevaluator = "市司法局"\nmembers = ["张某", "刘某"]\n'
        f'methods = ["问卷调查", "专家咨询"]\nstarted_on = {began}\n'
        f'research_completed_on = {began + timedelta(days=60)}\nsubmitted_on = {began + timedelta(days=80)}\n'))
    _write(path / "report.md", (
        f'+++\ntitle = "{subject}后评估报告"\n+++\n\n# 一、基本情况\n\n本项决策执行总体平稳。\n\n'
        f'# 二、评估结论\n\n建议继续执行。\n'))


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def ensure(data: Path, size: int) -> Path:
    """The workspace of ``size`` decisions, generated the first time it is asked for."""
    root = workspace_path(data, size)
    if not (root / ".git").is_dir():
        if root.exists():
            subprocess.run(["rm", "-rf", str(root)], check=True)
        generate(root, size)
    return root


def ensure_several(data: Path, count: int, size: int) -> Path:
    """A parent folder of ``count`` workspaces of ``size`` decisions each, as a 司法厅 gathers its
    cities' repositories: each its own git repository and organisation, the ids repeating across them."""
    parent = data / f"several-{count}x{size}"
    for number in range(1, count + 1):
        root = parent / f"county-{number:02d}"
        if not (root / ".git").is_dir():
            if root.exists():
                subprocess.run(["rm", "-rf", str(root)], check=True)
            generate(root, size, seed=20250630 + number, org=f"基准测试第{number}县人民政府")
    return parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10, 1000, 10_000, 20_000, 50_000])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    for size in args.sizes:
        print(ensure(args.data, size), flush=True)


if __name__ == "__main__":
    main()
