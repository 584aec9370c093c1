"""Chapter 03's exercise checks: layer by layer."""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import nn

from course_utils.cases import exercise_case
from course_utils.checks import check_close, check_equal, check_num_params, check_shape
from course_utils.exercises import exercise


def _ref_count(sizes: list[int]) -> int:
    """The parameters of real Linear layers on the "meta" device: shapes, no numbers."""
    pairs = zip(sizes[:-1], sizes[1:], strict=True)
    layers = [nn.Linear(n_in, n_out, device="meta") for n_in, n_out in pairs]
    return sum(p.numel() for layer in layers for p in layer.parameters())


@exercise("ch03-count-params")
def count_params(count_linear_params: Callable[[list[int]], int]) -> str:
    """``count_linear_params(sizes)``: the parameters of a stack of Linear layers."""
    cases = [[784, 512, 512, 10], [3 * 28 * 28, 20, 10], [5, 3], [3, 5], [10, 7, 7, 2], [1, 13, 1]]
    cases.append([4, 6, 6, 6, 6, 2])
    for sizes in cases:
        with exercise_case(f"count_linear_params({sizes})"):
            got = count_linear_params(list(sizes))
            weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
            assert got != weights, "that counts only the weights: add each layer's biases"
            check_equal(got, _ref_count(sizes), "the count (in x out weights + out biases a layer)")
    return f"count_linear_params matches stacks of real Linear layers of {len(cases)} sizes"


def _ref_forward(x: torch.Tensor, linears: list[nn.Linear]) -> torch.Tensor:
    """What Flatten, Linear, ReLU, ..., Linear must compute."""
    x = x.flatten(1)
    for k, layer in enumerate(linears):
        x = x @ layer.weight.T + layer.bias
        x = x.clamp(min=0) if k < len(linears) - 1 else x
    return x


def _not_a_module(err: TypeError) -> str | None:
    """A course message for nn.Sequential's "... is not a Module subclass", else None."""
    text = str(err)
    if "is not a Module subclass" not in text:
        return None
    what = text.split(" is not a Module subclass")[0]
    if what == "list":
        return (
            "nn.Sequential was given a Python list (nn.Sequential(layers)): it takes the "
            "modules themselves as arguments; unpack the list with nn.Sequential(*layers)"
        )
    if what.startswith("torch.nn."):
        name = what.rsplit(".", 1)[-1]
        return (
            f"nn.Sequential was given the class nn.{name}, not a layer: a class without () "
            f"is not a module; create one with nn.{name}()"
        )
    return f"nn.Sequential was given a {what}, which is not a module: give it layers"


@exercise("ch03-make-mlp")
def make_mlp(make_mlp: Callable[[list[int]], nn.Module], device: torch.device | str = "cpu") -> str:
    """``make_mlp(sizes)``: Flatten, then Linear + ReLU, ..., and a last Linear."""
    cases = [
        ([784, 512, 512, 10], (1, 28, 28)),
        ([12, 5, 3], (3, 2, 2)),
        ([6, 4], (6,)),
        ([8, 7, 6, 5, 4], (2, 4)),
    ]
    for sizes, image in cases:
        with exercise_case(f"make_mlp({sizes})"):
            try:
                mlp = make_mlp(list(sizes))
            except TypeError as err:
                message = _not_a_module(err)
                if message is None:
                    raise
                raise AssertionError(message) from err
            assert isinstance(mlp, nn.Sequential), (
                f"it returned a {type(mlp).__name__}, not nn.Sequential: "
                "return nn.Sequential(*layers)"
            )
            pairs = list(zip(sizes[:-1], sizes[1:], strict=True))
            kinds = ["Flatten"] + ["Linear", "ReLU"] * (len(pairs) - 1) + ["Linear"]
            got = [type(m).__name__ for m in mlp]
            assert got[-1:] != ["Softmax"], (
                "it ends with nn.Softmax: return the logits (the last Linear layer's output); "
                "softmax is for when you want probabilities"
            )
            assert got[-1:] != ["ReLU"], (
                "a ReLU after the last Linear layer: the logits must keep their negative "
                "values, so leave that one out"
            )
            assert got[:1] == ["Flatten"], "start with nn.Flatten(), which turns images into rows"
            check_equal(got, kinds, "its layers")
            linears = [m for m in mlp.to(device) if isinstance(m, nn.Linear)]
            check_equal([(m.in_features, m.out_features) for m in linears], pairs, "(in, out)")
            check_num_params(mlp, sum(a * b + b for a, b in pairs), f"make_mlp({sizes})")
            x = torch.rand(5, *image).to(device)
            check_close(mlp(x), _ref_forward(x, linears), atol=1e-5, name="its output")
    return f"make_mlp builds Flatten, Linear + ReLU, ..., Linear for {len(cases)} lists of sizes"


class _WatchReductions(torch.overrides.TorchFunctionMode):
    """Sees every torch call: refuses torch's softmax, notes max and sum without keepdim."""

    def __init__(self) -> None:
        super().__init__()
        self.without_keepdim: set[str] = set()

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        name = getattr(func, "__name__", "")
        if name in {"softmax", "log_softmax", "special_softmax"}:
            raise AssertionError(f"it calls torch's {name}: use exp, sum and max")
        if name in {"max", "amax", "sum"}:
            dim = kwargs.get("dim", args[1] if len(args) > 1 else None)
            keepdim = kwargs.get("keepdim", args[2] if len(args) > 2 else False)
            if dim is not None and not isinstance(dim, torch.Tensor) and not keepdim:
                self.without_keepdim.add("max" if name == "amax" else name)
        return func(*args, **kwargs)


def _reduction_mistake(watch: _WatchReductions, err: Exception | None) -> str | None:
    """Name the mistake behind a failure, from what the learner's code called."""
    if isinstance(err, TypeError) and "return_types.max" in str(err):
        return (
            "logits.max(dim=1, ...) returns a pair (values, indices), which cannot be "
            "subtracted from a tensor: take its .values"
        )
    if "max" in watch.without_keepdim:
        return (
            "the row maxima were taken without keepdim=True: their shape [N] lines up with "
            "the columns of [N, C], not the rows; use max(dim=1, keepdim=True)"
        )
    if "sum" in watch.without_keepdim:
        return (
            "the row sums were taken without keepdim=True: their shape [N] lines up with "
            "the columns of [N, C], not the rows; use sum(dim=1, keepdim=True)"
        )
    return None


@exercise("ch03-softmax-rows")
def softmax_rows(
    softmax_rows: Callable[[torch.Tensor], torch.Tensor], device: torch.device | str = "cpu"
) -> str:
    """``softmax_rows(logits)``: torch.softmax(logits, dim=1) from exp, sum and max."""
    cases = [
        ("a [4, 7] batch", torch.randn(4, 7) * 5),
        ("a square [5, 5] batch", torch.randn(5, 5) * 3),
        ("one image, [1, 10]", torch.randn(1, 10)),
        ("one class, [3, 1]", torch.randn(3, 1)),
        ("logits of ±1000", torch.tensor([[1e3, 0, -5], [0, -1e3, 3]])),
        ("logits near -1000", torch.tensor([[-1e3, -1001, -1003]])),
    ]
    for what, cpu_logits in cases:
        logits = cpu_logits.to(device)
        saved = logits.clone()
        with exercise_case(f"softmax_rows on {what}"):
            watch = _WatchReductions()
            try:
                with watch:
                    ours = softmax_rows(logits)
            except (TypeError, RuntimeError) as err:
                message = _reduction_mistake(watch, err)
                if message is None:
                    raise
                raise AssertionError(message) from err
            assert torch.equal(logits, saved), (
                "it changed the logits it was given: write x = x - m, not x -= m (in place)"
            )
            check_shape(ours, tuple(logits.shape), "softmax_rows output")
            assert torch.isfinite(ours).all(), "inf or nan: subtract each row's maximum before exp"
            expected = torch.softmax(logits, dim=1)
            if not torch.allclose(ours, expected, atol=1e-6, rtol=0):
                message = _reduction_mistake(watch, None)
                assert message is None, message
            check_close(ours, expected, atol=1e-6, name="softmax_rows")
    return f"softmax_rows matches torch.softmax(dim=1) on {len(cases)} batches, even for ±1000"
