"""What the tests share: the chapters, as the tools find them (import this, not conftest)."""

from __future__ import annotations

from pathlib import Path

import nbformat

from course_tools.chapters import BEGIN, END, chapter_number, chapter_paths

REPO = Path(__file__).resolve().parents[1]  # this checkout (or a copy of it: tests/new_chapter)
NOTEBOOKS = chapter_paths(REPO)
IDS = [p.name for p in NOTEBOOKS]

__all__ = ["IDS", "NOTEBOOKS", "REPO", "chapter_number", "load", "solution_lines"]


def load(path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def solution_lines(source: str) -> set[str]:
    """The lines found only between the solution markers (stripped, non-blank):
    the ones a hand-out must not contain."""
    inside, outside, within = set(), set(), False
    for line in source.splitlines():
        if BEGIN in line or END in line:
            within = BEGIN in line
        elif line.strip():
            (inside if within else outside).add(line.strip())
    return inside - outside
