"""course_tools.run_chapters: every chapter and solved edition on a device, with other seeds.

The real run is CI's step .ci/steps/10-seeds.sh; these tests use small notebooks.
"""

from __future__ import annotations

import nbformat
import pytest
import torch
from nbformat.v4 import new_code_cell, new_notebook

from course_tools import run_chapters
from course_tools.chapters import BEGIN, END
from course_tools.run_chapters import Job, Outcome, execute, jobs_for, own_seed, report
from tests.helpers import NOTEBOOKS


def notebook(*sources: str, tags: dict[int, list[str]] | None = None) -> nbformat.NotebookNode:
    cells = [new_code_cell(src) for src in sources]
    for index, cell_tags in (tags or {}).items():
        cells[index].metadata["tags"] = cell_tags
    return new_notebook(cells=cells)


def test_the_kernel_gets_the_device_and_seed_and_an_error_ends_the_run():
    nb = notebook(
        "from course_utils import get_device, seed_everything\n"
        "print(get_device(), seed_everything(1))",
        "import sys; print('careful', file=sys.stderr)",
        "raise ValueError('boom')",
        "print('never runs')",
    )
    outcome = execute(nb, "tiny", {"COURSE_DEVICE": "cpu", "COURSE_SEED": "77"}, timeout=60)
    assert nb.cells[0].outputs[0].text == "cpu 77\n"
    [problem] = outcome.problems
    assert problem.startswith("cell 2 (") and problem.endswith("ValueError: boom")
    assert len(outcome.stderr) == 1 and "careful" in outcome.stderr[0]
    assert nb.cells[3].get("outputs") == []  # not run after the error
    assert not outcome.ok and outcome.seconds > 0


def test_an_expected_error_is_counted_and_the_run_goes_on():
    nb = notebook(
        "class NotAttempted(AssertionError): pass",
        "raise NotAttempted('not attempted yet')",
        "print('still running')",
        tags={1: ["raises-exception"]},
    )
    outcome = execute(nb, "tiny", timeout=60, expected=lambda cell, ename: ename == "NotAttempted")
    assert outcome.ok and outcome.expected_errors == 1
    assert nb.cells[2].outputs[0].text == "still running\n"


def write_chapter(root, solution: str, stub: str):
    """A one-exercise chapter and its edition, as notebooks/ and notebooks/exercises/ hold them."""

    def chapter(body):
        nb = notebook(
            "x = 1",
            f"def f():\n    {BEGIN}\n    {body}\n    {END}",
            "assert f() == 2",
            tags={1: ["solution"], 2: ["check"]},
        )
        for i, cell in enumerate(nb.cells):
            cell["id"] = f"cell-{i}"
        return nb

    (root / "notebooks" / "exercises").mkdir(parents=True)
    path = root / "notebooks" / "09_tiny.ipynb"
    nbformat.write(chapter(solution), path)
    edition = chapter(stub)
    edition.cells[2].metadata["tags"].append("raises-exception")
    nbformat.write(edition, root / "notebooks" / "exercises" / "09_tiny.ipynb")
    return path


def test_a_solved_edition_has_the_chapters_solutions_and_no_raises_exception(tmp_path):
    path = write_chapter(tmp_path, "return 2", "raise NotImplementedError")
    edition = run_chapters.solved_edition(path)
    assert "return 2" in edition.cells[1].source
    assert all("raises-exception" not in c.metadata.get("tags", []) for c in edition.cells)
    assert execute(edition, "solved", timeout=60).ok


def test_an_edition_out_of_step_with_its_chapter_says_what_to_run(tmp_path):
    path = write_chapter(tmp_path, "return 2", "raise NotImplementedError")
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(new_code_cell("pass"))
    nbformat.write(nb, path)
    with pytest.raises(ValueError, match="course_tools.handout --editions"):
        run_chapters.solved_edition(path)


def test_every_chapter_runs_with_every_seed_and_each_edition_once():
    jobs = jobs_for(NOTEBOOKS, [12345, 2024])
    assert len(jobs) == 3 * len(NOTEBOOKS)
    assert [j.seed for j in jobs if j.edition] == [12345] * len(NOTEBOOKS)
    assert {(j.chapter, j.seed) for j in jobs if not j.edition} == {
        (c, s) for c in NOTEBOOKS for s in (12345, 2024)
    }
    assert jobs_for(NOTEBOOKS, [7], editions=False) == [Job(c, False, 7) for c in NOTEBOOKS]


def test_a_chapters_own_seed_is_refused():
    own = own_seed(nbformat.read(NOTEBOOKS[0], as_version=4))
    assert isinstance(own, int)
    with pytest.raises(ValueError, match=f"seed {own} is {NOTEBOOKS[0].name}'s own seed"):
        jobs_for(NOTEBOOKS, [12345, own])


def test_the_report_names_the_device_and_each_runs_time_and_result():
    outcomes = [Outcome("01_a.ipynb (seed 7)", 3.25, 6.5), Outcome("02_b.ipynb (seed 7)", 1.0)]
    outcomes[1].problems.append("cell 4 (ch02-004): AssertionError: a | b")
    text = report(outcomes, [("device", "cuda:0 (NVIDIA H100)"), ("torch", "2.11.0")])
    assert "- **device:** cuda:0 (NVIDIA H100)" in text
    assert "1 of 2 runs passed" in text
    assert "| 01_a.ipynb (seed 7) | 3.2 | 6.5 | passed |" in text
    assert (
        "| 02_b.ipynb (seed 7) | 1.0 | 0.0 | FAILED: cell 4 (ch02-004): AssertionError: a / b |"
        in text
    )


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_an_unavailable_device_stops_before_any_run(capsys):
    with pytest.raises(SystemExit) as stop:
        run_chapters.main(["--device", "cuda", "--seeds", "12345"])
    assert stop.value.code == 2
    assert "CUDA was asked for but is not available" in capsys.readouterr().err
