import pytest
import torch

from course_utils import exercise_case


def test_a_failed_check_keeps_its_message_and_names_the_case():
    with pytest.raises(AssertionError, match=r"^size 3: w is 2, expected 1\.$"):
        with exercise_case("size 3"):
            raise AssertionError("w is 2, expected 1.")


def test_an_error_in_the_learners_code_becomes_a_course_message():
    with pytest.raises(AssertionError, match=r"batch of 4: your code raised RuntimeError: boom"):
        with exercise_case("batch of 4"):
            raise RuntimeError("boom")


def test_the_stub_passes_through():
    with pytest.raises(NotImplementedError):
        with exercise_case("anything"):
            raise NotImplementedError("Exercise: write your code here")


def test_gradient_tracking_left_off_is_restored_and_rejected():
    with pytest.raises(AssertionError, match="left gradient tracking off"):
        with exercise_case("case"):
            torch.set_grad_enabled(False)
    assert torch.is_grad_enabled()
    with exercise_case("no_grad block"):
        with torch.no_grad():
            pass
    assert torch.is_grad_enabled()
