"""Plausible wrong answers for chapter 06's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
from typing import TYPE_CHECKING

import torch
from torch import nn

if TYPE_CHECKING:  # the notebook defines train() itself; this stub only declares it

    def train(model, x, y, lr, num_epochs) -> list[float]:
        """Full-batch SGD on MSE; returns the loss of every epoch."""
        ...


# %% ch06-ex1-solution: one-sided difference (f(w + eps) - f(w)) / eps instead of the central one
def numerical_grad(f, w, eps=1e-6):
    up = f(torch.tensor(w + eps, dtype=torch.float64))
    here = f(torch.tensor(w, dtype=torch.float64))
    return ((up - here) / eps).item()


# %% ch06-ex1-solution: evaluates f in float32, where w + eps rounds away most of eps
def numerical_grad(f, w, eps=1e-6):
    up = f(torch.tensor(w + eps))
    down = f(torch.tensor(w - eps))
    return ((up - down) / (2 * eps)).item()


# %% ch06-ex1-solution: divides the central difference by eps instead of 2 * eps
def numerical_grad(f, w, eps=1e-6):
    up = f(torch.tensor(w + eps, dtype=torch.float64))
    down = f(torch.tensor(w - eps, dtype=torch.float64))
    return ((up - down) / eps).item()


# %% ch06-ex2-solution: closed-form least squares instead of gradient descent, one loss for the history
def fit_line(x, y, lr=0.1, num_epochs=200):
    A = torch.cat([x, torch.ones_like(x)], dim=1)
    w, b = torch.linalg.lstsq(A.cpu(), y.cpu()).solution.flatten().tolist()
    loss = ((w * x + b - y) ** 2).mean().item()
    return w, b, [loss]


# %% ch06-ex2-solution: closed-form least squares with a made-up history of num_epochs equal losses
def fit_line(x, y, lr=0.1, num_epochs=200):
    A = torch.cat([x, torch.ones_like(x)], dim=1)
    w, b = torch.linalg.lstsq(A.cpu(), y.cpu()).solution.flatten().tolist()
    loss = ((w * x + b - y) ** 2).mean().item()
    return w, b, [loss] * num_epochs


# %% ch06-ex2-solution: gradient descent on the raw inputs (x from 100 to 150): lr = 0.1 diverges
def fit_line(x, y, lr=0.1, num_epochs=200):
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, x, y, lr=lr, num_epochs=num_epochs)
    return model.weight.item(), model.bias.item(), losses


# %% ch06-ex2-solution: forgets to convert the parameters back to original units
def fit_line(x, y, lr=0.1, num_epochs=200):
    x_s = (x - x.mean()) / x.std(correction=0)
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, x_s, y, lr=lr, num_epochs=num_epochs)
    return model.weight.item(), model.bias.item(), losses


# %% ch06-ex2-solution: scales the inputs but does not centre them
def fit_line(x, y, lr=0.1, num_epochs=200):
    std = x.std(correction=0)
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, x / std, y, lr=lr, num_epochs=num_epochs)
    return model.weight.item() / std.item(), model.bias.item(), losses


# %% ch06-ex3-solution: adds the chunks' mean losses without weighting them by len(chunk) / N
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    chunks = zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks))
    for x_chunk, y_chunk in chunks:
        nn.functional.mse_loss(model(x_chunk), y_chunk).backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-ex3-solution: weights every chunk by 1 / num_chunks although the chunks differ in size
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    chunks = zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks))
    for x_chunk, y_chunk in chunks:
        loss = nn.functional.mse_loss(model(x_chunk), y_chunk) / num_chunks
        loss.backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-ex3-solution: clears the gradients inside the loop, so only the last chunk's gradient is left
def accumulated_grad(model, x, y, num_chunks):
    n = len(x)
    chunks = zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks))
    for x_chunk, y_chunk in chunks:
        model.zero_grad()
        loss = nn.functional.mse_loss(model(x_chunk), y_chunk) * len(x_chunk) / n
        loss.backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()
