"""The package and its entry points."""

import subprocess
import sys

from decisiontrack import __version__
from tests.helpers import run


def test_version_option_prints_version():
    result = run(None, "--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"decisiontrack {__version__}"


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "decisiontrack", "--version"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"decisiontrack {__version__}"
