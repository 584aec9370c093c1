"""Plausible wrong answers for chapter 07's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
from collections import OrderedDict
from typing import TYPE_CHECKING

import torch
from torch import nn

if TYPE_CHECKING:  # the notebook defines these itself; the stubs only declare them
    seq_model = nn.Sequential()  # section 8's 1-13-1 network
    t_un_val = t_c_val = torch.zeros(2, 1)  # section 2's validation readings

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


# %% ch07-ex1-solution: seeds the global generator with 0 instead of using the one it is given
def split_indices(n, val_fraction, generator):
    torch.manual_seed(0)
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n)
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-ex1-solution: re-seeds the generator it is given, so every split is the same
def split_indices(n, val_fraction, generator):
    generator.manual_seed(0)
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-ex1-solution: rounds the number of validation indices instead of int()
def split_indices(n, val_fraction, generator):
    n_val = round(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-ex1-solution: rounds the number of validation indices up
def split_indices(n, val_fraction, generator):
    import math

    n_val = math.ceil(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-ex1-solution: truncates the training size, int((1 - val_fraction) * n)
def split_indices(n, val_fraction, generator):
    n_train = int((1 - val_fraction) * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[:n_train], shuffled[n_train:]


# %% ch07-ex1-solution: draws two permutations, one for each set (they overlap)
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    train = torch.randperm(n, generator=generator)[: n - n_val]
    val = torch.randperm(n, generator=generator)[n - n_val :]
    return train, val


# %% ch07-ex1-solution: sorts the indices, losing the permutation's order
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[: n - n_val].sort().values, shuffled[n - n_val :].sort().values


# %% ch07-ex1-solution: returns Python lists instead of tensors
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator).tolist()
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-ex1-solution: returns (val_indices, train_indices), the wrong way round
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[n - n_val :], shuffled[: n - n_val]


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


# %% ch07-ex2-solution: evaluates on the notebook's t_un_val and t_c_val, not on x and y
def evaluate(model, loss_fn, x, y):
    with torch.no_grad():
        return loss_fn(model(t_un_val), t_c_val).item()


# %% ch07-ex2-solution: switches autograd off with set_grad_enabled(False) and never back on
def evaluate(model, loss_fn, x, y):
    torch.set_grad_enabled(False)
    return loss_fn(model(x), y).item()


# %% ch07-ex2-solution: detaches the output instead of running the forward pass under no_grad
def evaluate(model, loss_fn, x, y):
    return loss_fn(model(x).detach(), y).item()


# %% ch07-ex2-solution: calls model.forward(x), which skips the model's hooks
def evaluate(model, loss_fn, x, y):
    with torch.no_grad():
        return loss_fn(model.forward(x), y).item()


# %% ch07-ex2-solution: passes the arguments to loss_fn the wrong way round
def evaluate(model, loss_fn, x, y):
    with torch.no_grad():
        return loss_fn(y, model(x)).item()


# %% ch07-ex2-solution: copies the training step, backward() included
def evaluate(model, loss_fn, x, y):
    loss = loss_fn(model(x), y)
    loss.backward()
    return loss.item()


# %% ch07-ex2-solution: forgets the parentheses of torch.no_grad()
def evaluate(model, loss_fn, x, y):
    with torch.no_grad:
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


# %% ch07-ex3-solution: a ReLU where the chapter's network has a tanh
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('hidden_activ', nn.ReLU()),
        ('output_linear', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-ex3-solution: a sigmoid where the chapter's network has a tanh
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('hidden_activ', nn.Sigmoid()),
        ('output_linear', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-ex3-solution: leaves out the activation (two linear layers make one line)
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('output_linear', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-ex3-solution: swaps in and out features of both layers (same parameter count)
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(hidden_size, 1)),
        ('hidden_activ', nn.Tanh()),
        ('output_linear', nn.Linear(1, hidden_size)),
    ]))


# %% ch07-ex3-solution: passes the nn.Tanh class, not an nn.Tanh() module
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('hidden_activ', nn.Tanh),
        ('output_linear', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-ex3-solution: returns the notebook's seq_model whatever hidden_size is
def make_seq_model(hidden_size):
    return seq_model


# %% ch07-ex3-solution: builds each width once and returns that same network on every call
_models = {}


def make_seq_model(hidden_size):
    if hidden_size not in _models:
        _models[hidden_size] = nn.Sequential(OrderedDict([
            ('hidden_linear', nn.Linear(1, hidden_size)),
            ('hidden_activ', nn.Tanh()),
            ('output_linear', nn.Linear(hidden_size, 1)),
        ]))
    return _models[hidden_size]
