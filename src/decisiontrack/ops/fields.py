"""Set fields of a record in its tomlkit document, noting which values really changed.

``decision set``, ``plan set`` and the ``set`` of entries all edit a file the same way: the
given keys are set in place (comments, order and unknown keys stay), ``None`` removes a key
(an optional field cleared), and a nested dict edits a table (``[submitter]``). What changed is
named in the commit subject, so a value equal to the old one is not a change.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from decisiontrack.errors import UserError


def _plain(value: Any) -> Any:
    return value.unwrap() if hasattr(value, "unwrap") else value


def _default(model: type[BaseModel] | None, key: str) -> Any:
    info = model.model_fields.get(key) if model is not None else None
    return info.default if info is not None else PydanticUndefined


def apply_fields(document: Any, fields: dict[str, Any], model: type[BaseModel] | None = None,
                 prefix: str = "") -> list[str]:
    """Set ``fields`` on a tomlkit table; return the keys (``submitter.name``) whose value changed.

    A key absent from the file whose ``model`` default equals the new value is no change either.
    """
    import tomlkit

    changed: list[str] = []
    for key, value in fields.items():
        current = document.get(key)
        if current is None and value is not None and _default(model, key) == value:
            continue
        if isinstance(value, dict):
            table = current if current is not None else tomlkit.table()
            inner = apply_fields(table, value, None, f"{prefix}{key}.")
            if inner and current is None and len(table):
                document[key] = table
            changed += inner
        elif value is None:
            if key in document:
                del document[key]
                changed.append(prefix + key)
        elif current is None:
            _add_in_order(document, key, _item(value), model)
            changed.append(prefix + key)
        elif _plain(current) != value:
            document[key] = _item(value)
            changed.append(prefix + key)
    return changed


def _item(value: Any) -> Any:
    """A list of dicts becomes ``[[key]]`` blocks (as a person writes people and milestones)."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        import tomlkit

        blocks = tomlkit.aot()
        for index, values in enumerate(value):
            blocks.append(_table(values, blank_before=index > 0))
        blocks[-1].add(tomlkit.nl())
        return blocks
    return value


def _table(values: dict[str, Any], blank_before: bool = True):
    import tomlkit

    table = tomlkit.table()
    if blank_before:  # a blank line before each [[key]], as a person writes them
        table.trivia.indent = "\n"
    for name, value in values.items():
        if value not in (None, "", []):
            table[name] = value
    return table


def _add_in_order(document: Any, key: str, value: Any, model: type[BaseModel] | None) -> None:
    """A new key goes after the field that precedes it in the model, as a new file would have it.

    tomlkit has no public insert: its ``_insert_at`` (tomlkit 0.13 to 0.15; 0.15 dropped
    ``_insert_after``) puts the key after the body item of the preceding key. A document without
    it (a nested table, another tomlkit) gets the key at the end, still valid and keeping the rest.
    """
    order = [info.alias or name for name, info in model.model_fields.items()] if model is not None else []
    before = [k for k in order[:order.index(key)] if k in document] if key in order else []
    from tomlkit.items import AoT, Table

    # a table goes at the end: inserted among plain keys, the keys after it would fall into it
    if before and not isinstance(value, (dict, AoT, Table)) and _insert_after(document, before[-1], key, value):
        return
    document[key] = value


def _insert_after(document: Any, previous: str, key: str, value: Any) -> bool:
    """Insert ``key`` right after ``previous`` in a tomlkit container; False where it cannot."""
    index = getattr(document, "_map", {}).get(previous)
    if isinstance(index, tuple):  # a key given in several places: after the last
        index = max(index)
    body = getattr(document, "_body", None)
    if not isinstance(index, int) or body is None or not hasattr(document, "_insert_at") or index + 1 >= len(body):
        return False  # the last item: appending is the same place
    document._insert_at(index + 1, key, value)
    return True


def refuse_fields(fields: dict[str, Any], allowed: dict[str, str], elsewhere: dict[str, str], what: str) -> None:
    """Refuse keys a ``set`` command does not change: named by the command that does, or unknown."""
    for key in fields:
        if key in elsewhere:
            raise UserError(f"{what}的 {key} 不能用这条命令修改；请用 decisiontrack {elsewhere[key]}")
        if key not in allowed:
            raise UserError(f"{what}没有可修改的字段“{key}”（可修改：{'、'.join(allowed)}）")
    if not fields:
        raise UserError(f"没有给出要修改的内容：请至少给出一个选项（可修改：{'、'.join(allowed.values())}）")


def changed_labels(changed: list[str], labels: dict[str, str]) -> str:
    """``名称、有效期至``: the changed fields as the commit subject names them, each once, in file order."""
    named: list[str] = []
    order = list(labels)
    for key in sorted(changed, key=lambda k: order.index(k) if k in order else len(order)):
        label = labels.get(key, labels.get(key.split(".")[0], key))
        if label not in named:
            named.append(label)
    return "、".join(named)


def append_table(document: Any, key: str, values: dict[str, Any]) -> None:
    """Append ``[[key]]`` with ``values`` (empty ones left out), creating the array if needed."""
    import tomlkit

    if key not in document:
        document[key] = tomlkit.aot()
    document[key].append(_table(values))
