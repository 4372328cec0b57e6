"""Read a profile (built in, or a workspace's own file) and apply ``[parameters]`` overrides.

Profiles and ``[parameters]`` are the two places where an unknown key is an error (SPEC §2 keeps
records lenient): a misspelt key, a missing required parameter, a word outside a vocabulary or a
period of zero days would otherwise switch a legal duty off without a sound. Each mistake is a
:class:`~decisiontrack.errors.Problem` at the key's line (exit 3).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import ValidationError

from decisiontrack.errors import DataError, Problem, UserError
from decisiontrack.profiles.model import Parameter, Profile
from decisiontrack.store.locate import SETTINGS_FILE
from decisiontrack.store.tomlfile import key_lines, line_of, read_text, read_toml

HERE = Path(__file__).parent
BUILT_IN = ("ordos-2024", "renqiu-2023", "national-2019")


def profile_path(name: str, root: Path | None = None) -> Path:
    """A built-in name maps to its file here; anything else is a path relative to the workspace."""
    if name in BUILT_IN:
        return HERE / f"{name}.toml"
    path = Path(name)
    if not path.is_absolute() and root is not None:
        path = root / path
    if not path.is_file():
        raise UserError(f"找不到办法“{name}”：内置办法有 {'、'.join(BUILT_IN)}，"
                        f"或在 decisiontrack.toml 的 profile 中写自定义办法文件的路径")
    return path


def read_profile(name: str, root: Path | None = None, overrides: dict | None = None) -> Profile:
    """Load and validate a profile; overrides replace parameter defaults (type- and range-checked)."""
    profile, _text, _shown = _read(name, root)
    if overrides:
        profile = _override(profile, overrides, root)
    return profile


def _read(name: str, root: Path | None) -> tuple[Profile, str, str]:
    from decisiontrack.rules.predicates import PREDICATES
    from decisiontrack.rules.schema import rule_problems

    path = profile_path(name, root)
    shown = path.name if name in BUILT_IN else name
    data, text, problem = read_toml(path, shown)
    if problem:
        raise DataError([problem])
    try:
        profile = Profile.model_validate(data)
    except ValidationError as error:
        raise DataError(_validation_problems(error, text, shown)) from None
    lines = key_lines(text)
    problems = [Problem(shown, line_of(text, loc, lines), message) for loc, message in rule_problems(profile, PREDICATES)]
    if problems:
        raise DataError(problems)
    return profile, text, shown


def _validation_problems(error: ValidationError, text: str, shown: str) -> list[Problem]:
    """Pydantic's errors at their lines; an unknown key names the nearest known one."""
    from decisiontrack.store.problems import describe_error, dotted

    lines = key_lines(text)
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if item["type"] == "extra_forbidden":
            message = f"{dotted(loc)} 不是可用的键{_suggestion(loc)}（办法文件不允许未定义的键）"
        else:
            message = describe_error(item)
        problems.append(Problem(shown, line_of(text, loc, lines) or 1, message))
    return problems


def _suggestion(loc: tuple) -> str:
    """``，是否想写 title？`` — the closest field of the model the unknown key sits in."""
    import difflib

    from pydantic import BaseModel

    model: type[BaseModel] | None = Profile
    for part in loc[:-1]:
        if model is None or isinstance(part, int):
            continue
        info = model.model_fields.get(str(part))
        if info is None:  # a free key (a parameter's name): the next model is the value's
            continue
        nested = [arg for arg in _args(info.annotation) if isinstance(arg, type) and issubclass(arg, BaseModel)]
        model = nested[0] if nested else None
    if model is None:
        return ""
    guess = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1, cutoff=0.6)
    return f"，是否想写 {guess[0]}？" if guess else f"，可用：{'、'.join(model.model_fields)}"


def _args(annotation) -> list:
    found = [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        found += _args(arg)
    return found


def _override(profile: Profile, overrides: dict, root: Path | None) -> Profile:
    """Apply ``[parameters]`` of decisiontrack.toml.

    Errors: an unknown name, a value of another type or out of range, and a number the 办法's text
    itself states (``basis = "statute"``: an office may not change the law, only its readings).
    A value may be dated: ``opinion_threshold = { 2024-01-08 = 20, 2025-07-01 = 30 }``.
    """
    from decisiontrack.rules.predicates import PREDICATES
    from decisiontrack.rules.schema import parameter_range

    problems = []
    updated = dict(profile.parameters)
    for key, value in overrides.items():
        line = _settings_line(root, key)
        current = profile.parameters.get(key)
        if current is None:
            known = "、".join(sorted(profile.parameters))
            problems.append(Problem(SETTINGS_FILE, line,
                                    f"[parameters] 中的 {key} 不是办法 {profile.name} 的参数（可用：{known}）"))
            continue
        if current.basis == "statute":
            problems.append(Problem(SETTINGS_FILE, line,
                                    f"[parameters] 中的 {key} 是办法明文规定的数（{current.reference}），不能在工作区修改；"
                                    f"请删去这一行"))
            continue
        candidate, message = _candidate(current, value)
        if message is None:
            message = _out_of_range(key, candidate, parameter_range(profile, key, PREDICATES))
        if message is not None:
            problems.append(Problem(SETTINGS_FILE, line, f"[parameters] 中 {key} {message}"))
            continue
        updated[key] = candidate
    if problems:
        raise DataError(problems)
    return profile.model_copy(update={"parameters": updated})


def _candidate(current: Parameter, value) -> tuple[Parameter, str | None]:
    """The parameter with the workspace's value(s), or a message saying why the value is wrong."""
    default = current.all_values()[0]
    given = value if isinstance(value, dict) else {None: value}
    if isinstance(value, dict) and not value:
        return current, "的按日期取值不能为空"
    for day, item in given.items():
        if day is not None and not _is_date(day):
            return current, f"的键“{day}”应为生效日期，如 2024-01-08"
        same = type(item) is type(default) or (isinstance(default, float) and type(item) is int)
        if not same:
            return current, f"的值 {item!r} 类型不对，应与默认值 {default!r} 相同"
    if isinstance(value, dict):
        dated = {date.fromisoformat(str(day)): item for day, item in value.items()}
        return current.model_copy(update={"value": None, "values": dated}), None
    return current.model_copy(update={"value": value, "values": None}), None


def _is_date(text) -> bool:
    try:
        date.fromisoformat(str(text))
    except ValueError:
        return False
    return True


def _out_of_range(key: str, parameter: Parameter, bounds: tuple) -> str | None:
    low, high = bounds
    for value in parameter.all_values():
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if low is not None and value < low:
            return f"的值 {value} 太小，应不小于 {low}" + ("（期限和条数不能为零或负数）" if low == 1 else "")
        if high is not None and value > high:
            return f"的值 {value} 太大，应不大于 {high}"
    return None


def _settings_line(root: Path | None, key: str) -> int | None:
    if root is None:
        return None
    text, _ = read_text(root / SETTINGS_FILE, SETTINGS_FILE)
    return line_of(text, ("parameters", key)) if text else None


def load_profile(workspace) -> Profile:
    """The profile a loaded workspace works under, with its overrides applied."""
    settings = workspace.settings
    return read_profile(settings.workspace.profile, workspace.root, settings.parameters)


def profile_text(name: str, root: Path | None = None) -> str | None:
    """The words of the 办法 shipped with a profile (``text``), or None when it names none."""
    path = profile_path(name, root)
    profile, _text, _shown = _read(name, root)
    if not profile.text:
        return None
    text, _problem = read_text(path.parent / profile.text, profile.text)
    return text


def profile_warnings(name: str, root: Path | None = None) -> list[Problem]:
    """What ``validate`` warns about in a profile that still loads: no ``effective_from``, rules
    without ``quote``, parameters without ``basis`` or ``reference``, quotes not in its text."""
    from decisiontrack.profiles.quotes import quote_problems

    profile, text, shown = _read(name, root)
    lines = key_lines(text)
    warnings = []

    def warn(loc: tuple, message: str) -> None:
        warnings.append(Problem(shown, line_of(text, loc, lines), message, "warning"))

    if profile.effective_from is None:
        warn(("name",), "办法文件没有写施行日期 effective_from：检查时无法排除办法施行之前的日期")
    for name_, parameter in profile.parameters.items():
        if parameter.basis is None or not parameter.reference:
            warn(("parameters", name_), f"参数 {name_} 没有写 basis（statute 法定 / local 本地设定）和 reference"
                                        "（条款及其原文用语），检查结果无法说明这个数从何而来")
    for index, rule in enumerate(profile.rules):
        if not rule.quotes:
            warn(("rules", index), f"规则 {rule.id}（{rule.article}）没有写 quote（条文原文）：无法核对该条是否规定了这项职责")
    words = profile_text(name, root)
    if profile.text and words is None:
        warn(("text",), f"找不到办法原文文件 {profile.text}（应与办法文件放在同一目录）")
    elif words is not None:
        for index, message in quote_problems(profile, words):
            warn(("rules", index, "quote"), message)
    return warnings
