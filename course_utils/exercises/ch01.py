"""Chapter 01's exercise checks: nn.Module basics."""

from __future__ import annotations

from collections.abc import Callable

import torch
import torch.nn.functional as F
from torch import nn

from course_utils.cases import exercise_case
from course_utils.checks import check_close, check_equal, check_num_params, check_shape
from course_utils.exercises import exercise

# ---------------------------------------------------------------------------------------------
# Exercise 1: conv_output_size


def _layer_size(size: int, k: int, s: int, p: int, pool: bool) -> int:
    """The side length a real layer gives (zero weights: no random numbers drawn)."""
    x = torch.zeros(1, 1, size, size)
    if pool:
        return F.max_pool2d(x, k, s, p).shape[-1]
    return F.conv2d(x, torch.zeros(1, 1, k, k), stride=s, padding=p).shape[-1]


_BRACKETS = (
    "divides only kernel_size by the stride: `//` is computed before `-` and `+`, so "
    "`size - kernel_size // stride` means `size - (kernel_size // stride)`; put brackets "
    "around everything you subtract before you divide"
)
# what a known mistake returns -> what to tell the learner (named only when the mistake
# reproduces the learner's result on every case)
_SIZE_MISTAKES: list[tuple[Callable[[int, int, int, int], int], str]] = [
    (lambda n, k, s, p: n + 2 * p - k // s + 1, _BRACKETS),
    (lambda n, k, s, p: n - k // s + 1, _BRACKETS + " (and add the padding on both sides)"),
    (
        lambda n, k, s, p: (n - k) // s + 1,
        "leaves out the padding: the layer adds `padding` zeros on each side of the row before the "
        "window slides",
    ),
    (
        lambda n, k, s, p: (n + p - k) // s + 1,
        "pads one side only: the padding goes on both sides of the row",
    ),
    (
        lambda n, k, s, p: (n + 2 * p - k) // s,
        "counts the steps between window positions, not the positions: the first position "
        "needs no step, so add 1",
    ),
    (
        lambda n, k, s, p: (n + 2 * p - k + 1) // s,
        "adds the 1 before dividing by the stride: the first position needs no step, so the "
        "1 comes after the division",
    ),
    (
        lambda n, k, s, p: n + 2 * p - k + 1,
        "ignores the stride: the window moves `stride` pixels at a time",
    ),
    (
        lambda n, k, s, p: -((k - n - 2 * p) // s) + 1,
        "rounds up: a window that would stick out past the padded row is not used, so "
        "round down (//), as the layers do",
    ),
]
_SIZE_CASES = [  # size, kernel_size, stride, padding, pooling?
    (32, 3, 1, 0, False),
    (30, 2, 2, 0, True),
    (13, 2, 2, 0, True),
    (28, 5, 1, 2, False),
    (27, 3, 2, 1, False),
    (9, 3, 3, 1, True),
    (10, 4, 3, 1, False),
    (7, 7, 1, 0, False),
    (20, 6, 4, 0, False),
]


@exercise("ch01-conv-output-size")
def conv_output_size_check(conv_output_size: Callable[..., int]) -> str:
    """``conv_output_size(size, kernel_size, stride=1, padding=0)`` against real layers."""
    results = []  # (case, description, what the learner returned, what the layer gives)
    for n, k, s, p, pool in _SIZE_CASES:
        layer = "max pool" if pool else "convolution"
        description = f"{layer}, size={n}, kernel_size={k}, stride={s}, padding={p}"
        with exercise_case(description):
            got = conv_output_size(n, k, stride=s, padding=p)
            assert not isinstance(got, float), (
                f"returned {got!r}, a float: `/` always gives a float; use `//` (floor "
                "division), which gives an int"
            )
            assert isinstance(got, int) and not isinstance(got, bool), (
                f"returned {got!r} ({type(got).__name__}): return the side length as an int"
            )
        results.append(((n, k, s, p), description, got, _layer_size(n, k, s, p, pool)))
    wrong = [r for r in results if r[2] != r[3]]
    if wrong:
        _, description, got, expected = wrong[0]
        named = [
            why
            for mistake, why in _SIZE_MISTAKES
            if all(mistake(*c) == g for c, _, g, _ in results)
        ]
        with exercise_case(description):
            raise AssertionError(
                f"returned {got}, the layer gives {expected}: "
                + (
                    f"your formula {named[0]}"
                    if named
                    else "count the positions where a window of kernel_size fits along the "
                    "padded row, moving stride pixels at a time"
                )
            )
    with exercise_case("defaults: conv_output_size(32, 3) (stride 1, no padding)"):
        check_equal(
            conv_output_size(32, 3), _layer_size(32, 3, 1, 0, False), "conv_output_size(32, 3)"
        )
    cases = len(results) + 1
    return f"conv_output_size agrees with real convolution and max-pool layers on {cases} cases"


# ---------------------------------------------------------------------------------------------
# Exercise 2: Net28

_NET_SHAPES = {  # Net's layers; fc1 is checked against the flattened 28x28 feature maps
    "conv1.weight": [6, 1, 3, 3],
    "conv1.bias": [6],
    "conv2.weight": [16, 6, 3, 3],
    "conv2.bias": [16],
    "fc1.bias": [120],
    "fc2.weight": [84, 120],
    "fc2.bias": [84],
    "fc3.weight": [10, 84],
    "fc3.bias": [10],
}


def _features(m: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """Net's feature maps for x, flattened, computed with m's convolutions."""
    x = F.max_pool2d(F.relu(F.conv2d(x, m.conv1.weight, m.conv1.bias)), 2)
    x = F.max_pool2d(F.relu(F.conv2d(x, m.conv2.weight, m.conv2.bias)), 2)
    return torch.flatten(x, 1)


def _net_forward(m: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """Net's forward pass, computed with the parameters of model m."""
    x = F.relu(F.linear(_features(m, x), m.fc1.weight, m.fc1.bias))
    x = F.relu(F.linear(x, m.fc2.weight, m.fc2.bias))
    return F.linear(x, m.fc3.weight, m.fc3.bias)


def _check_fc1(net28: nn.Module, names: set[str], device: torch.device | str) -> None:
    """fc1 must be a Linear layer that takes the flattened features of a 28x28 image."""
    fc1 = net28.fc1
    assert isinstance(fc1, nn.Linear), f"self.fc1 is a {type(fc1).__name__}: make it an nn.Linear"
    width = fc1.weight.shape[1]
    if fc1.in_features != width:
        raise AssertionError(
            f"fc1.in_features says {fc1.in_features}, but fc1's weight still takes {width} "
            "features: setting fc1.in_features changes only the number printed, not the "
            "weight. Replace the layer: self.fc1 = nn.Linear(...)"
        )
    with torch.no_grad():
        flat = _features(net28, torch.zeros(1, 1, 28, 28, device=device)).shape[1]
    channels = net28.conv2.weight.shape[0]
    if width == flat:
        return
    extra = sorted(names - set(_NET_SHAPES) - {"fc1.weight"})
    if extra:
        raise AssertionError(
            f"Net28 has new parameters {extra}, and fc1 still takes {width} features: "
            "Net's forward uses self.fc1, so a layer under another name is never called. "
            "Assign the new layer to self.fc1 itself"
        )
    if width == 16 * 6 * 6:
        why = "that is Net's size, for 32x32 images: trace the side length of a 28x28 image"
    elif width * channels == flat:
        why = "that is one feature map's worth: flattening keeps every channel of conv2"
    else:
        why = "trace the side length of a 28x28 image through conv, pool, conv, pool"
    raise AssertionError(
        f"fc1 takes {width} features per image, but the flattened feature maps of a 28x28 "
        f"image are not that many: {why}"
    )


@exercise("ch01-net28")
def net28_check(Net28: type[nn.Module], device: torch.device | str = "cpu") -> str:
    """``Net28``: Net's layers and forward, with fc1 sized for 1x28x28 images."""
    with exercise_case("Net28()'s layers"):
        net28 = Net28()
        assert isinstance(net28, nn.Module), "Net28 should be a subclass of nn.Module (or of Net)"
        net28 = net28.to(device)
        shapes = {name: list(p.shape) for name, p in net28.named_parameters()}
        for name in ("conv1", "conv2", "fc1", "fc2", "fc3"):
            assert f"{name}.weight" in shapes, (
                f"Net28 has no {name}: keep Net's layers conv1, conv2, fc1, fc2, fc3"
            )
        for name, shape in _NET_SHAPES.items():
            hint = " (Net's convolutions have 3x3 kernels)" if name.startswith("conv") else ""
            check_equal(shapes[name], shape, f"the shape of {name}{hint}")
        _check_fc1(net28, set(shapes), device)
    for n in (1, 3, 8):
        with exercise_case(f"Net28 on a batch of {n} random 28x28 images"):
            x28 = torch.randn(n, 1, 28, 28).to(device)
            out28 = check_shape(net28(x28), (n, 10), "Net28's output [N, classes]")
            expected = _net_forward(net28, x28)
            assert not ((out28 >= 0).all() and (expected < 0).any()), (
                "no output score is negative: is there a ReLU (or a softmax) after fc3? "
                "The last layer's scores (logits) go out as they are"
            )
            check_close(
                out28,
                expected,
                atol=1e-5,
                name="Net28's output, against Net's forward (conv1, ReLU, max pool, conv2, "
                "ReLU, max pool, flatten, fc1, ReLU, fc2, ReLU, fc3)",
            )
    return "Net28 keeps Net's layers, sizes fc1 for 28x28 input, and computes Net's forward"


# ---------------------------------------------------------------------------------------------
# Exercise 3: train_linear


def _descent(
    X: torch.Tensor,
    y: torch.Tensor,
    w: float,
    b: float,
    lr: float,
    num_epochs: int,
    accumulate: bool = False,
) -> tuple[list[float], list[float]]:
    """Full-batch gradient descent on the MSE of w * x + b, in float64, without autograd."""
    x, t = X.cpu().double().flatten(), y.cpu().double().flatten()
    losses, gw, gb = [], 0.0, 0.0
    for _ in range(num_epochs):
        err = w * x + b - t
        losses.append((err**2).mean().item())
        gw = (gw if accumulate else 0.0) + 2 * (err * x).mean().item()
        gb = (gb if accumulate else 0.0) + 2 * err.mean().item()
        w, b = w - lr * gw, b - lr * gb
    return losses, [w, b]


def _same(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and torch.allclose(
        torch.tensor(a, dtype=torch.float64),
        torch.tensor(b, dtype=torch.float64),
        rtol=1e-4,
        atol=1e-7,
    )


def _run(train_linear: Callable, X: torch.Tensor, y: torch.Tensor, lr: float, num_epochs: int):
    """Call train_linear; return its model, its losses and the start [w, b] a fresh
    nn.Linear(1, 1) created first thing inside it has (the same random numbers)."""
    state = torch.get_rng_state()
    start = [p.item() for p in nn.Linear(1, 1).parameters()]
    torch.set_rng_state(state)  # train_linear's nn.Linear(1, 1) draws these same numbers
    result = train_linear(X, y, lr, num_epochs)
    assert isinstance(result, tuple) and len(result) == 2, "return two things: model, losses"
    model, losses = result
    assert isinstance(model, nn.Module), (
        f"return the model first, then the losses (the first is a {type(model).__name__})"
    )
    check_num_params(model, 2, "the returned model (an nn.Linear(1, 1))")
    assert isinstance(losses, list), f"return the losses as a list, not a {type(losses).__name__}"
    assert len(losses) == num_epochs, (
        f"{len(losses)} {'loss' if len(losses) == 1 else 'losses'} for num_epochs={num_epochs}: "
        "train for num_epochs epochs and append one loss per epoch"
    )
    assert all(isinstance(v, float) for v in losses), (
        "append loss.item() (a float), not the loss tensor"
    )
    return model, losses, start


def _train_case(train_linear: Callable, X, y, lr: float, num_epochs: int) -> None:
    model, losses, start = _run(train_linear, X, y, lr, num_epochs)
    ref_losses, ref_params = _descent(X, y, *start, lr, num_epochs)
    moves = not _same(ref_losses[:-1], ref_losses[1:])  # lr=0: every loss the same
    if num_epochs > 1 and moves and _same(losses[:-1], ref_losses[1:]):
        raise AssertionError(
            "you record the loss after the update: append the loss that the step computed, "
            "before optimizer.step()"
        )
    if num_epochs and not _same(losses[:1], ref_losses[:1]):
        raise AssertionError(
            f"the first loss is {losses[0]:.6g}, a fresh nn.Linear(1, 1) has {ref_losses[0]:.6g}: "
            "create a new model inside train_linear on every call, and train on X, y"
        )
    acc_losses, _ = _descent(X, y, *start, lr, num_epochs, accumulate=True)
    if num_epochs > 2 and moves and _same(losses, acc_losses):
        raise AssertionError(
            "the gradients add up from step to step: call optimizer.zero_grad() every epoch"
        )
    if num_epochs > 1 and moves and _same(losses, losses[:1] * num_epochs):
        raise AssertionError(
            "the loss never changes: call loss.backward(), then optimizer.step(), in every "
            "epoch, with an optimizer made for this model's parameters"
        )
    hint = " Pass lr to optim.SGD, and take one step per epoch on the whole of X, y."
    try:
        check_close(
            torch.tensor(losses, dtype=torch.float64),
            torch.tensor(ref_losses, dtype=torch.float64),
            rtol=1e-4,
            atol=1e-7,
            name=f"the list of losses (gradient descent with lr={lr})",
        )
        check_close(
            torch.tensor([p.item() for p in model.parameters()]),
            torch.tensor(ref_params),
            rtol=1e-4,
            atol=1e-6,
            name="the trained model's [weight, bias]",
        )
    except AssertionError as err:
        raise AssertionError(f"{err}{hint}") from None


@exercise("ch01-train-linear")
def train_linear_check(train_linear: Callable, device: torch.device | str = "cpu") -> str:
    """``train_linear(X, y, lr, num_epochs)`` against gradient descent computed here."""
    X40 = torch.randn(40, 1)
    y40 = 3 * X40 - 2 + 0.5 * torch.randn(40, 1)
    X9 = 2 * torch.rand(9, 1) + 1
    y9 = -X9 + 4 + 0.3 * torch.randn(9, 1)
    for X, y, lr, num_epochs in [
        (X40, y40, 0.1, 25),
        (X9, y9, 0.03, 7),
        (X40, y40, 0.0, 3),
        (X9, y9, 0.5, 0),
    ]:
        with exercise_case(f"{len(X)} points, lr={lr}, num_epochs={num_epochs}"):
            _train_case(train_linear, X, y, lr, num_epochs)
    with exercise_case("X on another device (PyTorch's data-less 'meta' device), num_epochs=0"):
        X = torch.zeros(5, 1, device="meta")
        model, _, _ = _run(train_linear, X, X, 0.1, 0)
        check_equal(next(model.parameters()).device, X.device, "the model's device (use X's)")
    with exercise_case("y = 3x - 2 exactly, 50 points on `device`, lr=0.1, num_epochs=300"):
        X = torch.linspace(-1, 1, 50, device=device).unsqueeze(1)
        model, _, _ = _run(train_linear, X, 3 * X - 2, 0.1, 300)
        check_equal(next(model.parameters()).device, X.device, "the model's device (use X's)")
        w, b = [p.item() for p in model.parameters()]
        check_close(w, 3.0, atol=1e-3, name="learned weight")
        check_close(b, -2.0, atol=1e-3, name="learned bias")
    return (
        "train_linear matches gradient descent for other data, learning rates (0 too) and "
        "epoch counts (0 too), and recovers y = 3x - 2"
    )
