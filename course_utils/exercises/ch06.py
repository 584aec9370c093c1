"""Chapter 06's exercise checks: autograd."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch
from torch import nn

from course_utils.cases import exercise_case
from course_utils.checks import check_close, check_equal
from course_utils.exercises import exercise

# --- Exercise 1: a numerical gradient -------------------------------------------------


def _value(f: Callable, v: float, dtype: torch.dtype = torch.float64) -> float:
    return f(torch.tensor(v, dtype=dtype)).item()


def _grad_mistake(got: float, f: Callable, w0: float, eps: float = 1e-6) -> str | None:
    """The known wrong formula that gives ``got``, if any."""
    up, mid, down = (_value(f, w0 + d) for d in (eps, 0.0, -eps))
    up32, down32 = (_value(f, w0 + d, torch.float32) for d in (eps, -eps))
    for value, mistake in [
        ((up - mid) / eps, "the one-sided difference (f(w + eps) - f(w)) / eps"),
        ((up - down) / eps, "a division by eps instead of 2 * eps"),
        ((up32 - down32) / (2 * eps), "f evaluated on float32 tensors, not float64"),
    ]:
        if abs(got - value) <= 1e-9 * max(1.0, abs(value)):
            return mistake
    return None


_FUNCTIONS = [  # (description, f, its exact derivative)
    ("10 w**2 + 25", lambda w: 10 * w**2 + 25, lambda w: 20 * w),
    ("w**3", lambda w: w**3, lambda w: 3 * w**2),
    ("sin(w) * w", lambda w: torch.sin(w) * w, lambda w: np.cos(w) * w + np.sin(w)),
    ("exp(w / 2)", lambda w: torch.exp(w / 2), lambda w: np.exp(w / 2) / 2),
    (
        "3 cos(w) computed by NumPy (autograd cannot follow it: use f's values only)",
        lambda w: torch.tensor(3 * np.cos(w.item()), dtype=torch.float64),
        lambda w: -3 * np.sin(w),
    ),
    (
        "w.detach() * w + w (autograd misses the detached factor)",
        lambda w: w.detach() * w + w,
        lambda w: 2 * w + 1,
    ),
]


@exercise("ch06-numerical-grad")
def numerical_grad(numerical_grad: Callable[..., float]) -> str:
    """``numerical_grad(f, w, eps)``: the central difference, a Python float, from f's values."""
    for label, f, df in _FUNCTIONS:
        for w0 in (-1.5, 0.3, 2.0):
            with exercise_case(f"numerical_grad of {label} at w = {w0}"):
                got = numerical_grad(f, w0)
                assert isinstance(got, float), (
                    f"return a Python float (.item()), got {type(got).__name__}"
                )
                if abs(got - df(w0)) > 1e-7 and (mistake := _grad_mistake(got, f, w0)):
                    raise AssertionError(f"you returned {got!r}: that is {mistake}")
                check_close(got, float(df(w0)), atol=1e-7, name="the central difference")
    with exercise_case(
        "numerical_grad of w**3 at w = 1.0 with eps=0.1 (it shows which eps you used)"
    ):
        check_close(
            numerical_grad(lambda w: w**3, 1.0, eps=0.1),
            3.01,
            atol=1e-9,
            name="(f(1.1) - f(0.9)) / 0.2",
        )
    return "numerical_grad is the central difference: 6 functions at 3 points each, and eps=0.1"


# --- Exercise 2: fit a line the fast way ----------------------------------------------


def _line_case(n: int, x_low: float, w: float, b: float) -> tuple:
    """n points near the line w x + b, x in [x_low, x_low + 40], and their least squares."""
    gen = torch.Generator().manual_seed(n)
    x = x_low + 40 * torch.rand(n, 1, generator=gen)
    y = w * x + b + torch.randn(n, 1, generator=gen)
    A = torch.cat([x, torch.ones_like(x)], dim=1).double()
    best = torch.linalg.lstsq(A, y.double()).solution
    mse = ((A @ best - y.double()) ** 2).mean().item()
    return x, y, *best.flatten().tolist(), mse


def _kept_share(lr: float, num: int, zero_grad: bool) -> torch.Tensor:
    """The share of the loss's excess over least squares left after epochs 1..num.

    On standardised x the Hessian is 2I, so the excess is |e|^2 for the error e of
    (a, c), whose gradient is 2e: every direction follows the same scalar sequence.
    Without zero_grad() the gradients of all earlier epochs stay in .grad.
    """
    e, accumulated, shares = 1.0, 0.0, []
    for _ in range(num):
        accumulated = (accumulated if not zero_grad else 0.0) + 2 * e
        e = e - lr * accumulated
        shares.append(e * e)
    return torch.tensor(shares, dtype=torch.float64)


def _fit(fit_line: Callable, x: torch.Tensor, y: torch.Tensor, **kwargs) -> tuple:
    """The learner's fit_line, checked for what it returns."""
    result = fit_line(x, y, **kwargs)
    assert isinstance(result, tuple) and len(result) == 3, "return a tuple (w, b, losses)"
    assert all(isinstance(v, float) for v in result[:2]), "return w and b as Python floats"
    assert isinstance(result[2], list) and all(isinstance(v, float) for v in result[2]), (
        "losses should be a list of Python floats: append loss.item(), not the loss tensor"
    )
    return result


def _losses_mistake(losses: list[float], mse: float, y: torch.Tensor, lr: float) -> None:
    """Name the known mistakes that the losses give away."""
    last = losses[-1]
    for var_y in (y.double().var(correction=0).item(), y.double().var().item()):
        if abs(last * var_y - mse) <= 0.02 * mse:
            raise AssertionError(
                f"the losses end at {last:.4g}, the least-squares loss ({mse:.4g}) divided by "
                f"y's variance ({var_y:.4g}): you standardised y as well as x, so the fit is in "
                "the wrong units. Standardise x only; y keeps its own units"
            )
    excess = torch.tensor(losses[:7], dtype=torch.float64) - mse
    shares = excess[1:] / excess[0]
    accumulated = _kept_share(lr, len(shares), zero_grad=False)
    if torch.allclose(shares, accumulated, rtol=0.05, atol=1e-3):
        raise AssertionError(
            "the losses swing up and down instead of shrinking by the same factor every "
            "epoch, as they do when the gradients of all earlier epochs stay in .grad and "
            "add up: call optimizer.zero_grad() before loss.backward() in every epoch"
        )


@exercise("ch06-fit-line")
def fit_line(fit_line: Callable, device: torch.device | str = "cpu") -> str:
    """``fit_line(x, y, lr, num_epochs)``: gradient descent on standardised x, in x's units."""
    cases = [
        (40, 100, (3.0, -40.0), {}),
        (50, -80, (-0.5, 4.0), {"lr": 0.25, "num_epochs": 60}),
        (30, 500, (0.2, 7.0), {"lr": 0.05, "num_epochs": 150}),
    ]
    for n, x_low, line, kwargs in cases:
        x, y, w_ref, b_ref, mse = _line_case(n, x_low, *line)
        lr, epochs = kwargs.get("lr", 0.1), kwargs.get("num_epochs", 200)
        with exercise_case(
            f"fit_line on {n} points with x in [{x_low}, {x_low + 40}], "
            f"lr={lr}, num_epochs={epochs}"
        ):
            w, b, losses = _fit(fit_line, x.to(device), y.to(device), **kwargs)
            check_equal(len(losses), epochs, name="len(losses), one loss per epoch,")
            _losses_mistake(losses, mse, y, lr)
            excess = torch.tensor(losses[:6], dtype=torch.float64) - mse
            kept = (1 - 2 * lr) ** 2  # per epoch, by gradient descent on standardised x
            check_close(
                excess[1:] / excess[:-1],
                torch.full((5,), kept),
                rtol=0.1,
                name="the share of the loss's excess over least squares kept per epoch "
                f"(standardised x and lr={lr} keep {kept:.4g})",
            )
            check_close(w, w_ref, atol=1e-3, name="w (in original units)")
            check_close(b, b_ref, atol=0.01, name="b (in original units)")
            check_close(losses[-1], mse, rtol=1e-4, name="the last loss (least squares')")
    return (
        "fit_line reaches the least-squares line by gradient descent on standardised x "
        "(3 cases: other data, lr and num_epochs)"
    )


# --- Exercise 3: accumulate gradients on purpose ---------------------------------------


def _chunk_parts(model: nn.Module, x: torch.Tensor, y: torch.Tensor, num_chunks: int) -> list:
    """Each chunk's part of the full-batch gradient (weight, bias)."""
    parts = []
    for x_c, y_c in zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks), strict=True):
        loss = ((model(x_c) - y_c) ** 2).mean() * len(x_c) / len(x)
        parts.append(torch.autograd.grad(loss, [model.weight, model.bias]))
    return parts


def _stale_model(n_in: int, n_out: int, device: torch.device | str) -> nn.Linear:
    """A fresh nn.Linear whose .grad holds an old gradient."""
    model = nn.Linear(n_in, n_out).to(device)
    for p in model.parameters():
        p.grad = torch.ones_like(p)
    return model


def _name_mistake(got: torch.Tensor, expected: torch.Tensor, known: list, name: str) -> None:
    """known: [(what a mistake gives, its message)]; raise the first that matches ``got``."""
    if not torch.allclose(got, expected, rtol=1e-4, atol=1e-5):
        for wrong, why in known:
            if wrong is not None and torch.allclose(got, wrong, rtol=1e-4, atol=1e-5):
                raise AssertionError(f"{name}: {why}")


def _summed_over_rows(total: torch.Tensor, n: int, n_out: int) -> list:
    """What summing the squared errors over rows (instead of averaging them) gives."""
    known = [
        (
            total * n * n_out,
            f"it is {n * n_out} times the mean-squared-error gradient (rows x outputs): "
            "you summed the squared errors over the rows (reduction='sum') instead of "
            "taking their mean. Use each chunk's mean loss, weighted by len(chunk) / N",
        )
    ]
    if n_out > 1:
        known.append(
            (
                total * n_out,
                f"it is {n_out} times the mean-squared-error gradient, one factor per output: "
                "you summed the squared errors over the rows and outputs and divided by the "
                "number of rows only; the mean runs over every element, rows x outputs. "
                "Use each chunk's mean loss (mse_loss), weighted by len(chunk) / N",
            )
        )
    return known


@exercise("ch06-accumulated-grad")
def accumulated_grad(accumulated_grad: Callable, device: torch.device | str = "cpu") -> str:
    """``accumulated_grad(model, x, y, num_chunks)``: one backward() per chunk, weighted."""
    gen = torch.Generator().manual_seed(3)
    cases = [
        (11, 1, 1, 1),
        (11, 1, 1, 3),
        (11, 1, 1, 4),
        (11, 1, 1, 11),
        (12, 3, 2, 4),
        (6, 3, 2, 4),
    ]
    for n, n_in, n_out, k in cases:
        model = _stale_model(n_in, n_out, device)
        x, y = (torch.randn(n, d, generator=gen).to(device) for d in (n_in, n_out))
        parts = _chunk_parts(model, x, y, k)
        first = parts[0][0] * n / len(torch.chunk(x, k)[0])  # chunk 1, not weighted
        seen = []  # model.weight.grad after each backward() that adds to it
        model.weight.register_post_accumulate_grad_hook(
            lambda p, seen=seen: seen.append(p.grad.clone())
        )
        with exercise_case(
            f"nn.Linear({n_in}, {n_out}) on {n} samples, torch.chunk(x, {k}) "
            f"({len(parts)} chunk(s))"
        ):
            result = accumulated_grad(model, x, y, k)
            assert len(seen) == len(parts), (
                f"backward() added to .grad {len(seen)} time(s), expected once per chunk "
                f"({len(parts)}): call backward() on each chunk's loss"
            )
            for i, grad in enumerate(seen):
                total = sum(part[0] for part in parts[: i + 1])
                if i == 0:
                    known = [
                        (
                            total + 1,
                            "the old gradient is still in .grad: clear it once, before the loop",
                        ),
                        *_summed_over_rows(total, n, n_out),
                        (first, "weight each chunk's mean loss by len(chunk) / N"),
                        (
                            first / k,
                            "weight by len(chunk) / N, not 1 / num_chunks: chunks differ in size",
                        ),
                    ]
                else:
                    known = [
                        (
                            parts[i][0],
                            "only this chunk's gradient is left: clear once, before the loop",
                        ),
                        *_summed_over_rows(total, n, n_out),
                    ]
                _name_mistake(grad, total, known, name=f"weight.grad after chunk {i + 1}")
                check_close(
                    grad, total, atol=1e-5, rtol=1e-4, name=f"weight.grad after chunk {i + 1}"
                )
            assert isinstance(result, tuple) and len(result) == 2, "return (weight.grad, bias.grad)"
            for got, j, name in [(result[0], 0, "weight"), (result[1], 1, "bias")]:
                check_close(
                    got,
                    sum(part[j] for part in parts),
                    atol=1e-5,
                    rtol=1e-4,
                    name=f"the returned {name} gradient",
                )
            copies = [g.detach().clone() for g in result]
            model.zero_grad(set_to_none=False)
            assert all(torch.equal(g, c) for g, c in zip(result, copies, strict=True)), (
                "the returned gradients changed when the model's .grad was zeroed: "
                "return copies, .detach().clone()"
            )
    return "accumulated_grad adds one backward() per chunk: 6 cases, uneven chunks too"
