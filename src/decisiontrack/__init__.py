"""decisiontrack：重大行政决策跟踪反馈和后评估的命令行工具。

The core (``model``, ``store``, ``rules``, ``reports``) is importable without the CLI.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
