"""Plausible wrong answers for chapter 03's exercises; each must fail the exercise's checks."""

WRONG_ANSWERS: dict[str, list[tuple[str, str]]] = {
    "ch03-ex1-solution": [
        (
            "counts the weights but forgets the biases",
            "def count_linear_params(sizes):\n"
            "    pairs = zip(sizes[:-1], sizes[1:], strict=True)\n"
            "    return sum(n_in * n_out for n_in, n_out in pairs)\n",
        ),
        (
            "adds one bias per input instead of per output",
            "def count_linear_params(sizes):\n"
            "    pairs = zip(sizes[:-1], sizes[1:], strict=True)\n"
            "    return sum(n_in * n_out + n_in for n_in, n_out in pairs)\n",
        ),
    ],
    "ch03-ex2-solution": [
        (
            "puts a ReLU after the last Linear layer too (the logits lose their negatives)",
            "def make_mlp(sizes):\n"
            "    layers = [nn.Flatten()]\n"
            "    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):\n"
            "        layers += [nn.Linear(n_in, n_out), nn.ReLU()]\n"
            "    return nn.Sequential(*layers)\n",
        ),
        (
            "forgets nn.Flatten, so images are not turned into rows",
            "def make_mlp(sizes):\n"
            "    layers = []\n"
            "    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):\n"
            "        layers.append(nn.Linear(n_in, n_out))\n"
            "        if i < len(sizes) - 2:\n"
            "            layers.append(nn.ReLU())\n"
            "    return nn.Sequential(*layers)\n",
        ),
    ],
    "ch03-ex3-solution": [
        (
            "does not subtract the row maximum: exp(1000) overflows",
            "def softmax_rows(logits):\n"
            "    exps = logits.exp()\n"
            "    return exps / exps.sum(dim=1, keepdim=True)\n",
        ),
        (
            "subtracts the maximum of the whole tensor, not of each row",
            "def softmax_rows(logits):\n"
            "    exps = (logits - logits.max()).exp()\n"
            "    return exps / exps.sum(dim=1, keepdim=True)\n",
        ),
        (
            "normalises the columns (dim=0) instead of the rows",
            "def softmax_rows(logits):\n"
            "    exps = (logits - logits.max(dim=0, keepdim=True).values).exp()\n"
            "    return exps / exps.sum(dim=0, keepdim=True)\n",
        ),
    ],
}
