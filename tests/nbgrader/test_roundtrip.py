"""An instructor's nbgrader round trip on every chapter (issue 14).

For each chapter, in a throwaway nbgrader course of its own (a temporary folder):

1. ``nbgrader generate_assignment`` releases the chapter; the released notebook
   must equal, cell by cell, what the course's own hand-out command
   (``python -m course_tools.handout``) writes: same cells, same ids, same
   sources (the course's ``nbgrader_config.py`` gives nbgrader the course's stub,
   see the README), no solution line left;
2. three submissions are autograded (``nbgrader autograde``): the released
   notebook untouched must score no point, the full solution every point, and
   the solution with one exercise replaced by a wrong answer from
   ``tests/wrong_answers/chNN.py`` must lose exactly that exercise's points.
   Scores are read from nbgrader's gradebook, per graded cell.

Each exercise is one solution cell followed by exactly ONE graded check cell
(``course_tools.chapters.exercises`` reads them so), so a wrong answer that fails the
exercise's checks loses all of that exercise's points and nothing else.

Autograding runs each chapter three times, training included: several minutes.
This test is skipped unless ``COURSE_NBGRADER=1`` is set (then nbgrader must be
installed: ``pip install -e ".[instructor]"``); CI runs it in its own step,
``.ci/steps/40-nbgrader.sh``:

    COURSE_NBGRADER=1 pytest -o addopts="" -p no:cacheprovider -n 2 tests/nbgrader
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest

from course_tools.chapters import BEGIN, END, exercises
from course_tools.handout import STUB, make_handouts
from tests.helpers import NOTEBOOKS, REPO, chapter_number, solution_lines
from tests.wrong_answers import wrong_answers

if os.environ.get("COURSE_NBGRADER") != "1":
    pytest.skip("set COURSE_NBGRADER=1 to run the nbgrader round trip", allow_module_level=True)
try:  # asked for, so a missing nbgrader is an error, not a skip
    from nbgrader.api import Gradebook
except ImportError as err:
    raise ImportError('COURSE_NBGRADER=1 needs nbgrader: pip install -e ".[instructor]"') from err

STUDENTS = ("untouched", "solution", "wrong")
# The course's nbgrader_config.py, exactly as the README gives it (checked below):
# the hand-out's stub, and more than nbgrader's 30 s per cell for training.
CONFIG = """\
from course_tools.handout import STUB

c = get_config()
c.CourseDirectory.course_id = "pytorch-course"
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\\n" + STUB}  # the hand-out's stub
c.Execute.timeout = 600  # seconds per cell; nbgrader's default, 30, is short for training
"""


def grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def answer(source: str) -> str:
    """A solution cell as a learner who solved it would leave it: without the markers."""
    return "\n".join(line for line in source.splitlines() if BEGIN not in line and END not in line)


def nbgrader(course: Path, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args, "--force"],
        cwd=course,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{result.stderr[-4000:]}"
    assert "[ERROR]" not in result.stderr, f"nbgrader {' '.join(args)}:\n{result.stderr[-4000:]}"


def submit(course: Path, assignment: str, student: str, nb) -> None:
    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / NAME[assignment])


NAME = {f"ch{p.name[:2]}": p.name for p in NOTEBOOKS}


def kernel_env() -> dict[str, str]:
    """nbgrader and its kernels inherit this: data folder, one core per parallel worker."""
    env = dict(os.environ)
    # nbgrader runs `alembic` (its database migrations) from PATH: this environment's
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    workers = int(env.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    env.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // workers)))
    return env


def test_readme_gives_the_tested_config():
    readme = (REPO / "README.md").read_text()
    block = textwrap.indent(CONFIG, "  ")  # inside a list item
    assert block in readme, "README's nbgrader_config.py differs from the one tested here"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_nbgrader_round_trip(path, tmp_path, monkeypatch):
    for key, value in kernel_env().items():
        monkeypatch.setenv(key, value)
    chapter = chapter_number(path)
    assignment = f"ch{chapter}"
    source_nb = nbformat.read(path, as_version=4)
    course = tmp_path / "course"
    (course / "source" / assignment).mkdir(parents=True)
    shutil.copy(path, course / "source" / assignment / path.name)
    (course / "nbgrader_config.py").write_text(CONFIG)

    # 1. Release: the same notebook as the course's own hand-out.
    nbgrader(course, "generate_assignment", assignment)
    released = nbformat.read(course / "release" / assignment / path.name, as_version=4)
    [handout] = make_handouts([path], tmp_path / "handout")
    handout = nbformat.read(handout, as_version=4)
    assert len(released.cells) == len(handout.cells), "nbgrader released other cells"
    for i, (ours, theirs) in enumerate(zip(handout.cells, released.cells, strict=True)):
        where = f"{path.name} cell {i} ({ours.get('id')})"
        assert theirs.cell_type == ours.cell_type, where
        assert theirs.get("id") == ours.get("id"), f"{where}: nbgrader changed the cell id"
        assert theirs.source.rstrip() == ours.source.rstrip(), (
            f"{where}: nbgrader released\n{theirs.source}\n--- the hand-out has\n{ours.source}"
        )
        if theirs.cell_type == "code":
            assert not theirs.outputs, f"{where}: released with outputs"
    found = exercises(source_nb, chapter)
    for ex in found:
        stub_cell = next(c for c in released.cells if grade_id(c) == ex.solution_id)
        left = {line.strip() for line in stub_cell.source.splitlines()}
        leaked = solution_lines(ex.solution.source) & left
        assert not leaked, f"{path.name} {ex.name}: solution lines released: {leaked}"
        assert STUB in stub_cell.source, f"{path.name} {ex.name}: no stub"

    # 2. Three submissions, autograded.
    graded = {ex.solution_id: [ex.check_id] for ex in found}
    answers = wrong_answers(chapter)
    broken = list(graded)[(int(chapter) - 1) % len(graded)]  # a different exercise per chapter
    assert answers.get(broken), f"tests/wrong_answers/ch{chapter}.py: no wrong answer for {broken}"
    why, wrong_source = answers[broken][0]

    solved = nbformat.from_dict(released)
    wrong = nbformat.from_dict(released)
    solutions = {ex.solution_id: ex.solution.source for ex in found}
    for nb in (solved, wrong):
        for cell in nb.cells:
            if grade_id(cell) in solutions:
                cell.source = answer(solutions[grade_id(cell)])
    next(c for c in wrong.cells if grade_id(c) == broken).source = wrong_source
    submit(course, assignment, "untouched", released)
    submit(course, assignment, "solution", solved)
    submit(course, assignment, "wrong", wrong)
    nbgrader(course, "autograde", assignment)

    expected_zero = {
        "untouched": {g for checks in graded.values() for g in checks},
        "solution": set(),
        "wrong": set(graded[broken]),
    }
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "pytorch-course") as gb:
        for student in STUDENTS:
            nb = gb.find_submission_notebook(path.stem, assignment, student)
            assert not nb.needs_manual_grade, f"{student}: nbgrader wants manual grading"
            assert not nb.flagged, f"{student}: submission flagged"
            scores = {g.name: (g.score, g.max_score) for g in nb.grades}
            print(f"{path.name} {student}: {nb.score}/{nb.max_score} {scores}")  # -rA shows it
            assert set(scores) == {g for checks in graded.values() for g in checks}, scores
            for name, (score, max_score) in scores.items():
                want = 0 if name in expected_zero[student] else max_score
                label = f" (wrong answer to {broken}: {why})" if student == "wrong" else ""
                assert score == want, (
                    f"{path.name}, submission '{student}'{label}: {name} scored "
                    f"{score}/{max_score}, expected {want}. All scores: {scores}"
                )
