"""Shared fixtures for the render tests: a sample report, a CLI runner, docx readers."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLE = """\
+++
title = "关于城区公交票价调整决策的后评估报告"
issuer = "某市司法局"
submitted_on = 2024-01-08
classification = "internal"
+++
# 关于城区公交票价调整决策的后评估报告

<!-- 指引：简要说明评估背景，删除本行 -->

## 一、评估基本情况

本次评估依据《重大行政决策程序暂行条例》第三十九条开展。决策于 2021 年实施，
涉及 **12 条线路**，*试行期*两年。<!-- 行内指引 -->

### （一）评估组织

#### 1. 评估方式

1. 问卷调查
2. 座谈会
   - 市民代表
   - 企业代表

- 查阅资料

> 公众意见：票价调整总体可以接受。

| 指标 | 目标值 | 实际值 |
|---|---|---|
| 日均客流（万人次） | 30 | 28.5 |
| 满意度 | 80% | **85%** |

## 二、评估结论

决策目标基本实现，建议继续实施。
"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "report.md"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


@pytest.fixture
def render_sample(sample: Path):
    """Render the sample (or a variant of it) and open the result with python-docx."""
    import docx

    from decisiontrack.render import render_file

    def run(text: str | None = None, **options):
        if text is not None:
            sample.write_text(text, encoding="utf-8")
        out = render_file(sample, sample.parent / "out.docx", overwrite=True, **options).path
        return docx.Document(str(out))

    return run


@pytest.fixture
def cli(monkeypatch):
    """Invoke a local app holding only ``render`` (the lead registers it in the real one)."""
    import typer
    from typer.testing import CliRunner

    from decisiontrack.cli import _state
    from decisiontrack.cli.render import register

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(_state, "workspace_options", [])
    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:
        """Keep ``render`` a named sub-command, as in the real app."""

    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, ["render", *args], catch_exceptions=False)

    return invoke
