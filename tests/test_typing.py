"""The package type-checks with mypy (pydantic plugin), as STYLE asks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest


def test_generator_package_type_checks():
    mypy = shutil.which("mypy", path=os.path.dirname(sys.executable))
    if mypy is None:
        pytest.skip("mypy not installed (it is in the test extra)")
    done = subprocess.run([mypy, "generator"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
