"""The folders stay honest: the layers contract holds, modules stay small, tests mirror them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "generator"
MAX_LINES = 450
MAX_LOOSE_MODULES = 8


def subpackages() -> list[Path]:
    return sorted(p for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports", path=os.path.dirname(sys.executable))
    if lint is None:
        pytest.skip("import-linter not installed (it is in the test extra)")
    done = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_few_modules_stay_loose_at_the_top():
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= MAX_LOOSE_MODULES, loose


def test_no_module_is_over_the_size_limit():
    sizes = {
        str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_every_subpackage_has_a_test_folder_of_its_own():
    for package in subpackages():
        tests = ROOT / "tests" / package.name
        assert tests.is_dir(), f"tests/{package.name}/ mirrors generator/{package.name}/"
        modules = {p.stem for p in package.glob("*.py")} - {"__init__"}
        # a module grown into a package of its own (render/calendar/) keeps its tests' names
        modules |= {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
        for test in tests.glob("test_*.py"):
            name = test.stem.removeprefix("test_")
            # test_<module>.py, or test_<module>_<aspect>.py for a second file on one module
            assert any(name == m or name.startswith(f"{m}_") for m in modules), test
