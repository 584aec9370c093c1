"""Plausible wrong answers to the exercises, one file per chapter (``chNN.py``).

``tests/test_chapters.py`` runs every wrong answer in place of the solution and requires at
least one of the exercise's check cells to raise ``AssertionError``: the checks must catch the
mistakes learners actually make.

A chapter's file is real Python, which ``ruff check`` lints: a header, then one "percent" cell
per wrong answer, each opened by a marker line ::

    # Names the chapter's notebook defines before its exercises:
    import torch
    from torch import nn


    # %% ch01-ex1-solution: forgets the padding
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        return (size - kernel_size) // stride + 1

``# %% <grade_id>: <why>`` names the nbgrader ``grade_id`` of the exercise's solution cell and
says, on that one line, why the answer is wrong. The cell's source, everything up to the next
marker with the surrounding blank lines stripped, is the full replacement source of the
solution cell; it runs in the chapter's kernel after the notebook, so the header only makes
the kernel's names known to ruff (imports, and ``if TYPE_CHECKING:`` stubs for what the
notebook defines itself). The header is not part of any answer, and this module reads the
files as text: they are never imported. A header that ends in ``# fmt: off`` keeps ruff format
from changing the notebook's layout of the cells (``ruff format`` would rewrite them).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

_HERE = Path(__file__).parent
# a line that looks like a cell marker ("# %%", "#%%", indented ...) must be a whole marker
_MARKER_LIKE = re.compile(r"\s*#\s*%%")
_MARKER = re.compile(r"# %% (?P<grade_id>[A-Za-z0-9_.-]+): (?P<why>\S(?:.*\S)?)")
_MARKER_FORM = "'# %% <grade_id>: <why>'"


def wrong_answers(chapter: str) -> dict[str, list[tuple[str, str]]]:
    """The wrong answers of chapter ``chapter`` ("01".."07"), or {} if it has none yet.

    The nbgrader ``grade_id`` of an exercise's solution cell -> a list of ``(why it is wrong,
    full replacement source of the solution cell)``, in the order of the file.
    """
    path = _HERE / f"ch{chapter}.py"
    if not path.is_file():
        return {}
    return _parse(path, path.read_text(encoding="utf-8"))


def _parse(path: Path, text: str) -> dict[str, list[tuple[str, str]]]:
    """The wrong answers in ``text``, the contents of ``path`` (named in errors)."""
    lines = text.splitlines()
    markers = []  # (index of the marker line, grade_id, why)
    for index, line in enumerate(lines):
        if not _MARKER_LIKE.match(line):
            continue
        match = _MARKER.fullmatch(line)
        if match is None:
            raise ValueError(
                f"{path}:{index + 1}: malformed marker line {line!r}: a cell marker is "
                f"{_MARKER_FORM}, unindented, with one space around '%%' and after the colon"
            )
        markers.append((index, match["grade_id"], match["why"]))
    if not markers:
        raise ValueError(f"{path}:1: no {_MARKER_FORM} marker line: the file has no wrong answer")
    _check_header(path, "\n".join(lines[: markers[0][0]]))

    answers: dict[str, list[tuple[str, str]]] = {}
    ends = [index for index, _, _ in markers[1:]] + [len(lines)]
    for (start, grade_id, why), end in zip(markers, ends, strict=True):
        cell = lines[start + 1 : end]
        while cell and not cell[0].strip():
            cell.pop(0)
        while cell and not cell[-1].strip():
            cell.pop()
        if not cell:
            raise ValueError(f"{path}:{start + 1}: the wrong answer {grade_id}: {why!r} is empty")
        answers.setdefault(grade_id, []).append((why, "\n".join(cell) + "\n"))
    return answers


def _check_header(path: Path, header: str) -> None:
    """Raise ValueError unless ``header`` holds only a docstring, imports, ``if TYPE_CHECKING:``
    blocks and comments: anything else before the first marker would silently be no answer.
    """
    layout = (
        f"unknown header layout: before the first {_MARKER_FORM} line only a docstring, "
        "imports, 'if TYPE_CHECKING:' blocks and comments may come"
    )
    try:
        tree = ast.parse(header, filename=str(path))
    except SyntaxError as err:
        raise ValueError(f"{path}:{err.lineno or 1}: {layout} ({err.msg})") from err
    for position, node in enumerate(tree.body):
        docstring = (
            position == 0
            and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        )
        type_checking = (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
            and not node.orelse
        )
        if not (docstring or type_checking or isinstance(node, ast.Import | ast.ImportFrom)):
            raise ValueError(f"{path}:{node.lineno}: {layout}, not {type(node).__name__}")
