"""Adding a chapter is one command and one re-run (README, "Adding a chapter").

In a temporary copy of the course, ``python -m course_tools.new_chapter`` adds
chapter NN+1, ``python -m course_tools.execute`` runs it, and the copy's own
tests then check it like every other chapter: hygiene (badge, setup cell,
links, metadata as its tags call for), Colab slugs, fresh outputs, and the
chapter harness (its check rejects the stub and the starter wrong answer and
passes the solution). Several seconds of kernels and a pytest run of its own,
so it runs in CI's step ``.ci/steps/50-new-chapter.sh``, not in plain ``pytest``:

    COURSE_NEW_CHAPTER=1 pytest -o addopts="" tests/new_chapter
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.helpers import NOTEBOOKS, REPO

if os.environ.get("COURSE_NEW_CHAPTER") != "1":
    pytest.skip("set COURSE_NEW_CHAPTER=1 to add a throwaway chapter", allow_module_level=True)


def run(*args: str, cwd) -> subprocess.CompletedProcess:
    # the copy's packages, not the installed ones: the new chapter's checks live in the copy
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    result = subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, (
        f"{' '.join(args)}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    )
    return result


def test_a_new_chapter_needs_one_command_and_one_run(tmp_path):
    copy = tmp_path / "course"
    copy.mkdir()
    for name in ("README.md", "pyproject.toml"):
        shutil.copy(REPO / name, copy / name)
    for folder in ("notebooks", "tests", "course_utils", "course_tools", "assets"):
        shutil.copytree(REPO / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    number = f"{len(NOTEBOOKS) + 1:02d}"

    out = run(
        "-m",
        "course_tools.new_chapter",
        number,
        "A throwaway chapter",
        "--root",
        str(copy),
        cwd=copy,
    ).stdout
    [new] = (copy / "notebooks").glob(f"{number}_*.ipynb")
    assert new.name == f"{number}_a_throwaway_chapter.ipynb"
    assert f"course_tools.execute {new}" in out
    run("-m", "course_tools.execute", str(new), cwd=copy)

    tests = [
        "tests/test_notebook_hygiene.py",
        "tests/test_colab.py",
        f"tests/test_execute.py::test_committed_outputs_come_from_the_current_code[{new.name}]",
        "tests/test_chapters.py",
        "tests/test_exercise_cells.py",
    ]
    result = run(
        "-m",
        "pytest",
        "-q",
        "-o",
        "addopts=",
        "-p",
        "no:cacheprovider",
        "-k",
        f"{new.name} or not ipynb",
        *tests,
        cwd=copy,
    )
    assert " passed" in result.stdout and " failed" not in result.stdout, result.stdout
