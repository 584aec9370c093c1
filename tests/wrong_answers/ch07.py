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


# %% ch07-split-solution: takes the FIRST n_val indices of the permutation for validation [message: LAST]
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[n_val:], shuffled[:n_val]


# %% ch07-split-solution: slices with [:-n_val], which is empty when n_val is 0 [message: [:-0]]
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[:-n_val], shuffled[-n_val:]


# %% ch07-split-solution: ignores the generator (uses the global random state)
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n)
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-split-solution: seeds the global generator with 0 instead of using the one it is given
def split_indices(n, val_fraction, generator):
    torch.manual_seed(0)
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n)
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-split-solution: re-seeds the generator it is given, so every split is the same
def split_indices(n, val_fraction, generator):
    generator.manual_seed(0)
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-split-solution: rounds the number of validation indices instead of int() [message: round(val_fraction * n)]
def split_indices(n, val_fraction, generator):
    n_val = round(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-split-solution: rounds the number of validation indices up [message: round up]
def split_indices(n, val_fraction, generator):
    import math

    n_val = math.ceil(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-split-solution: truncates the training size, int((1 - val_fraction) * n)
def split_indices(n, val_fraction, generator):
    n_train = int((1 - val_fraction) * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[:n_train], shuffled[n_train:]


# %% ch07-split-solution: draws two permutations, one for each set (they overlap)
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    train = torch.randperm(n, generator=generator)[: n - n_val]
    val = torch.randperm(n, generator=generator)[n - n_val :]
    return train, val


# %% ch07-split-solution: sorts the indices, losing the permutation's order
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[: n - n_val].sort().values, shuffled[n - n_val :].sort().values


# %% ch07-split-solution: returns Python lists instead of tensors
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator).tolist()
    return shuffled[: n - n_val], shuffled[n - n_val :]


# %% ch07-split-solution: returns (val_indices, train_indices), the wrong way round [message: return (train, val)]
def split_indices(n, val_fraction, generator):
    n_val = int(val_fraction * n)
    shuffled = torch.randperm(n, generator=generator)
    return shuffled[n - n_val :], shuffled[: n - n_val]


# %% ch07-evaluate-solution: computes the loss with autograd on [message: torch.no_grad()]
def evaluate(model, loss_fn, x, y):
    return loss_fn(model(x), y).item()


# %% ch07-evaluate-solution: returns the loss tensor instead of a Python float [message: Python float]
def evaluate(model, loss_fn, x, y):
    with torch.no_grad():
        return loss_fn(model(x), y)


# %% ch07-evaluate-solution: always uses MSE instead of the loss_fn it is given [message: loss_fn argument]
def evaluate(model, loss_fn, x, y):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        loss = nn.functional.mse_loss(model(x), y).item()
    model.train(was_training)
    return loss


# %% ch07-evaluate-solution: switches to model.eval() instead of turning autograd off
def evaluate(model, loss_fn, x, y):
    model.eval()
    return loss_fn(model(x), y).item()


# %% ch07-evaluate-solution: evaluates on the notebook's t_un_val and t_c_val, not on x and y
def evaluate(model, loss_fn, x, y):
    with torch.no_grad():
        return loss_fn(model(t_un_val), t_c_val).item()


# %% ch07-evaluate-solution: switches autograd off with set_grad_enabled(False) and never back on
def evaluate(model, loss_fn, x, y):
    torch.set_grad_enabled(False)
    return loss_fn(model(x), y).item()


# %% ch07-evaluate-solution: detaches the output instead of running the forward pass under no_grad
def evaluate(model, loss_fn, x, y):
    return loss_fn(model(x).detach(), y).item()


# %% ch07-evaluate-solution: calls model.forward(x), which skips the model's hooks [message: model.forward(x)]
def evaluate(model, loss_fn, x, y):
    with torch.no_grad():
        return loss_fn(model.forward(x), y).item()


# %% ch07-evaluate-solution: passes the arguments to loss_fn the wrong way round [message: prediction comes first]
def evaluate(model, loss_fn, x, y):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        loss = loss_fn(y, model(x)).item()
    model.train(was_training)
    return loss


# %% ch07-evaluate-solution: copies the training step, backward() included
def evaluate(model, loss_fn, x, y):
    loss = loss_fn(model(x), y)
    loss.backward()
    return loss.item()


# %% ch07-evaluate-solution: forgets the parentheses of torch.no_grad()
def evaluate(model, loss_fn, x, y):
    with torch.no_grad:
        return loss_fn(model(x), y).item()


# %% ch07-evaluate-solution: a hard-coded nn.MSELoss() instead of the loss_fn argument [message: hard-coded nn.MSELoss()]
def evaluate(model, loss_fn, x, y):
    model.eval()
    with torch.no_grad():
        loss = nn.MSELoss()(model(x), y).item()
    model.train()
    return loss


# %% ch07-evaluate-solution: calls model.eval() and never switches back [message: left in evaluation mode]
def evaluate(model, loss_fn, x, y):
    model.eval()
    with torch.no_grad():
        return loss_fn(model(x), y).item()


# %% ch07-evaluate-solution: switches back with model.train() whatever mode the model came in [message: came in evaluation mode]
def evaluate(model, loss_fn, x, y):
    model.eval()
    with torch.no_grad():
        loss = loss_fn(model(x), y).item()
    model.train()
    return loss


# %% ch07-evaluate-solution: runs the forward pass in training mode (no model.eval()) [message: model.eval()]
def evaluate(model, loss_fn, x, y):
    with torch.no_grad():
        return loss_fn(model(x), y).item()


# %% ch07-seq-model-solution: names the modules differently (hidden_activation, output)
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('hidden_activation', nn.Tanh()),
        ('output', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-seq-model-solution: names the output layer 'output' (the other names right)
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('hidden_activ', nn.Tanh()),
        ('output', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-seq-model-solution: no OrderedDict: the modules are named 0, 1, 2
def make_seq_model(hidden_size):
    return nn.Sequential(
        nn.Linear(1, hidden_size), nn.Tanh(), nn.Linear(hidden_size, 1)
    )


# %% ch07-seq-model-solution: keeps 13 hidden units whatever hidden_size is
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, 13)),
        ('hidden_activ', nn.Tanh()),
        ('output_linear', nn.Linear(13, 1)),
    ]))


# %% ch07-seq-model-solution: a ReLU where the chapter's network has a tanh
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('hidden_activ', nn.ReLU()),
        ('output_linear', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-seq-model-solution: a sigmoid where the chapter's network has a tanh
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('hidden_activ', nn.Sigmoid()),
        ('output_linear', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-seq-model-solution: leaves out the activation (two linear layers make one line)
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('output_linear', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-seq-model-solution: swaps in and out features of both layers (same parameter count)
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(hidden_size, 1)),
        ('hidden_activ', nn.Tanh()),
        ('output_linear', nn.Linear(1, hidden_size)),
    ]))


# %% ch07-seq-model-solution: passes the nn.Tanh class, not an nn.Tanh() module [message: with parentheses, nn.Tanh()]
def make_seq_model(hidden_size):
    return nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, hidden_size)),
        ('hidden_activ', nn.Tanh),
        ('output_linear', nn.Linear(hidden_size, 1)),
    ]))


# %% ch07-seq-model-solution: returns the notebook's seq_model whatever hidden_size is
def make_seq_model(hidden_size):
    return seq_model


# %% ch07-seq-model-solution: builds each width once and returns that same network on every call
_models = {}


def make_seq_model(hidden_size):
    if hidden_size not in _models:
        _models[hidden_size] = nn.Sequential(OrderedDict([
            ('hidden_linear', nn.Linear(1, hidden_size)),
            ('hidden_activ', nn.Tanh()),
            ('output_linear', nn.Linear(hidden_size, 1)),
        ]))
    return _models[hidden_size]
