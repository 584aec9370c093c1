"""An nbgrader course folder: make one for a chapter, add submissions, run nbgrader in it.

``python -m course_tools.grade`` runs nbgrader through :func:`run_nbgrader`; the tests
(``tests/grading``) and ``benchmarks/grading.py`` build their throwaway courses with
:func:`make_course` and :func:`submit`, the steps the README gives an instructor.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from course_tools.chapters import BEGIN, END, Exercise, chapter_number
from course_tools.grading import config


def grade_id(cell: nbformat.NotebookNode) -> str | None:
    """A cell's nbgrader grade id (``ch05-scale-check``), if it has one."""
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def answer(source: str) -> str:
    """A solution cell as a learner who solved it would leave it: without the markers."""
    return "\n".join(line for line in source.splitlines() if BEGIN not in line and END not in line)


def solve(nb: nbformat.NotebookNode, found: list[Exercise]) -> nbformat.NotebookNode:
    """A copy of the released ``nb`` with every exercise of ``found`` answered by its solution."""
    nb = nbformat.from_dict(nb)
    answers = {ex.solution_id: answer(ex.solution.source) for ex in found}
    for cell in nb.cells:
        if grade_id(cell) in answers:
            cell.source = answers[grade_id(cell)]
    return nb


def nbgrader_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this process's) with this Python's ``bin`` first on ``PATH``:
    nbgrader runs ``alembic`` from ``PATH``, and without it the gradebook gets no schema
    version."""
    env = dict(os.environ if env is None else env)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def run_nbgrader(course: Path, *args: str, quiet: bool = False) -> None:
    """``nbgrader ARGS`` in ``course``; a failure raises with nbgrader's last words."""
    out = subprocess.PIPE if quiet else None
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=nbgrader_env(),
        stdout=out,
        stderr=out,
        text=True,
    )
    if done.returncode != 0:
        tail = (done.stderr or "")[-3000:]
        raise RuntimeError(
            f"nbgrader {' '.join(args)} exited {done.returncode} in {course}\n{tail}"
        )


def assignment_of(chapter: Path) -> str:
    """``"ch05"`` for ``notebooks/05_custom_layers_and_containers.ipynb``."""
    return f"ch{chapter_number(chapter)}"


def make_course(
    folder: Path, chapter: Path, db_url: str | None = None, cell_timeout: int = 60
) -> Path:
    """A course at ``folder`` with ``chapter`` as its source, released
    (``grade init`` + ``nbgrader generate_assignment``); returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nbgrader_config.py").write_text(config.nbgrader_config(db_url, cell_timeout))
    source = folder / "source" / assignment_of(chapter)
    source.mkdir(parents=True, exist_ok=True)
    shutil.copy(chapter, source / chapter.name)
    run_nbgrader(folder, "generate_assignment", assignment_of(chapter), "--force", quiet=True)
    return folder


def released(course: Path, chapter: Path) -> nbformat.NotebookNode:
    """The chapter as ``generate_assignment`` released it in ``course``."""
    return nbformat.read(course / "release" / assignment_of(chapter) / chapter.name, as_version=4)


def submit(
    course: Path, assignment: str, student: str, nb: nbformat.NotebookNode, filename: str
) -> Path:
    """Save ``nb`` as ``student``'s submission (``submitted/<student>/<assignment>/``)."""
    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / filename)
    return folder / filename
