"""How an exercise check answers a learner: one line, in one of three states.

- passed: :func:`report_pass` prints ``✓ <exercise>: <what was checked>``;
- incorrect: :class:`CheckFailed`, which IPython (7.34, Colab's, and later)
  shows as the one line ``✗ <exercise>: <the case and the mistake>``;
- not attempted yet: :class:`NotAttempted`, one line as well.

Both errors are ``AssertionError`` subclasses, so nbgrader, nbmake and the
course's tests still see a failed cell. IPython shows them through
``_render_traceback_``; a learner who wants the full traceback of their own
code runs :func:`show_traceback`.
"""

from __future__ import annotations

import sys
import traceback

RED, GREEN, YELLOW, RESET = "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[0m"
NOT_ATTEMPTED = "not attempted yet: write your code in the cell above, then run this check"

_last_failure: BaseException | None = None


class CheckFailed(AssertionError):
    """The learner's answer is wrong; the message names the case and the mistake."""

    def __init__(self, exercise: str, message: str) -> None:
        super().__init__(f"{exercise}: {message}")
        self.exercise, self.message = exercise, message

    def _render_traceback_(self) -> list[str]:
        more = ""
        if self.__cause__ is not None:
            more = " (course_utils.show_traceback() shows where your code raised it)"
        return [f"{RED}✗ {self.exercise}: {self.message}{more}{RESET}"]


class NotAttempted(AssertionError):
    """The exercise still has its stub."""

    def __init__(self, exercise: str) -> None:
        super().__init__(f"{exercise}: {NOT_ATTEMPTED}")
        self.exercise = exercise

    def _render_traceback_(self) -> list[str]:
        return [f"{YELLOW}… {self.exercise}: {NOT_ATTEMPTED}{RESET}"]


def remember(error: BaseException) -> None:
    """Keep ``error`` for :func:`show_traceback`."""
    global _last_failure
    _last_failure = error


def report_pass(exercise: str, summary: str) -> None:
    """Print the one line of a passed check."""
    print(f"✓ {exercise}: correct. {summary}".rstrip())


def show_traceback(file=None) -> None:
    """Print the full traceback of the last failed check, the learner's own code included."""
    out = sys.stdout if file is None else file
    if _last_failure is None:
        print("No exercise check has failed in this session.", file=out)
        return
    error = _last_failure.__cause__ or _last_failure
    print("".join(traceback.format_exception(type(error), error, error.__traceback__)), file=out)
