"""Run chapters top to bottom in a fresh kernel and save them with clean outputs.

This is how the committed notebooks get their outputs::

    python -m course_utils.execute notebooks/*.ipynb

Each notebook runs from a temporary working directory (so it cannot depend
on being started from ``notebooks/``), then its outputs are tidied: stream
outputs are merged and progress-bar redraws (carriage returns) collapse to
their final state, so the saved file shows what a reader saw last.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

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


def run_in_fresh_kernel(
    nb: nbformat.NotebookNode, timeout: int = 300, record_timing: bool = False
) -> float:
    """Execute ``nb`` in place, in a new kernel started in a temporary directory.

    Returns:
        Wall-clock seconds. With ``record_timing``, each cell's metadata gets
        nbclient's ``execution`` timestamps.
    """
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as workdir:
        NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": workdir}},
            record_timing=record_timing,
        ).execute()
    return time.perf_counter() - start


def execute_notebook(path: Path, timeout: int = 300) -> float:
    """Execute ``path`` in place from a temporary directory; return seconds taken."""
    nb = nbformat.read(path, as_version=4)
    seconds = run_in_fresh_kernel(nb, timeout)
    nbformat.write(clean_outputs(nb), path)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    args = parser.parse_args(argv)
    for path in args.notebooks:
        if path.suffix != ".ipynb" or not path.is_file():
            parser.error(f"{path} is not a notebook file")
    for path in args.notebooks:
        seconds = execute_notebook(path, args.timeout)
        print(f"{path}: {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
