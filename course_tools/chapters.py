"""Where the chapters are, and the one reading of their structure.

An author marks cells with tags only: ``solution`` (an exercise's answer,
between ``### BEGIN SOLUTION`` / ``### END SOLUTION``) with ``exercise:<name>``
(the exercise's stable name, ``exercise:scale`` for ``ch05-scale``), ``check``
(the one check cell right after it), ``hint`` (a markdown cell before the
solution holding one collapsed ``<details>`` hint), ``figure`` (a
``show_figure(...)`` cell) and ``train`` (a cell that trains a model).
:mod:`course_tools.normalize` writes every other piece of metadata from these
tags, and every tool and test gets the list of exercises and figures from
:func:`exercises` and :func:`figures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
_CHAPTER = re.compile(r"^(\d\d)_[a-z0-9_]+\.ipynb$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAME_TAG = "exercise:"
_SHOW_FIGURE = re.compile(r"""show_figure\(\s*["']([^"']+)["']\s*\)""")


class StructureError(ValueError):
    """A chapter's tags do not describe a valid exercise or figure cell."""


def chapter_paths(root: Path = REPO) -> list[Path]:
    """The chapters of the course at ``root``: ``notebooks/NN_name.ipynb``, in order."""
    found = sorted(p for p in (root / "notebooks").glob("*.ipynb") if _CHAPTER.match(p.name))
    if not found:
        raise StructureError(
            f"{root} has no notebooks/NN_name.ipynb: run this from the course's root"
        )
    return found


def is_chapter(path: Path | str) -> bool:
    """Whether ``path`` is named like a chapter, ``NN_name.ipynb``."""
    return bool(_CHAPTER.match(Path(path).name))


def chapter_number(path: Path | str) -> str:
    """``"05"`` for ``notebooks/05_custom_layers_and_containers.ipynb``."""
    match = _CHAPTER.match(Path(path).name)
    if not match:
        raise StructureError(f"{path} is not named like a chapter (NN_name.ipynb)")
    return match.group(1)


def tags(cell) -> list[str]:
    """A cell's tags (``solution``, ``check``, ``figure``, ``train``, ...)."""
    return list(cell.get("metadata", {}).get("tags", []))


@dataclass
class Exercise:
    """One exercise: its solution cell and the check cell right after it."""

    chapter: str  # "05"
    number: int  # 1, 2, ... in the order of the chapter
    solution_index: int
    check_index: int
    solution: nbformat.NotebookNode
    check: nbformat.NotebookNode
    slug: str = ""  # from the solution's ``exercise:<slug>`` tag
    hints: tuple[nbformat.NotebookNode, ...] = ()

    @property
    def name(self) -> str:
        """``"ch05-scale"``: its stable name, the prefix of its nbgrader grade ids
        (``"ch05-ex1"`` by position for an exercise with no ``exercise:`` tag)."""
        return f"ch{self.chapter}-{self.slug or f'ex{self.number}'}"

    @property
    def solution_id(self) -> str:
        return f"{self.name}-solution"

    @property
    def check_id(self) -> str:
        return f"{self.name}-check"


def exercises(nb: nbformat.NotebookNode, chapter: str) -> list[Exercise]:
    """Every exercise of ``nb`` in order; a malformed one is a :class:`StructureError`."""
    found: list[Exercise] = []
    cells = nb.cells
    for index, cell in enumerate(cells):
        where = f"chapter {chapter}, cell {index} ({cell.get('id')})"
        has_markers = BEGIN in cell.source or END in cell.source
        if "solution" not in tags(cell):
            if has_markers:
                raise StructureError(f"{where}: solution markers in a cell not tagged 'solution'")
            if "check" in tags(cell) and not (index and "solution" in tags(cells[index - 1])):
                raise StructureError(f"{where}: a 'check' cell must follow a 'solution' cell")
            continue
        if cell.cell_type != "code":
            raise StructureError(f"{where}: a 'solution' cell must be a code cell")
        if cell.source.count(BEGIN) != cell.source.count(END) or BEGIN not in cell.source:
            raise StructureError(f"{where}: needs balanced {BEGIN} / {END} markers")
        after = index + 1
        if after >= len(cells) or "check" not in tags(cells[after]):
            raise StructureError(f"{where}: the next cell must be its one 'check' cell")
        if cells[after].cell_type != "code":
            raise StructureError(f"{where}: its 'check' cell must be a code cell")
        if after + 1 < len(cells) and "check" in tags(cells[after + 1]):
            raise StructureError(f"{where}: one check cell per exercise (merge the others)")
        slugs = [t[len(NAME_TAG) :] for t in tags(cell) if t.startswith(NAME_TAG)]
        if len(slugs) > 1 or (slugs and not _SLUG.match(slugs[0])):
            raise StructureError(f"{where}: one tag 'exercise:<name>', the name like 'scale-layer'")
        hints = []
        for before in reversed(cells[:index]):
            if {"check", "solution"} & set(tags(before)):
                break
            if "hint" in tags(before):
                hints.insert(0, before)
        found.append(
            Exercise(
                chapter,
                len(found) + 1,
                index,
                after,
                cell,
                cells[after],
                slugs[0] if slugs else "",
                tuple(hints),
            )
        )
    names = [ex.name for ex in found]
    if len(set(names)) != len(names):
        raise StructureError(f"chapter {chapter}: two exercises share a name: {names}")
    return found


@dataclass
class FigureCell:
    """A cell tagged ``figure``: it shows one figure of ``assets/``."""

    index: int
    name: str
    cell: nbformat.NotebookNode


def figures(nb: nbformat.NotebookNode, chapter: str = "") -> list[FigureCell]:
    """Every figure cell of ``nb``; each shows exactly one figure by name."""
    found = []
    for index, cell in enumerate(nb.cells):
        names = _SHOW_FIGURE.findall(cell.source) if cell.cell_type == "code" else []
        where = f"chapter {chapter}, cell {index} ({cell.get('id')})"
        if "figure" in tags(cell):
            if len(names) != 1:
                raise StructureError(f"{where}: a 'figure' cell calls show_figure('name') once")
            found.append(FigureCell(index, names[0], cell))
        elif names:
            raise StructureError(f"{where}: show_figure(...) belongs in a cell tagged 'figure'")
    return found
