"""The exercise editions as a learner who solved every exercise would run them.

Each chapter's committed edition (``notebooks/exercises/``) gets the chapter's
solutions injected in place of its stubs; run top to bottom, every cell must
pass, the check cells included. (``pytest --nbmake notebooks/exercises/`` runs
the unsolved editions: there the checks fail, report and Run All goes on.)
Every chapter once more, so it runs in CI's step ``.ci/steps/70-editions.sh``:

    COURSE_EDITIONS=1 pytest -o addopts="" -n 2 tests/editions
"""

from __future__ import annotations

import os
import tempfile

import pytest
from nbclient.exceptions import CellExecutionError

from course_tools.chapters import exercises
from course_tools.execute import kernel_client
from course_tools.handout import edition_path
from tests.helpers import IDS, NOTEBOOKS, chapter_number, load

if os.environ.get("COURSE_EDITIONS") != "1":
    pytest.skip("set COURSE_EDITIONS=1 to run the solved editions", allow_module_level=True)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_an_edition_with_every_exercise_solved_passes_every_check(path):
    edition = load(edition_path(path))
    for ex in exercises(load(path), chapter_number(path)):
        edition.cells[ex.solution_index].source = ex.solution.source
    with tempfile.TemporaryDirectory() as workdir:
        client = kernel_client(edition, workdir, timeout=600)
        with client.setup_kernel():
            for index, cell in enumerate(edition.cells):
                cell.metadata["tags"] = [
                    t for t in cell.metadata.get("tags", []) if t != "raises-exception"
                ]
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as err:
                    pytest.fail(f"{edition_path(path).name} cell {index} failed:\n{err}")
