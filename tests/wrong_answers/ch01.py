"""Plausible wrong answers for chapter 01's exercises; each must fail the exercise's checks."""


def _net28(fc1_in_features: str) -> str:
    """Chapter 01's Net for 28x28 input, with fc1's in_features written as given."""
    return (
        "class Net28(nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.conv1 = nn.Conv2d(1, 6, 3)\n"
        "        self.conv2 = nn.Conv2d(6, 16, 3)\n"
        f"        self.fc1 = nn.Linear({fc1_in_features}, 120)\n"
        "        self.fc2 = nn.Linear(120, 84)\n"
        "        self.fc3 = nn.Linear(84, 10)\n"
        "\n"
        "    def forward(self, x):\n"
        "        x = F.max_pool2d(F.relu(self.conv1(x)), 2)\n"
        "        x = F.max_pool2d(F.relu(self.conv2(x)), 2)\n"
        "        x = torch.flatten(x, 1)\n"
        "        x = F.relu(self.fc1(x))\n"
        "        x = F.relu(self.fc2(x))\n"
        "        return self.fc3(x)\n"
    )


WRONG_ANSWERS: dict[str, list[tuple[str, str]]] = {
    "ch01-ex1-solution": [
        (
            "forgets the padding",
            "def conv_output_size(size, kernel_size, stride=1, padding=0):\n"
            "    return (size - kernel_size) // stride + 1\n",
        ),
        (
            "pads only one side",
            "def conv_output_size(size, kernel_size, stride=1, padding=0):\n"
            "    return (size + padding - kernel_size) // stride + 1\n",
        ),
        (
            "forgets the +1",
            "def conv_output_size(size, kernel_size, stride=1, padding=0):\n"
            "    return (size + 2 * padding - kernel_size) // stride\n",
        ),
    ],
    "ch01-ex2-solution": [
        ("keeps Net's 16 * 6 * 6 for fc1 (sized for 32x32 input)", _net28("16 * 6 * 6")),
        ("forgets that the 3x3 convolutions shrink the image: 28 -> 14 -> 7", _net28("16 * 7 * 7")),
    ],
    "ch01-ex3-solution": [
        (
            "stores the loss tensor instead of loss.item()",
            "def train_linear(X, y, lr, num_epochs):\n"
            "    model = nn.Linear(1, 1).to(X.device)\n"
            "    loss_fn = nn.MSELoss()\n"
            "    optimizer = optim.SGD(model.parameters(), lr=lr)\n"
            "    losses = []\n"
            "    for _ in range(num_epochs):\n"
            "        loss = loss_fn(model(X), y)\n"
            "        optimizer.zero_grad()\n"
            "        loss.backward()\n"
            "        optimizer.step()\n"
            "        losses.append(loss)\n"
            "    return model, losses\n",
        ),
        (
            "forgets optimizer.zero_grad(): gradients accumulate from step to step",
            "def train_linear(X, y, lr, num_epochs):\n"
            "    model = nn.Linear(1, 1).to(X.device)\n"
            "    loss_fn = nn.MSELoss()\n"
            "    optimizer = optim.SGD(model.parameters(), lr=lr)\n"
            "    losses = []\n"
            "    for _ in range(num_epochs):\n"
            "        loss = loss_fn(model(X), y)\n"
            "        loss.backward()\n"
            "        optimizer.step()\n"
            "        losses.append(loss.item())\n"
            "    return model, losses\n",
        ),
        (
            "records only the final loss, once, after the loop",
            "def train_linear(X, y, lr, num_epochs):\n"
            "    model = nn.Linear(1, 1).to(X.device)\n"
            "    loss_fn = nn.MSELoss()\n"
            "    optimizer = optim.SGD(model.parameters(), lr=lr)\n"
            "    for _ in range(num_epochs):\n"
            "        loss = loss_fn(model(X), y)\n"
            "        optimizer.zero_grad()\n"
            "        loss.backward()\n"
            "        optimizer.step()\n"
            "    return model, [loss.item()]\n",
        ),
    ],
}
