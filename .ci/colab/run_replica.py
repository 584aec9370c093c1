"""Run every chapter and every (unsolved) exercise edition in the Colab replica.

Run by ``.ci/steps/15-colab.sh`` with the replica's Python (Colab's versions,
``.ci/colab/constraints.txt``, and the stand-in ``google-colab``)::

    python .ci/colab/run_replica.py [--jobs 2]

Every kernel imports ``google.colab`` at start, as Colab's does, so each setup
cell takes its real install branch; its ``pip install`` is pointed at a copy of
this checkout instead of GitHub (the only change made to a notebook). The first
chapter runs alone and installs ``course-utils`` there; the others then find it
installed (their install block is the same text, which this checks). It fails
unless:

- pip changed nothing but adding ``course-utils`` (package lists before and after);
- no cell wrote to stderr, printed a pip error or asked for a restart, and the
  setup cell ran on the replica's Python;
- every chapter ran without an error, and every edition's only errors are its
  unsolved exercises' (``NotAttempted`` or ``NotImplementedError`` in a cell
  tagged ``raises-exception``), each run on as a learner would, cell by cell.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # course_tools for this driver; the kernels never see it

import nbformat  # noqa: E402

from course_tools.chapters import chapter_paths, tags  # noqa: E402
from course_tools.colab import pip_install_target, repo_slug  # noqa: E402
from course_tools.run_chapters import Outcome, execute, training_cells  # noqa: E402
from course_tools.setup_cell import RESTART  # noqa: E402

UNSOLVED = {"NotAttempted", "NotImplementedError"}  # what an unsolved exercise raises
PIP_ERRORS = ("ERROR:", "error:", "is incompatible", "Traceback")


def unsolved_exercise(cell: nbformat.NotebookNode, ename: str) -> bool:
    """An edition's designed failure: an unsolved exercise's cell saying so."""
    return "raises-exception" in tags(cell) and ename in UNSOLVED


def pip_list() -> set[str]:
    """The replica's packages, ``name==version``, as the setup cell's pip sees them."""
    out = subprocess.run(
        [sys.executable, "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def source_copy(target: Path) -> Path:
    """This checkout's files (tracked, and new ones git does not ignore) copied to ``target``."""
    files = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        if (REPO / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)
    return target


def colab_notebook(path: Path, install_from: str) -> nbformat.NotebookNode:
    """``path`` with its setup cell's pip install pointed at ``install_from``."""
    nb = nbformat.read(path, as_version=4)
    setup = next(c for c in nb.cells if c.cell_type == "code")
    url = pip_install_target(repo_slug(REPO))
    if setup.source.count(url) != 1:
        raise SystemExit(f"{path.name}: its setup cell should install from {url} once")
    setup.source = setup.source.replace(url, install_from)
    return nb


def install_block(path: Path) -> str:
    setup = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    return setup.source.split("\n\n")[1]


def check_outputs(nb: nbformat.NotebookNode, outcome: Outcome) -> list[str]:
    """What a learner in Colab would see that they should not."""
    problems = [f"stderr in {line}" for line in outcome.stderr]
    setup = next(c for c in nb.cells if c.cell_type == "code")
    printed = "".join(o.get("text", "") for o in setup.outputs if o.output_type == "stream")
    if any(error in printed for error in PIP_ERRORS):
        problems.append(f"the setup cell printed {printed.strip()[:500]!r}")
    if RESTART in printed:
        problems.append("the setup cell asks for a restart: pip changed a package")
    if f"Python {platform.python_version()}" not in printed:
        problems.append(f"the kernel is not this Python ({platform.python_version()}): {printed!r}")
    return problems


def run_one(path: Path, install_from: str, edition: bool) -> Outcome:
    nb = colab_notebook(path, install_from)
    name = f"exercises/{path.name}" if edition else path.name
    outcome = execute(nb, name, {"OMP_NUM_THREADS": "1"}, expected=unsolved_exercise)
    outcome.problems += check_outputs(nb, outcome)
    if edition and outcome.ok and not outcome.expected_errors:
        outcome.problems.append("no exercise failed unsolved: is this an edition?")
    return outcome


def colab_ipython_dir() -> str:
    """An IPython settings folder whose startup imports ``google.colab``, as Colab's kernel does."""
    ipython_dir = Path(tempfile.mkdtemp(prefix="colab-ipython-"))
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-colab.py").write_text("import google.colab\n", encoding="utf-8")
    return str(ipython_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="notebooks at a time after the first")
    args = parser.parse_args(argv)
    chapters = chapter_paths(REPO)
    editions = [REPO / "notebooks" / "exercises" / p.name for p in chapters]
    first = install_block(chapters[0])
    differ = [str(p.relative_to(REPO)) for p in chapters + editions if install_block(p) != first]
    if differ:  # the first chapter's install stands for all: the same text
        raise SystemExit(
            f"the install block of {', '.join(differ)} differs from {chapters[0].name}'s: "
            "run python -m course_tools.execute on the chapters (it normalises them)"
        )
    before = pip_list()
    if any(p.startswith("course-utils==") for p in before):
        raise SystemExit("course-utils is already installed in the replica: start from a new one")
    os.environ["IPYTHONDIR"] = colab_ipython_dir()  # the kernels' IPython settings
    src = source_copy(Path(tempfile.mkdtemp(prefix="course-src-")))
    outcomes = [run_one(chapters[0], str(src), False)]  # installs course-utils
    print(f"{outcomes[0].name}: {outcomes[0].seconds:.1f} s (installs course-utils)", flush=True)
    rest = [(p, False) for p in chapters[1:]] + [(p, True) for p in editions]
    rest.sort(key=lambda run: -training_cells(run[0]))  # costly ones first
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_one, p, str(src), e) for p, e in rest]
        for future in futures:
            outcome = future.result()
            note = (
                f", {outcome.expected_errors} unsolved exercises" if outcome.expected_errors else ""
            )
            print(f"{outcome.name}: {outcome.seconds:.1f} s{note}", flush=True)
            outcomes.append(outcome)
    changed = sorted(before - (after := pip_list()))
    added = sorted(after - before)
    print("pip added:", ", ".join(added) or "nothing", "| changed or removed:", changed or "none")
    problems = [f"{o.name}: {p}" for o in outcomes for p in o.problems]
    if changed or [a for a in added if not a.startswith("course-utils==")]:
        problems.append(f"pip changed Colab's packages: removed {changed}, added {added}")
    if not any(a.startswith("course-utils==") for a in added):
        problems.append("course-utils was not installed by the setup cell")
    for problem in problems:
        print("FAILED:", problem, file=sys.stderr)
    passed = sum(o.ok for o in outcomes)
    print(f"{passed} of {len(outcomes)} notebooks ran as they should in the Colab replica")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
