"""Read a profile (built in, or a workspace's own file) and apply ``[parameters]`` overrides."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from decisiontrack.errors import DataError, Problem, UserError
from decisiontrack.profiles.model import Profile
from decisiontrack.store.locate import SETTINGS_FILE
from decisiontrack.store.problems import validation_problems
from decisiontrack.store.tomlfile import line_of, read_text, read_toml

HERE = Path(__file__).parent
BUILT_IN = ("ordos-2024", "renqiu-2023")


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
    """Load and validate a profile; overrides replace parameter defaults (type-checked)."""
    path = profile_path(name, root)
    shown = path.name if name in BUILT_IN else name
    data, text, problem = read_toml(path, shown)
    if problem:
        raise DataError([problem])
    try:
        profile = Profile.model_validate(data)
    except ValidationError as error:
        raise DataError(validation_problems(error, text, shown)) from None
    if overrides:
        profile = _override(profile, overrides, root)
    return profile


def _override(profile: Profile, overrides: dict, root: Path | None) -> Profile:
    """Apply ``[parameters]`` of decisiontrack.toml; unknown names and wrong types are errors."""
    problems = []
    for key, value in overrides.items():
        default = profile.parameters.get(key)
        if default is None:
            known = "、".join(sorted(profile.parameters))
            problems.append(Problem(SETTINGS_FILE, _settings_line(root, key),
                                    f"[parameters] 中的 {key} 不是办法 {profile.name} 的参数（可用：{known}）"))
        elif type(value) is not type(default) and not (isinstance(default, float) and isinstance(value, int)):
            problems.append(Problem(SETTINGS_FILE, _settings_line(root, key),
                                    f"[parameters] 中 {key} 的值 {value!r} 类型不对，应与默认值 {default!r} 相同"))
    if problems:
        raise DataError(problems)
    return profile.model_copy(update={"parameters": {**profile.parameters, **overrides}})


def _settings_line(root: Path | None, key: str) -> int | None:
    if root is None:
        return None
    text, _ = read_text(root / SETTINGS_FILE, SETTINGS_FILE)
    return line_of(text, ("parameters", key)) if text else None


def load_profile(workspace) -> Profile:
    """The profile a loaded workspace works under, with its overrides applied."""
    settings = workspace.settings
    return read_profile(settings.workspace.profile, workspace.root, settings.parameters)
