"""Help in Chinese: ``-h/--help`` of every command and group, written by us from the command's params.

typer's vendored click hard-codes ``Usage:``, ``Options:`` and ``Show this message and exit.``; we
do not subclass its formatter. Instead click's own help option is switched off (the root's
``help_option_names`` is empty) and every command carries our ``-h/--help`` (see
``_common.command`` and ``_common.group``), whose callback prints :func:`render_help`. It reads
only the public attributes of click's context, command and parameters.
"""

from __future__ import annotations

DATE_WORDS = ("_on", "_from", "_until", "as_of", "due")
"""Option names that hold a date (``--adopted-on``, ``--effective-until``, ``--due``)."""

TYPE_WORDS = {"int": "整数", "float": "数字", "Path": "路径"}

WIDTH = 32
"""Width of the left column; longer option names put their help on the next line."""


def _metavar(param) -> str:
    """What an option takes, in Chinese: 文本, 日期, 整数, 路径 (nothing for a flag)."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    if param.name and any(param.name.endswith(word) for word in DATE_WORDS):
        return "日期"
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    name = getattr(annotation, "__name__", "")
    return TYPE_WORDS.get(name, "文本")


def _default(param) -> str:
    """``[默认：public]`` for an option whose default says something; flags and empty values say nothing."""
    default = param.default
    if getattr(param, "is_flag", False) or default in (None, "", False, (), []) or callable(default):
        return ""
    return f"[默认：{default}]"


def _option_line(param) -> tuple[str, str]:
    names = ", ".join(param.opts)
    if param.secondary_opts:
        names += " / " + ", ".join(param.secondary_opts)
    metavar = _metavar(param)
    left = f"{names} {metavar}".rstrip()
    notes = [note for note in (
        "[必填]" if param.required else "",
        _default(param),
        f"[环境变量：{param.envvar}]" if param.envvar else "",
        "[可重复]" if getattr(param, "multiple", False) and "可重复" not in (param.help or "") else "",
    ) if note]
    return left, " ".join([param.help or "", *notes]).strip()


def _argument_line(param) -> tuple[str, str]:
    name = param.metavar or param.name.upper()
    note = "" if param.required else "（可选）"
    return name, f"{param.help or ''}{note}"


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _rows(rows: list[tuple[str, str]]) -> list[str]:
    lines = []
    for left, right in rows:
        if _width(left) > WIDTH - 4:
            lines += [f"  {left}", (" " * WIDTH + right).rstrip()]
        else:
            lines.append(f"  {left}{' ' * (WIDTH - 2 - _width(left))}{right}".rstrip())
    return lines


def usage_line(ctx) -> str:
    """``用法：decisiontrack decision set ID [选项]`` (a group: ``[选项] 命令 [参数]…``)."""
    command = ctx.command
    pieces = [ctx.command_path]
    if hasattr(command, "commands"):
        pieces += ["[选项]", "命令", "[参数]…"]
    else:
        for param in command.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or param.name.upper()
                pieces.append(name if param.required else f"[{name}]")
        pieces.append("[选项]")
    return "用法：" + " ".join(pieces)


def render_help(ctx) -> str:
    """The whole help text of a command or group, in Chinese."""
    command = ctx.command
    lines = [usage_line(ctx), ""]
    if command.help:
        lines += ["  " + line if line else "" for line in command.help.strip().splitlines()] + [""]
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [_argument_line(p) for p in params if p.param_type_name == "argument"]
    options = [_option_line(p) for p in params if p.param_type_name == "option"]
    if arguments:
        lines += ["参数：", *_rows(arguments), ""]
    if options:
        lines += ["选项：", *_rows(options), ""]
    if hasattr(command, "commands"):
        rows = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not getattr(sub, "hidden", False):
                rows.append((name, (sub.help or "").strip().splitlines()[0] if sub.help else ""))
        lines += ["命令：", *_rows(rows), ""]
        lines.append(f"运行 {ctx.command_path} 命令 -h 查看各命令的帮助。")
    return "\n".join(lines).rstrip() + "\n"
