"""Write new records and edit existing ones without losing what the user wrote.

New files: tomli-w with the model's field order (stable diffs), written atomically.
Edits: tomlkit keeps comments, key order and unknown keys; the result is validated
against the model before it replaces the file, so an edit can never leave a broken record.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from decisiontrack.errors import DataError, UserError
from decisiontrack.store.problems import validation_problems
from decisiontrack.store.tomlfile import read_toml
from decisiontrack.store.transaction import write_record


def _plain(value: Any) -> Any:
    """Drop None (TOML has no null) recursively, keeping order."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _has_carriage_return(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_carriage_return(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_carriage_return(v) for v in value)
    return False


def _dumps(data: dict) -> str:
    """tomli-w with multi-line strings, except where a text holds a carriage return.

    A TOML reader turns the line ending CRLF inside a multi-line string into LF, so text pasted
    with Windows line endings would not read back as written; escaped, it does.
    """
    import tomli_w

    return tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))


def _dump(record: BaseModel) -> dict:
    """The record as plain data by its file keys, leaving out empty fields marked omit-when-empty."""
    data = {}
    fields = type(record).model_fields
    for name, value in record:
        info = fields.get(name)
        if info is not None and (info.json_schema_extra or {}).get("omit_when_empty") and not value:
            continue
        key = info.alias if info is not None and info.alias else name
        if isinstance(value, BaseModel):
            value = _dump(value)
        elif isinstance(value, list):
            value = [_dump(v) if isinstance(v, BaseModel) else v for v in value]
        data[key] = value
    return data


def dump_record(record: BaseModel) -> str:
    """The TOML text of a record: fields in model order, then any unknown keys.

    Lists of tables are written as ``[[milestones]]`` blocks, one per item, as the SPEC shows
    them and as a person edits them (tomli-w alone would inline short ones).
    """
    data = _plain(_dump(record))
    head = {k: v for k, v in data.items() if not _is_table_array(v)}
    parts = [_dumps(head)]
    for key, items in data.items():
        if _is_table_array(items):
            for item in items:
                parts.append(f"\n[[{key}]]\n" + _dumps(item))
    return "".join(parts)


def create_record(path: Path, record: BaseModel, *, force: bool = False) -> Path:
    """Write a new record file; refuses to replace an existing one unless ``force``."""
    return write_record(path, dump_record(record), overwrite=force)


def entry_file_name(day: date, kind: str, folder: Path) -> str:
    """``<YYYYMMDD>-<kind>-<4 hex>.toml``: departments adding entries the same day never collide."""
    for _ in range(100):
        name = f"{day:%Y%m%d}-{kind}-{secrets.token_hex(2)}.toml"
        if not (folder / name).exists():
            return name
    raise UserError(f"目录 {folder} 中同日同类的条目过多，无法生成新文件名")


def edit_record(
    path: Path, shown: str, model: type[BaseModel], change: Callable[[Any], None]
) -> BaseModel:
    """Apply ``change`` to the tomlkit document of ``path``, validate, and write atomically.

    Comments, key order and unknown keys survive; an edit that would make the record invalid
    is refused and the file is left untouched: a file invalid before the edit is a
    :class:`DataError` (exit 3), a valid file the change would break is a :class:`UserError`.
    An edit that changes nothing writes nothing (and so commits nothing).
    """
    import tomlkit

    data, text, problem = read_toml(path, shown)
    if problem:
        raise DataError([problem])
    try:
        model.model_validate(data)
    except ValidationError as error:
        raise DataError(validation_problems(error, text, shown)) from None
    document = tomlkit.parse(text)
    change(document)
    new_text = tomlkit.dumps(document)
    try:
        record = model.model_validate(document.unwrap())
    except ValidationError as error:
        # The file was valid before: the values given on the command line are wrong (exit 2).
        messages = "；".join(p.message for p in validation_problems(error, new_text, shown))
        raise UserError(f"无法修改 {shown}：{messages}") from None
    if new_text != text:
        write_record(path, new_text, overwrite=True)
    return record
