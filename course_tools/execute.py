"""Run chapters top to bottom in a fresh kernel and save them with clean outputs.

This is how the committed notebooks get their outputs::

    python -m course_tools.execute notebooks/*.ipynb

Each chapter is first normalised (:mod:`course_tools.normalize`: the metadata
its tags call for), then run from a temporary working directory, so it cannot
depend on being started from ``notebooks/``. Its outputs are then tidied with
nbconvert's ``CoalesceStreamsPreprocessor`` (stream outputs merged,
progress-bar redraws collapsed to their final state) and stripped of terminal
colour codes, and the notebook records its fingerprint
(:mod:`course_tools.fingerprint`). Its exercise edition
(``notebooks/exercises/``, :func:`course_tools.handout.exercise_edition`) is
written anew from it. ``--no-save`` runs the chapters without
writing anything (CI runs every chapter with another seed, ``COURSE_SEED=<int>``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.filters import strip_ansi
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

from course_tools.chapters import chapter_number, is_chapter
from course_tools.fingerprint import KEY, fingerprint
from course_tools.handout import write_edition
from course_tools.normalize import normalize


def clean_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Merge each cell's consecutive stream outputs, keep what a reader saw last."""
    nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                out.text = strip_ansi(out.text.replace("\r\n", "\n")).replace("\r", "")
        cell.metadata.pop("execution", None)
    return nb


def kernel_client(
    nb: nbformat.NotebookNode, workdir: str, timeout: int = 300, record_timing: bool = False
) -> NotebookClient:
    """A client that runs ``nb`` in a new ``python3`` kernel started in ``workdir``.

    The kernel is stopped as soon as the client is done: a graceful shutdown of
    a process that has imported torch takes about another second, which a
    learner never waits for. The chapter tests start their kernels here too.
    """
    return NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": workdir}},
        record_timing=record_timing,
        shutdown_kernel="immediate",
    )


def run_in_fresh_kernel(
    nb: nbformat.NotebookNode, timeout: int = 300, record_timing: bool = False
) -> float:
    """Execute ``nb`` in place in a new kernel in a temporary directory; return seconds."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as workdir:
        kernel_client(nb, workdir, timeout, record_timing).execute()
    return time.perf_counter() - start


def execute_notebook(path: Path, timeout: int = 300, save: bool = True) -> float:
    """Normalise and execute the chapter at ``path``; return seconds taken.

    With ``save``, write it back in place with cleaned outputs and its
    fingerprint; otherwise leave the file untouched.
    """
    nb = nbformat.read(path, as_version=4)
    if is_chapter(path):
        nb = normalize(nb, chapter_number(path), path.name)
    seconds = run_in_fresh_kernel(nb, timeout)
    if save:
        nb.metadata[KEY] = fingerprint(nb)
        nbformat.write(clean_outputs(nb), path)
        if is_chapter(path):
            write_edition(path)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    parser.add_argument(
        "--no-save",
        action="store_true",
        help="only run the notebooks (any failing cell is an error); write nothing",
    )
    args = parser.parse_args(argv)
    for path in args.notebooks:
        if path.suffix != ".ipynb" or not path.is_file():
            parser.error(f"{path} is not a notebook file")
    for path in args.notebooks:
        seconds = execute_notebook(path, args.timeout, save=not args.no_save)
        print(f"{path}: {seconds:.1f} s{'' if args.no_save else ', saved'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
