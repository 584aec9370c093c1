"""Colab badges and the setup cell's install step, tested outside Colab."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import types

import nbformat
import pytest

from course_tools import colab
from tests.helpers import NOTEBOOKS, REPO

IDS = [p.name for p in NOTEBOOKS]


def colab_block(path):
    """The part of the setup cell before the chapter's own imports."""
    setup = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    return setup.source.split("\n\n", 2)[:2]


def run_install_step(path, monkeypatch, in_colab, installed):
    calls = []

    def fake_run(cmd, **kw):  # pip as the setup cell calls it: list, install, list
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 0, stdout="", stderr="")

    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setattr("importlib.util.find_spec", lambda name: object() if installed else None)
    if in_colab:
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    pins = types.SimpleNamespace(name="/tmp/pins.txt", write=lambda text: None)
    fake_open = lambda *a, **kw: contextlib.nullcontext(pins)  # noqa: E731
    exec("\n\n".join(colab_block(path)), {"open": fake_open})
    return [cmd for cmd in calls if "install" in cmd]  # the pip list calls only read


SLUG = colab.repo_slug(REPO)


def test_every_badge_and_install_names_the_same_repository():
    for path in NOTEBOOKS:
        title, setup = nbformat.read(path, as_version=4).cells[:2]
        assert set(colab.slugs_in(title.source)) == {SLUG}, f"{path.name}: badges"
        assert colab.slugs_in(setup.source) == [SLUG], f"{path.name}: Colab install"
        assert colab.colab_url(f"notebooks/{path.name}", SLUG) in title.source
        edition = f"{colab.EXERCISES_DIR}/{path.name}"
        assert colab.colab_url(edition, SLUG) in title.source, f"{path.name}: no exercise badge"
        assert colab.download_url(edition, SLUG) in title.source
        assert (REPO / edition).is_file(), f"{edition} is missing"


def test_disagreeing_chapters_are_reported(tmp_path):
    shutil.copytree(REPO / "notebooks", tmp_path / "notebooks")
    nb = nbformat.read(NOTEBOOKS[0], as_version=4)
    nb.cells[0].source = nb.cells[0].source.replace(SLUG, "someone/else")
    nbformat.write(nb, tmp_path / "notebooks" / NOTEBOOKS[0].name)
    with pytest.raises(ValueError, match="one repository, found 2.*someone/else"):
        colab.repo_slug(tmp_path)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_colab_without_the_package_installs_it_from_the_repository(path, monkeypatch):
    calls = run_install_step(path, monkeypatch, in_colab=True, installed=False)
    assert len(calls) == 1
    assert calls[0][1:4] == ["-m", "pip", "install"]
    assert colab.pip_install_target(SLUG) in calls[0]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
@pytest.mark.parametrize("in_colab, installed", [(False, False), (False, True), (True, True)])
def test_setup_installs_nothing_outside_colab_or_when_present(
    path, monkeypatch, in_colab, installed
):
    assert run_install_step(path, monkeypatch, in_colab, installed) == []


def test_rewrite_slug_updates_badges_and_installs_only(tmp_path, monkeypatch, capsys):
    shutil.copytree(REPO / "notebooks", tmp_path / "notebooks")
    monkeypatch.chdir(tmp_path)
    assert colab.main(["someone/my-fork"]) == 0
    assert capsys.readouterr().out.count("updated ") == len(NOTEBOOKS)
    assert colab.repo_slug(tmp_path) == "someone/my-fork"
    for path in sorted((tmp_path / "notebooks").glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        assert colab.colab_url(f"notebooks/{path.name}", "someone/my-fork") in cells[0].source
        assert colab.pip_install_target("someone/my-fork") in cells[1].source
        assert SLUG not in cells[0].source + cells[1].source
    assert colab.rewrite_slug(tmp_path, "someone/my-fork") == []


def test_outside_the_course_root_nothing_is_rewritten(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert colab.main(["someone/my-fork"]) == 2
    assert "run this from the course's root" in capsys.readouterr().err


def test_rewrite_slug_rejects_something_that_is_not_a_slug(tmp_path):
    with pytest.raises(ValueError, match="owner/repo"):
        colab.rewrite_slug(tmp_path, "https://github.com/a/b")
