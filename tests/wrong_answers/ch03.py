"""Plausible wrong answers for chapter 03's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
from torch import nn


# %% ch03-ex1-solution: counts the weights but forgets the biases
def count_linear_params(sizes):
    pairs = zip(sizes[:-1], sizes[1:], strict=True)
    return sum(n_in * n_out for n_in, n_out in pairs)


# %% ch03-ex1-solution: adds one bias per input instead of per output
def count_linear_params(sizes):
    pairs = zip(sizes[:-1], sizes[1:], strict=True)
    return sum(n_in * n_out + n_in for n_in, n_out in pairs)


# %% ch03-ex2-solution: puts a ReLU after the last Linear layer too (the logits lose their negatives)
def make_mlp(sizes):
    layers = [nn.Flatten()]
    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
        layers += [nn.Linear(n_in, n_out), nn.ReLU()]
    return nn.Sequential(*layers)


# %% ch03-ex2-solution: forgets nn.Flatten, so images are not turned into rows
def make_mlp(sizes):
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


# %% ch03-ex3-solution: does not subtract the row maximum: exp(1000) overflows
def softmax_rows(logits):
    exps = logits.exp()
    return exps / exps.sum(dim=1, keepdim=True)


# %% ch03-ex3-solution: subtracts the maximum of the whole tensor, not of each row
def softmax_rows(logits):
    exps = (logits - logits.max()).exp()
    return exps / exps.sum(dim=1, keepdim=True)


# %% ch03-ex3-solution: normalises the columns (dim=0) instead of the rows
def softmax_rows(logits):
    exps = (logits - logits.max(dim=0, keepdim=True).values).exp()
    return exps / exps.sum(dim=0, keepdim=True)
