"""Plausible wrong answers to the exercises, one module per chapter (``chNN.py``).

Each module defines ``WRONG_ANSWERS``: the nbgrader ``grade_id`` of an exercise's
solution cell -> a list of ``(why it is wrong, full replacement source of the
solution cell)``. ``tests/test_chapters.py`` runs every wrong answer in place of
the solution and requires at least one of the exercise's check cells to raise
``AssertionError``: the checks must catch the mistakes learners actually make.
"""

from __future__ import annotations

import importlib


def wrong_answers(chapter: str) -> dict[str, list[tuple[str, str]]]:
    """``WRONG_ANSWERS`` of chapter ``chapter`` ("01".."07"), or {} if it has none yet."""
    try:
        module = importlib.import_module(f"tests.wrong_answers.ch{chapter}")
    except ModuleNotFoundError as err:
        if err.name != f"tests.wrong_answers.ch{chapter}":
            raise
        return {}
    return module.WRONG_ANSWERS
