"""Self-check helpers: each raises an AssertionError that says what went
wrong and what was expected, and returns the checked value on success."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import torch
from torch import nn

from course_utils.train import count_params


def check_shape(
    tensor: torch.Tensor, expected: Sequence[int], name: str = "tensor"
) -> torch.Tensor:
    """Check that ``tensor.shape`` equals ``expected``."""
    if not isinstance(tensor, torch.Tensor):
        raise TypeError(f"{name} should be a torch.Tensor, got {type(tensor).__name__}")
    if tuple(tensor.shape) != tuple(expected):
        raise AssertionError(f"{name} has shape {list(tensor.shape)}, expected {list(expected)}.")
    return tensor


def check_close(
    actual: float | torch.Tensor,
    expected: float | torch.Tensor,
    atol: float = 1e-6,
    rtol: float = 0.0,
    name: str = "value",
) -> float | torch.Tensor:
    """Check that ``actual`` is within ``atol + rtol * |expected|`` of ``expected``.

    Works for numbers and for tensors of the same shape (compared
    element by element).
    """
    if isinstance(actual, torch.Tensor) or isinstance(expected, torch.Tensor):
        a = torch.as_tensor(actual).detach().cpu().double()
        e = torch.as_tensor(expected).detach().cpu().double()
        if a.shape != e.shape:
            raise AssertionError(f"{name} has shape {list(a.shape)}, expected {list(e.shape)}.")
        if not torch.allclose(a, e, atol=atol, rtol=rtol):
            worst = (a - e).abs().max().item()
            raise AssertionError(
                f"{name} differs from the expected values by up to {worst:.4g} "
                f"(allowed: {atol:g} + {rtol:g} x |expected|)."
            )
        return actual
    if not math.isclose(float(actual), float(expected), abs_tol=atol, rel_tol=rtol):
        raise AssertionError(
            f"{name} is {float(actual):.6g}, expected {float(expected):.6g} "
            f"(allowed difference: {atol:g} + {rtol:g} x |expected|)."
        )
    return actual


def check_at_least(value: float, minimum: float, name: str = "value", hint: str = "") -> float:
    """Check that ``value >= minimum``."""
    if not value >= minimum:
        raise AssertionError(
            f"{name} is {value:.4g}, expected at least {minimum:.4g}. {hint}".rstrip()
        )
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
        raise TypeError(f"{name} should be an nn.Module, got {type(model).__name__}")
    count = count_params(model)
    if count != expected:
        raise AssertionError(
            f"{name} has {count:,} parameters, expected {expected:,}. "
            "Check the layer sizes, and that every layer is an attribute "
            "(or in an nn container) so it is registered."
        )
    return count
