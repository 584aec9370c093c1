"""Run chapters top to bottom in a fresh kernel and save them with clean outputs.

This is how the committed notebooks get their outputs::

    python -m course_utils.execute notebooks/*.ipynb

Each notebook runs from a temporary working directory (so it cannot depend
on being started from ``notebooks/``), then its outputs are tidied: stream
outputs are merged and progress-bar redraws (carriage returns) collapse to
their final state, so the saved file shows what a reader saw last.

The saved notebook records what produced its outputs: a fingerprint of its
code cells and of the ``course_utils`` package (``metadata.course_fingerprint``).
The tests compare it with the current sources, so a chapter whose code or
helpers changed since its outputs were saved fails until it is re-executed.
``--no-save`` runs the chapters without writing anything (CI uses it to run
every chapter with another seed, ``COURSE_SEED=<int>``).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

FINGERPRINT_KEY = "course_fingerprint"
PACKAGE_DIR = Path(__file__).resolve().parent

_REDRAWN = re.compile(r"[^\n]*\r(?=[^\n])")  # text a later '\r' wrote over
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def clean_stream_text(text: str) -> str:
    """Drop what carriage returns overwrote and any terminal colour codes."""
    text = _ANSI.sub("", text).replace("\r\n", "\n")
    text = _REDRAWN.sub("", text)
    return text.replace("\r", "")


def clean_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Merge consecutive stream outputs of each cell and clean their text."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged: list[nbformat.NotebookNode] = []
        for out in cell.get("outputs", []):
            if (
                out.output_type == "stream"
                and merged
                and merged[-1].output_type == "stream"
                and merged[-1].name == out.name
            ):
                merged[-1].text += out.text
            else:
                merged.append(out)
        for out in merged:
            if out.output_type == "stream":
                out.text = clean_stream_text(out.text)
        cell.outputs = merged
        cell.metadata.pop("execution", None)
    return nb


def code_digest(nb: nbformat.NotebookNode) -> str:
    """sha256 of the notebook's code cell sources, in order.

    Outputs, execution counts, metadata and markdown do not count, so
    re-saving or re-running a notebook leaves it unchanged.
    """
    sources = [cell.source.replace("\r\n", "\n") for cell in nb.cells if cell.cell_type == "code"]
    return hashlib.sha256(json.dumps(sources).encode()).hexdigest()


def package_dirs() -> dict[str, Path]:
    """The folders of the helper package as installed, by their place in it.

    The figures live in the repository's top-level ``assets/`` folder, which
    ``pyproject.toml`` installs as ``course_utils.assets``: inside the package
    in a regular install, beside it in an editable one.
    """
    dirs = {"course_utils": PACKAGE_DIR}
    for sub in ("assets",):
        if (PACKAGE_DIR / sub).is_dir():
            continue  # a regular install: walked with the package
        try:
            spec = importlib.util.find_spec(f"course_utils.{sub}")
        except ModuleNotFoundError:
            spec = None
        if spec is not None and spec.submodule_search_locations:
            folder = Path(next(iter(spec.submodule_search_locations)))
        else:  # an editable install made before the folder became package data
            folder = PACKAGE_DIR.parent / sub
        if (folder / "__init__.py").is_file():
            dirs[f"course_utils/{sub}"] = folder
    return dirs


def package_digest(dirs: dict[str, Path] | None = None) -> str:
    """sha256 of every file the helper package ships (sources and package data).

    Files are taken by their path inside the package, with Windows line
    endings normalised, so the digest depends neither on where the package
    lives nor on whether it is installed editable; compiled caches
    (``__pycache__``, ``*.pyc``) are left out.
    """
    files: dict[str, Path] = {}
    for prefix, folder in (package_dirs() if dirs is None else dirs).items():
        for path in folder.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                files[f"{prefix}/{path.relative_to(folder).as_posix()}"] = path
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0")
        digest.update(files[name].read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def fingerprint(nb: nbformat.NotebookNode) -> dict[str, str]:
    """What produced a notebook's outputs: its code and the helper package."""
    return {"code_sha256": code_digest(nb), "course_utils_sha256": package_digest()}


def stale_reasons(nb: nbformat.NotebookNode) -> list[str]:
    """Why ``nb``'s saved outputs may not come from its current code (empty if fresh)."""
    recorded = nb.metadata.get(FINGERPRINT_KEY)
    if not isinstance(recorded, dict):
        return ["it has no fingerprint: it was not saved by `python -m course_utils.execute`"]
    current = fingerprint(nb)
    reasons = []
    if recorded.get("code_sha256") != current["code_sha256"]:
        reasons.append("its code cells changed since its outputs were saved")
    if recorded.get("course_utils_sha256") != current["course_utils_sha256"]:
        reasons.append("the course_utils package changed since its outputs were saved")
    return reasons


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
    """Execute ``nb`` in place, in a new kernel started in a temporary directory.

    Returns:
        Wall-clock seconds, from starting the kernel to its end. With
        ``record_timing``, each cell's metadata gets nbclient's ``execution``
        timestamps.
    """
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as workdir:
        kernel_client(nb, workdir, timeout, record_timing).execute()
    return time.perf_counter() - start


def execute_notebook(path: Path, timeout: int = 300, save: bool = True) -> float:
    """Execute ``path`` from a temporary directory; return seconds taken.

    With ``save``, write it back in place with cleaned outputs and its
    fingerprint; otherwise leave the file untouched.
    """
    nb = nbformat.read(path, as_version=4)
    seconds = run_in_fresh_kernel(nb, timeout)
    if save:
        nb.metadata[FINGERPRINT_KEY] = fingerprint(nb)
        nbformat.write(clean_outputs(nb), path)
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
