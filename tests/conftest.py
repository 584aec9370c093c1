"""Fixtures for every test: a headless plotting backend and the real data, if present.
(Shared helpers live in tests/helpers.py.)"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")


@pytest.fixture
def real_data_dir() -> Path:
    """The folder with the real FashionMNIST files (COURSE_DATA_DIR), or skip."""
    from course_utils.data import FASHION_FILES, fashion_mnist_folder

    env = os.environ.get("COURSE_DATA_DIR")
    if not env or not all((fashion_mnist_folder(env) / f).is_file() for f in FASHION_FILES):
        pytest.skip("set COURSE_DATA_DIR to a folder with FashionMNIST/raw/ to run this")
    return Path(env)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
