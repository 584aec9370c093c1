"""The learner's side of an exercise check: one line per verdict, no side effects."""

from __future__ import annotations

import random
import sys

import numpy as np
import pytest
import torch
from IPython.core.interactiveshell import InteractiveShell

import course_utils
from course_utils import CheckFailed, NotAttempted, check_exercise, exercise_case
from course_utils.exercises import _CHECKS, exercise, get_check
from course_utils.isolation import guarded_names, isolated_random_state
from course_utils.verdict import NOT_ATTEMPTED


@pytest.fixture
def toy_exercise():
    """A registered exercise ``ch99-double`` whose check calls ``double`` on three cases."""

    @exercise("ch99-double")
    def double(fn):
        for x in [1, 2, torch.randn(()).item()]:
            with exercise_case(f"double({x:.3g})"):
                assert fn(x) != x, "it returns x unchanged: multiply by 2"
                assert fn(x) == 2 * x, f"it returns {fn(x)!r}, expected {2 * x!r}"
        return "double(x) = 2x for three values"

    yield "ch99-double"
    del _CHECKS["ch99-double"]


def rendered(error: BaseException) -> list[str]:
    """What IPython shows for ``error`` (the traceback lines it sends to the frontend)."""
    shell = InteractiveShell.instance()
    shown: list[list[str]] = []
    original = shell._showtraceback
    shell._showtraceback = lambda etype, evalue, stb: shown.append(stb)
    try:
        try:
            raise error
        except AssertionError:
            shell.showtraceback()
    finally:
        shell._showtraceback = original
    return shown[0]


def test_a_correct_answer_prints_one_line(toy_exercise, capsys):
    check_exercise(toy_exercise, lambda x: 2 * x)
    out = capsys.readouterr().out
    assert out == "✓ ch99-double: correct. double(x) = 2x for three values\n"


def test_a_wrong_answer_is_one_line_naming_the_case_and_the_mistake(toy_exercise):
    with pytest.raises(CheckFailed) as err:
        check_exercise(toy_exercise, lambda x: x)
    assert isinstance(err.value, AssertionError)  # nbgrader, nbmake and the tests see a failure
    [line] = rendered(err.value)
    assert "✗ ch99-double: double(1): it returns x unchanged: multiply by 2" in line


def test_an_error_in_the_learners_code_is_one_line_and_its_traceback_on_request(
    toy_exercise, capsys
):
    def broken(x):
        return x / "two"

    with pytest.raises(CheckFailed) as err:
        check_exercise(toy_exercise, broken)
    [line] = rendered(err.value)
    assert "your code raised TypeError" in line and "show_traceback()" in line
    course_utils.show_traceback()
    assert 'x / "two"' in capsys.readouterr().out  # the learner's own line


def test_the_stub_is_not_attempted_yet(toy_exercise):
    def stub(x):
        raise NotImplementedError("Exercise: write your code here, then run the check below.")

    with pytest.raises(NotAttempted) as err:
        check_exercise(toy_exercise, stub)
    [line] = rendered(err.value)
    assert NOT_ATTEMPTED in line and "✗" not in line


def test_a_learners_own_not_implemented_error_is_a_failure(toy_exercise):
    def unfinished(x):
        raise NotImplementedError("later")

    with pytest.raises(CheckFailed, match="NotImplementedError: later"):
        check_exercise(toy_exercise, unfinished)


def test_an_unknown_exercise_says_which_exist(toy_exercise):
    with pytest.raises(ValueError, match="chapter 05 has: .*ch05-scale"):
        get_check("ch05-triple")
    with pytest.raises(ValueError, match="chapter 98 has no checks"):
        get_check("ch98-anything")
    with pytest.raises(ValueError, match="like 'ch05-scale'"):
        check_exercise("scale")


def test_the_check_leaves_the_notebooks_names_and_random_numbers_alone(toy_exercise):
    namespace = sys._getframe(0).f_globals

    def meddling(x):
        namespace["torch"] = "clobbered"  # rebinding a name the notebook uses
        namespace["new_name"] = 1
        return 2 * x

    torch.manual_seed(0)
    expected = torch.rand(3)
    torch.manual_seed(0)
    check_exercise(toy_exercise, meddling)
    assert namespace["torch"] is torch and "new_name" not in namespace
    assert torch.equal(torch.rand(3), expected)


def test_isolated_random_state_is_the_same_inside_whatever_ran_before():
    draws = []
    for outer in (1, 2):
        torch.manual_seed(outer)
        random.seed(outer)
        np.random.seed(outer)
        before = (torch.rand(1), random.random(), np.random.rand())
        torch.manual_seed(outer)
        random.seed(outer)
        np.random.seed(outer)
        with isolated_random_state(7):
            draws.append((torch.rand(2), random.random(), np.random.rand()))
        assert (torch.rand(1), random.random(), np.random.rand()) == before
    assert torch.equal(draws[0][0], draws[1][0]) and draws[0][1:] == draws[1][1:]


def test_guarded_names_restores_rebound_deleted_and_added_names():
    namespace = {"a": 1, "b": [2]}
    with guarded_names(namespace):
        namespace["a"] = 5
        del namespace["b"]
        namespace["c"] = 3
    assert namespace == {"a": 1, "b": [2]}
