"""The kept set of submissions the grading tool must score right and report (issue 28).

Each entry builds one student's notebook from the released chapter and its solutions:
what it does, the points it must score (out of the chapter's exercises) and the
condition the report must name. Grade ids come from ``course_tools.chapters.exercises``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import nbformat

from course_tools.chapters import Exercise
from course_tools.grading.course import grade_id, solve

# answer-cell code that turns every check into a pass: `check_exercise(...)` and
# `with exercise_case(...):` then do nothing
SUPPRESS = (
    "\nclass _Pass:\n    def __init__(self, *a, **k): pass\n"
    "    def __enter__(self): return self\n    def __exit__(self, *exc): return True\n"
)


@dataclass
class Kind:
    """One kind of submission: how to make it, its points, what the report must say."""

    make: Callable[[nbformat.NotebookNode, list[Exercise]], nbformat.NotebookNode | None]
    points: Callable[[int], int]  # from the number of exercises
    condition: str  # a word the report's conditions must contain ('' for none)
    filename: str | None = None  # saved under this name instead of the released one


def _cell(nb, gid):
    return next(c for c in nb.cells if grade_id(c) == gid)


def _append(nb, found, code, solved=False):
    nb = solve(nb, found) if solved else nbformat.from_dict(nb)
    _cell(nb, found[0].solution_id).source += "\n" + code
    return nb


def _drop_check(nb, found):
    nb = solve(nb, found)
    nb.cells.remove(_cell(nb, found[0].check_id))
    return nb


def _edit_check(nb, found, strip=False):
    nb = nbformat.from_dict(nb)
    for ex in found:
        cell = _cell(nb, ex.check_id)
        cell.source = "pass"
        if strip:
            cell.metadata.pop("nbgrader")
    return nb


KINDS: dict[str, Kind] = {
    "untouched": Kind(lambda nb, f: nbformat.from_dict(nb), lambda n: 0, ""),
    "solved": Kind(solve, lambda n: n, ""),
    "renamed": Kind(solve, lambda n: n, "renamed", filename="copy (1).ipynb"),
    "redefines-check-exercise": Kind(
        lambda nb, f: _append(nb, f, SUPPRESS + "exercise_case = _Pass\ncheck_exercise = _Pass"),
        lambda n: 0,
        "tampered",
    ),
    "patches-course-utils": Kind(
        lambda nb, f: _append(
            nb, f, "import course_utils\ncourse_utils.check_shape = lambda *a, **k: None"
        ),
        lambda n: 0,
        "tampered",
    ),
    "patches-torch": Kind(
        lambda nb, f: _append(nb, f, "torch.testing.assert_close = lambda *a, **k: None"),
        lambda n: 0,
        "tampered",
    ),
    "patches-builtins": Kind(
        lambda nb, f: _append(nb, f, "import builtins\nbuiltins.abs = lambda x: 0"),
        lambda n: 0,
        "tampered",
    ),
    "deletes-a-check": Kind(_drop_check, lambda n: n, "missing check"),
    "edits-checks": Kind(_edit_check, lambda n: 0, "edited check"),
    "strips-check-metadata": Kind(
        lambda nb, f: _edit_check(nb, f, strip=True), lambda n: 0, "check"
    ),
    # the fresh kernel replays the cells before the one that died: that exercise's class
    # is not defined, the other exercises keep their points
    "kernel-dies": Kind(
        lambda nb, f: _append(nb, f, "import os\nos._exit(1)", solved=True),
        lambda n: n - 1,
        "crashed",
    ),
    # the loop is interrupted at the cell timeout; the class above it is defined by then
    "runs-forever": Kind(
        lambda nb, f: _append(nb, f, "while True:\n    pass", solved=True),
        lambda n: n,
        "timeout",
    ),
}

# Graded end to end in CI (the rest are unit tests: they need no kernel to be named).
END_TO_END = [
    "untouched",
    "solved",
    "renamed",
    "redefines-check-exercise",
    "patches-course-utils",
    "patches-torch",
    "patches-builtins",
    "kernel-dies",
    "runs-forever",
]
