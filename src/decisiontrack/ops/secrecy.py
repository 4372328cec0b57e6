"""Secret decisions keep no secret text: the one policy every command that writes a decision follows.

A repository shared between departments is no place for classified content (Ordos 第二十一条:
参与后评估的单位和个人“应当对工作中知悉的国家秘密……依法履行保密义务”). So a ``secret``
decision's files hold only what the duties need — dates, category, unit, stages — and a
placeholder title ``涉密事项 <id>``. An office whose repository lives on a classified network sets
``allow_secret_text = true`` under ``[workspace]`` in ``decisiontrack.toml`` to keep the real text.

``decision add --classification secret`` (and ``decision set`` to secret) call
:func:`withhold_secret_text` before anything is written, so the real text reaches neither the
file, nor the commit message, nor the output; ``validate`` warns on free text that reached a secret
decision's files by hand (:func:`free_texts`).

Example::

    >>> fields = {"classification": "secret", "title": "某国防动员方案", "summary": "……"}
    >>> withhold_secret_text("2024-007", fields, allowed=False) is not None
    True
    >>> fields
    {'classification': 'secret', 'title': '涉密事项 2024-007'}
"""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path

from pydantic import BaseModel

from decisiontrack.model.decision import Decision
from decisiontrack.model.evaluation import Evaluation
from decisiontrack.model.event import Event
from decisiontrack.model.feedback import Opinion
from decisiontrack.model.inspection import Inspection
from decisiontrack.model.plan import TrackingPlan

SECRET_DECISION_TEXT = {"title": "名称", "doc_number": "文号", "summary": "摘要"}
"""The free texts of ``decision.toml``, withheld from a secret decision (the title by a placeholder)."""

FREE_TEXT_KEYS: dict[type[BaseModel], tuple[str, ...]] = {
    Decision: tuple(SECRET_DECISION_TEXT),
    TrackingPlan: ("steps", "milestones.title", "milestones.moves.reason", "people.name", "people.role",
                   "people.contact"),
    Opinion: ("summary", "submitter.name", "submitter.contact", "withdrawn_reason"),
    Event: ("description", "withdrawn_reason"),
    Inspection: ("findings", "rectifications.item", "withdrawn_reason"),
    Evaluation: ("purpose", "scope_note"),
}
"""What a person writes in words in each record: what ``validate`` looks at in a secret decision."""


def placeholder_title(decision_id: str) -> str:
    """The title a secret decision carries in the shared repository."""
    return f"涉密事项 {decision_id}"


def secret_text_allowed(root: Path) -> bool:
    """``allow_secret_text`` of the workspace settings (false unless the office says otherwise)."""
    from decisiontrack.store.loader import load_settings

    settings, _ = load_settings(root)
    return settings.workspace.allow_secret_text


def withhold_secret_text(decision_id: str, values: MutableMapping, *, allowed: bool) -> str | None:
    """Keep no secret text in the fields of a secret decision (a dict, or a tomlkit document).

    The title becomes :func:`placeholder_title`, 文号 and summary are removed. Returns the notice
    to show — it names what was withheld, never the text — or None when nothing was withheld.
    """
    if allowed or values.get("classification") != "secret":
        return None
    placeholder = placeholder_title(decision_id)
    withheld = [label for key, label in SECRET_DECISION_TEXT.items()
                if str(values.get(key) or "").strip() and not (key == "title" and values[key] == placeholder)]
    values["title"] = placeholder
    for key in SECRET_DECISION_TEXT:
        if key != "title" and key in values:
            del values[key]
    if not withheld:
        return None
    return (f"涉密决策只保存占位名称“{placeholder}”，{'、'.join(withheld)}不予保存：涉密内容不应存入各部门共享的仓库"
            "（保密义务：鄂尔多斯市办法第二十一条、任丘市办法第七条）。如本仓库可以存放涉密内容，"
            "请在 decisiontrack.toml 的 [workspace] 中设置 allow_secret_text = true")


def free_texts(record: BaseModel, decision_id: str = "") -> list[tuple[tuple, str]]:
    """The non-empty free texts of a record, with their key paths (a placeholder title is not one)."""
    found: list[tuple[tuple, str]] = []
    for dotted in FREE_TEXT_KEYS.get(type(record), ()):
        _collect(record, (), dotted.split("."), found)
    return [(loc, text) for loc, text in found if not (loc == ("title",) and text == placeholder_title(decision_id))]


def _collect(value, loc: tuple, keys: list[str], found: list) -> None:
    if isinstance(value, list):
        for index, item in enumerate(value):
            _collect(item, (*loc, index), keys, found)
        return
    if not keys:
        if isinstance(value, str) and value.strip():
            found.append((loc, value))
        return
    if value is not None:
        _collect(getattr(value, keys[0], None), (*loc, keys[0]), keys[1:], found)
