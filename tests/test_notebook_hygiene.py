"""Checks on the committed notebooks themselves: what a reader sees on GitHub
is a clean top-to-bottom run, and every chapter follows the course's skeleton."""

from __future__ import annotations

import re

import nbformat
import pytest

from course_utils.colab import colab_url, repo_slug
from tests.conftest import NOTEBOOKS, REPO

MACHINE_PATH = re.compile(r"/(root|home|Users|tmp|work|private|var/folders)/|[A-Z]:\\\\Users")
IDS = [p.name for p in NOTEBOOKS]


def load(path):
    return nbformat.read(path, as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def output_texts(cell):
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            yield out.text
        elif out.output_type in {"execute_result", "display_data"}:
            yield out.get("data", {}).get("text/plain", "")


CHAPTERS = [
    "01_nn_module_basics.ipynb",
    "02_fashion_mnist_mlp.ipynb",
    "03_layer_by_layer.ipynb",
    "04_conv_net_and_sgd.ipynb",
    "05_custom_layers_and_containers.ipynb",
    "06_autograd.ipynb",
    "07_temperature_regression.ipynb",
]


def test_all_seven_chapters_exist_in_order():
    assert IDS == CHAPTERS


def test_readme_chapter_table_links_every_chapter():
    readme = (REPO / "README.md").read_text()
    for name in CHAPTERS:
        assert f"(notebooks/{name})" in readme, f"README does not link {name}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_chapter_links_to_its_neighbours(path):
    markdown = "\n".join(c.source for c in load(path).cells if c.cell_type == "markdown")
    index = CHAPTERS.index(path.name)
    if index > 0:
        assert f"({CHAPTERS[index - 1]})" in markdown, "no link to the previous chapter"
    if index < len(CHAPTERS) - 1:
        assert f"({CHAPTERS[index + 1]})" in markdown, "no link to the next chapter"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_valid_and_uses_the_standard_kernel(path):
    nb = load(path)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_come_from_one_clean_top_to_bottom_run(path):
    counts = [c.execution_count for c in code_cells(load(path))]
    assert counts == list(range(1, len(counts) + 1)), (
        f"execution counts are {counts}: run `python -m course_utils.execute notebooks/{path.name}`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_errors_warnings_widgets_or_machine_paths_in_outputs(path):
    for i, cell in enumerate(code_cells(load(path))):
        for out in cell.outputs:
            assert out.output_type != "error", f"cell {i}: error output {out.get('ename')}"
            if out.output_type == "stream":
                assert out.name == "stdout", f"cell {i}: stderr output {out.text[:200]!r}"
            data = out.get("data", {})
            assert "application/vnd.jupyter.widget-view+json" not in data, (
                f"cell {i}: a widget output shows as noise on GitHub"
            )
        for text in output_texts(cell):
            assert "Warning" not in text, f"cell {i}: a warning in the output: {text[:300]!r}"
            assert not MACHINE_PATH.search(text), f"cell {i}: machine path in {text[:300]!r}"
            assert "\r" not in text, f"cell {i}: uncleaned progress-bar output"
            assert not re.search(r" at 0x[0-9a-f]{6,}", text), f"cell {i}: a memory address"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_title_cell_has_a_badge_for_this_notebook(path):
    first = load(path).cells[0]
    assert first.cell_type == "markdown" and first.source.startswith(f"# Chapter {path.name[:2]}")
    assert colab_url(f"notebooks/{path.name}", repo_slug(REPO)) in first.source
    for part in ("You will learn", "Prerequisites", "Time"):
        assert part in first.source, f"title cell lacks '{part}'"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_setup_cell_seeds_picks_device_and_prints_versions(path):
    setup, *others = code_cells(load(path))
    setup = setup.source
    for needle in (
        "google.colab",
        "seed_everything(",
        "device = get_device()",
        "torch.__version__",
        "course_utils.__version__",
    ):
        assert needle in setup, f"setup cell lacks {needle!r}"
    rest = "\n".join(c.source for c in others)
    assert "seed_everything(" not in rest, "seed once, in the setup cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_exercises_have_collapsed_marked_solutions_and_checks(path):
    cells = load(path).cells
    solutions = [i for i, c in enumerate(cells) if "solution" in c.metadata.get("tags", [])]
    assert 2 <= len(solutions) <= 4, f"{len(solutions)} exercises; the course wants 2-4"
    for i in solutions:
        src = cells[i].source
        begins, ends = src.count("### BEGIN SOLUTION"), src.count("### END SOLUTION")
        assert begins == ends >= 1, f"cell {i}: unbalanced solution markers"
        assert cells[i].metadata.get("jupyter", {}).get("source_hidden"), f"cell {i}: not collapsed"
        after = cells[i + 1]
        assert "check" in after.metadata.get("tags", []), f"cell {i + 1}: no check after solution"
        assert cells[i].metadata.get("nbgrader", {}).get("solution") is True, (
            f"cell {i}: nbgrader metadata missing (nbgrader refuses marked regions without it)"
        )
        assert after.metadata.get("nbgrader", {}).get("grade") is True, f"cell {i + 1}: not graded"
    grade_ids = [c.metadata["nbgrader"]["grade_id"] for c in cells if "nbgrader" in c.metadata]
    assert len(grade_ids) == len(set(grade_ids)), "nbgrader grade_ids must be unique"
    for i, cell in enumerate(cells):
        if i not in solutions:
            assert "BEGIN SOLUTION" not in cell.source, f"cell {i}: markers outside a solution cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_chapter_has_exercises_summary_and_links(path):
    markdown = "\n".join(c.source for c in load(path).cells if c.cell_type == "markdown")
    assert "## Exercises" in markdown and "## Summary" in markdown
    for target in re.findall(r"\]\((\d\d_[a-z0-9_]+\.ipynb)\)", markdown):
        assert (REPO / "notebooks" / target).is_file(), f"link to missing chapter {target}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_deprecated_autograd_idioms(path):
    for i, cell in enumerate(code_cells(load(path))):
        assert not re.search(
            r"\bVariable\(|\.data\.(sub_|add_|copy_)|\.data\s*[-+]?=", cell.source
        ), f"cell {i}: Variable or .data updates; use tensors and torch.no_grad()"
        if "torch.load(" in cell.source:
            assert "weights_only=True" in cell.source, f"cell {i}: torch.load without weights_only"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_nbgrader_grades_each_exercise_by_exactly_one_check_cell(path):
    """What `nbgrader generate_assignment` / `autograde` need (tests/nbgrader/ runs them).
    One graded check cell per exercise (further checks go into that cell), so an
    exercise is worth that cell's points and a wrong answer loses exactly them."""
    exercise, graded = None, {}
    for i, cell in enumerate(load(path).cells):
        meta = cell.metadata.get("nbgrader")
        if meta is None:
            continue
        where = f"cell {i} ({cell.get('id')}, {meta.get('grade_id')})"
        assert cell.get("id") and meta.get("grade_id"), f"{where}: nbgrader needs ids"
        assert meta.get("schema_version") == 3, f"{where}: nbgrader schema_version 3"
        assert cell.cell_type == "code", f"{where}: exercises are code cells"
        if meta.get("solution"):
            assert not meta.get("grade") and not meta.get("locked"), (
                f"{where}: a solution cell is neither graded nor locked (autograded answer)"
            )
            exercise = meta["grade_id"]
            graded[exercise] = []
        elif meta.get("grade"):
            assert exercise is not None, f"{where}: graded cell before any solution cell"
            assert meta.get("locked") and meta.get("points", 0) > 0, (
                f"{where}: a graded check is locked and worth points (autograded test)"
            )
            assert re.search(r"\bassert\b|\bcheck_\w+\(", cell.source), (
                f"{where}: a graded check raises AssertionError (assert or a check_ helper)"
            )
            graded[exercise].append(meta["grade_id"])
    bad = {ex: checks for ex, checks in graded.items() if len(checks) != 1}
    assert not bad, (
        f"each exercise needs exactly one graded check cell (merge further checks into it): {bad}"
    )
