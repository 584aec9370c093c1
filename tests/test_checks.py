import numpy as np
import pytest
import torch
from torch import nn

from course_utils import check_at_least, check_close, check_equal, check_num_params, check_shape


def test_check_shape_passes_and_reports_both_shapes():
    t = torch.zeros(3, 784)
    assert check_shape(t, (3, 784)) is t
    with pytest.raises(AssertionError, match=r"x has shape \[3, 784\], expected \[3, 20\]"):
        check_shape(t, [3, 20], "x")


def test_check_shape_rejects_non_tensors_clearly():
    with pytest.raises(TypeError, match="should be a torch.Tensor"):
        check_shape([1, 2], (2,))


def test_check_close_numbers_and_tensors():
    check_close(2.0004, 2.0, atol=1e-3)
    check_close(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0005]), atol=1e-3)
    with pytest.raises(AssertionError, match="w is 2.1, expected 2"):
        check_close(2.1, 2.0, atol=0.05, name="w")
    with pytest.raises(AssertionError, match="differs"):
        check_close(torch.ones(2), torch.zeros(2))
    with pytest.raises(AssertionError, match="shape"):
        check_close(torch.ones(2), torch.ones(3))


def test_check_at_least_includes_the_hint():
    assert check_at_least(0.9, 0.875) == 0.9
    with pytest.raises(
        AssertionError, match="accuracy is 0.5, expected at least 0.875. Train longer"
    ):
        check_at_least(0.5, 0.875, "accuracy", hint="Train longer.")


def test_check_equal_values_and_tensors():
    check_equal(11, 11)
    check_equal(torch.tensor([1, 2]), torch.tensor([1, 2]))
    with pytest.raises(AssertionError):
        check_equal(torch.tensor([1, 2]), torch.tensor([1, 3]))
    with pytest.raises(AssertionError):
        check_equal(torch.tensor([1]), 1)


def test_check_num_params_counts_every_registered_parameter():
    model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
    assert check_num_params(model, 4 * 3 + 3 + 3 * 2 + 2) == 23
    with pytest.raises(AssertionError, match="23 parameters, expected 24"):
        check_num_params(model, 24)


def test_check_equal_compares_numpy_arrays_without_ambiguity():
    check_equal(np.array([1, 2]), np.array([1, 2]))
    for wrong in (np.array([1, 3]), np.array([[1, 2]]), [1, 2], torch.tensor([1, 2])):
        with pytest.raises(AssertionError, match="expected"):
            check_equal(np.array([1, 2]), wrong, "a")


def test_check_equal_compares_lists_of_tensors_element_by_element():
    check_equal([torch.ones(2), torch.zeros(3)], [torch.ones(2), torch.zeros(3)])
    check_equal({"w": torch.ones(2)}, {"w": torch.ones(2)})
    for wrong in (
        [torch.ones(2), torch.ones(3)],
        [torch.ones(2)],
        (torch.ones(2), torch.zeros(3)),
        [torch.ones(2), torch.zeros(2)],
    ):
        with pytest.raises(AssertionError, match="grads is"):
            check_equal([torch.ones(2), torch.zeros(3)], wrong, "grads")
    with pytest.raises(AssertionError):
        check_equal({"w": torch.ones(2)}, {"w": torch.zeros(2)})
