"""Self-check helpers for the notebooks.

The rule: every ``check_*`` helper rejects a wrong answer with an
``AssertionError`` that says what went wrong and what was expected, also
when the answer has the wrong type (a list where a tensor belongs, say).
On success each returns the checked value.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
import torch
from torch import nn

from course_utils.train import count_params


def _type_name(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return f"a {value.dtype} tensor of shape {list(value.shape)}"
    return "None" if value is None else type(value).__name__


def _is_real(value: Any) -> bool:
    """A real number (not a bool) or a tensor of real numbers."""
    if isinstance(value, torch.Tensor):
        return value.dtype != torch.bool and not value.is_complex()
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _pair(a: float, b: float) -> tuple[str, str]:
    """Format two numbers with just enough significant digits to tell them apart."""
    for digits in (6, 10, 17):
        sa, sb = f"{a:.{digits}g}", f"{b:.{digits}g}"
        if sa != sb or a == b:
            break
    return sa, sb


def check_shape(
    tensor: torch.Tensor, expected: Sequence[int], name: str = "tensor"
) -> torch.Tensor:
    """Check that ``tensor.shape`` equals ``expected``."""
    if not isinstance(tensor, torch.Tensor):
        raise AssertionError(f"{name} should be a torch.Tensor, got {_type_name(tensor)}.")
    if tuple(tensor.shape) != tuple(expected):
        raise AssertionError(f"{name} has shape {list(tensor.shape)}, expected {list(expected)}.")
    return tensor


def _as_float64(value: Any, name: str, error: type[Exception] = AssertionError) -> torch.Tensor:
    if not _is_real(value):
        raise error(f"{name} should be a number or a tensor, got {_type_name(value)}.")
    if isinstance(value, torch.Tensor):
        return value.detach().to("cpu", torch.float64)
    return torch.tensor(float(value), dtype=torch.float64)


def _difference(diff: float, allowed: float, atol: float, rtol: float) -> str:
    sd, sa = _pair(diff, allowed)
    rule = f" = atol {atol:g} + rtol {rtol:g} x |expected|" if rtol else ""
    return f"difference {sd}, allowed {sa}{rule}"


def _index(flat: int, shape: torch.Size) -> list[int]:
    return [int(i) for i in np.unravel_index(flat, tuple(shape))]


def _close_message(a: torch.Tensor, e: torch.Tensor, atol: float, rtol: float, name: str) -> str:
    """Say how ``a`` (float64) is not close to ``e``: NaN, or where it differs most."""
    diff, allowed = (a - e).abs(), atol + rtol * e.abs()
    nan = a.isnan()
    if a.dim() == 0:
        sa, se = _pair(a.item(), e.item())
        if nan:
            return f"{name} is NaN (not a number), expected {se}."
        return (
            f"{name} is {sa}, expected {se} "
            f"({_difference(diff.item(), allowed.item(), atol, rtol)})."
        )
    if nan.any():
        first = _index(int(nan.flatten().nonzero()[0]), a.shape)
        return (
            f"{name} has NaN (not a number) in {int(nan.sum()):,} of {a.numel():,} "
            f"elements, the first at index {first}."
        )
    bad = ~((diff <= allowed) | (a == e))
    flat = int(torch.where(bad, diff, -1.0).flatten().argmax())
    sa, se = _pair(a.flatten()[flat].item(), e.flatten()[flat].item())
    d, ok = diff.flatten()[flat].item(), allowed.flatten()[flat].item()
    return (
        f"{name} differs from the expected values in {int(bad.sum()):,} of {a.numel():,} "
        f"elements. The largest difference is at index {_index(flat, a.shape)}: "
        f"{sa}, expected {se} ({_difference(d, ok, atol, rtol)})."
    )


def check_close(
    actual: float | torch.Tensor,
    expected: float | torch.Tensor,
    atol: float = 1e-6,
    rtol: float = 0.0,
    name: str = "value",
) -> float | torch.Tensor:
    """Check that ``|actual - expected| <= atol + rtol * |expected|``.

    Works for numbers and for tensors of the same shape (compared element
    by element, in float64 on the CPU). A NaN is never close to anything.
    """
    a = _as_float64(actual, name)
    e = _as_float64(expected, "expected", TypeError)  # the notebook's, not the learner's
    if a.shape != e.shape:
        raise AssertionError(f"{name} has shape {list(a.shape)}, expected {list(e.shape)}.")
    try:
        torch.testing.assert_close(a, e, atol=atol, rtol=rtol, equal_nan=False)
    except AssertionError:
        raise AssertionError(_close_message(a, e, atol, rtol, name)) from None
    return actual


def check_at_least(
    value: float | torch.Tensor, minimum: float, name: str = "value", hint: str = ""
) -> float | torch.Tensor:
    """Check that ``value >= minimum``; ``value`` is a number or a one-element tensor."""
    if not _is_real(value) or (isinstance(value, torch.Tensor) and value.numel() != 1):
        raise AssertionError(f"{name} should be a number, got {_type_name(value)}.")
    number = float(value)
    if not number >= minimum:
        shown, least = _pair(number, float(minimum))
        raise AssertionError(f"{name} is {shown}, expected at least {least}. {hint}".rstrip())
    return value


def _equal(actual: Any, expected: Any) -> bool:
    """Exact equality that also works for tensors, arrays and containers of them."""
    if isinstance(actual, torch.Tensor) or isinstance(expected, torch.Tensor):
        return (
            isinstance(actual, torch.Tensor)
            and isinstance(expected, torch.Tensor)
            and actual.shape == expected.shape
            and torch.equal(actual.cpu(), expected.cpu())
        )
    if isinstance(actual, np.ndarray) or isinstance(expected, np.ndarray):
        return (
            isinstance(actual, np.ndarray)
            and isinstance(expected, np.ndarray)
            and actual.shape == expected.shape
            and bool(np.array_equal(actual, expected))
        )
    if isinstance(actual, list | tuple) and isinstance(expected, list | tuple):
        return (
            isinstance(actual, tuple) == isinstance(expected, tuple)
            and len(actual) == len(expected)
            and all(_equal(a, e) for a, e in zip(actual, expected, strict=True))
        )
    if isinstance(actual, dict) and isinstance(expected, dict):
        return actual.keys() == expected.keys() and all(
            _equal(actual[k], expected[k]) for k in actual
        )
    try:
        return bool(actual == expected)
    except (RuntimeError, ValueError, TypeError):  # an element-wise result with no truth value
        return False


def check_equal(actual: Any, expected: Any, name: str = "value") -> Any:
    """Check that ``actual == expected``.

    Tensors and NumPy arrays must have the same shape and values, lists and
    tuples (and dicts) of them are compared element by element.
    """
    same = _equal(actual, expected)
    if not same:
        raise AssertionError(f"{name} is {actual!r}, expected {expected!r}.")
    return actual


def check_num_params(model: nn.Module, expected: int, name: str = "model") -> int:
    """Check the number of scalar parameters ``model`` registers."""
    if not isinstance(model, nn.Module):
        raise AssertionError(f"{name} should be an nn.Module, got {_type_name(model)}.")
    count = count_params(model)
    if count != expected:
        raise AssertionError(
            f"{name} has {count:,} parameters, expected {expected:,}. "
            "Check the layer sizes, and that every layer is an attribute "
            "(or in an nn container) so it is registered."
        )
    return count
