"""The exercise checks, one module per chapter, and :func:`check_exercise` that runs them.

A chapter's check cell is one call, ``check_exercise("ch05-scale", Scale, device=device)``:
it tells the learner what is tested without showing the reference answer or the
table of known mistakes, which live here, in ``chNN.py``. Each check is a function
registered with :func:`exercise`; it calls the learner's code on several cases
(:func:`course_utils.exercise_case`), compares with a reference, and returns the
one-line summary of what passed.

:func:`check_exercise` runs a check with its own random numbers
(:func:`~course_utils.isolation.isolated_random_state`), puts back any name of the
notebook the learner's code changed (:func:`~course_utils.isolation.guarded_names`),
and answers in one line (:mod:`course_utils.verdict`).
"""

from __future__ import annotations

import importlib
import re
import sys
import zlib
from collections.abc import Callable
from typing import Any

from course_utils.isolation import guarded_names, isolated_random_state
from course_utils.verdict import CheckFailed, NotAttempted, remember, report_pass

NAME = re.compile(r"^ch(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*$")
STUB_MESSAGE = "Exercise:"  # how the stubs' NotImplementedError starts (course_tools.handout)

_CHECKS: dict[str, Callable[..., str]] = {}


def exercise(name: str) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Register the decorated function as the check of exercise ``name`` (``"ch05-scale"``)."""
    if not NAME.match(name):
        raise ValueError(f"exercise name {name!r} is not like 'ch05-scale' (chNN-words)")

    def register(check: Callable[..., str]) -> Callable[..., str]:
        _CHECKS[name] = check
        return check

    return register


def get_check(name: str) -> Callable[..., str]:
    """The registered check of exercise ``name``, importing its chapter's module."""
    match = NAME.match(name)
    if not match:
        raise ValueError(f"exercise name {name!r} is not like 'ch05-scale' (chNN-words)")
    if name not in _CHECKS:
        try:
            importlib.import_module(f"course_utils.exercises.ch{match.group(1)}")
        except ModuleNotFoundError:
            raise ValueError(
                f"no exercise {name!r}: chapter {match.group(1)} has no checks"
            ) from None
    if name not in _CHECKS:
        known = ", ".join(sorted(n for n in _CHECKS if n.startswith(name[:5]))) or "none"
        raise ValueError(f"no exercise {name!r}; chapter {match.group(1)} has: {known}")
    return _CHECKS[name]


def _notebook_namespace(depth: int) -> dict[str, Any]:
    """The globals of the cell that called :func:`check_exercise`."""
    return sys._getframe(depth).f_globals


def check_exercise(name: str, *answers: Any, **options: Any) -> None:
    """Check the learner's ``answers`` for exercise ``name``; print one line if correct.

    Raises:
        NotAttempted: an answer still raises the stub's ``NotImplementedError``.
        CheckFailed: a case failed; the message names the case and the mistake.
    """
    check = get_check(name)
    seed = zlib.crc32(name.encode()) % 2**31
    try:
        with guarded_names(_notebook_namespace(2)), isolated_random_state(seed):
            summary = check(*answers, **options)
    except NotImplementedError as err:
        if str(err).startswith(STUB_MESSAGE):
            raise NotAttempted(name) from None
        failure = CheckFailed(name, f"your code raised NotImplementedError: {err}")
        remember(failure)
        raise failure from err
    except CheckFailed as err:
        remember(err)
        raise
    except AssertionError as err:
        failure = CheckFailed(name, str(err))
        failure.__cause__ = err.__cause__
        remember(failure)
        raise failure from err.__cause__
    except Exception as err:
        why = f"the check could not run your code: {type(err).__name__}: {err}"
        failure = CheckFailed(name, why)
        remember(failure)
        raise failure from err
    report_pass(name, summary or "")
