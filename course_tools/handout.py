"""Chapters without their solutions: hand-outs and exercise editions.

    python -m course_tools.handout notebooks/ --out handout/   # for an instructor
    python -m course_tools.handout --editions                 # notebooks/exercises/

A hand-out is what an instructor gives out (and what nbgrader releases): every
output cleared. An exercise edition is what a learner working alone opens: the
whole chapter with its outputs, each solution replaced by its stub, the
exercise cells cleared and tagged ``raises-exception`` so that Run All goes on
past a check that fails (JupyterLab, Notebook 7, VS Code's Jupyter extension and
nbmake honour the tag; Colab reads no cell tags and stops there: the edition's
note, :data:`EDITION_NOTE`, says so).
``python -m course_tools.execute`` writes a chapter's edition whenever it saves
the chapter; ``tests/test_handout.py`` checks the committed ones are current.

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

from course_tools.chapters import (
    BEGIN,
    END,
    REPO,
    StructureError,
    chapter_number,
    chapter_paths,
    exercises,
    is_chapter,
)
from course_tools.colab import BADGE_IMAGE, EXERCISES_DIR, colab_url, download_url, slugs_in
from course_utils.exercises import STUB_MESSAGE

# the check reports a stub's error as "not attempted yet" (course_utils.exercises)
STUB = (
    f'raise NotImplementedError("{STUB_MESSAGE} write your code here, then run the check below.")'
)


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


def without_title(source: str) -> str:
    """``source`` without the ``# @title`` line that names a collapsed cell in Colab."""
    lines = source.split("\n")
    return "\n".join(lines[1:] if lines and lines[0].startswith("# @title ") else lines)


def student_version(nb: nbformat.NotebookNode, name: str = "notebook") -> nbformat.NotebookNode:
    """A copy of ``nb`` with every exercise's solution stubbed and every output cleared.

    The exercises are the ones :func:`course_tools.chapters.exercises` reads;
    solution markers anywhere else are an error.
    """
    nb = nbformat.from_dict(nb)  # deep copy
    try:
        found = exercises(nb, chapter_number(name) if is_chapter(name) else "00")
    except StructureError as err:
        raise HandoutError(f"{name}: {err}") from None
    for ex in found:
        where = f"{name} cell {ex.solution_index}"
        ex.solution.source = strip_solutions(without_title(ex.solution.source), where)
        # the learner's own cell: open in Jupyter, Colab and on the site
        ex.solution.metadata.get("jupyter", {}).pop("source_hidden", None)
        if not ex.solution.metadata.get("jupyter", True):
            ex.solution.metadata.pop("jupyter")
        ex.solution.metadata.pop("cellView", None)
        tags = ex.solution.metadata.get("tags", [])
        ex.solution.metadata["tags"] = [t for t in tags if t != "hide-input"]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


EDITION_NOTE = (
    "**Exercise edition.** Each exercise's solution is replaced by a stub for you to "
    "fill in; everything else is the chapter as published, with its outputs (the exercise "
    "cells start empty). Each check "
    "cell says what to fix, and passes once your answer is right. **Run all** goes on past "
    "a check that fails in JupyterLab, Notebook 7 and VS Code; Colab stops at the first "
    "one: there, run the cells below it one by one (Shift+Enter). "
    "The chapter with its solutions: [![Open In Colab]({badge})]({colab}) · "
    "[download]({download})"
)


def exercise_edition(nb: nbformat.NotebookNode, filename: str) -> nbformat.NotebookNode:
    """The learner's copy of chapter ``filename``: stubs, checks that report and go on."""
    chapter = chapter_number(filename)
    edition = student_version(nb, filename)  # stubs, outputs cleared
    for cell, original in zip(edition.cells, nb.cells, strict=True):
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = original.outputs, original.execution_count
        cell.source = cell.source.replace("](../README.md)", "](../../README.md)")
        cell.metadata.pop("nbgrader", None)
    for ex in exercises(nb, chapter):
        solution, check = edition.cells[ex.solution_index], edition.cells[ex.check_index]
        for cell in (solution, check):
            cell.outputs, cell.execution_count = [], None
            cell.metadata["tags"] = [*cell.metadata.get("tags", []), "raises-exception"]
    title = edition.cells[0]
    paragraphs = title.source.split("\n\n")
    [index] = [i for i, p in enumerate(paragraphs) if "**Try the exercises**" in p]
    slug = slugs_in(paragraphs[index])[0]
    read = f"notebooks/{filename}"
    paragraphs[index - 1 : index + 1] = [
        EDITION_NOTE.format(
            badge=BADGE_IMAGE, colab=colab_url(read, slug), download=download_url(read, slug)
        )
    ]
    title.source = "\n\n".join(paragraphs)
    edition.metadata.pop("course_fingerprint", None)
    return edition


def edition_path(chapter: Path) -> Path:
    """Where the exercise edition of ``notebooks/NN_name.ipynb`` lives."""
    return chapter.parents[1] / EXERCISES_DIR / chapter.name


def write_edition(chapter: Path) -> Path:
    """Write the exercise edition of ``chapter``; return its path."""
    target = edition_path(chapter)
    target.parent.mkdir(exist_ok=True)
    nb = nbformat.read(chapter, as_version=4)
    nbformat.write(exercise_edition(nb, chapter.name), target)
    return target


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
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks or folders of notebooks")
    parser.add_argument("--out", type=Path, help="folder for the hand-outs")
    parser.add_argument(
        "--editions", action="store_true", help=f"write every chapter's {EXERCISES_DIR}/ edition"
    )
    args = parser.parse_args(argv)
    if args.editions:
        for chapter in chapter_paths(REPO):
            print(f"wrote {write_edition(chapter)}")
        return 0
    if not args.paths or args.out is None:
        parser.error("give the chapters and --out (or --editions)")
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
