"""Plausible wrong answers for chapter 05's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
import math

import torch
from torch import nn

# The cells keep the notebook's layout, which ruff format would change:
# fmt: off


# %% ch05-scale-solution: stores the factors as a plain tensor: not a registered parameter
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.scale = torch.ones(num_features, requires_grad=True)

    def forward(self, x):
        return x * self.scale


# %% ch05-scale-solution: starts the factors at random values instead of 1
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.scale = nn.Parameter(torch.randn(num_features))

    def forward(self, x):
        return x * self.scale


# %% ch05-scale-solution: starts the factors at zero instead of 1
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.scale = nn.Parameter(torch.zeros(num_features))

    def forward(self, x):
        return x * self.scale


# %% ch05-scale-solution: one factor shared by all features instead of one per feature
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(1))

    def forward(self, x):
        return x * self.scale


# %% ch05-scale-solution: scales the input in place, changing the caller's tensor
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(num_features))

    def forward(self, x):
        x *= self.scale
        return x


# %% ch05-scale-solution: multiplies by scale.data: no gradient reaches the factors
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(num_features))

    def forward(self, x):
        return x * self.scale.data


# %% ch05-scale-solution: a matrix product x @ scale sums the features instead of scaling each
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(num_features))

    def forward(self, x):
        return x @ self.scale


# %% ch05-scale-solution: names the parameter factors instead of scale
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.factors = nn.Parameter(torch.ones(num_features))

    def forward(self, x):
        return x * self.factors


# %% ch05-scale-solution: a frozen parameter (requires_grad=False) is not learnable
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(num_features), requires_grad=False)

    def forward(self, x):
        return x * self.scale


# %% ch05-mlp-solution: keeps the layers in a Python list: nothing is registered [message: nn.ModuleList]
class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = [nn.Linear(n_in, n_out)
                       for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)]

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = torch.relu(x)
        return x


# %% ch05-mlp-solution: applies a ReLU after the last layer too [message: after the last layer]
class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList(
            nn.Linear(n_in, n_out)
            for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)
        )

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return x


# %% ch05-mlp-solution: an nn.Sequential with ReLU modules instead of an nn.ModuleList
class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        modules = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
            modules += [nn.Linear(n_in, n_out), nn.ReLU()]
        self.layers = nn.Sequential(*modules[:-1])

    def forward(self, x):
        return self.layers(x)


# %% ch05-mlp-solution: puts nn.ReLU modules into the ModuleList between the Linear layers [message: not as a module in the list]
class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        modules = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
            modules += [nn.Linear(n_in, n_out), nn.ReLU()]
        self.layers = nn.ModuleList(modules[:-1])

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


# %% ch05-mlp-solution: hard-codes three layers: works for [4, 8, 8, 2] only
class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(sizes[0], sizes[1]),
                                     nn.Linear(sizes[1], sizes[2]),
                                     nn.Linear(sizes[2], sizes[3])])

    def forward(self, x):
        x = torch.relu(self.layers[0](x))
        x = torch.relu(self.layers[1](x))
        return self.layers[2](x)


# %% ch05-mlp-solution: no ReLU at all: the layers collapse into one linear map
class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList(
            nn.Linear(n_in, n_out)
            for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)
        )

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


# %% ch05-mlp-solution: a ReLU before every layer: also on the input, and not after the last
class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList(
            nn.Linear(n_in, n_out)
            for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)
        )

    def forward(self, x):
        for layer in self.layers:
            x = layer(torch.relu(x))
        return x


# %% ch05-mlp-solution: loops over layers[:-1] with a ReLU and forgets to apply the last layer
class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList(
            nn.Linear(n_in, n_out)
            for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)
        )

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = torch.relu(layer(x))
        return x


# %% ch05-mlp-solution: swaps in and out: nn.Linear(n_out, n_in)
class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList(
            nn.Linear(n_out, n_in)
            for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)
        )

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = torch.relu(x)
        return x


# %% ch05-bilinear-solution: one-sided weights: rand() * bound lies in [0, bound], not [-bound, bound]
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.rand(out, in1, in2) * bound)
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-bilinear-solution: starts the bias at zero instead of uniformly in the range
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.zeros(out))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-bilinear-solution: standard-normal bias (randn), outside the range
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.randn(out))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-bilinear-solution: uses 1/sqrt(in2) for the bound: too narrow a range
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in2)
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-bilinear-solution: hard-codes bound = 1 / math.sqrt(3), right only when in1 is 3
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(3)
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-bilinear-solution: forgets the square root: bound = 1 / in1
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / in1
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-bilinear-solution: takes the bound from out instead of in1
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(out)
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-bilinear-solution: normal weights scaled by the bound (randn * bound), not uniform
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.randn(out, in1, in2) * bound)
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-bilinear-solution: stores the bias but forgets to add it in forward [message: lacks the bias]
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2)


# %% ch05-bilinear-solution: stores the weight as [in1, in2, out] instead of [out, in1, in2]
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.empty(in1, in2, out).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,ijk,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-bilinear-solution: calls torch.manual_seed(0) in __init__: every new layer starts the same [message: torch.manual_seed]
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        torch.manual_seed(0)
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-bilinear-solution: fills the Parameters in place without torch.no_grad() [message: torch.no_grad()]
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.empty(out, in1, in2))
        self.bias = nn.Parameter(torch.empty(out))
        self.weight.uniform_(-bound, bound)
        self.bias.uniform_(-bound, bound)

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias
