"""The course website, built once per test session into a temporary folder.

These tests need the site's own tools (``pip install -r site/requirements.txt``)
and, for the browser test, Chromium; ``bash .ci/steps/30-site.sh`` installs both
and runs them. They live outside the main ``pytest`` run (its testpaths are
``tests`` and ``notebooks``).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SITE = Path(__file__).resolve().parents[1]
REPO = SITE.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))

_spec = importlib.util.spec_from_file_location("site_build", SITE / "build.py")
site_build = importlib.util.module_from_spec(_spec)
sys.modules["site_build"] = site_build  # dataclasses look their module up there
_spec.loader.exec_module(site_build)


def load_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site_html(tmp_path_factory) -> Path:
    """The site built from the committed notebooks: the folder with index.html."""
    out = tmp_path_factory.mktemp("site")
    status = site_build.build(out)
    assert status == 0, "the site build failed (Sphinx's messages are above)"
    return out / "html"


# What the browser test measured (page weights, search ranking, axe results), printed
# at the end of the run whether the tests passed or not.
REPORT: dict[str, list[str]] = {}


def pytest_terminal_summary(terminalreporter):
    for title, lines in REPORT.items():
        terminalreporter.section(title)
        for line in lines:
            terminalreporter.write_line(line)
