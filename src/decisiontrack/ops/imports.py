"""Import an office's existing files: all or nothing, in one transaction and one commit.

Every row is read and validated before anything is written; one bad cell refuses the whole file
(exit 3) with every problem of every row, each naming sheet, cell and column. A row already in the
workspace adds nothing, so a ledger re-imported every month adds only what is new.

Example::

    plan = plan_decisions(root, Path("台账.xlsx"))      # read and check, write nothing (--dry-run)
    plan, change = import_decisions(root, Path("台账.xlsx"))   # the same inside the transaction
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from decisiontrack.intake.tables import ImportRefused
from decisiontrack.model.common import check_id
from decisiontrack.model.decision import Decision
from decisiontrack.model.feedback import Opinion
from decisiontrack.ops.change import Change, writes
from decisiontrack.store.loader import DECISIONS

ADDED, SAME, DIFFERS, UPDATED = "add", "same", "differs", "update"
ACTION_LABELS = {ADDED: "新增", SAME: "已存在，无变化", DIFFERS: "已存在，内容不同（未更新）", UPDATED: "更新"}


@dataclass
class PlannedDecision:
    """One row of the ledger: the decision it gives, and what importing it does."""

    row: int
    decision: Decision
    action: str
    changes: dict[str, tuple] = field(default_factory=dict)

    @property
    def settable(self) -> dict:
        """The new values ``decision set`` may write (all changes but the status)."""
        from decisiontrack.ops.decisions import SETTABLE

        return {key: new for key, (_, new) in self.changes.items() if key in SETTABLE}

    @property
    def held(self) -> dict[str, tuple]:
        """Differences ``--update`` leaves to their own command (the status)."""
        from decisiontrack.ops.decisions import SETTABLE

        return {key: change for key, change in self.changes.items() if key not in SETTABLE}


@dataclass(kw_only=True)
class ImportPlan:
    """What importing a file writes, row by row; nothing is written until the import runs."""

    file: str
    sheet: str | None
    header_row: int
    rows: list = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


@dataclass(kw_only=True)
class DecisionPlan(ImportPlan):
    """A ledger's rows as decisions, and the merged note rows skipped."""

    skipped_notes: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def refuse(file: str, problems: list[str]) -> ImportRefused:
    """Every problem of the file at once; nothing was written."""
    lines = "\n".join(f"  {p}" for p in problems)
    return ImportRefused(f"{file} 有 {len(problems)} 处错误，未导入任何内容：\n{lines}\n请改正后重新导入")


def _existing(root: Path) -> dict[str, Decision | None]:
    """Every decision of the workspace by id (None where decision.toml does not load); through the
    loader and its parse cache, so a monthly re-import parses only what changed."""
    from decisiontrack.store.loader import decision_ids, load_decision

    ignored: list = []
    return {decision_id: load_decision(root, decision_id, ignored, only_decision=True).decision
            for decision_id in decision_ids(root)}


def _key(title: str, doc_number: str | None) -> tuple[str, str]:
    """Without an id column a row is the same decision when title and 文号 match (issue 13)."""
    return (str(title or "").strip(), str(doc_number or "").strip())


class _Rows:
    """Matches ledger rows to the workspace's decisions and to each other; gives new rows their ids."""

    def __init__(self, root: Path, update: bool):
        from decisiontrack.ops.decisions import highest_numbers

        self.root = root
        self.withheld = 0
        self.existing = _existing(root)
        self.by_key = {_key(d.title, d.doc_number): d for d in self.existing.values() if d is not None}
        self.numbers = highest_numbers(root)
        self.seen: dict[object, int] = {}
        self.update = update

    def plan(self, row, where: str, problems: list[str]) -> PlannedDecision | None:
        """What importing one row does, or None (with its problems noted)."""
        fields = dict(row.fields)
        given = fields.get("id")
        if given:
            try:
                check_id(given)
            except ValueError as error:
                problems.append(f"{row.places['id']}：{error}")
                return None
        if not self._withhold_secret_text(fields, given, where, problems):
            return None
        key = given or _key(fields.get("title"), fields.get("doc_number"))
        if key in self.seen:
            what = f"编号 {given}" if given else f"名称“{key[0]}”和文号“{key[1]}”"
            problems.append(f"{where}：{what}与第 {self.seen[key]} 行相同；同一决策只能占一行")
            return None
        self.seen[key] = row.number
        if given in self.existing and self.existing[given] is None:
            problems.append(f"{where}：{DECISIONS}/{given}/decision.toml 有误，无法比较；请先修复（decisiontrack validate）")
            return None
        match = self.existing.get(given) if given else self.by_key.get(key)
        if match is not None:
            return _compare(match, fields, row, where, problems, self.update)
        if not given and isinstance(fields.get("adopted_on"), date):
            fields["id"] = self._next_id(fields["adopted_on"].year)
        decision = _validate(Decision, fields, row.places, where, problems)
        return PlannedDecision(row.number, decision, ADDED) if decision is not None else None

    def _withhold_secret_text(self, fields: dict, given: str | None, where: str, problems: list[str]) -> bool:
        """A 涉密 row keeps no secret text (ops/secrecy.py); it needs an id to be found again.

        Without its title and 文号 in the workspace, only the id column can match the row on the
        next import — a row without one would come in again as a new decision.
        """
        from decisiontrack.ops.secrecy import secret_text_allowed, withhold_secret_text

        if fields.get("classification") != "secret" or secret_text_allowed(self.root):
            return True
        if not given:
            problems.append(f"{where}：涉密事项须在编号列写明编号：其名称和文号不存入工作区，"
                            "再次导入时只能按编号识别（如本仓库可以存放涉密内容，请设置 allow_secret_text = true）")
            return False
        if withhold_secret_text(given, fields, allowed=False):
            self.withheld += 1
        return True

    def _next_id(self, year: int) -> str:
        """The next default id of that year, counting the ones this import has given."""
        from decisiontrack.ops.decisions import default_id

        self.numbers[year] = self.numbers.get(year, 0) + 1
        return default_id(year, self.numbers[year])


def plan_decisions(root: Path, path: Path, *, sheet: str | None = None, mapping: list[str] | None = None,
                   update: bool = False) -> DecisionPlan:
    """Read the ledger and decide, row by row, what importing it would write (writes nothing)."""
    from decisiontrack.intake.ledger import read_ledger

    ledger = read_ledger(path, sheet, mapping)
    plan = DecisionPlan(file=path.name, sheet=ledger.table.sheet, header_row=ledger.header.row,
                        unrecognised=ledger.header.unrecognised, skipped_notes=ledger.skipped_notes,
                        notes=ledger.notes)
    problems = list(ledger.problems)
    rows = _Rows(root, update)
    for row in ledger.rows:
        if row.failed:
            continue  # its cells are already named; the record cannot be checked further
        planned = rows.plan(row, ledger.table.row_place(row.number), problems)
        if planned is not None:
            plan.rows.append(planned)
    if problems:
        raise refuse(path.name, problems)
    if rows.withheld:
        plan.notes.append(f"{rows.withheld} 项涉密决策只保存占位名称“涉密事项 编号”，名称、文号和摘要不予保存"
                          "（保密义务：鄂尔多斯市办法第二十一条、任丘市办法第七条）")
    return plan


def _validate(model, fields: dict, places, where: str, problems: list[str]):
    """The row as a record; each model error is named at its cell (or its row)."""
    from decisiontrack.store.problems import describe_error

    try:
        return model.model_validate(fields)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            loc = tuple(item["loc"])
            place = places.get(str(loc[0])) if loc else None
            problems.append(f"{place or where}：{describe_error(item)}")
        return None


def _compare(existing: Decision, fields: dict, row, where: str, problems: list[str],
             update: bool) -> PlannedDecision | None:
    """An existing decision: the fields the file gives that differ from the record.

    With ``update`` the differences ``decision set`` may change are applied; a different status is
    only reported (it needs its date and basis: ``decision status``).
    """
    fields = {key: value for key, value in fields.items() if key != "id"}
    changes = {key: (getattr(existing, key), value) for key, value in fields.items()
               if getattr(existing, key) != value}
    planned = PlannedDecision(row.number, existing, DIFFERS if changes else SAME, changes)
    if not planned.settable:
        return planned
    merged = _validate(Decision, {**existing.model_dump(exclude_none=True), **planned.settable, "id": existing.id},
                       row.places, where, problems)
    if merged is None:
        return None
    if update and planned.settable:
        planned.decision, planned.action = merged, UPDATED
    return planned


@writes
def import_decisions(root: Path, path: Path, *, sheet: str | None = None, mapping: list[str] | None = None,
                     update: bool = False) -> tuple[DecisionPlan, Change]:
    """Import a ledger: plan inside the lock (ids stay free), then write every new decision."""
    from decisiontrack.ops.decisions import set_decision
    from decisiontrack.store.records import dump_record
    from decisiontrack.store.transaction import write_records

    plan = plan_decisions(root, path, sheet=sheet, mapping=mapping, update=update)
    write_records({root / DECISIONS / p.decision.id / "decision.toml": dump_record(p.decision)
                   for p in plan.rows if p.action == ADDED})
    for planned in plan.rows:
        if planned.action == UPDATED:
            # decision set's own core, inside this import's transaction (transactions do not nest)
            set_decision.__wrapped__(root, planned.decision.id, planned.settable)
    summary = f"{plan.file}，新增 {plan.count(ADDED)} 项"
    if update:
        summary += f"，更新 {plan.count(UPDATED)} 项"
    return plan, Change("import decisions", "", summary)


@dataclass
class PlannedOpinion:
    """One row of a hotline export: the opinion, and whether it is new."""

    row: int
    opinion: Opinion
    action: str


@dataclass(kw_only=True)
class OpinionPlan(ImportPlan):
    """An export's rows as opinions of one decision."""

    decision_id: str


def plan_opinions(root: Path, decision_id: str, path: Path, *, channel: str | None = None,
                  stance: str = "suggestion", sheet: str | None = None,
                  mapping: list[str] | None = None) -> OpinionPlan:
    """Read the export and decide which rows are new: a row whose source was imported adds nothing."""
    from decisiontrack.intake.hotline import read_hotline
    from decisiontrack.ops.folders import open_decision

    folder = open_decision(root, decision_id)
    hotline = read_hotline(path, channel=channel, stance=stance, sheet=sheet, mapping=mapping)
    plan = OpinionPlan(file=path.name, decision_id=decision_id, sheet=hotline.table.sheet,
                       header_row=hotline.header_row, unrecognised=hotline.unrecognised)
    problems = list(hotline.problems)
    imported = {e.record.source: e for e in folder.opinions if e.record.source}
    for row in hotline.rows:
        if row.failed:
            continue  # its cells are already named
        where = hotline.table.row_place(row.number)
        opinion = _validate(Opinion, row.fields, row.places, where, problems)
        if opinion is None:
            continue
        earlier = imported.get(row.source)
        if earlier is None:
            plan.rows.append(PlannedOpinion(row.number, opinion, ADDED))
        elif _same_opinion(earlier.record, opinion):
            plan.rows.append(PlannedOpinion(row.number, opinion, SAME))
        else:
            problems.append(f"{where}：来源“{row.source}”已导入（{earlier.path}），但内容不同——"
                            "是同名的另一份文件吗？请改用新的文件名（如加上月份）后导入")
    if problems:
        raise refuse(path.name, problems)
    return plan


def _same_opinion(earlier: Opinion, row: Opinion) -> bool:
    """The row already imported: same day and same text (an officer may have fixed the channel)."""
    return (earlier.received_on, earlier.summary) == (row.received_on, row.summary)


@writes
def import_opinions(root: Path, decision_id: str, path: Path, **options) -> tuple[OpinionPlan, Change]:
    """Import an opinion export into one decision: one new file per new row, one commit."""
    from decisiontrack.store.records import dump_record, entry_file_name
    from decisiontrack.store.transaction import write_records

    plan = plan_opinions(root, decision_id, path, **options)
    target = root / DECISIONS / decision_id / "feedback"
    files: dict[Path, str] = {}
    for planned in plan.rows:
        if planned.action != ADDED:
            continue
        opinion = planned.opinion
        name = entry_file_name(opinion.received_on, opinion.channel, target)
        while target / name in files:  # names drawn in one batch must differ too
            name = entry_file_name(opinion.received_on, opinion.channel, target)
        files[target / name] = dump_record(opinion)
    write_records(files)
    return plan, Change("feedback import", decision_id, f"{plan.file}，{len(files)} 条")


ORIGINAL = "report.original.docx"
"""The delivered Word file, kept beside ``report.md`` as received."""


@dataclass
class ImportedReport:
    """What became of a Word report: where it went and what the officer should check."""

    path: Path
    sections: int
    matched: int
    renamed: list[tuple[str, str]]
    images: list[str]


@writes
def import_report(root: Path, decision_id: str, evaluation_id: str, path: Path, *,
                  force: bool = False) -> tuple[ImportedReport, Change]:
    """Write ``report.md`` from a Word report (the profile's front matter) and keep the original."""
    import tomlkit

    from decisiontrack.errors import UserError
    from decisiontrack.intake.sections import convert
    from decisiontrack.intake.wordreport import read_report
    from decisiontrack.ops.evaluations import open_evaluation, open_with_profile
    from decisiontrack.reports.scaffold import evaluation_document
    from decisiontrack.reports.templates import choose
    from decisiontrack.store.frontmatter import join_front_matter, split_front_matter
    from decisiontrack.store.transaction import write_record

    opened = open_with_profile(root, decision_id)
    found = open_evaluation(opened, evaluation_id)
    folder = root / found.path
    for name in ("report.md", ORIGINAL):
        if (folder / name).exists() and not force:
            raise UserError(f"{found.path}/{name} 已存在；如确需用导入的报告替换（已写的内容会丢失），请加 --force")
    blocks = read_report(path)
    template = choose(opened.profile, "evaluation-report", opened.folder.decision.category)
    converted = convert(blocks, template)
    scaffold = evaluation_document(opened.folder, found.evaluation, opened.profile, "evaluation-report",
                                   opened.profile_dir)
    head = tomlkit.parse(split_front_matter(scaffold)[0])
    if converted.title:
        head["title"] = converted.title
    text = join_front_matter(tomlkit.dumps(head), _note(path.name, converted) + converted.body)
    report = write_record(folder / "report.md", text, overwrite=force)
    write_record(folder / ORIGINAL, path.read_bytes(), overwrite=force)
    imported = ImportedReport(report, len(template.sections), converted.matched, converted.renamed, converted.images)
    return imported, Change("evaluation import", decision_id, f"评估 {evaluation_id}（{path.name}）")


def _note(file: str, converted) -> str:
    """The comment at the top of an imported report: where it came from, what is not in it."""
    lines = [f"导入自《{file}》，原件保存为 {ORIGINAL}。"]
    if converted.renamed:
        lines.append("以下标题按办法规定的内容改写为模板的标题，原标题见各标题下的注释：")
        lines += [f"  “{old}” → “{new}”" for old, new in converted.renamed]
    if converted.images:
        lines.append(f"缺少附件：原件中的图片 {len(converted.images)} 张未导入（{'、'.join(converted.images)}），见原件。")
    lines.append("运行 decisiontrack evaluation lint 检查报告是否完整。")
    body = "\n     ".join(line.replace("--", "－－") for line in lines)
    return f"<!-- {body} -->\n\n"
