"""Exercise cells as a learner meets them: named, hinted, checked in one call, collapsed.

A check cell is a comment and one call, ``check_exercise("chNN-name", answer, ...)``:
it binds no name a chapter cell could use and shows no reference answer (those live in
``course_utils/exercises/chNN.py``). Each exercise has a stable name (its solution
cell's ``exercise:<name>`` tag) and one or two hints that open on demand.
"""

from __future__ import annotations

import ast
import re

import mistune
import nbformat
import pytest

from course_tools.chapters import exercises
from course_tools.handout import exercise_edition, student_version
from course_tools.normalize import TITLE
from course_utils.exercises import get_check
from tests.helpers import IDS, NOTEBOOKS, chapter_number

DETAILS = re.compile(r"<details>\s*<summary>(.+?)</summary>\n\n(.+?)\n\n</details>", re.S)


def chapter_exercises(path):
    return exercises(nbformat.read(path, as_version=4), chapter_number(path))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_exercise_has_a_stable_name_and_a_registered_check(path):
    for ex in chapter_exercises(path):
        assert ex.slug, (
            f"{path.name} exercise {ex.number}: tag its solution cell 'exercise:<name>' "
            "(a stable name for grade ids, wrong answers and mutation lists)"
        )
        get_check(ex.name)  # raises if course_utils/exercises has no check by that name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_a_check_cell_is_one_call_that_binds_no_name(path):
    for ex in chapter_exercises(path):
        tree = ast.parse(ex.check.source)
        assert len(tree.body) == 1, f"{ex.name}: the check cell should be one call"
        [statement] = tree.body
        call = statement.value if isinstance(statement, ast.Expr) else None
        assert (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "check_exercise"
        ), f"{ex.name}: the check cell should call check_exercise(...) and bind nothing"
        assert isinstance(call.args[0], ast.Constant) and call.args[0].value == ex.name, (
            f"{ex.name}: its check cell checks {ast.unparse(call.args[0])}"
        )
        stores = [n for n in ast.walk(tree) if isinstance(n, ast.Name | ast.NamedExpr)]
        assert not [n for n in stores if isinstance(getattr(n, "ctx", None), ast.Store)], (
            f"{ex.name}: the check cell binds a name"
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_exercise_has_one_or_two_hints_that_open_on_demand(path):
    for ex in chapter_exercises(path):
        text = "\n".join(cell.source for cell in ex.hints)
        hints = DETAILS.findall(text)
        assert 1 <= len(hints) <= 2 and len(hints) == text.count("<details"), (
            f"{ex.name}: needs one or two hints, each '<details>\\n<summary>Hint 1</summary>"
            "\\n\\n...\\n\\n</details>' in a markdown cell tagged 'hint' before the solution"
        )
        assert all(cell.cell_type == "markdown" for cell in ex.hints)
        assert "<details open" not in text, f"{ex.name}: a hint must start collapsed"
        # Jupyter's renderer (and CommonMark, which GitHub and Colab follow) keeps the
        # <details> block as HTML and renders the markdown inside it
        html = mistune.html(text)
        assert html.count("<details>") == len(hints) and "&lt;details" not in html
        assert "<p>" in html.split("<details>", 1)[1], f"{ex.name}: hint text not rendered"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_solution_and_check_cells_are_collapsed_in_jupyter_and_colab(path):
    for ex in chapter_exercises(path):
        for cell in (ex.solution, ex.check):
            assert cell.metadata.get("cellView") == "form", f"{ex.name}: not collapsed in Colab"
            assert cell.metadata["jupyter"]["source_hidden"] is True
            first = cell.source.split("\n", 1)[0]
            assert first.startswith(TITLE) and ex.name in first, (
                f"{ex.name}: Colab shows the '# @title' line of a collapsed cell: it names it"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_the_learners_own_cell_is_open_in_the_edition_and_the_release(path):
    nb = nbformat.read(path, as_version=4)
    found = chapter_exercises(path)
    for version in (exercise_edition(nb, path.name), student_version(nb, path.name)):
        for ex in found:
            cell = version.cells[ex.solution_index]
            assert "cellView" not in cell.metadata, f"{ex.name}: stub collapsed in Colab"
            assert not cell.metadata.get("jupyter", {}).get("source_hidden")
            assert "hide-input" not in cell.metadata.get("tags", [])
            assert not cell.source.startswith(TITLE), f"{ex.name}: stub under a form title"
            hints = [version.cells[nb.cells.index(h)] for h in ex.hints]
            assert [h.source for h in hints] == [h.source for h in ex.hints], "hints kept"


def test_a_hidden_cell_is_collapsed_under_its_authors_title_and_must_have_one():
    from nbformat.v4 import new_code_cell, new_notebook

    from course_tools.normalize import normalize

    cell = new_code_cell(
        "# @title The computation behind a range\nx = 1", metadata={"tags": ["hidden"]}
    )
    setup = new_code_cell("# In Colab (and only there) install the course's helper package.")
    [_, out] = normalize(new_notebook(cells=[setup, cell]), "99").cells
    assert out.metadata["cellView"] == "form" and out.metadata["jupyter"]["source_hidden"]
    assert "hide-input" in out.metadata["tags"]
    assert out.source == cell.source  # the author's title kept
    untitled = new_code_cell("x = 1", metadata={"tags": ["hidden"]})
    with pytest.raises(ValueError, match="first line"):
        normalize(new_notebook(cells=[setup, untitled]), "99")
