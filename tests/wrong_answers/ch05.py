"""Plausible wrong answers for chapter 05's exercises; each must fail the exercise's checks."""

WRONG_ANSWERS: dict[str, list[tuple[str, str]]] = {
    "ch05-ex1-solution": [
        (
            "stores the factors as a plain tensor: not a registered parameter",
            "class Scale(nn.Module):\n"
            "    def __init__(self, num_features):\n"
            "        super().__init__()\n"
            "        self.scale = torch.ones(num_features, requires_grad=True)\n"
            "\n"
            "    def forward(self, x):\n"
            "        return x * self.scale\n",
        ),
        (
            "starts the factors at random values instead of 1",
            "class Scale(nn.Module):\n"
            "    def __init__(self, num_features):\n"
            "        super().__init__()\n"
            "        self.scale = nn.Parameter(torch.randn(num_features))\n"
            "\n"
            "    def forward(self, x):\n"
            "        return x * self.scale\n",
        ),
    ],
    "ch05-ex2-solution": [
        (
            "keeps the layers in a Python list: nothing is registered",
            "class MLP(nn.Module):\n"
            "    def __init__(self, sizes):\n"
            "        super().__init__()\n"
            "        self.layers = [nn.Linear(n_in, n_out)\n"
            "                       for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)]\n"
            "\n"
            "    def forward(self, x):\n"
            "        for i, layer in enumerate(self.layers):\n"
            "            x = layer(x)\n"
            "            if i < len(self.layers) - 1:\n"
            "                x = torch.relu(x)\n"
            "        return x\n",
        ),
        (
            "applies a ReLU after the last layer too",
            "class MLP(nn.Module):\n"
            "    def __init__(self, sizes):\n"
            "        super().__init__()\n"
            "        self.layers = nn.ModuleList(\n"
            "            nn.Linear(n_in, n_out)\n"
            "            for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)\n"
            "        )\n"
            "\n"
            "    def forward(self, x):\n"
            "        for layer in self.layers:\n"
            "            x = torch.relu(layer(x))\n"
            "        return x\n",
        ),
    ],
    "ch05-ex3-solution": [
        (
            "one-sided weights: rand() * bound lies in [0, bound], not [-bound, bound]",
            "class MyBilinear(nn.Module):\n"
            "    def __init__(self, in1, in2, out):\n"
            "        super().__init__()\n"
            "        bound = 1 / math.sqrt(in1)\n"
            "        self.weight = nn.Parameter(torch.rand(out, in1, in2) * bound)\n"
            "        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))\n"
            "\n"
            "    def forward(self, x1, x2):\n"
            "        return torch.einsum(\"ni,kij,nj->nk\", x1, self.weight, x2) + self.bias\n",
        ),
        (
            "starts the bias at zero instead of uniformly in the range",
            "class MyBilinear(nn.Module):\n"
            "    def __init__(self, in1, in2, out):\n"
            "        super().__init__()\n"
            "        bound = 1 / math.sqrt(in1)\n"
            "        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))\n"
            "        self.bias = nn.Parameter(torch.zeros(out))\n"
            "\n"
            "    def forward(self, x1, x2):\n"
            "        return torch.einsum(\"ni,kij,nj->nk\", x1, self.weight, x2) + self.bias\n",
        ),
        (
            "standard-normal bias (randn), outside the range",
            "class MyBilinear(nn.Module):\n"
            "    def __init__(self, in1, in2, out):\n"
            "        super().__init__()\n"
            "        bound = 1 / math.sqrt(in1)\n"
            "        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))\n"
            "        self.bias = nn.Parameter(torch.randn(out))\n"
            "\n"
            "    def forward(self, x1, x2):\n"
            "        return torch.einsum(\"ni,kij,nj->nk\", x1, self.weight, x2) + self.bias\n",
        ),
        (
            "uses 1/sqrt(in2) for the bound: too narrow a range",
            "class MyBilinear(nn.Module):\n"
            "    def __init__(self, in1, in2, out):\n"
            "        super().__init__()\n"
            "        bound = 1 / math.sqrt(in2)\n"
            "        self.weight = nn.Parameter(torch.empty(out, in1, in2).uniform_(-bound, bound))\n"
            "        self.bias = nn.Parameter(torch.empty(out).uniform_(-bound, bound))\n"
            "\n"
            "    def forward(self, x1, x2):\n"
            "        return torch.einsum(\"ni,kij,nj->nk\", x1, self.weight, x2) + self.bias\n",
        ),
    ],
}
