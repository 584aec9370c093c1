"""Checks on the committed notebooks themselves: what a reader sees on GitHub
is a clean top-to-bottom run, and every chapter follows the course's skeleton."""

from __future__ import annotations

import re

import nbformat
import pytest

from course_tools.chapters import exercises, figures
from course_tools.colab import colab_url, repo_slug
from course_tools.normalize import normalize
from tests.helpers import IDS, NOTEBOOKS, REPO, chapter_number

MACHINE_PATH = re.compile(r"/(root|home|Users|tmp|work|private|var/folders)/|[A-Z]:\\\\Users")


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


CHAPTERS = IDS  # found in notebooks/, never typed in


def test_chapters_are_numbered_from_01_without_gaps():
    assert [chapter_number(p) for p in NOTEBOOKS] == [f"{n:02d}" for n in range(1, len(IDS) + 1)]


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
        f"execution counts are {counts}: run `python -m course_tools.execute notebooks/{path.name}`"
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
def test_metadata_is_what_the_tags_call_for(path):
    """Authors write tags; `python -m course_tools.execute` (or `.normalize`) writes the rest."""
    nb = load(path)
    assert normalize(nb, chapter_number(path), path.name) == nb, (
        f"{path.name}: its metadata is not what its tags call for: "
        f"run `python -m course_tools.normalize notebooks/{path.name}`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_two_to_four_exercises_and_figures_in_figure_cells(path):
    nb = load(path)
    found = exercises(nb, chapter_number(path))  # raises on a malformed exercise
    assert 2 <= len(found) <= 4, f"{len(found)} exercises; the course wants 2-4"
    figures(nb, chapter_number(path))  # raises on show_figure outside a figure cell
    for ex in found:
        assert re.search(r"\bassert\b|\bcheck_\w+\(", ex.check.source), (
            f"{ex.name}: a check raises AssertionError (assert or a check_ helper)"
        )


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
