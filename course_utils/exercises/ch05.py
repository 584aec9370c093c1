"""Chapter 05's exercise checks: custom layers and containers."""

from __future__ import annotations

import math

import torch
from torch import nn

from course_utils.cases import exercise_case
from course_utils.checks import check_close, check_equal, check_num_params, check_shape
from course_utils.exercises import exercise


@exercise("ch05-scale")
def scale(Scale: type[nn.Module], device: torch.device | str = "cpu") -> str:
    """``Scale(n)``: one parameter ``scale`` of shape [n] starting at 1, output ``x * scale``."""
    for n, batch in [(3, 4), (1, 6), (5, 2)]:
        with exercise_case(f"Scale({n}) on a batch of {batch}"):
            layer = Scale(n).to(device)
            names = [name for name, _ in layer.named_parameters()]
            assert names == ["scale"], (
                f"the registered parameters are {names}, expected ['scale']: store the "
                "factors as self.scale = nn.Parameter(...) (a plain tensor is not registered)"
            )
            check_shape(layer.scale, (n,), "self.scale")
            check_equal(layer.scale.detach().cpu(), torch.ones(n), "self.scale at the start")
            x, factors = torch.randn(batch, n).to(device), torch.randn(n).to(device)
            x_before = x.clone()
            with torch.no_grad():
                layer.scale.copy_(factors)
            y = layer(x)
            assert torch.equal(x, x_before), (
                "forward changed its input x in place (x *= ... or x.mul_(...)): "
                "return a new tensor, x * self.scale"
            )
            check_close(y, x * factors, name="the output with random factors")
            assert y.requires_grad, (
                "the output has no gradient path to self.scale: use self.scale itself "
                "(not .data or .detach()) and leave its requires_grad on"
            )
            y.sum().backward()
            check_close(
                layer.scale.grad,
                x.sum(dim=0),
                atol=1e-5,
                name="the gradient of the output's sum with respect to scale",
            )
    return (
        "Scale(n) for n = 3, 1, 5: one parameter 'scale' of shape [n] starting at 1, "
        "output x * scale, gradients reach scale"
    )


def _ref_mlp(
    layers: nn.ModuleList, x: torch.Tensor, relu_last: bool = False, relu: bool = True
) -> torch.Tensor:
    """What the Linear layers compute with a ReLU between them (or the two mistakes)."""
    for i, linear in enumerate(layers):
        x = x @ linear.weight.T + linear.bias
        if relu and (relu_last or i < len(layers) - 1):
            x = x.clamp(min=0)
    return x


def _not_a_module_list(layers: object) -> str:
    if isinstance(layers, list | tuple):
        return (
            "self.layers is a Python list: nn.Module does not look inside it, so "
            "parameters(), state_dict() and .to() miss its layers. Use nn.ModuleList(...)"
        )
    if isinstance(layers, nn.Sequential):
        return (
            "self.layers is an nn.Sequential: use an nn.ModuleList, which only holds the "
            "layers, and apply them in forward with a ReLU in between"
        )
    return f"self.layers should be an nn.ModuleList, got {type(layers).__name__}"


@exercise("ch05-mlp")
def mlp(MLP: type[nn.Module], device: torch.device | str = "cpu") -> str:
    """``MLP(sizes)``: an nn.ModuleList ``layers`` of Linear layers, a ReLU between them."""
    cases = [([4, 8, 8, 2], 16), ([3, 5], 4), ([2, 6, 6, 6, 1], 9)]
    for sizes, batch in cases:
        with exercise_case(f"MLP({sizes}) on a batch of {batch}"):
            model = MLP(list(sizes)).to(device)
            layers = getattr(model, "layers", None)
            assert isinstance(layers, nn.ModuleList), _not_a_module_list(layers)
            kinds = [type(m).__name__ for m in layers]
            assert kinds == ["Linear"] * (len(sizes) - 1), (
                f"self.layers holds {kinds}, expected {len(sizes) - 1} nn.Linear layers "
                "(apply the ReLU in forward, not as a module in the list)"
            )
            pairs = list(zip(sizes[:-1], sizes[1:], strict=True))
            check_equal(
                [(m.in_features, m.out_features) for m in layers],
                pairs,
                "(in_features, out_features) of the layers",
            )
            check_num_params(model, sum(i * o + o for i, o in pairs), "MLP")
            x = torch.randn(batch, sizes[0]).to(device)
            y = check_shape(model(x), (batch, sizes[-1]), "the output")
            with torch.no_grad():
                expected = _ref_mlp(layers, x)
                for wrong, why in [
                    (
                        _ref_mlp(layers, x, relu_last=True),
                        "a ReLU after the last layer as well: leave that one out "
                        "(the outputs may be negative)",
                    ),
                    (
                        _ref_mlp(layers, x, relu=False),
                        "no ReLU between the layers: apply torch.relu (or F.relu) after "
                        "every layer but the last",
                    ),
                ]:
                    assert torch.allclose(wrong, expected, atol=1e-5) or not torch.allclose(
                        y.float(), wrong, atol=1e-5
                    ), f"the output is what an MLP computes with {why}"
            check_close(y, expected, atol=1e-5, name="the output")
    return (
        "MLP for 1, 3 and 4 layers: an nn.ModuleList of the Linear layers, "
        "a ReLU between layers and none after the last"
    )


def _make_bilinear(MyBilinear: type[nn.Module], in1: int, in2: int, out: int) -> nn.Module:
    """``MyBilinear(in1, in2, out)``, with a course message for an in-place Parameter fill."""
    try:
        return MyBilinear(in1, in2, out)
    except RuntimeError as err:
        if "leaf Variable" not in str(err):
            raise
        raise AssertionError(
            "__init__ filled a Parameter in place (like self.weight.uniform_(...)) while "
            "autograd tracks it: wrap the fill in `with torch.no_grad():`, or fill the tensor "
            "before you wrap it in nn.Parameter"
        ) from err


@exercise("ch05-bilinear")
def bilinear(MyBilinear: type[nn.Module], device: torch.device | str = "cpu") -> str:
    """``MyBilinear(in1, in2, out)``: nn.Bilinear's output, uniform start in ±1/sqrt(in1)."""
    for in1, in2, out, batch in [(3, 4, 5, 6), (2, 7, 1, 1), (6, 2, 3, 4)]:
        with exercise_case(f"MyBilinear({in1}, {in2}, {out}) on a batch of {batch}"):
            layer = _make_bilinear(MyBilinear, in1, in2, out).to(device)
            check_shape(layer.weight, (out, in1, in2), "weight")
            check_shape(layer.bias, (out,), "bias")
            check_num_params(layer, out * in1 * in2 + out, "MyBilinear")
            ref = nn.Bilinear(in1, in2, out).to(device)
            with torch.no_grad():
                ref.weight.copy_(layer.weight)
                ref.bias.copy_(layer.bias)
            x1 = torch.randn(batch, in1).to(device)
            x2 = torch.randn(batch, in2).to(device)
            y = layer(x1, x2)
            with torch.no_grad():
                expected = ref(x1, x2)
                no_bias = expected - ref.bias
            bias_matters = not torch.allclose(expected, no_bias, atol=1e-5, rtol=1e-5)
            assert not (
                bias_matters and torch.allclose(y.detach(), no_bias, atol=1e-5, rtol=1e-5)
            ), "the output lacks the bias: forward must add self.bias to the einsum's result"
            check_close(
                y,
                expected,
                atol=1e-5,
                rtol=1e-5,
                name="the output (against nn.Bilinear with the same weight and bias)",
            )
    for in1, in2, out in [(16, 2, 400), (3, 5, 400)]:  # enough values to see the range
        with exercise_case(f"the initial values of MyBilinear({in1}, {in2}, {out})"):
            layer = _make_bilinear(MyBilinear, in1, in2, out)
            # float32(1/sqrt(in1)) can be a hair above the exact bound, and uniform_ can reach it
            bound = torch.tensor(1 / math.sqrt(in1), dtype=torch.float32).item()
            again = _make_bilinear(MyBilinear, in1, in2, out)
            assert not torch.equal(layer.weight, again.weight), (
                "two new layers start with the same weight: draw random values, and do not "
                "call torch.manual_seed in __init__"
            )
            for name in ["weight", "bias"]:
                p = getattr(layer, name).detach()
                assert p.abs().max() <= bound, (
                    f"{name} has values up to {p.abs().max():.6g} in size, outside "
                    f"±1/sqrt(in1) = ±{bound:.6g}: compute the bound from in1"
                )
                assert p.min() < -bound / 2 and p.max() > bound / 2, (
                    f"{name} lies in [{p.min():.4g}, {p.max():.4g}]: it should fill "
                    f"[-{bound:.4g}, {bound:.4g}], uniformly"
                )
                check_close(
                    p.std().item(),
                    bound / math.sqrt(3),
                    rtol=0.15,
                    name=f"the std of {name} (uniform in ±b has std b/sqrt(3))",
                )
    return (
        "MyBilinear: matches nn.Bilinear for three sizes and starts uniform "
        "in ±1/sqrt(in1) (in1 = 16 and 3)"
    )
