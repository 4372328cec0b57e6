"""Evidence for each stage: the papers a 司法局 reviewer asks for first, copied, recorded and committed."""

from __future__ import annotations

import tomllib

from tests.helpers import last_commit, run

EVALUATION = "decisions/2023-001/evaluations/2024-special"


def started(repo):
    assert run(repo, "evaluation", "start", "2023-001", "--kind", "special", "--addresses", "12.1",
               "--started-on", "2024-03-01", "--evaluator", "市发展和改革委员会").exit_code == 0
    return repo


def paper(tmp_path, name: str, content: bytes = b"%PDF-1.4") -> str:
    path = tmp_path / "收文" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return str(path)


def test_advance_with_evidence_copies_it_beside_the_stage_date_in_one_commit(repo, tmp_path):
    """任丘第三、二十四、二十九条 / 鄂尔多斯第十四条: 合法性审查意见书 kept with legality_review_on."""
    started(repo)
    opinion = paper(tmp_path, "合法性审查意见书.pdf", b"%PDF-1.4 legality")
    result = run(repo, "evaluation", "advance", "2023-001", "2024-special", "legality_review", "--on", "2024-05-10",
                 "--evidence", opinion)
    assert result.exit_code == 0, result.stderr
    text = (repo / EVALUATION / "evaluation.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["legality_review_evidence"] == ["evidence/合法性审查意见书.pdf"]
    lines = text.splitlines()
    assert lines[lines.index("legality_review_on = 2024-05-10") + 1].startswith("legality_review_evidence = ")
    assert (repo / EVALUATION / "evidence/合法性审查意见书.pdf").read_bytes() == b"%PDF-1.4 legality"
    assert last_commit(repo) == (
        "记录评估阶段 2023-001：评估 2024-special 合法性审查（2024-05-10）",
        sorted([f"{EVALUATION}/evaluation.toml", f"{EVALUATION}/evidence/合法性审查意见书.pdf"]))


def test_two_papers_of_the_same_name_are_both_kept(repo, tmp_path):
    started(repo)
    first = paper(tmp_path, "专家论证意见.pdf", b"first")
    run(repo, "evaluation", "advance", "2023-001", "2024-special", "expert_review", "--on", "2024-04-10",
        "--evidence", first)
    second = tmp_path / "另一份" / "专家论证意见.pdf"
    second.parent.mkdir()
    second.write_bytes(b"second")
    result = run(repo, "evaluation", "advance", "2023-001", "2024-special", "expert_review", "--on", "2024-04-10",
                 "--evidence", str(second), "--force")
    assert result.exit_code == 0, result.stderr
    data = tomllib.loads((repo / EVALUATION / "evaluation.toml").read_text(encoding="utf-8"))
    assert data["expert_review_evidence"] == ["evidence/专家论证意见.pdf", "evidence/专家论证意见-2.pdf"]


def test_a_missing_paper_is_refused_and_nothing_is_written(repo):
    started(repo)
    before = (repo / EVALUATION / "evaluation.toml").read_bytes()
    result = run(repo, "evaluation", "advance", "2023-001", "2024-special", "accepted", "--on", "2024-05-01",
                 "--evidence", "没有这个文件.pdf")
    assert result.exit_code == 2
    assert "--evidence：找不到文件 没有这个文件.pdf" in result.stderr
    assert (repo / EVALUATION / "evaluation.toml").read_bytes() == before
    assert not (repo / EVALUATION / "evidence").exists()


def test_show_lists_each_stage_with_its_evidence(repo, tmp_path):
    started(repo)
    run(repo, "evaluation", "advance", "2023-001", "2024-special", "legality_review", "--on", "2024-05-10",
        "--evidence", paper(tmp_path, "合法性审查意见书.pdf"))
    run(repo, "evaluation", "advance", "2023-001", "2024-special", "submitted", "--on", "2024-05-20", "--force")
    run(repo, "evaluation", "decide", "2023-001", "2024-special", "--outcome", "终止执行", "--on", "2024-06-01",
        "--evidence", paper(tmp_path, "第12次常务会议纪要.pdf"))
    run(repo, "decision", "status", "2023-001", "停止执行", "--on", "2024-06-20", "--by-evaluation", "2024-special",
        "--basis", "鄂府发〔2024〕20号", "--evidence", paper(tmp_path, "废止决定.pdf"))
    result = run(repo, "decision", "show", "2023-001", "--as-of", "2024-07-01")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "证明材料：evaluations/2024-special/evidence/合法性审查意见书.pdf" in out
    assert "结论：终止执行；证明材料：evaluations/2024-special/evidence/第12次常务会议纪要.pdf" in out
    assert "状态变为终止执行" in out and "鄂府发〔2024〕20号；评估 2024-special；证明材料：evidence/废止决定.pdf" in out
    assert "状态：终止执行（自 2024-06-20 起）" in out
    assert "continue" not in out and "terminate" not in out


def test_inspection_and_rectification_evidence(repo, tmp_path):
    result = run(repo, "inspection", "add", "2023-001", "--conducted-on", "2024-05-10", "--method", "实地督查",
                 "--rectification", "2024-08-31:补齐台账", "--evidence", paper(tmp_path, "督查通报.pdf"))
    assert result.exit_code == 0, result.stderr
    inspection = next((repo / "decisions/2023-001/inspections").glob("*.toml"))
    assert tomllib.loads(inspection.read_text(encoding="utf-8"))["evidence"] == ["evidence/督查通报.pdf"]
    result = run(repo, "inspection", "done", "2023-001", inspection.stem, "r1", "--on", "2024-08-20",
                 "--evidence", paper(tmp_path, "验收确认.pdf"))
    assert result.exit_code == 0, result.stderr
    item = tomllib.loads(inspection.read_text(encoding="utf-8"))["rectifications"][0]
    assert item["evidence"] == ["evidence/验收确认.pdf"]
    assert (repo / "decisions/2023-001/evidence/验收确认.pdf").is_file()
    assert last_commit(repo)[1] == sorted([f"decisions/2023-001/inspections/{inspection.name}",
                                           "decisions/2023-001/evidence/验收确认.pdf"])


def test_validate_warns_about_evidence_that_is_not_there(repo, tmp_path):
    run(repo, "decision", "status", "2023-001", "停止执行", "--on", "2024-06-20",
        "--evidence", paper(tmp_path, "纪要.pdf"))
    (repo / "decisions/2023-001/evidence/纪要.pdf").unlink()
    result = run(repo, "validate")
    assert result.exit_code == 0
    assert ("decisions/2023-001/decision.toml: 警告：证明材料 decisions/2023-001/evidence/纪要.pdf 不存在；"
            "请放回该文件，或从记录中删去这一项") in result.stdout
