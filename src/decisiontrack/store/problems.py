"""Turn pydantic validation errors and unknown keys into Chinese problems with lines."""

from __future__ import annotations

import difflib
import functools

from pydantic import BaseModel, ValidationError

from decisiontrack.errors import Problem
from decisiontrack.store.tomlfile import key_lines, line_of


def dotted(loc: tuple) -> str:
    """``("milestones", 1, "due")`` → ``milestones[1].due`` (as the user reads it)."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def error_loc(error: dict) -> tuple:
    """Where a pydantic error is: its ``loc``, deepened by the key path a record-wide check names."""
    return (*error["loc"], *(error.get("ctx") or {}).get("at", ()))


def describe_error(error: dict) -> str:
    key = dotted(error_loc(error)) or "文件"
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return f"缺少必填项 {key}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"{key} 的值“{value}”无效，可选值：{expected.replace(', ', '、')}"
    if kind in {"date_type", "date_parsing", "date_from_datetime_inexact"}:
        return f"{key} 应为日期，写作 2024-01-08（不加引号）"
    if kind == "string_type":
        return f"{key} 应为文字（用引号括起来）"
    if kind == "bool_type":
        return f"{key} 应为 true 或 false"
    if kind in {"int_type", "float_type", "int_from_float"}:
        return f"{key} 应为数字"
    if kind in {"list_type", "tuple_type"}:
        return f"{key} 应为列表，如 [\"…\", \"…\"]"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"{key} 应为表（[{key}] 或 [[{key}]]）"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"{key} 的值 {value} 太小，应不小于 {ctx.get('ge', ctx.get('gt'))}"
    if kind in {"less_than_equal", "less_than"}:
        return f"{key} 的值 {value} 太大，应不大于 {ctx.get('le', ctx.get('lt'))}"
    if kind in {"string_too_short", "too_short"}:
        return f"{key} 不能为空"
    if kind in {"control_character", "blank_text"}:
        return f"{key} {error['msg']}"
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        return message if not error["loc"] else f"{key}：{message}"
    return f"{key}：{error['msg']}"


def validation_problems(error: ValidationError, text: str, shown: str) -> list[Problem]:
    """One problem per pydantic error, at the line of the offending key."""
    lines = key_lines(text)
    return [
        Problem(shown, line_of(text, error_loc(item), lines) or 1, describe_error(item))
        for item in error.errors(include_url=False)
    ]


def unknown_key_warnings(record: BaseModel, text: str, shown: str) -> list[Problem]:
    """A warning for each key the SPEC does not define, naming the nearest known key."""
    found: list[tuple[tuple, list[str]]] = []
    _collect_extras(record, (), found)
    if not found:
        return []
    lines = key_lines(text)
    warnings = []
    for loc, known in found:
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"，是否想写 {guess[0]}？" if guess else "；该键会被保留，但本工具不使用它"
        warnings.append(
            Problem(shown, line_of(text, loc, lines), f"未知的键 {dotted(loc)}{hint}", "warning")
        )
    return warnings


@functools.cache
def _nested_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Fields whose annotation may hold records (tables or lists of tables)."""
    return tuple(
        name for name, info in model.model_fields.items()
        if any(
            isinstance(arg, type) and issubclass(arg, BaseModel)
            for arg in _flatten_args(info.annotation))
    )


def _flatten_args(annotation) -> list:
    args = list(getattr(annotation, "__args__", ()) or ())
    for arg in list(args):
        args.extend(_flatten_args(arg))
    return args or [annotation]


def _collect_extras(record: BaseModel, loc: tuple, found: list) -> None:
    model = type(record)
    if record.model_extra:
        known = list(model.model_fields)
        for key in record.model_extra:
            found.append(((*loc, key), known))
    for name in _nested_fields(model):
        value = getattr(record, name)
        if isinstance(value, BaseModel):
            _collect_extras(value, (*loc, name), found)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _collect_extras(item, (*loc, name, index), found)
