"""Chapter 05's exercise checks: custom layers and containers."""

from __future__ import annotations

import torch
from torch import nn

from course_utils.cases import exercise_case
from course_utils.checks import check_close, check_equal, check_shape
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
