"""The hand-outs (`python -m course_tools.handout`): no solution left, every output
cleared, bad inputs refused.
(That each exercise check fails on the stub is tested in test_chapters.py.)"""

from __future__ import annotations

import tempfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from course_tools.chapters import exercises
from course_tools.handout import (
    BEGIN,
    END,
    HandoutError,
    edition_path,
    exercise_edition,
    main,
    make_handouts,
    strip_solutions,
)
from tests.helpers import NOTEBOOKS, chapter_number, solution_lines

IDS = [p.name for p in NOTEBOOKS]


def test_stub_keeps_the_indentation_and_the_code_around_it():
    source = (
        "def f(x):\n    y = 1\n    ### BEGIN SOLUTION\n    return x + y\n    ### END SOLUTION\n"
    )
    stubbed = strip_solutions(source)
    assert stubbed.splitlines()[:3] == ["def f(x):", "    y = 1", "    # YOUR CODE HERE"]
    assert stubbed.splitlines()[3].startswith("    raise NotImplementedError(")
    assert "return x + y" not in stubbed
    namespace: dict = {}
    exec(stubbed, namespace)
    with pytest.raises(NotImplementedError):
        namespace["f"](1)


@pytest.mark.parametrize(
    "source, message",
    [
        (f"{BEGIN}\nx = 1\n", "never closed"),
        (f"x = 1\n{END}\n", "without a"),
        (f"{BEGIN}\n{BEGIN}\n{END}\n", "inside another"),
    ],
)
def test_unbalanced_markers_are_reported(source, message):
    with pytest.raises(HandoutError, match=message):
        strip_solutions(source)


def test_bad_inputs_write_nothing(tmp_path, capsys):
    good = NOTEBOOKS[0]
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{not json")
    unbalanced = tmp_path / "unbalanced.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell(f"{BEGIN}\nx = 1")]), unbalanced)
    out = tmp_path / "handout"
    for bad in (tmp_path / "missing.ipynb", broken, unbalanced, tmp_path):
        assert main([str(good), str(bad), "--out", str(out)]) == 2
        assert "Nothing was written" in capsys.readouterr().err
        assert not out.exists()


def test_handouts_never_overwrite_the_chapters(tmp_path):
    chapter = tmp_path / "01_x.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell(f"{BEGIN}\nx = 1\n{END}")]), chapter)
    with pytest.raises(HandoutError, match="would overwrite"):
        make_handouts([tmp_path], tmp_path)
    assert BEGIN in chapter.read_text()


def test_markers_in_markdown_are_rejected(tmp_path):
    path = tmp_path / "md.ipynb"
    nbformat.write(new_notebook(cells=[new_markdown_cell(f"{BEGIN}\n{END}")]), path)
    with pytest.raises(HandoutError, match="not tagged 'solution'"):
        make_handouts([path], tmp_path / "out")


@pytest.fixture(scope="module")
def handouts():
    with tempfile.TemporaryDirectory() as out:
        written = make_handouts(NOTEBOOKS, Path(out))
        yield {p.name: nbformat.read(p, as_version=4) for p in written}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_student_version_has_no_solutions_and_no_outputs(path, handouts):
    student = handouts[path.name]
    nbformat.validate(student)
    full = nbformat.read(path, as_version=4)
    assert len(student.cells) == len(full.cells)
    for original, cell in zip(full.cells, student.cells, strict=True):
        assert BEGIN not in cell.source and END not in cell.source
        left = {line.strip() for line in cell.source.splitlines()}
        leaked = solution_lines(original.source) & left
        assert not leaked, f"{path.name} cell {original.get('id')}: solution lines left: {leaked}"
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_exercise_edition_is_what_the_tool_makes_from_the_chapter(path):
    edition = edition_path(path)
    assert edition.is_file(), f"no {edition}: run `python -m course_tools.handout --editions`"
    expected = exercise_edition(nbformat.read(path, as_version=4), path.name)
    assert nbformat.read(edition, as_version=4) == expected, (
        f"{edition.name} is not the current chapter's edition: "
        "run `python -m course_tools.handout --editions`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_exercise_edition_has_stubs_keeps_outputs_and_goes_on_past_checks(path):
    full = nbformat.read(path, as_version=4)
    edition = nbformat.read(edition_path(path), as_version=4)
    found = exercises(full, chapter_number(path))
    exercise_cells = {i for ex in found for i in (ex.solution_index, ex.check_index)}
    for index, (original, cell) in enumerate(zip(full.cells, edition.cells, strict=True)):
        left = {line.strip() for line in cell.source.splitlines()}
        assert not solution_lines(original.source) & left, f"{path.name} cell {index}: solution"
        if index in exercise_cells:
            assert "raises-exception" in cell.metadata["tags"], f"cell {index}: Run All stops"
            assert cell.outputs == [], f"cell {index}: the solved run's output"
        elif cell.cell_type == "code":
            assert cell.outputs == original.outputs, f"cell {index}: outputs not kept"
    assert BEGIN not in edition_path(path).read_text() and END not in edition_path(path).read_text()
