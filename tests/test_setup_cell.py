"""The setup cell's Colab install block (course_tools/setup_cell.py), run with a fake pip.

The real install, in a replica of Colab's runtime, is CI's step .ci/steps/15-colab.sh.
"""

from __future__ import annotations

import subprocess
import types

import pytest

from course_tools.colab import pip_install_target, slugs_in
from course_tools.setup_cell import (
    INSTALL_BLOCK,
    INSTALL_URL,
    MARKER,
    PINS,
    RESTART,
    SLUG,
    SetupCellError,
    install_block,
    with_install_block,
)

COLAB = ["google-colab==1.0.0", "ipython==7.34.0", "torch==2.11.0+cpu", "traitlets==5.7.1"]


class FakePip:
    """Stands in for ``subprocess.run``: ``pip list`` answers, ``pip install`` may change it."""

    def __init__(self, installed: list[str], after_install: list[str] | None = None):
        self.installed, self.after_install, self.calls = installed, after_install, []

    def __call__(self, cmd, **kwargs):
        self.calls.append((cmd, kwargs))
        if cmd[3] == "install" and self.after_install is not None:
            self.installed = self.after_install
        out = "\n".join(self.installed) + "\n" if cmd[3] == "list" else ""
        return subprocess.CompletedProcess(cmd, 0, stdout=out, stderr="")


def run_block(pip: FakePip, in_colab=True, installed=False, block=INSTALL_BLOCK):
    """Execute ``block`` as the setup cell does, with fake modules; return what it wrote."""
    files = {}

    class Opened:  # open(path, "w") as a context manager, writing into ``files``
        def __init__(self, path, mode="r"):
            self.name = path

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return None

        def write(self, text):
            files[self.name] = text

    modules = {"google.colab": types.ModuleType("google.colab")} if in_colab else {}
    invalidated = []
    namespace = {
        "sys": types.SimpleNamespace(modules=modules, executable="/usr/bin/python3"),
        "subprocess": types.SimpleNamespace(run=pip),
        "importlib": types.SimpleNamespace(
            util=types.SimpleNamespace(find_spec=lambda name: object() if installed else None),
            invalidate_caches=lambda: invalidated.append(True),
        ),
        "open": Opened,
    }
    exec(block, namespace)
    return files, invalidated


def test_in_colab_it_installs_with_every_installed_package_as_a_constraint(capsys):
    pip = FakePip(COLAB, after_install=[*COLAB, "course-utils==0.9.0"])
    files, invalidated = run_block(pip)
    commands = [cmd for cmd, _ in pip.calls]
    assert [cmd[3] for cmd in commands] == ["list", "install", "list"]
    install = commands[1]
    assert install[0] == "/usr/bin/python3"  # the kernel's own Python
    assert install[install.index("-c") + 1] == PINS
    assert install[-1] == INSTALL_URL
    # no red text in Colab: pip's root-user warning and its upgrade notice go too
    assert {"-q", "--root-user-action=ignore", "--disable-pip-version-check"} <= set(install)
    assert files == {PINS: "\n".join(COLAB) + "\n"}  # each as name==version
    assert all(kwargs.get("check") for _, kwargs in pip.calls), "a failed pip must stop the cell"
    assert invalidated == [True]
    assert capsys.readouterr().out == ""  # nothing changed: nothing to say


@pytest.mark.parametrize(
    "after",
    [
        ["google-colab==1.0.0", "ipython==9.4.0", "torch==2.11.0+cpu", "traitlets==5.7.1"],
        ["google-colab==1.0.0", "torch==2.11.0+cpu", "traitlets==5.7.1"],  # removed
    ],
    ids=["upgraded", "removed"],
)
def test_a_changed_package_asks_for_a_restart_in_one_line(capsys, after):
    run_block(FakePip(COLAB, after_install=[*after, "course-utils==0.9.0"]))
    assert capsys.readouterr().out == RESTART + "\n"
    assert "Restart session" in RESTART


@pytest.mark.parametrize("in_colab, installed", [(False, False), (False, True), (True, True)])
def test_nothing_runs_outside_colab_or_when_the_package_is_there(in_colab, installed):
    pip = FakePip(COLAB)
    assert run_block(pip, in_colab, installed) == ({}, [])
    assert pip.calls == []


def test_the_block_is_one_paragraph_of_short_lines_that_installs_from_github():
    lines = INSTALL_BLOCK.rstrip("\n").split("\n")
    assert lines[0].startswith(MARKER)
    assert all(line.strip() for line in lines), "a blank line would end the block early"
    assert max(map(len, lines)) <= 100
    assert INSTALL_URL == pip_install_target(SLUG) and INSTALL_URL.startswith("git+https://")
    assert slugs_in(INSTALL_BLOCK) == [SLUG]
    compile(INSTALL_BLOCK, "setup cell", "exec")


CELL = "import sys\n\n{block}\nimport torch\nprint(torch.__version__)"


def test_with_install_block_replaces_the_old_block_and_keeps_the_rest():
    old = "# In Colab install it.\nif 'google.colab' in sys.modules:\n    pass\n"
    new = with_install_block(CELL.format(block=old))
    assert new == CELL.format(block=INSTALL_BLOCK)
    assert with_install_block(new) == new  # idempotent


def test_with_install_block_keeps_a_forks_repository():
    fork = install_block("someone/my-fork")
    assert pip_install_target("someone/my-fork") in fork and SLUG not in fork
    assert with_install_block(CELL.format(block=fork)) == CELL.format(block=fork)


@pytest.mark.parametrize("source", ["import sys\n", "# In Colab a\n\n# In Colab b\n"])
def test_a_setup_cell_without_exactly_one_block_is_an_error(source):
    with pytest.raises(SetupCellError, match="chapter 09.*exactly one line"):
        with_install_block(source, "chapter 09")
