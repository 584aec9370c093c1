"""Plausible wrong answers for chapter 06's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
from typing import TYPE_CHECKING

import torch
from torch import nn

if TYPE_CHECKING:  # the notebook defines these itself; the stubs only declare them
    x_mean = x_std = torch.tensor(1.0)  # section 12's mean and std of the chapter's x_train

    def train(model, x, y, lr, num_epochs) -> list[float]:
        """Full-batch SGD on MSE; returns the loss of every epoch."""
        ...


# %% ch06-numerical-grad-solution: one-sided difference (f(w + eps) - f(w)) / eps instead of the central one [message: one-sided difference]
def numerical_grad(f, w, eps=1e-6):
    up = f(torch.tensor(w + eps, dtype=torch.float64))
    here = f(torch.tensor(w, dtype=torch.float64))
    return ((up - here) / eps).item()


# %% ch06-numerical-grad-solution: evaluates f in float32, where w + eps rounds away most of eps [message: float32]
def numerical_grad(f, w, eps=1e-6):
    up = f(torch.tensor(w + eps))
    down = f(torch.tensor(w - eps))
    return ((up - down) / (2 * eps)).item()


# %% ch06-numerical-grad-solution: divides the central difference by eps instead of 2 * eps [message: instead of 2 * eps]
def numerical_grad(f, w, eps=1e-6):
    up = f(torch.tensor(w + eps, dtype=torch.float64))
    down = f(torch.tensor(w - eps, dtype=torch.float64))
    return ((up - down) / eps).item()


# %% ch06-numerical-grad-solution: autograd's gradient instead of the finite difference the exercise asks for
def numerical_grad(f, w, eps=1e-6):
    w_t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    f(w_t).backward()
    return w_t.grad.item()


# %% ch06-numerical-grad-solution: torch.autograd.grad instead of the finite difference
def numerical_grad(f, w, eps=1e-6):
    w_t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(f(w_t), w_t)
    return grad.item()


# %% ch06-numerical-grad-solution: operator precedence: (up - down) / 2 * eps multiplies by eps
def numerical_grad(f, w, eps=1e-6):
    up = f(torch.tensor(w + eps, dtype=torch.float64))
    down = f(torch.tensor(w - eps, dtype=torch.float64))
    return ((up - down) / 2 * eps).item()


# %% ch06-numerical-grad-solution: ignores the eps argument and always steps by 1e-6
def numerical_grad(f, w, eps=1e-6):
    up = f(torch.tensor(w + 1e-6, dtype=torch.float64))
    down = f(torch.tensor(w - 1e-6, dtype=torch.float64))
    return ((up - down) / 2e-6).item()


# %% ch06-numerical-grad-solution: returns a tensor, not a Python float (no .item())
def numerical_grad(f, w, eps=1e-6):
    up = f(torch.tensor(w + eps, dtype=torch.float64))
    down = f(torch.tensor(w - eps, dtype=torch.float64))
    return (up - down) / (2 * eps)


# %% ch06-numerical-grad-solution: the difference the wrong way round, f(w - eps) - f(w + eps)
def numerical_grad(f, w, eps=1e-6):
    up = f(torch.tensor(w + eps, dtype=torch.float64))
    down = f(torch.tensor(w - eps, dtype=torch.float64))
    return ((down - up) / (2 * eps)).item()


# %% ch06-numerical-grad-solution: calls f on Python floats, not tensors (torch.sin needs a tensor)
def numerical_grad(f, w, eps=1e-6):
    return float((f(w + eps) - f(w - eps)) / (2 * eps))


# %% ch06-fit-line-solution: closed-form least squares instead of gradient descent, one loss for the history
def fit_line(x, y, lr=0.1, num_epochs=200):
    A = torch.cat([x, torch.ones_like(x)], dim=1)
    w, b = torch.linalg.lstsq(A.cpu(), y.cpu()).solution.flatten().tolist()
    loss = ((w * x + b - y) ** 2).mean().item()
    return w, b, [loss]


# %% ch06-fit-line-solution: closed-form least squares with a made-up history of num_epochs equal losses
def fit_line(x, y, lr=0.1, num_epochs=200):
    A = torch.cat([x, torch.ones_like(x)], dim=1)
    w, b = torch.linalg.lstsq(A.cpu(), y.cpu()).solution.flatten().tolist()
    loss = ((w * x + b - y) ** 2).mean().item()
    return w, b, [loss] * num_epochs


# %% ch06-fit-line-solution: gradient descent on the raw inputs (x from 100 to 140): lr = 0.1 diverges
def fit_line(x, y, lr=0.1, num_epochs=200):
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, x, y, lr=lr, num_epochs=num_epochs)
    return model.weight.item(), model.bias.item(), losses


# %% ch06-fit-line-solution: forgets to convert the parameters back to original units
def fit_line(x, y, lr=0.1, num_epochs=200):
    x_s = (x - x.mean()) / x.std(correction=0)
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, x_s, y, lr=lr, num_epochs=num_epochs)
    return model.weight.item(), model.bias.item(), losses


# %% ch06-fit-line-solution: scales the inputs but does not centre them
def fit_line(x, y, lr=0.1, num_epochs=200):
    std = x.std(correction=0)
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, x / std, y, lr=lr, num_epochs=num_epochs)
    return model.weight.item() / std.item(), model.bias.item(), losses


# %% ch06-fit-line-solution: ignores the lr argument and always trains with lr = 0.1
def fit_line(x, y, lr=0.1, num_epochs=200):
    mean, std = x.mean(), x.std(correction=0)
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, (x - mean) / std, y, lr=0.1, num_epochs=num_epochs)
    a, c = model.weight.item(), model.bias.item()
    return a / std.item(), c - a * mean.item() / std.item(), losses


# %% ch06-fit-line-solution: ignores the num_epochs argument and always trains for 200 epochs
def fit_line(x, y, lr=0.1, num_epochs=200):
    mean, std = x.mean(), x.std(correction=0)
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, (x - mean) / std, y, lr=lr, num_epochs=200)
    a, c = model.weight.item(), model.bias.item()
    return a / std.item(), c - a * mean.item() / std.item(), losses


# %% ch06-fit-line-solution: standardises with the notebook's x_mean and x_std (of x_train), not of x
def fit_line(x, y, lr=0.1, num_epochs=200):
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, (x - x_mean) / x_std, y, lr=lr, num_epochs=num_epochs)
    a, c = model.weight.item(), model.bias.item()
    return a / x_std.item(), c - a * x_mean.item() / x_std.item(), losses


# %% ch06-fit-line-solution: converts b back without dividing by std: c - a * mean
def fit_line(x, y, lr=0.1, num_epochs=200):
    mean, std = x.mean(), x.std(correction=0)
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, (x - mean) / std, y, lr=lr, num_epochs=num_epochs)
    a, c = model.weight.item(), model.bias.item()
    return a / std.item(), c - a * mean.item(), losses


# %% ch06-fit-line-solution: converts w back by multiplying by std instead of dividing
def fit_line(x, y, lr=0.1, num_epochs=200):
    mean, std = x.mean(), x.std(correction=0)
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, (x - mean) / std, y, lr=lr, num_epochs=num_epochs)
    a, c = model.weight.item(), model.bias.item()
    return a * std.item(), c - a * mean.item() / std.item(), losses


# %% ch06-fit-line-solution: its own loop appends the loss tensor, not loss.item(): every graph stays alive
def fit_line(x, y, lr=0.1, num_epochs=200):
    mean, std = x.mean(), x.std(correction=0)
    x_s = (x - mean) / std
    model = nn.Linear(1, 1).to(x.device)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(num_epochs):
        loss = nn.functional.mse_loss(model(x_s), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss)
    a, c = model.weight.item(), model.bias.item()
    return a / std.item(), c - a * mean.item() / std.item(), losses


# %% ch06-fit-line-solution: min-max scaling to [0, 1] instead of standardising: not centred, 200 epochs are too few
def fit_line(x, y, lr=0.1, num_epochs=200):
    low, span = x.min(), x.max() - x.min()
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, (x - low) / span, y, lr=lr, num_epochs=num_epochs)
    a, c = model.weight.item(), model.bias.item()
    return a / span.item(), c - a * low.item() / span.item(), losses


# %% ch06-fit-line-solution: standardises y as well as x and returns the parameters of the scaled problem: wrong units [message: standardised y as well as x]
def fit_line(x, y, lr=0.1, num_epochs=200):
    x_s = (x - x.mean()) / x.std(correction=0)
    y_s = (y - y.mean()) / y.std(correction=0)
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, x_s, y_s, lr=lr, num_epochs=num_epochs)
    return model.weight.item(), model.bias.item(), losses


# %% ch06-accumulated-grad-solution: adds the chunks' mean losses without weighting them by len(chunk) / N [message: len(chunk) / N]
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    chunks = zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks))
    for x_chunk, y_chunk in chunks:
        nn.functional.mse_loss(model(x_chunk), y_chunk).backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-accumulated-grad-solution: weights every chunk by 1 / num_chunks although the chunks differ in size
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    chunks = zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks))
    for x_chunk, y_chunk in chunks:
        loss = nn.functional.mse_loss(model(x_chunk), y_chunk) / num_chunks
        loss.backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-accumulated-grad-solution: clears the gradients inside the loop, so only the last chunk's gradient is left [message: only this chunk's gradient]
def accumulated_grad(model, x, y, num_chunks):
    n = len(x)
    chunks = zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks))
    for x_chunk, y_chunk in chunks:
        model.zero_grad()
        loss = nn.functional.mse_loss(model(x_chunk), y_chunk) * len(x_chunk) / n
        loss.backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-accumulated-grad-solution: no chunking at all: one backward() on the full batch
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-accumulated-grad-solution: adds up the weighted chunk losses, then calls backward() once
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    n = len(x)
    total = 0
    for x_chunk, y_chunk in zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks)):
        total = total + nn.functional.mse_loss(model(x_chunk), y_chunk) * len(x_chunk) / n
    total.backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-accumulated-grad-solution: never clears the gradients, so the old one is added in too [message: old gradient is still in .grad]
def accumulated_grad(model, x, y, num_chunks):
    n = len(x)
    for x_chunk, y_chunk in zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks)):
        loss = nn.functional.mse_loss(model(x_chunk), y_chunk) * len(x_chunk) / n
        loss.backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-accumulated-grad-solution: returns .grad itself, not copies: they change with the model's .grad
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    n = len(x)
    for x_chunk, y_chunk in zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks)):
        loss = nn.functional.mse_loss(model(x_chunk), y_chunk) * len(x_chunk) / n
        loss.backward()
    return model.weight.grad, model.bias.grad


# %% ch06-accumulated-grad-solution: torch.split(x, num_chunks) makes chunks OF num_chunks rows, not num_chunks chunks
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    n = len(x)
    for x_chunk, y_chunk in zip(torch.split(x, num_chunks), torch.split(y, num_chunks)):
        loss = nn.functional.mse_loss(model(x_chunk), y_chunk) * len(x_chunk) / n
        loss.backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-accumulated-grad-solution: slices len(x) // num_chunks rows per chunk and drops the rows left over
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    n, size = len(x), len(x) // num_chunks
    for i in range(num_chunks):
        x_chunk, y_chunk = x[i * size : (i + 1) * size], y[i * size : (i + 1) * size]
        loss = nn.functional.mse_loss(model(x_chunk), y_chunk) * len(x_chunk) / n
        loss.backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-accumulated-grad-solution: backward() num_chunks times on the full batch's loss / num_chunks: no chunks
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    for _ in range(num_chunks):
        (nn.functional.mse_loss(model(x), y) / num_chunks).backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-fit-line-solution: standardises y as well as x, then converts w and b back correctly: the losses are in y's standardised units [message: standardised y as well as x]
def fit_line(x, y, lr=0.1, num_epochs=200):
    x_mean, x_sd = x.mean(), x.std(correction=0)
    y_mean, y_sd = y.mean(), y.std(correction=0)
    model = nn.Linear(1, 1).to(x.device)
    losses = train(model, (x - x_mean) / x_sd, (y - y_mean) / y_sd, lr=lr, num_epochs=num_epochs)
    a, c = model.weight.item() * y_sd.item(), model.bias.item() * y_sd.item() + y_mean.item()
    return a / x_sd.item(), c - a * x_mean.item() / x_sd.item(), losses


# %% ch06-fit-line-solution: its own loop never calls zero_grad(), so every epoch's gradient adds to the old ones [message: zero_grad]
def fit_line(x, y, lr=0.1, num_epochs=200):
    mean, std = x.mean(), x.std(correction=0)
    x_s = (x - mean) / std
    model = nn.Linear(1, 1).to(x.device)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(num_epochs):
        loss = nn.functional.mse_loss(model(x_s), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    a, c = model.weight.item(), model.bias.item()
    return a / std.item(), c - a * mean.item() / std.item(), losses


# %% ch06-accumulated-grad-solution: sums the squared errors over rows and outputs, divided by N rows only: off by the number of outputs [message: times the mean-squared-error gradient, one factor per output]
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    n = len(x)
    for x_chunk, y_chunk in zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks)):
        loss = ((model(x_chunk) - y_chunk) ** 2).sum() / n
        loss.backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()


# %% ch06-accumulated-grad-solution: sums the squared errors over rows (reduction="sum") and never averages [message: summed the squared errors over the rows]
def accumulated_grad(model, x, y, num_chunks):
    model.zero_grad()
    for x_chunk, y_chunk in zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks)):
        nn.functional.mse_loss(model(x_chunk), y_chunk, reduction="sum").backward()
    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()
