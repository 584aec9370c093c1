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


# %% ch05-ex1-solution: stores the factors as a plain tensor: not a registered parameter
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.scale = torch.ones(num_features, requires_grad=True)

    def forward(self, x):
        return x * self.scale


# %% ch05-ex1-solution: starts the factors at random values instead of 1
class Scale(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.scale = nn.Parameter(torch.randn(num_features))

    def forward(self, x):
        return x * self.scale


# %% ch05-ex2-solution: keeps the layers in a Python list: nothing is registered
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


# %% ch05-ex2-solution: applies a ReLU after the last layer too
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


# %% ch05-ex3-solution: one-sided weights: rand() * bound lies in [0, bound], not [-bound, bound]
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.rand(out, in1, in2) * bound)
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-ex3-solution: starts the bias at zero instead of uniformly in the range
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.zeros(out))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-ex3-solution: standard-normal bias (randn), outside the range
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in1)
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.randn(out))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias


# %% ch05-ex3-solution: uses 1/sqrt(in2) for the bound: too narrow a range
class MyBilinear(nn.Module):
    def __init__(self, in1, in2, out):
        super().__init__()
        bound = 1 / math.sqrt(in2)
        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))

    def forward(self, x1, x2):
        return torch.einsum("ni,kij,nj->nk", x1, self.weight, x2) + self.bias
