"""Chapter 04's exercise checks: an SGD step, backward with a gradient argument, classify."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator

import torch
from torch import nn, optim

from course_utils.cases import exercise_case
from course_utils.checks import check_close, check_equal, check_shape
from course_utils.data import FASHION_CLASSES
from course_utils.exercises import exercise


class _OneShot:
    """The parameters as one pass of an iterator, like ``net.parameters()``.

    Records whether the learner's code asked for more after the pass was over
    (a second ``for`` over the same iterator, which sees nothing).
    """

    def __init__(self, items: Iterable[torch.Tensor]) -> None:
        self._items = iter(list(items))
        self.finished = self.reused = False

    def __iter__(self) -> Iterator[torch.Tensor]:
        return self

    def __next__(self) -> torch.Tensor:
        if self.finished:
            self.reused = True
            raise StopIteration
        try:
            return next(self._items)
        except StopIteration:
            self.finished = True
            raise


def _leaf_error(err: RuntimeError) -> bool:
    return "leaf Variable that requires grad" in str(err)


@exercise("ch04-sgd-step")
def sgd_step(sgd_step: Callable, device: torch.device | str = "cpu") -> str:
    """``sgd_step(params, lr)``: ``p -= lr * p.grad`` in place for every p with a grad."""
    for lr, frozen in [(0.1, False), (0.5, True), (1e-3, False)]:
        case = f"sgd_step(params, lr={lr})" + (", a frozen bias (.grad None)" if frozen else "")
        with exercise_case(case):
            net_a = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(32, 3)).to(device)
            net_a[2].bias.requires_grad_(not frozen)
            net_b, x = copy.deepcopy(net_a), torch.randn(4, 1, 6, 6).to(device)
            for m in (net_a, net_b):
                m(x).square().sum().backward()
            before = [p.detach().clone() for p in net_a.parameters()]
            grads = [None if p.grad is None else p.grad.clone() for p in net_a.parameters()]
            pending = net_a[2].weight.square().sum()  # a graph that saved the weight
            params = _OneShot(net_a.parameters())  # one pass only, like net.parameters()
            try:
                sgd_step(params, lr)
            except RuntimeError as err:
                if _leaf_error(err):
                    raise AssertionError(
                        "the in-place update ran while autograd was recording, and PyTorch "
                        "refuses to change a leaf that requires grad in place: put the loop "
                        "inside `with torch.no_grad():`"
                    ) from err
                raise
            optim.SGD(net_b.parameters(), lr=lr).step()
            moved = [
                (p.detach() - p0)
                for p, p0, g in zip(net_a.parameters(), before, grads, strict=True)
                if g is not None
            ]
            steps = [lr * g for g in grads if g is not None]
            still = [torch.equal(m, torch.zeros_like(m)) for m in moved]
            grads_changed = any(
                not torch.equal(p.grad, g)
                for p, g in zip(net_a.parameters(), grads, strict=True)
                if g is not None and p.grad is not None
            )
            if all(still) and grads_changed:
                raise AssertionError(
                    "the parameters did not move but their .grad did: the step changes "
                    "each parameter p itself, by an amount computed from p.grad"
                )
            if all(still):
                if params.reused:
                    raise AssertionError(
                        "no parameter moved, and your code went through params a second time "
                        "after the first pass had used it up: params can be an iterator "
                        "(net.parameters() is a generator), which yields its items once. "
                        "Make one pass over it (or turn it into a list first)"
                    )
                raise AssertionError(
                    "no parameter moved: an assignment such as `p = p - lr * p.grad` makes a "
                    "new tensor and only rebinds the loop variable p. Change each parameter "
                    "itself, in place"
                )
            if any(still):
                raise AssertionError(
                    f"only {still.count(False)} of the {len(still)} parameters with a .grad "
                    "moved: does a return or break end the loop early?"
                )
            if all(torch.allclose(m, s, atol=1e-6) for m, s in zip(moved, steps, strict=True)):
                raise AssertionError(
                    "every parameter moved by +lr * grad, up the gradient, which makes the "
                    "loss grow: a descent step goes against the gradient"
                )
            dot = sum((m * g).sum() for m, g in zip(moved, steps, strict=True))
            factor = float(-dot / sum((g * g).sum() for g in steps))
            if (
                factor > 0
                and abs(factor - 1) > 1e-3
                and all(
                    torch.allclose(m, -factor * s, atol=1e-6, rtol=1e-4)
                    for m, s in zip(moved, steps, strict=True)
                )
            ):
                raise AssertionError(
                    f"every parameter moved by -{factor * lr:.3g} * grad, not by -lr * grad "
                    f"with lr = {lr}: use the lr argument"
                )
            for (name, p), q, g in zip(
                net_a.named_parameters(), net_b.parameters(), grads, strict=True
            ):
                check_close(p, q, atol=1e-6, rtol=1e-6, name=f"{name} after the step")
                same = g is None if p.grad is None else g is not None and torch.equal(p.grad, g)
                assert same, f"it changed {name}.grad: leave the gradients to zero_grad()"
            try:
                pending.backward()  # must fail: the weight changed since the graph saved it
                seen = False
            except RuntimeError:
                seen = True
            assert seen, (
                "autograd did not see the update: was it made through .data? "
                "Update p itself, in place, under torch.no_grad()."
            )
    return "sgd_step matches optim.SGD for 3 learning rates, and autograd sees the update"


@exercise("ch04-as-scalar")
def as_scalar(as_scalar: Callable, device: torch.device | str = "cpu") -> str:
    """``as_scalar(out, v)``: a scalar with the gradients of ``out.backward(v)``."""
    for shape in [(1, 10), (3, 10), (2, 5, 4), (7,)]:
        with exercise_case(f"as_scalar(out, v) for out and v of shape {list(shape)}"):
            w = torch.randn(shape).to(device).requires_grad_()
            out = 2 * torch.tanh(w)  # an output that depends on w, as out on net's weights
            v = torch.randn(shape).to(device)
            out.backward(v, retain_graph=True)
            expected, w.grad = w.grad.clone(), None
            out.backward(torch.ones_like(out), retain_graph=True)
            unweighted, w.grad = w.grad.clone(), None
            try:
                scalar = as_scalar(out, v)
            except RuntimeError as err:
                if "1D tensors expected" in str(err):
                    raise AssertionError(
                        f"torch.dot takes two 1-D tensors only, and out and v here have shape "
                        f"{list(shape)}: find a way that works for tensors of any shape"
                    ) from err
                raise
            if w.grad is not None:
                raise AssertionError(
                    "as_scalar ran backward itself (w.grad was filled before the check called "
                    "backward on the result): only build the scalar and return it"
                )
            assert isinstance(scalar, torch.Tensor), (
                f"it returned {type(scalar).__name__}, not a tensor: a Python number "
                "(from .item()) has no backward"
            )
            check_equal(scalar.dim(), 0, "the number of dimensions of as_scalar(out, v)")
            assert scalar.grad_fn is not None, (
                "it is cut off from the graph: no detach(), .item() or torch.no_grad()"
            )
            scalar.backward()
            if torch.allclose(w.grad, unweighted, atol=1e-6):
                raise AssertionError(
                    "the gradients are those of out.sum(), every output weighed by 1: v is "
                    "ignored (or added, which changes no gradient). Each output's gradient "
                    "must be weighed by its element of v"
                )
            averaged = torch.allclose(w.grad * out.numel(), expected)
            assert not averaged, "that averages over the outputs: sum them instead"
            check_close(w.grad, expected, atol=1e-6, name="the gradient from as_scalar(out, v)")
    return "as_scalar(out, v).backward() matches out.backward(v) for 4 shapes"


class _StandIn(nn.Module):
    """A model that records the batch it gets and always predicts class ``k``."""

    def __init__(self, k: int) -> None:
        super().__init__()
        self.k, self.batch, self.grad_enabled = k, None, None

    def forward(self, batch: torch.Tensor) -> torch.Tensor:
        self.batch, self.grad_enabled = batch, torch.is_grad_enabled()
        scores = -(torch.arange(10.0, device=batch.device) - self.k).abs()
        return scores.expand(len(batch), 10)


@exercise("ch04-classify")
def classify(classify: Callable, prepare: Callable, device: torch.device | str = "cpu") -> str:
    """``classify(model, image)``: prepare one raw image, run the model, name the class."""
    images = [
        (0, torch.rand(28, 28)),
        (9, torch.rand(28, 28)),
        (3, torch.zeros(28, 28)),
        (6, torch.ones(28, 28)),
    ]
    for k, image in images:
        image, stand_in = image.to(device), _StandIn(k)
        with exercise_case(f"classify(model, image) for a model that predicts class {k}"):
            given = image.clone()
            try:
                got = classify(stand_in, given)
            except (RuntimeError, TypeError) as err:
                text = str(err)
                if "cannot be converted to Scalar" in text or "single element" in text:
                    raise AssertionError(
                        "your code took one number (.item() or a list index) from a tensor of "
                        "10: the scores are [1, 10], one row per image, so argmax(dim=0) runs "
                        "down the batch dimension and gives 10 indices. Take the argmax "
                        "across the classes, the dimension of size 10"
                    ) from err
                raise
            assert given.shape == image.shape and torch.equal(given, image), (
                "classify changed the image it was given: no in-place operations on it"
            )
            assert stand_in.batch is not None, "classify never called the model it was given"
            check_shape(stand_in.batch, (1, 1, 32, 32), "the batch classify gave the model")
            check_close(
                stand_in.batch,
                prepare(image.reshape(1, 1, 28, 28)),
                atol=1e-6,
                name="the prepared batch (pad, then standardise, as prepare does)",
            )
            assert not stand_in.grad_enabled, "run the model under torch.no_grad()"
            check_equal(got, FASHION_CLASSES[k], "the predicted class name")
    return "classify prepares images like the training data and names the predicted class"
