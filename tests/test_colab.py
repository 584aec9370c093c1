"""Colab badges and the setup cell's install step, tested outside Colab."""

from __future__ import annotations

import shutil
import subprocess
import sys
import types

import nbformat
import pytest

from course_utils import colab
from tests.conftest import NOTEBOOKS, REPO

IDS = [p.name for p in NOTEBOOKS]


def colab_block(path):
    """The part of the setup cell before the chapter's own imports."""
    setup = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    return setup.source.split("\n\n", 2)[:2]


def run_install_step(path, monkeypatch, in_colab, installed):
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda cmd, **kw: calls.append(cmd))
    monkeypatch.setattr("importlib.util.find_spec", lambda name: object() if installed else None)
    if in_colab:
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    exec("\n\n".join(colab_block(path)), {})
    return calls


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_colab_without_the_package_installs_it_from_the_repository(path, monkeypatch):
    calls = run_install_step(path, monkeypatch, in_colab=True, installed=False)
    assert len(calls) == 1
    assert calls[0][1:4] == ["-m", "pip", "install"]
    assert colab.pip_install_target() in calls[0]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
@pytest.mark.parametrize("in_colab, installed", [(False, False), (False, True), (True, True)])
def test_setup_installs_nothing_outside_colab_or_when_present(
    path, monkeypatch, in_colab, installed
):
    assert run_install_step(path, monkeypatch, in_colab, installed) == []


def test_rewrite_slug_updates_module_badges_and_installs(tmp_path):
    shutil.copytree(REPO / "course_utils", tmp_path / "course_utils")
    shutil.copytree(REPO / "notebooks", tmp_path / "notebooks")
    changed = colab.rewrite_slug(tmp_path, "someone/my-fork")
    assert tmp_path / "course_utils" / "colab.py" in changed
    assert 'REPO_SLUG = "someone/my-fork"' in (tmp_path / "course_utils" / "colab.py").read_text()
    for path in sorted((tmp_path / "notebooks").glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        assert colab.colab_url(f"notebooks/{path.name}", slug="someone/my-fork") in cells[0].source
        assert colab.pip_install_target(slug="someone/my-fork") in cells[1].source
        assert colab.REPO_SLUG not in cells[0].source + cells[1].source


def test_rewrite_slug_rejects_something_that_is_not_a_slug(tmp_path):
    with pytest.raises(ValueError, match="owner/repo"):
        colab.rewrite_slug(tmp_path, "https://github.com/a/b")
