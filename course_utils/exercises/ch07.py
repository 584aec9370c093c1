"""Chapter 07's exercise checks: a split, an evaluation function, a network of any width."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import torch
from torch import nn

from course_utils.cases import exercise_case
from course_utils.checks import check_close, check_equal, check_num_params, check_shape
from course_utils.exercises import exercise


def _reference_split(n: int, val_fraction: float, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    n_val = int(val_fraction * n)
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    return perm[: n - n_val], perm[n - n_val :]


def _wrong_size(size: int, n: int, frac: float) -> str:
    """Name how the learner's count of validation indices was computed, if we know it."""
    n_val = int(frac * n)
    if size == round(frac * n) and round(frac * n) != n_val and size != math.ceil(frac * n):
        how = "round(val_fraction * n), which rounds to the nearest"
    elif size == round(frac * n) and round(frac * n) != n_val:
        how = "round(val_fraction * n) or math.ceil, which round up"
    elif size == n - int((1 - frac) * n) or size == math.ceil(frac * n):
        how = "math.ceil, or int((1 - val_fraction) * n) for the training set, which round up"
    else:
        how = ""
    return (
        f"the validation set has {size} indices, expected int({frac} * {n}) = {n_val}"
        + (f": you computed n_val as {how}; " if how else ": ")
        + "int() rounds down, so compute n_val = int(val_fraction * n) first"
    )


@exercise("ch07-split")
def split(split_indices: Callable[..., object]) -> str:
    """``split_indices(n, val_fraction, generator)``: the last int(fraction * n) of randperm."""
    for n, frac, seed in [(11, 0.2, 0), (7, 0.5, 2), (7, 0.1, 3), (4, 1.0, 4), (100, 0.25, 1)]:
        with exercise_case(f"split_indices({n}, {frac}, a generator seeded with {seed})"):
            result = split_indices(n, frac, torch.Generator().manual_seed(seed))
            assert isinstance(result, tuple) and len(result) == 2, (
                f"return a tuple (train_indices, val_indices), got {type(result).__name__}"
            )
            tr, va = result
            assert isinstance(tr, torch.Tensor) and isinstance(va, torch.Tensor), (
                "return two tensors, slices of the permutation (not lists)"
            )
            ref_tr, ref_va = _reference_split(n, frac, seed)
            perm = torch.cat([ref_tr, ref_va])
            assert not (len(ref_va) == 0 and len(tr) == 0), (
                "n_val is 0 and the training set is empty: [:-0] is [:0]; "
                "slice with [:n - n_val] and [n - n_val:]"
            )
            swapped = torch.equal(tr, ref_va) and torch.equal(va, ref_tr)
            assert not swapped or torch.equal(ref_tr, ref_va), (
                "you returned (val_indices, train_indices): return (train, val)"
            )
            assert len(va) == len(ref_va), _wrong_size(len(va), n, frac)
            first = torch.equal(va, perm[: len(ref_va)])
            assert not first or torch.equal(va, ref_va), (
                "the validation indices are the FIRST n_val of the permutation: take the LAST "
                "n_val, perm[n - n_val:], and the others for training"
            )
            check_equal(
                va,
                ref_va,
                "validation indices (the LAST n_val of torch.randperm(n, generator=generator))",
            )
            check_equal(tr, ref_tr, "training indices (the others, in the permutation's order)")
    with exercise_case("two splits drawn one after the other from the same generator"):
        g = torch.Generator().manual_seed(5)
        g_ref = torch.Generator().manual_seed(5)
        for draw in ("first", "second"):
            n_val = int(0.3 * 10)
            expected = torch.randperm(10, generator=g_ref)[10 - n_val :]
            check_equal(
                split_indices(10, 0.3, g)[1],
                expected,
                f"validation indices of the {draw} split (draw from the generator "
                "you are given; do not re-seed it)",
            )
    return (
        "split_indices: the last int(val_fraction * n) indices of randperm for validation, "
        "the rest for training, for 5 sizes and fractions (n_val = 0 included) and 6 generators"
    )


def _halved_gap(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """A loss that is not symmetric: loss(target, pred) gives another value."""
    return (pred - 0.5 * target).abs().mean()


@exercise("ch07-evaluate")
def evaluate(evaluate: Callable[..., object], device: torch.device | str = "cpu") -> str:
    """``evaluate(model, loss_fn, x, y)``: a float, in eval mode, without autograd."""
    cases = [
        ((1, 3, 1), 5, nn.MSELoss(), "nn.MSELoss()", True),
        ((2, 4, 1), 7, nn.L1Loss(), "nn.L1Loss()", True),
        ((3, 6, 2), 4, nn.MSELoss(reduction="sum"), 'nn.MSELoss(reduction="sum")', False),
        ((1, 8, 1), 3, _halved_gap, "a loss_fn(pred, target) that is not symmetric", True),
    ]
    for sizes, batch, fn, fn_name, training in cases:
        mode = "training" if training else "evaluation"
        model = nn.Sequential(
            nn.Linear(sizes[0], sizes[1]), nn.Tanh(), nn.Linear(sizes[1], sizes[2])
        ).to(device)
        model.train(training)
        x = torch.randn(batch, sizes[0]).to(device)
        y = torch.randn(batch, sizes[2]).to(device)
        seen = []  # (autograd on?, training mode?) at every forward pass of the model
        model.register_forward_hook(
            lambda module, *_, seen=seen: seen.append((torch.is_grad_enabled(), module.training))
        )
        description = f"a {sizes} network in {mode} mode, a fresh batch of {batch}, {fn_name}"
        with exercise_case(description):
            result = evaluate(model, fn, x, y)
            calls = list(seen)  # before the check's own forward passes below
            assert calls, (
                "the model's forward hook never ran: call the model as "
                "model(x), not model.forward(x), on the x you are given"
            )
            assert all(p.grad is None for p in model.parameters()), (
                "evaluate computed gradients: it should not call backward()"
            )
            assert not any(grad for grad, _ in calls), (
                "run the forward pass inside `with torch.no_grad():`"
            )
            assert isinstance(result, float), (
                f"return a Python float (loss.item()), got {type(result).__name__}"
            )
            with torch.no_grad():
                pred = model(x)
                expected = fn(pred, y).item()
                mse = nn.functional.mse_loss(pred, y).item()
                reversed_args = fn(y, pred).item()
            if not math.isclose(mse, expected, rel_tol=1e-4):
                assert not math.isclose(result, mse, rel_tol=1e-4, abs_tol=1e-6), (
                    f"evaluate returned the mean squared error, not {fn_name}'s value: "
                    "use the loss_fn argument instead of a hard-coded nn.MSELoss()"
                )
            if not math.isclose(reversed_args, expected, rel_tol=1e-4):
                assert not math.isclose(result, reversed_args, rel_tol=1e-4, abs_tol=1e-6), (
                    "you called loss_fn(y, model(x)): the prediction comes first, "
                    "loss_fn(model(x), y)"
                )
            check_close(
                result,
                expected,
                atol=1e-6,
                rtol=1e-5,
                name="the loss loss_fn(model(x), y) on the arguments",
            )
            assert not any(train for _, train in calls), (
                "the forward pass ran in training mode: call model.eval() before it"
            )
            assert model.training == training, (
                f"the model came in {mode} mode and left in "
                f"{'training' if model.training else 'evaluation'} mode: "
                "note model.training before model.eval() and restore it at the end "
                "(model.train(was_training))"
            )
    return (
        "evaluate returns loss_fn(model(x), y) as a float, in evaluation mode and without "
        "autograd, and leaves the model's mode as it was, for 4 models and loss functions"
    )


_NOT_A_MODULE = re.compile(r"([\w.]+) is not a Module subclass")


@exercise("ch07-seq-model")
def seq_model(
    make_seq_model: Callable[[int], nn.Module], device: torch.device | str = "cpu"
) -> str:
    """``make_seq_model(h)``: a new named Linear(1, h) -> Tanh -> Linear(h, 1)."""
    names_expected = ["hidden_linear", "hidden_activ", "output_linear"]
    for h in (1, 5, 13, 64):
        with exercise_case(f"make_seq_model({h})"):
            try:
                model = make_seq_model(h)
            except TypeError as err:
                found = _NOT_A_MODULE.search(str(err))
                if not found:
                    raise
                name = found.group(1).rsplit(".", 1)[-1]
                raise AssertionError(
                    f"nn.Sequential was given the class nn.{name}, not a module: "
                    f"create the module with parentheses, nn.{name}()"
                ) from None
            assert isinstance(model, nn.Sequential), (
                f"return an nn.Sequential, got {type(model).__name__}"
            )
            model = model.to(device)
            check_equal(
                [name for name, _ in model.named_children()],
                names_expected,
                "module names, in order,",
            )
            check_num_params(model, 3 * h + 1, f"make_seq_model({h})")
            for name, shape in [("hidden_linear", (h, 1)), ("output_linear", (1, h))]:
                layer = getattr(model, name)
                assert isinstance(layer, nn.Linear), f"{name} should be an nn.Linear"
                check_equal(tuple(layer.weight.shape), shape, f"{name}.weight.shape")
            x = torch.linspace(-3, 3, 7).unsqueeze(1).to(device)  # a batch of 7
            with torch.no_grad():
                out = model(x)
                expected = model.output_linear(torch.tanh(model.hidden_linear(x)))
            check_shape(out, (7, 1), "output for a batch of 7")
            check_close(out, expected, atol=1e-5, name="output (is hidden_activ an nn.Tanh?)")
    with exercise_case("make_seq_model(5) called twice"):
        first, second = make_seq_model(5), make_seq_model(5)
        assert first is not second and first.hidden_linear is not second.hidden_linear, (
            "each call should build a new network (create the modules inside the function)"
        )
    return (
        "make_seq_model builds a new, named Linear -> Tanh -> Linear network "
        "with 3h + 1 parameters, for 4 widths"
    )
