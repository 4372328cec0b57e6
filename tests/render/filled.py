"""A scaffolded report filled in as an officer would: a few paragraphs under every heading.

Used by the LibreOffice test, the benchmark and the look at real pages: the text mixes
full-width punctuation, numbers and dates, so justification, 标点挤压 and line breaks are
all exercised.
"""

from __future__ import annotations

import re

PARAGRAPHS = (
    "按照《鄂尔多斯市重大行政决策实施情况跟踪反馈和后评估办法》的规定，评估组采取问卷调查、个别访谈、"
    "召开座谈会和专家咨询相结合的方式，对决策实施以来的情况进行了全面梳理，共回收有效问卷2136份，"
    "访谈平台公司5家、驾驶员42人，召开座谈会3次。",
    "从实施情况看，各责任单位按照职责分工推进落实，主要指标总体完成，群众满意度达到85.6%，"
    "较实施前提高12.3个百分点；但也存在部分条款执行标准不统一、配套制度不够完善、信息共享不够及时等问题，"
    "需要在下一步工作中加以改进。",
    "评估组认为，决策的主要目标已经基本实现，实施效果总体良好，与法律、法规、规章及国家相关政策规定一致，"
    "与本级其他决策不存在冲突或不协调的情况；建议在2025年12月31日前完成相关配套制度的修订，"
    "并将执行情况纳入年度考核。",
)
_PLACEHOLDER = re.compile(r"<!-- 待填写（[^>]*?-->")
_OUTCOME = re.compile(r"评估结论：<!-- 待填写[^>]*?-->")


def fill(text: str, outcome: str = "继续执行", paragraphs: int = 3) -> str:
    """Replace every 待填写 placeholder with ``paragraphs`` paragraphs and name the outcome."""
    text = _OUTCOME.sub(f"评估结论：{outcome}", text)
    body = "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs))
    return _PLACEHOLDER.sub(lambda _: body, text)
