"""Plausible wrong answers for chapter 07's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
from collections import OrderedDict

import torch
from torch import nn

# The cells keep the notebook's layout, which ruff format would change:
# fmt: off


# %% ch07-ex1-solution: takes the FIRST n_val indices of the permutation for validation
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[n_val:], shuffled[:n_val]


# %% ch07-ex1-solution: slices with [:-n_val], which is empty when n_val is 0
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[:-n_val], shuffled[-n_val:]


# %% ch07-ex1-solution: ignores the generator (uses the global random state)
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n)
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-ex2-solution: computes the loss with autograd on
def evaluate(model, loss_fn, x, y):
    return loss_fn(model(x), y).item()


# %% ch07-ex2-solution: returns the loss tensor instead of a Python float
def evaluate(model, loss_fn, x, y):
    with torch.no_grad():
        return loss_fn(model(x), y)


# %% ch07-ex2-solution: always uses MSE instead of the loss_fn it is given
def evaluate(model, loss_fn, x, y):
    with torch.no_grad():
        return nn.functional.mse_loss(model(x), y).item()


# %% ch07-ex2-solution: switches to model.eval() instead of turning autograd off
def evaluate(model, loss_fn, x, y):
    model.eval()
    return loss_fn(model(x), y).item()


# %% ch07-ex3-solution: names the modules differently (hidden_activation, output)
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('hidden_activation', nn.Tanh()),
        ('output', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-ex3-solution: names the output layer 'output' (the other names right)
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('hidden_activ', nn.Tanh()),
        ('output', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-ex3-solution: no OrderedDict: the modules are named 0, 1, 2
def make_seq_model(hidden_size):
    return nn.Sequential(
        nn.Linear(1, hidden_size), nn.Tanh(), nn.Linear(hidden_size, 1)
    )


# %% ch07-ex3-solution: keeps 13 hidden units whatever hidden_size is
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, 13)),
        ('hidden_activ', nn.Tanh()),
        ('output_linear', nn.Linear(13, 1)),
    ]))
