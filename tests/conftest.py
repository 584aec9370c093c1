"""Shared test set-up: a headless plotting backend and the real data, if present."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def tags(cell) -> list[str]:
    """A notebook cell's tags (solution, check, train, figure, ...)."""
    return cell.metadata.get("tags", [])


def solution_lines(source: str) -> set[str]:
    """The lines found only between the solution markers (stripped, non-blank):
    the ones a hand-out must not contain."""
    from course_utils.student import BEGIN, END

    inside, outside, within = set(), set(), False
    for line in source.splitlines():
        if BEGIN in line or END in line:
            within = BEGIN in line
        elif line.strip():
            (inside if within else outside).add(line.strip())
    return inside - outside


@pytest.fixture
def real_data_dir() -> Path:
    """The folder with the real FashionMNIST files (COURSE_DATA_DIR), or skip."""
    from course_utils import fashion_mnist_folder
    from course_utils.data import FASHION_FILES

    env = os.environ.get("COURSE_DATA_DIR")
    if not env or not all((fashion_mnist_folder(env) / f).is_file() for f in FASHION_FILES):
        pytest.skip("set COURSE_DATA_DIR to a folder with FashionMNIST/raw/ to run this")
    return Path(env)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
