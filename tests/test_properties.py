"""Round trips: whatever a record holds, ``dump_record`` writes TOML that reads back equal.

And an edit through ``edit_record`` keeps what the user wrote by hand.
"""

from __future__ import annotations

import tempfile
import tomllib
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from decisiontrack.model import (
    Decision,
    Evaluation,
    Event,
    Inspection,
    Opinion,
    ProgressReport,
    TrackingPlan,
)
from decisiontrack.store.records import dump_record, edit_record
from decisiontrack.store.transaction import transaction

EXAMPLES = settings(max_examples=50, deadline=None)

# Chinese, ASCII, quotes, backslashes, Windows and Unix line breaks, tabs; no control characters
# (a record refuses them, test_model covers that).
texts = st.lists(
    st.one_of(
        st.sampled_from(["\"", "'", "\\", "\n", "\r\n", "\t", *"“”〔〕（）：；、。，#[]{}=+-"]),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    ),
    max_size=40,
).map("".join)
required_texts = texts.filter(lambda text: text.strip())
ids = st.from_regex(r"[0-9A-Za-z][0-9A-Za-z_-]{0,15}", fullmatch=True)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
gaps = st.integers(min_value=0, max_value=4000).map(lambda n: timedelta(days=n))
optional_gap = st.none() | gaps
maybe_day = st.none() | days
CATEGORIES = ["plan", "policy", "reform", "project", "normative", "other"]
RULES = ["ordos-2024/12.3", "ordos-2024/12.1"]
# Unknown keys a user might add: ASCII names that are not fields of any record.
extra_keys = st.dictionaries(
    st.from_regex(r"note_[a-z]{1,8}", fullmatch=True), texts | st.integers(), max_size=3
)


def after(start: date, gap: timedelta | None) -> date | None:
    return None if gap is None else start + gap


def reads_back(record) -> None:
    """The dumped TOML, read with tomllib and validated, is the same record."""
    text = dump_record(record)
    assert type(record).model_validate(tomllib.loads(text)) == record


@st.composite
def decisions(draw) -> Decision:
    adopted = draw(days)
    start = adopted + draw(gaps)
    return Decision(
        id=draw(ids),
        title=draw(required_texts),
        doc_number=draw(st.none() | texts),
        category=draw(st.sampled_from(CATEGORIES)),
        adopted_on=adopted,
        effective_from=start,
        effective_until=after(start, draw(optional_gap)),
        undertaking_unit=draw(required_texts),
        broad_impact=draw(st.booleans()),
        public_concern=draw(st.booleans()),
        classification=draw(st.sampled_from(["public", "internal", "secret"])),
        summary=draw(texts),
        **draw(extra_keys),
    )


@st.composite
def plans(draw) -> TrackingPlan:
    milestone_ids = draw(st.lists(ids, max_size=4, unique=True))
    milestones = []
    for milestone_id in milestone_ids:
        due = draw(days)
        milestones.append(
            {"id": milestone_id, "title": draw(texts), "due": due, "done_on": draw(maybe_day)}
        )
    people = draw(
        st.lists(
            st.fixed_dictionaries({"name": required_texts, "role": texts, "contact": texts}), max_size=2
        )
    )
    return TrackingPlan.model_validate(
        {
            "responsible_unit": draw(required_texts),
            "steps": draw(texts),
            "methods": draw(st.lists(texts, max_size=3)),
            "progress_report_every_months": draw(st.none() | st.integers(1, 120)),
            "people": people,
            "milestones": [{k: v for k, v in m.items() if v is not None} for m in milestones],
            **draw(extra_keys),
        }
    )


@st.composite
def opinions(draw) -> Opinion:
    submitter = draw(st.none() | st.fixed_dictionaries({"name": texts, "contact": texts}))
    data = {
        "received_on": draw(days),
        "channel": draw(st.sampled_from(["letter", "phone", "fax", "email", "online", "visit"])),
        "stance": draw(st.sampled_from(["support", "oppose", "suggestion", "neutral"])),
        "summary": draw(texts),
    }
    if submitter is not None:
        data["submitter"] = submitter
    return Opinion.model_validate(data)


@st.composite
def events(draw) -> Event:
    occurred = draw(days)
    return Event(
        kind=draw(st.sampled_from(["basis-changed", "problem", "controversy", "deemed-necessary"])),
        occurred_on=occurred,
        description=draw(texts),
        reported_on=after(occurred, draw(optional_gap)),
        raised_by=draw(texts),
    )


@st.composite
def inspections(draw) -> Inspection:
    items = []
    for item_id in draw(st.lists(ids, max_size=3, unique=True)):
        done = draw(st.none() | days)
        item = {"id": item_id, "item": draw(texts), "due": draw(days)}
        if done is not None:
            item["done_on"] = done
            reviewed = after(done, draw(optional_gap))
            if reviewed is not None:
                item["reviewed_on"] = reviewed
        items.append(item)
    return Inspection.model_validate(
        {
            "conducted_on": draw(days),
            "method": draw(st.sampled_from(["written", "briefing", "onsite"])),
            "by": draw(texts),
            "findings": draw(texts),
            "rectifications": items,
        }
    )


@st.composite
def evaluations(draw) -> Evaluation:
    started = draw(days)
    research = after(started, draw(optional_gap))
    submitted = after(research or started, draw(optional_gap))
    decided = after(submitted, draw(optional_gap)) if submitted else None
    return Evaluation(
        id=draw(ids),
        kind=draw(st.sampled_from(["mid-term", "final", "periodic", "special"])),
        addresses=draw(st.lists(st.sampled_from(RULES), max_size=2)),
        purpose=draw(texts),
        evaluator=draw(texts),
        members=draw(st.lists(texts, max_size=3)),
        started_on=started,
        research_completed_on=research,
        submitted_on=submitted,
        decided_on=decided,
        outcome="adjust" if decided else None,
    )


@st.composite
def progress_reports(draw) -> ProgressReport:
    number = st.integers(-(10**6), 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    indicators = draw(
        st.lists(
            st.fixed_dictionaries(
                {"name": required_texts, "unit": texts, "target": number | texts, "actual": number | texts}
            ),
            max_size=3,
        )
    )
    return ProgressReport.model_validate(
        {
            "period": draw(st.from_regex(r"20[0-9]{2}-(H1|H2|Q[1-4])", fullmatch=True)),
            "submitted_on": draw(days),
            "progress_percent": draw(st.none() | st.integers(0, 100)),
            "on_track": draw(st.none() | st.booleans()),
            "indicators": indicators,
        }
    )


@EXAMPLES
@given(decisions())
def test_a_decision_reads_back_equal(decision):
    reads_back(decision)


@EXAMPLES
@given(plans())
def test_a_tracking_plan_reads_back_equal(plan):
    reads_back(plan)


@EXAMPLES
@given(opinions())
def test_an_opinion_reads_back_equal(opinion):
    reads_back(opinion)


@EXAMPLES
@given(events())
def test_an_event_reads_back_equal(event):
    reads_back(event)


@EXAMPLES
@given(inspections())
def test_an_inspection_reads_back_equal(inspection):
    reads_back(inspection)


@EXAMPLES
@given(evaluations())
def test_an_evaluation_reads_back_equal(evaluation):
    reads_back(evaluation)


@EXAMPLES
@given(progress_reports())
def test_the_front_matter_of_a_progress_report_reads_back_equal(report):
    reads_back(report)


comments = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), st.sampled_from("abc 123=\"'#[]")
    ),
    max_size=30,
)


@EXAMPLES
@given(
    plan=plans().filter(lambda p: p.milestones and p.milestones[0].done_on is None),
    comment=comments,
    note=texts,
    closed=days,
)
def test_closing_a_milestone_keeps_comments_and_unknown_keys(plan, comment, note, closed):
    first = plan.milestones[0]
    first_id = tomllib_string(first.id)
    text = f"# {comment}\n" + dump_record(plan).replace(
        f"[[milestones]]\nid = {first_id}\n",
        f"[[milestones]]  # 第一个时间节点\nid = {first_id}\n",
        1,
    )
    text += f"\n[hand_written]\nnote = {tomllib_string(note)}  # 法制科备注\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.toml"
        path.write_text(text, encoding="utf-8")

        def close(document):
            document["milestones"][0]["done_on"] = closed

        with transaction(Path(folder), commit=False):
            edited = edit_record(path, "plan.toml", TrackingPlan, close)
        new_text = path.read_text(encoding="utf-8")

    assert edited.milestones[0].done_on == closed
    assert edited.model_extra["hand_written"] == {"note": note}
    assert edited.model_dump(exclude={"milestones"}) == plan.model_dump(exclude={"milestones"}) | {
        "hand_written": {"note": note}
    }
    assert new_text.startswith(f"# {comment}\n")
    assert "[[milestones]]  # 第一个时间节点\n" in new_text
    assert "  # 法制科备注\n" in new_text
    assert new_text.replace(f"done_on = {closed.isoformat()}\n", "", 1) == text


def tomllib_string(value: str) -> str:
    """A TOML basic string for ``value`` (as a person would type it, escapes included)."""
    import tomli_w

    return tomli_w.dumps({"v": value}).split(" = ", 1)[1].rstrip("\n")
