"""Usage errors in Chinese: what click raises while parsing, said as the officer needs to hear it.

typer's vendored click composes these messages in English inside its parser. The one handler in
``cli.main`` runs the app with ``standalone_mode=False``, catches them and prints
:func:`usage_error` instead: the usage line, the error, the closest command or option, and where
to find help.
"""

from __future__ import annotations

import difflib
import re

from typer._click import exceptions as click_errors

_NO_SUCH_COMMAND = re.compile(r"No such command (['\"])(?P<name>.*?)\1")
_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)")
_TYPE_WORDS = {"int": "整数", "float": "数字", "bool": "是或否", "Path": "路径"}


def _closest(word: str, candidates: list[str]) -> str:
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"（您是不是要找 {found[0]}？）" if found else ""


def _param_name(param) -> str:
    if param is None:
        return ""
    if param.param_type_name == "option":
        return "选项 " + " / ".join(param.opts)
    return "参数 " + (param.metavar or param.name.upper())


def _options_of(ctx) -> list[str]:
    if ctx is None:
        return []
    return [name for param in ctx.command.get_params(ctx) if param.param_type_name == "option"
            for name in (*param.opts, *param.secondary_opts)]


def _message(error) -> str:
    ctx = getattr(error, "ctx", None)
    if isinstance(error, click_errors.NoSuchOption):
        return f"没有这个选项：{error.option_name}{_closest(error.option_name, _options_of(ctx))}"
    if isinstance(error, click_errors.BadOptionUsage):
        if "does not take a value" in error.message:
            return f"选项 {error.option_name} 不接受值，只写选项本身即可"
        return f"选项 {error.option_name} 后面缺少值"
    if isinstance(error, click_errors.MissingParameter):
        param = error.param
        help_text = f"（{param.help.rstrip('。')}）" if param is not None and param.help else ""
        return f"缺少{_param_name(param)}{help_text}"
    if isinstance(error, click_errors.BadParameter):
        param = error.param
        annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        wanted = _TYPE_WORDS.get(getattr(annotation, "__name__", ""), "")
        return f"{_param_name(param)} 的值无效" + (f"：应为{wanted}" if wanted else "")
    text = error.message
    found = _NO_SUCH_COMMAND.search(text)
    if found:
        commands = ctx.command.list_commands(ctx) if ctx is not None and hasattr(ctx.command, "commands") else []
        return f"没有这个命令：{found['name']}{_closest(found['name'], commands)}"
    found = _EXTRA.search(text)
    if found:
        return f"多余的参数：{found['args']}"
    if text.startswith("Missing command"):
        return "缺少命令"
    return f"用法有误：{text}"


def usage_error(error) -> str:
    """The Chinese text for a click usage error: usage line, error, and where help is."""
    from decisiontrack.cli._help import usage_line

    ctx = getattr(error, "ctx", None)
    lines = [usage_line(ctx)] if ctx is not None else []
    lines.append(f"错误：{_message(error)}")
    if ctx is not None:
        lines.append(f"运行 {ctx.command_path} -h 查看帮助。")
    return "\n".join(lines) + "\n"
