"""Plausible wrong answers for chapter 01's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
from typing import TYPE_CHECKING

import torch
import torch.nn.functional as F
from torch import nn, optim

if TYPE_CHECKING:
    Net = nn.Module  # the chapter's Net (section 2)
    model = nn.Linear(1, 1)  # section 3 (a LinearRegressionModel)
    loss_fn = nn.MSELoss()  # section 4
    optimizer = optim.SGD(model.parameters(), lr=1e-3)  # section 4
    device = torch.device("cpu")  # the setup cell's


# %% ch01-conv-output-size-solution: forgets the padding [message: leaves out the padding]
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size - kernel_size) // stride + 1


# %% ch01-conv-output-size-solution: pads only one side [message: one side]
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size + padding - kernel_size) // stride + 1


# %% ch01-conv-output-size-solution: forgets the +1 [message: add 1]
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size + 2 * padding - kernel_size) // stride


# %% ch01-conv-output-size-solution: divides with / (returns a float such as 30.0, not an int) [message: use `//`]
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size + 2 * padding - kernel_size) / stride + 1


# %% ch01-conv-output-size-solution: rounds up instead of down [message: rounds up]
import math  # noqa: E402


def conv_output_size(size, kernel_size, stride=1, padding=0):
    return math.ceil((size + 2 * padding - kernel_size) / stride) + 1


# %% ch01-conv-output-size-solution: ignores the stride [message: ignores the stride]
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return size + 2 * padding - kernel_size + 1


# %% ch01-conv-output-size-solution: adds the 1 before dividing by the stride [message: before dividing]
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size + 2 * padding - kernel_size + 1) // stride


# %% ch01-conv-output-size-solution: no brackets, so only kernel_size is divided [message: brackets]
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return size + 2 * padding - kernel_size // stride + 1


# %% ch01-conv-output-size-solution: no brackets and no padding [message: brackets]
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return size - kernel_size // stride + 1


# %% ch01-conv-output-size-solution: divides before subtracting the kernel
def conv_output_size(size, kernel_size, stride=1, padding=0):
    return (size + 2 * padding) // stride - kernel_size + 1


# %% ch01-net28-solution: keeps Net's 16 * 6 * 6 for fc1 (sized for 32x32 input) [message: for 32x32 images]
class Net28(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 6 * 6, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


# %% ch01-net28-solution: forgets that the 3x3 convolutions shrink the image: 28 -> 14 -> 7
class Net28(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 7 * 7, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


# %% ch01-net28-solution: sizes fc1 for the 5x5 maps but forgets the 16 channels [message: every channel]
class Net28(Net):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5 * 5, 120)


# %% ch01-net28-solution: sets fc1.in_features, which does not resize the weight [message: in_features]
class Net28(Net):
    def __init__(self):
        super().__init__()
        self.fc1.in_features = 16 * 5 * 5


# %% ch01-net28-solution: a new attribute instead of replacing fc1 [message: self.fc1 itself]
class Net28(Net):
    def __init__(self):
        super().__init__()
        self.fc1_28 = nn.Linear(16 * 5 * 5, 120)


# %% ch01-net28-solution: no ReLU at all
class Net28(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(self.conv1(x), 2)
        x = F.max_pool2d(self.conv2(x), 2)
        x = torch.flatten(x, 1)
        return self.fc3(self.fc2(self.fc1(x)))


# %% ch01-net28-solution: a ReLU on the logits too [message: after fc3]
class Net28(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return F.relu(self.fc3(x))


# %% ch01-net28-solution: 4x4 kernels in conv1 (28 -> 25 -> 12 -> 10 -> 5 also ends at 5x5) [message: 3x3 kernels]
class Net28(Net):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 4)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)


# %% ch01-net28-solution: average pooling instead of max pooling
class Net28(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.avg_pool2d(F.relu(self.conv1(x)), 2)
        x = F.avg_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


# %% ch01-net28-solution: ends with a softmax (the scores should stay logits) [message: after fc3]
class Net28(Net):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(16 * 5 * 5, 120)

    def forward(self, x):
        return F.softmax(super().forward(x), dim=1)


# %% ch01-net28-solution: pads the convolutions to keep the size (28 -> 28 -> 14 -> 14 -> 7)
class Net28(Net):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3, padding=1)
        self.conv2 = nn.Conv2d(6, 16, 3, padding=1)
        self.fc1 = nn.Linear(16 * 7 * 7, 120)


# %% ch01-train-linear-solution: stores the loss tensor instead of loss.item() [message: loss.item()]
def train_linear(X, y, lr, num_epochs):
    model = nn.Linear(1, 1).to(X.device)
    loss_fn = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss)
    return model, losses


# %% ch01-train-linear-solution: forgets optimizer.zero_grad(): gradients accumulate from step to step [message: zero_grad]
def train_linear(X, y, lr, num_epochs):
    model = nn.Linear(1, 1).to(X.device)
    loss_fn = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return model, losses


# %% ch01-train-linear-solution: records only the final loss, once, after the loop
def train_linear(X, y, lr, num_epochs):
    model = nn.Linear(1, 1).to(X.device)
    loss_fn = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model, [loss.item()]


# %% ch01-train-linear-solution: ignores lr (always trains with lr=0.01)
def train_linear(X, y, lr, num_epochs):
    model = nn.Linear(1, 1).to(X.device)
    loss_fn = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=0.01)
    losses = []
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return model, losses


# %% ch01-train-linear-solution: ignores num_epochs (always 100 epochs)
def train_linear(X, y, lr, num_epochs):
    model = nn.Linear(1, 1).to(X.device)
    loss_fn = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(100):
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return model, losses


# %% ch01-train-linear-solution: records the loss after the update [message: after the update]
def train_linear(X, y, lr, num_epochs):
    model = nn.Linear(1, 1).to(X.device)
    loss_fn = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(num_epochs):
        optimizer.zero_grad()
        loss_fn(model(X), y).backward()
        optimizer.step()
        losses.append(loss_fn(model(X), y).item())
    return model, losses


# %% ch01-train-linear-solution: one model for every call (created once, outside the function) [message: new model]
shared_model = nn.Linear(1, 1)


def train_linear(X, y, lr, num_epochs):
    model = shared_model.to(X.device)
    loss_fn = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return model, losses


# %% ch01-train-linear-solution: returns the losses first, then the model [message: model first]
def train_linear(X, y, lr, num_epochs):
    model = nn.Linear(1, 1).to(X.device)
    loss_fn = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses, model


# %% ch01-train-linear-solution: trains the notebook's model instead of a fresh one [message: new model]
def train_linear(X, y, lr, num_epochs):
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return model, losses


# %% ch01-train-linear-solution: steps the notebook's optimizer, which updates another model [message: never changes]
def train_linear(X, y, lr, num_epochs):
    model = nn.Linear(1, 1).to(X.device)
    losses = []
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return model, losses


# %% ch01-train-linear-solution: puts the model on the notebook's device, not on X's [message: X's]
def train_linear(X, y, lr, num_epochs):
    model = nn.Linear(1, 1).to(device)
    loss_fn = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(num_epochs):
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return model, losses
