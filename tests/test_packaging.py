"""The wheel ships each built-in 办法's text beside its profile, and the report templates."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_holds_the_texts_of_the_banfa(tmp_path):
    pytest.importorskip("hatchling")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("decisiontrack-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("ordos-2024", "renqiu-2023", "national-2019"):
        assert f"decisiontrack/profiles/{name}.toml" in names
        assert f"decisiontrack/profiles/{name}.txt" in names
    for template in ("ordos-inspection-report.md", "renqiu-other-plan.md", "renqiu-annual-plan.md", "generic-report.md"):
        assert f"decisiontrack/templates/{template}" in names
