import math

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


def test_check_shape_rejects_non_tensors_with_an_assertion():
    with pytest.raises(AssertionError, match="x should be a torch.Tensor, got list"):
        check_shape([1, 2], (2,), "x")


def test_check_close_numbers_and_tensors():
    check_close(2.0004, 2.0, atol=1e-3)
    check_close(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0005]), atol=1e-3)
    with pytest.raises(AssertionError, match="w is 2.1, expected 2"):
        check_close(2.1, 2.0, atol=0.05, name="w")
    with pytest.raises(AssertionError, match="differs"):
        check_close(torch.ones(2), torch.zeros(2))
    with pytest.raises(AssertionError, match="shape"):
        check_close(torch.ones(2), torch.ones(3))


def test_check_close_allows_atol_plus_rtol_times_expected_for_floats():
    # |1.09 - 1.0| = 0.09 <= 0.05 + 0.05 * 1.0 = 0.1 (math.isclose would allow only 0.0545)
    assert check_close(1.09, 1.0, atol=0.05, rtol=0.05) == 1.09


def test_check_close_applies_one_rule_to_numbers_and_tensors():
    for actual, expected in [(1.09, 1.0), (1.11, 1.0), (-1.09, -1.0), (0.04, 0.0), (2.0, 2.1)]:
        as_tensor = torch.tensor([actual]), torch.tensor([expected])
        try:
            check_close(*as_tensor, atol=0.05, rtol=0.05)
            tensors_pass = True
        except AssertionError:
            tensors_pass = False
        try:
            check_close(actual, expected, atol=0.05, rtol=0.05)
            numbers_pass = True
        except AssertionError:
            numbers_pass = False
        assert numbers_pass == tensors_pass, (actual, expected)


def test_check_close_returns_the_value_it_checked():
    t = torch.ones(3, requires_grad=True)
    assert check_close(t, torch.ones(3)) is t
    assert check_close(3, 3.0) == 3


def test_check_close_compares_across_dtypes_and_numpy_scalars():
    check_close(torch.arange(3), torch.tensor([0.0, 1.0, 2.0], dtype=torch.float64))
    check_close(np.float32(0.5), 0.5)
    check_close(torch.tensor(2.5), 2.5)


def test_scalar_message_states_the_difference_and_the_allowed_difference():
    with pytest.raises(AssertionError) as err:
        check_close(1.11, 1.0, atol=0.05, rtol=0.05, name="w")
    assert str(err.value) == (
        "w is 1.11, expected 1 (difference 0.11, allowed 0.1 = atol 0.05 + rtol 0.05 x |expected|)."
    )
    with pytest.raises(AssertionError) as err:
        check_close(2.1, 2.0, atol=0.05, name="w")
    assert str(err.value) == "w is 2.1, expected 2 (difference 0.1, allowed 0.05)."


def test_scalar_message_shows_enough_digits_to_see_the_error():
    with pytest.raises(AssertionError, match=r"w is 2\.0000001, expected 2 \(difference 1e-07"):
        check_close(2.0000001, 2.0, atol=1e-8, name="w")
    with pytest.raises(AssertionError, match=r"is 0\.1000000015, expected 0\.1 "):
        check_close(torch.tensor(0.1), 0.1, atol=0.0)  # float32 0.1 is not float64 0.1


def test_tensor_message_counts_the_differences_and_locates_the_largest():
    actual = torch.tensor([[1.0, 2.0], [3.0, 4.5]])
    expected = torch.tensor([[1.0, 2.1], [3.0, 4.0]])
    with pytest.raises(AssertionError) as err:
        check_close(actual, expected, atol=0.01, name="w")
    assert str(err.value) == (
        "w differs from the expected values in 2 of 4 elements. The largest difference "
        "is at index [1, 1]: 4.5, expected 4 (difference 0.5, allowed 0.01)."
    )
    with pytest.raises(
        AssertionError, match=r"allowed 0\.05 = atol 0\.01 \+ rtol 0\.01 x \|expected\|"
    ):
        check_close(actual, expected, atol=0.01, rtol=0.01, name="w")


def test_check_close_never_shows_torch_s_message():
    with pytest.raises(AssertionError) as err:
        check_close(torch.ones(3), torch.zeros(3))
    assert "Tensor-likes are not close" not in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__


def test_nan_is_never_close_and_the_message_says_nan():
    with pytest.raises(AssertionError, match="w is NaN"):
        check_close(math.nan, 2.0, name="w")
    with pytest.raises(AssertionError, match="w is NaN"):
        check_close(torch.tensor(math.nan), torch.tensor(math.nan), name="w")
    with pytest.raises(
        AssertionError, match=r"w has NaN .* in 2 of 4 elements, the first at index \[1\]"
    ):
        check_close(torch.tensor([1.0, math.nan, 1.0, math.nan]), torch.ones(4), name="w")


def test_shape_mismatch_names_both_shapes():
    with pytest.raises(AssertionError, match=r"w has shape \[2, 3\], expected \[3, 2\]"):
        check_close(torch.zeros(2, 3), torch.zeros(3, 2), name="w")
    with pytest.raises(AssertionError, match=r"w has shape \[\], expected \[3\]"):
        check_close(0.0, torch.zeros(3), name="w")


@pytest.mark.parametrize(
    "wrong, kind",
    [([1.0, 2.0], "list"), ("2.0", "str"), (None, "None"), ({"w": 2.0}, "dict"), (True, "bool")],
)
def test_check_close_rejects_an_answer_that_is_not_a_number(wrong, kind):
    with pytest.raises(AssertionError, match=f"^w should be a number or a tensor, got {kind}"):
        check_close(wrong, 2.0, name="w")


def test_check_at_least_includes_the_hint():
    assert check_at_least(0.9, 0.875) == 0.9
    with pytest.raises(
        AssertionError, match="accuracy is 0.5, expected at least 0.875. Train longer"
    ):
        check_at_least(0.5, 0.875, "accuracy", hint="Train longer.")


def test_check_at_least_shows_enough_digits_to_see_the_shortfall():
    with pytest.raises(AssertionError, match="accuracy is 0.8749999, expected at least 0.875"):
        check_at_least(0.8749999, 0.875, "accuracy")


def test_check_at_least_takes_a_one_element_tensor():
    t = torch.tensor([0.9])
    assert check_at_least(t, 0.875) is t
    with pytest.raises(AssertionError, match="accuracy is 0.5, expected at least"):
        check_at_least(torch.tensor(0.5), 0.875, "accuracy")


@pytest.mark.parametrize(
    "wrong, kind", [(torch.ones(2), "tensor of shape \\[2\\]"), (None, "None"), ("0.9", "str")]
)
def test_check_at_least_rejects_an_answer_that_is_not_a_number(wrong, kind):
    with pytest.raises(AssertionError, match=f"accuracy should be a number, got .*{kind}"):
        check_at_least(wrong, 0.875, "accuracy")


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


def test_check_num_params_rejects_a_non_module_with_an_assertion():
    with pytest.raises(AssertionError, match="model should be an nn.Module, got dict"):
        check_num_params({"weight": torch.zeros(3)}, 3)


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
