"""Write student versions of the chapters: exercise solutions become stubs.

    python -m course_tools.handout notebooks/ --out handout/

Code between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` (nbgrader's
markers) is replaced by a stub that raises ``NotImplementedError`` with a
hint, at the indentation of the BEGIN line; all outputs are cleared;
everything else is kept. Every input is checked before anything is
written, so a bad input leaves no partial handout behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

from course_tools.chapters import BEGIN, END

STUB = 'raise NotImplementedError("Exercise: write your code here, then run the check below.")'


class HandoutError(ValueError):
    """An input cannot be turned into a student version."""


def strip_solutions(source: str, where: str = "cell") -> str:
    """Replace every marked solution region of ``source`` with a stub."""
    out: list[str] = []
    inside = False
    for number, line in enumerate(source.splitlines(), start=1):
        marker = line.strip()
        if marker.startswith(BEGIN):
            if inside:
                raise HandoutError(f"{where}, line {number}: {BEGIN} inside another solution")
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}# YOUR CODE HERE")
            out.append(f"{indent}{STUB}")
        elif marker.startswith(END):
            if not inside:
                raise HandoutError(f"{where}, line {number}: {END} without a {BEGIN}")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise HandoutError(f"{where}: {BEGIN} is never closed by {END}")
    return "\n".join(out)


def student_version(nb: nbformat.NotebookNode, name: str = "notebook") -> nbformat.NotebookNode:
    """A copy of ``nb`` with solutions stubbed and every output cleared."""
    nb = nbformat.from_dict(nb)  # deep copy
    for index, cell in enumerate(nb.cells):
        if BEGIN in cell.source or END in cell.source:
            if cell.cell_type != "code":
                raise HandoutError(f"{name} cell {index}: solution markers outside a code cell")
            cell.source = strip_solutions(cell.source, f"{name} cell {index}")
            cell.metadata.get("jupyter", {}).pop("source_hidden", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def _collect(paths: list[Path]) -> list[Path]:
    notebooks: list[Path] = []
    for path in paths:
        if not path.exists():
            raise HandoutError(f"{path} does not exist")
        if path.is_dir():
            found = sorted(path.glob("*.ipynb"))
            if not found:
                raise HandoutError(f"{path} has no .ipynb files")
            notebooks.extend(found)
        elif path.suffix != ".ipynb":
            raise HandoutError(f"{path} is not a notebook (.ipynb)")
        else:
            notebooks.append(path)
    return notebooks


def make_handouts(paths: list[Path], out: Path) -> list[Path]:
    """Write the student version of every notebook in ``paths`` into ``out``.

    Returns:
        The files written.

    Raises:
        HandoutError: a path is missing, a file is not a valid notebook, or
            its markers are unbalanced. Nothing is written in that case.
    """
    versions = []
    for path in _collect(paths):
        try:
            nb = nbformat.read(path, as_version=4)
            nbformat.validate(nb)
        except Exception as exc:
            raise HandoutError(f"{path} is not a valid notebook: {exc}") from exc
        if (out / path.name).resolve() == path.resolve():
            raise HandoutError(f"--out {out} would overwrite the chapter {path} itself")
        versions.append((out / path.name, student_version(nb, path.name)))
    out.mkdir(parents=True, exist_ok=True)
    for target, nb in versions:
        nbformat.write(nb, target)
    return [target for target, _ in versions]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write chapters without their exercise solutions, for handing out."
    )
    parser.add_argument("paths", nargs="+", type=Path, help="notebooks or folders of notebooks")
    parser.add_argument("--out", type=Path, required=True, help="folder for the student versions")
    args = parser.parse_args(argv)
    try:
        written = make_handouts(args.paths, args.out)
    except HandoutError as err:
        print(f"error: {err}. Nothing was written.", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
