"""Plausible wrong answers for chapter 06's exercises; each must fail the exercise's checks."""

WRONG_ANSWERS: dict[str, list[tuple[str, str]]] = {
    "ch06-ex1-solution": [
        (
            "one-sided difference (f(w + eps) - f(w)) / eps instead of the central one",
            "def numerical_grad(f, w, eps=1e-6):\n"
            "    up = f(torch.tensor(w + eps, dtype=torch.float64))\n"
            "    here = f(torch.tensor(w, dtype=torch.float64))\n"
            "    return ((up - here) / eps).item()\n",
        ),
        (
            "evaluates f in float32, where w + eps rounds away most of eps",
            "def numerical_grad(f, w, eps=1e-6):\n"
            "    up = f(torch.tensor(w + eps))\n"
            "    down = f(torch.tensor(w - eps))\n"
            "    return ((up - down) / (2 * eps)).item()\n",
        ),
        (
            "divides the central difference by eps instead of 2 * eps",
            "def numerical_grad(f, w, eps=1e-6):\n"
            "    up = f(torch.tensor(w + eps, dtype=torch.float64))\n"
            "    down = f(torch.tensor(w - eps, dtype=torch.float64))\n"
            "    return ((up - down) / eps).item()\n",
        ),
    ],
    "ch06-ex2-solution": [
        (
            "closed-form least squares instead of gradient descent, one loss for the history",
            "def fit_line(x, y, lr=0.1, num_epochs=200):\n"
            "    A = torch.cat([x, torch.ones_like(x)], dim=1)\n"
            "    w, b = torch.linalg.lstsq(A.cpu(), y.cpu()).solution.flatten().tolist()\n"
            "    loss = ((w * x + b - y) ** 2).mean().item()\n"
            "    return w, b, [loss]\n",
        ),
        (
            "closed-form least squares with a made-up history of num_epochs equal losses",
            "def fit_line(x, y, lr=0.1, num_epochs=200):\n"
            "    A = torch.cat([x, torch.ones_like(x)], dim=1)\n"
            "    w, b = torch.linalg.lstsq(A.cpu(), y.cpu()).solution.flatten().tolist()\n"
            "    loss = ((w * x + b - y) ** 2).mean().item()\n"
            "    return w, b, [loss] * num_epochs\n",
        ),
        (
            "gradient descent on the raw inputs (x from 100 to 150): lr = 0.1 diverges",
            "def fit_line(x, y, lr=0.1, num_epochs=200):\n"
            "    model = nn.Linear(1, 1).to(x.device)\n"
            "    losses = train(model, x, y, lr=lr, num_epochs=num_epochs)\n"
            "    return model.weight.item(), model.bias.item(), losses\n",
        ),
        (
            "forgets to convert the parameters back to original units",
            "def fit_line(x, y, lr=0.1, num_epochs=200):\n"
            "    x_s = (x - x.mean()) / x.std(correction=0)\n"
            "    model = nn.Linear(1, 1).to(x.device)\n"
            "    losses = train(model, x_s, y, lr=lr, num_epochs=num_epochs)\n"
            "    return model.weight.item(), model.bias.item(), losses\n",
        ),
        (
            "scales the inputs but does not centre them",
            "def fit_line(x, y, lr=0.1, num_epochs=200):\n"
            "    std = x.std(correction=0)\n"
            "    model = nn.Linear(1, 1).to(x.device)\n"
            "    losses = train(model, x / std, y, lr=lr, num_epochs=num_epochs)\n"
            "    return model.weight.item() / std.item(), model.bias.item(), losses\n",
        ),
    ],
    "ch06-ex3-solution": [
        (
            "adds the chunks' mean losses without weighting them by len(chunk) / N",
            "def accumulated_grad(model, x, y, num_chunks):\n"
            "    model.zero_grad()\n"
            "    chunks = zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks))\n"
            "    for x_chunk, y_chunk in chunks:\n"
            "        nn.functional.mse_loss(model(x_chunk), y_chunk).backward()\n"
            "    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()\n",
        ),
        (
            "weights every chunk by 1 / num_chunks although the chunks differ in size",
            "def accumulated_grad(model, x, y, num_chunks):\n"
            "    model.zero_grad()\n"
            "    chunks = zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks))\n"
            "    for x_chunk, y_chunk in chunks:\n"
            "        loss = nn.functional.mse_loss(model(x_chunk), y_chunk) / num_chunks\n"
            "        loss.backward()\n"
            "    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()\n",
        ),
        (
            "clears the gradients inside the loop, so only the last chunk's gradient is left",
            "def accumulated_grad(model, x, y, num_chunks):\n"
            "    n = len(x)\n"
            "    chunks = zip(torch.chunk(x, num_chunks), torch.chunk(y, num_chunks))\n"
            "    for x_chunk, y_chunk in chunks:\n"
            "        model.zero_grad()\n"
            "        loss = nn.functional.mse_loss(model(x_chunk), y_chunk) * len(x_chunk) / n\n"
            "        loss.backward()\n"
            "    return model.weight.grad.detach().clone(), model.bias.grad.detach().clone()\n",
        ),
    ],
}
