"""Plausible wrong answers for chapter 07's exercises; each must fail the exercise's checks."""

WRONG_ANSWERS: dict[str, list[tuple[str, str]]] = {
    "ch07-ex1-solution": [
        (
            "takes the FIRST n_val indices of the permutation for validation",
            "def split_indices(n, val_fraction, generator):\n"
            "    n_val = int(val_fraction * n)\n"
            "    shuffled = torch.randperm(n, generator=generator)\n"
            "    return shuffled[n_val:], shuffled[:n_val]\n",
        ),
        (
            "slices with [:-n_val], which is empty when n_val is 0",
            "def split_indices(n, val_fraction, generator):\n"
            "    n_val = int(val_fraction * n)\n"
            "    shuffled = torch.randperm(n, generator=generator)\n"
            "    return shuffled[:-n_val], shuffled[-n_val:]\n",
        ),
        (
            "ignores the generator (uses the global random state)",
            "def split_indices(n, val_fraction, generator):\n"
            "    n_val = int(val_fraction * n)\n"
            "    shuffled = torch.randperm(n)\n"
            "    return shuffled[: n - n_val], shuffled[n - n_val :]\n",
        ),
    ],
    "ch07-ex2-solution": [
        (
            "computes the loss with autograd on",
            "def evaluate(model, loss_fn, x, y):\n    return loss_fn(model(x), y).item()\n",
        ),
        (
            "returns the loss tensor instead of a Python float",
            "def evaluate(model, loss_fn, x, y):\n"
            "    with torch.no_grad():\n"
            "        return loss_fn(model(x), y)\n",
        ),
        (
            "always uses MSE instead of the loss_fn it is given",
            "def evaluate(model, loss_fn, x, y):\n"
            "    with torch.no_grad():\n"
            "        return nn.functional.mse_loss(model(x), y).item()\n",
        ),
        (
            "switches to model.eval() instead of turning autograd off",
            "def evaluate(model, loss_fn, x, y):\n"
            "    model.eval()\n"
            "    return loss_fn(model(x), y).item()\n",
        ),
    ],
    "ch07-ex3-solution": [
        (
            "names the modules differently (hidden_activation, output)",
            "def make_seq_model(hidden_size):\n"
            "    return nn.Sequential(OrderedDict([\n"
            "        ('hidden_linear', nn.Linear(1, hidden_size)),\n"
            "        ('hidden_activation', nn.Tanh()),\n"
            "        ('output', nn.Linear(hidden_size, 1)),\n"
            "    ]))\n",
        ),
        (
            "names the output layer 'output' (the other names right)",
            "def make_seq_model(hidden_size):\n"
            "    return nn.Sequential(OrderedDict([\n"
            "        ('hidden_linear', nn.Linear(1, hidden_size)),\n"
            "        ('hidden_activ', nn.Tanh()),\n"
            "        ('output', nn.Linear(hidden_size, 1)),\n"
            "    ]))\n",
        ),
        (
            "no OrderedDict: the modules are named 0, 1, 2",
            "def make_seq_model(hidden_size):\n"
            "    return nn.Sequential(\n"
            "        nn.Linear(1, hidden_size), nn.Tanh(), nn.Linear(hidden_size, 1)\n"
            "    )\n",
        ),
        (
            "keeps 13 hidden units whatever hidden_size is",
            "def make_seq_model(hidden_size):\n"
            "    return nn.Sequential(OrderedDict([\n"
            "        ('hidden_linear', nn.Linear(1, 13)),\n"
            "        ('hidden_activ', nn.Tanh()),\n"
            "        ('output_linear', nn.Linear(13, 1)),\n"
            "    ]))\n",
        ),
    ],
}
