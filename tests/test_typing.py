"""The package and a user's script type-check under ``mypy --strict``, as users run it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent / "typing"

pytest.importorskip("mypy")


def _mypy(*targets: Path) -> subprocess.CompletedProcess[str]:
    # Run outside the repository so mypy finds cal_actions the way a user's project does: installed.
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-error-summary",
        "--cache-dir",
        str(ROOT / ".venv" / ".mypy_cache"),
    ]
    return subprocess.run([*command, *map(str, targets)], capture_output=True, text=True, cwd=HERE, timeout=600)


def test_a_users_script_passes_strict_type_checking() -> None:
    done = _mypy(HERE / "uses_public_api.py")
    assert done.returncode == 0, done.stdout + done.stderr


def test_wrong_settings_are_type_errors() -> None:
    done = _mypy(HERE / "misuses_settings.py")
    lines = sorted({int(n) for n in re.findall(r"misuses_settings\.py:(\d+): error", done.stdout)})
    assert lines == [7, 8, 9], done.stdout


def test_the_package_passes_strict_type_checking() -> None:
    done = _mypy(ROOT / "cal_actions")
    assert done.returncode == 0, done.stdout + done.stderr
