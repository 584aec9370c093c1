"""Every chapter executed once, and every exercise checked in that same kernel.

For each chapter, one test:

1. runs every cell top to bottom in a fresh kernel started in a temporary
   directory (as ``python -m course_tools.execute`` and ``pytest --nbmake
   notebooks/`` run it); every cell must succeed;
2. then, in the same kernel, for each exercise (as ``course_tools.chapters``
   reads it: a cell tagged ``solution`` and the ``check`` cell right after it):

   - the student stub (what ``python -m course_tools.handout`` hands out)
     replaces the solution: the check cell must say "not attempted yet"
     (``NotAttempted``);
   - each wrong answer in ``tests/wrong_answers/chNN.py`` replaces the
     solution: the check cell must reject it with the course's one-line
     verdict (``CheckFailed``), whose message contains the wrong answer's
     ``[message: ...]`` words where the file gives them;
   - the solution runs again: the check cell must pass and leave no new name
     in the notebook.

Those are the only cells expected to fail, and a failure message names the
exercise, the cell and the wrong answer. Chapters run in parallel under
pytest-xdist (``-n``, set in pyproject.toml); each chapter stays in one
worker (``xdist_group``) and its kernel gets an equal share of the CPU.
"""

from __future__ import annotations

import os
import tempfile

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell

from course_tools.chapters import Exercise, exercises, tags
from course_tools.execute import kernel_client
from course_tools.handout import strip_solutions
from tests.helpers import NOTEBOOKS, chapter_number
from tests.wrong_answers import wrong_answers


def by_cost(path) -> tuple[int, str]:
    """Chapters with training cells first, so parallel workers end together."""
    nb = nbformat.read(path, as_version=4)
    return (-sum("train" in tags(c) for c in nb.cells), path.name)


CHAPTERS = sorted(NOTEBOOKS, key=by_cost)


def kernel_threads() -> str:
    """An equal share of the cores for each parallel worker's kernel."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    return str(max(1, (os.cpu_count() or 1) // workers))


def outcome(client: NotebookClient, cell, index: int) -> str | None:
    """None if the cell ran, else the name of the exception it raised."""
    return outcome_and_message(client, cell, index)[0]


def outcome_and_message(client: NotebookClient, cell, index: int) -> tuple[str | None, str]:
    """(None, "") if the cell ran, else the exception's name and message."""
    try:
        client.execute_cell(cell, index)
    except CellExecutionError as err:
        return err.ename, err.evalue
    return None, ""


# every global name but IPython's history (_, __, _i3, _oh, In, Out, ...)
NAMES = (
    "import re as _re; print(sorted(n for n in globals() "
    "if not _re.fullmatch(r'_+|_i+\\d*|_\\d+|_oh|_ih|_dh|In|Out|_re', n)))"
)


def notebook_names(client: NotebookClient) -> str:
    """The notebook's global names (IPython's history aside), as the kernel prints them."""
    cell = new_code_cell(NAMES)
    client.execute_cell(cell, 0)
    return "".join(o.get("text", "") for o in cell.outputs)


def check_exercise(client, ex: Exercise, wrong: list[tuple[str, str]]) -> list[str]:
    """Stub, wrong answers, then the solution; returns what went wrong."""
    problems = []
    where = f"{ex.name} (cell {ex.solution_index})"
    check = (ex.check, ex.check_index)

    stub = new_code_cell(strip_solutions(ex.solution.source))
    raised = outcome(client, stub, ex.solution_index)
    if raised is not None:
        problems.append(f"{where}: the stub raised {raised} instead of defining the exercise")
    else:
        raised = outcome(client, *check)
        if raised != "NotAttempted":
            problems.append(
                f"{where}: with the stub, check cell {ex.check_index} should say NotAttempted "
                f"but {'passed' if raised is None else f'raised {raised}'}"
            )

    for why, source in wrong:
        why, _, expected = why.partition(" [message: ")
        expected = expected.removesuffix("]")
        raised = outcome(client, new_code_cell(source), ex.solution_index)
        if raised is not None:
            problems.append(f"{where}: wrong answer {why!r} raised {raised} where it is defined")
            continue
        raised, message = outcome_and_message(client, *check)
        if raised != "CheckFailed":
            problems.append(
                f"{where}: wrong answer {why!r} is not caught: check cell {ex.check_index} "
                f"{'passed' if raised is None else f'raised {raised}, not CheckFailed'}"
            )
        elif expected.lower() not in message.lower():
            problems.append(
                f"{where}: wrong answer {why!r} is rejected without naming the mistake: "
                f"the message {message!r} does not say {expected!r}"
            )

    raised = outcome(client, ex.solution, ex.solution_index)
    if raised is not None:
        return [*problems, f"{where}: the solution itself raised {raised}"]
    before = notebook_names(client)
    raised = outcome(client, *check)
    if raised is not None:
        problems.append(f"{where}: check cell {ex.check_index} raised {raised} on the solution")
    elif notebook_names(client) != before:
        problems.append(f"{where}: check cell {ex.check_index} left names in the notebook")
    return problems


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, marks=pytest.mark.xdist_group(p.stem), id=p.name) for p in CHAPTERS],
)
def test_chapter_runs_and_its_checks_reject_stub_and_wrong_answers(path, monkeypatch):
    nb = nbformat.read(path, as_version=4)
    if "PYTEST_XDIST_WORKER_COUNT" in os.environ and "OMP_NUM_THREADS" not in os.environ:
        monkeypatch.setenv("OMP_NUM_THREADS", kernel_threads())
    chapter = chapter_number(path)
    answers = wrong_answers(chapter)
    with tempfile.TemporaryDirectory() as workdir:
        client = kernel_client(nb, workdir)
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as err:
                    pytest.fail(f"{path.name} cell {index} ({cell.get('id')}) failed:\n{err}")
            problems = []
            for ex in exercises(nb, chapter):
                problems += check_exercise(client, ex, answers.get(ex.solution_id, []))
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_exercise_has_a_wrong_answer(path):
    chapter = chapter_number(path)
    solutions = {ex.solution_id for ex in exercises(nbformat.read(path, as_version=4), chapter)}
    answers = wrong_answers(chapter)
    unknown = set(answers) - solutions
    assert not unknown, f"tests/wrong_answers/ch{chapter}.py names no exercise: {unknown}"
    missing = sorted(s for s in solutions if not answers.get(s))
    assert not missing, (
        f"no wrong answer for {missing}: add the mistake a learner is most likely to make "
        f"to tests/wrong_answers/ch{chapter}.py"
    )


def test_the_harness_catches_a_stub_that_passes_and_a_wrong_answer_that_passes():
    solution = new_code_cell(
        "def f(x):\n    ### BEGIN SOLUTION\n    return x + 1\n    ### END SOLUTION"
    )
    solution.metadata = {"tags": ["solution"]}
    check = new_code_cell(
        "from course_utils.verdict import CheckFailed, NotAttempted\n"
        "try:\n    _ok = f(1) == 2\n"
        "except NotImplementedError:\n    raise NotAttempted('ch99-ex1') from None\n"
        "if not _ok:\n    raise CheckFailed('ch99-ex1', 'f(1) should be 2')"
    )
    check.metadata = {"tags": ["check"]}
    nb = nbformat.v4.new_notebook(cells=[solution, check])
    [ex] = exercises(nb, "99")
    wrong = [
        ("returns x", "def f(x):\n    return x\n"),
        ("special-cases 1", "def f(x):\n    return 2\n"),
    ]
    with tempfile.TemporaryDirectory() as workdir:
        client = kernel_client(nb, workdir, timeout=60)
        with client.setup_kernel():
            problems = check_exercise(client, ex, wrong)
            assert problems == [
                "ch99-ex1 (cell 0): wrong answer 'special-cases 1' is not caught: "
                "check cell 1 passed"
            ]
            wrong = [("returns x [message: should be 3]", "def f(x):\n    return x\n")]
            problems = check_exercise(client, ex, wrong)
            assert "does not say 'should be 3'" in problems[0]
            ex.check = new_code_cell("assert True")  # a check that cannot fail
            problems = check_exercise(client, ex, [])
            assert "should say NotAttempted but passed" in problems[0]
