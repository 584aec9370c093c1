"""Plausible wrong answers for chapter 03's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
import torch
from torch import nn


# %% ch03-count-params-solution: counts the weights but forgets the biases [message: biases]
def count_linear_params(sizes):
    pairs = zip(sizes[:-1], sizes[1:], strict=True)
    return sum(n_in * n_out for n_in, n_out in pairs)


# %% ch03-count-params-solution: adds one bias per input instead of per output
def count_linear_params(sizes):
    pairs = zip(sizes[:-1], sizes[1:], strict=True)
    return sum(n_in * n_out + n_in for n_in, n_out in pairs)


# %% ch03-count-params-solution: one bias per layer instead of one per output
def count_linear_params(sizes):
    pairs = zip(sizes[:-1], sizes[1:], strict=True)
    return sum(n_in * n_out + 1 for n_in, n_out in pairs)


# %% ch03-count-params-solution: the loop stops one layer early and misses the last Linear layer
def count_linear_params(sizes):
    total = 0
    for i in range(len(sizes) - 2):
        total += sizes[i] * sizes[i + 1] + sizes[i + 1]
    return total


# %% ch03-count-params-solution: the loop runs one layer too far (IndexError on sizes[i + 1])
def count_linear_params(sizes):
    total = 0
    for i in range(len(sizes)):
        total += sizes[i] * sizes[i + 1] + sizes[i + 1]
    return total


# %% ch03-count-params-solution: counts only the first layer
def count_linear_params(sizes):
    return sizes[0] * sizes[1] + sizes[1]


# %% ch03-count-params-solution: gives every size a bias, the input size too
def count_linear_params(sizes):
    pairs = zip(sizes[:-1], sizes[1:], strict=True)
    return sum(n_in * n_out for n_in, n_out in pairs) + sum(sizes)


# %% ch03-count-params-solution: hard-codes the answer for NeuralNetwork
def count_linear_params(sizes):
    return 669_706


# %% ch03-make-mlp-solution: puts a ReLU after the last Linear layer too (the logits lose their negatives)
def make_mlp(sizes):
    layers = [nn.Flatten()]
    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
        layers += [nn.Linear(n_in, n_out), nn.ReLU()]
    return nn.Sequential(*layers)


# %% ch03-make-mlp-solution: forgets nn.Flatten, so images are not turned into rows
def make_mlp(sizes):
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


# %% ch03-make-mlp-solution: puts the ReLU before each Linear layer instead of after
def make_mlp(sizes):
    layers = [nn.Flatten()]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        if i > 0:
            layers.append(nn.ReLU())
        layers.append(nn.Linear(n_in, n_out))
    layers.insert(1, nn.ReLU())
    return nn.Sequential(*layers)


# %% ch03-make-mlp-solution: passes the list itself to nn.Sequential (no *) [message: nn.Sequential(*layers)]
def make_mlp(sizes):
    layers = [nn.Flatten()]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(layers)


# %% ch03-make-mlp-solution: the class nn.ReLU without () instead of a ReLU layer [message: nn.ReLU()]
def make_mlp(sizes):
    layers = [nn.Flatten()]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU)
    return nn.Sequential(*layers)


# %% ch03-make-mlp-solution: the class nn.Flatten without () at the start [message: nn.Flatten()]
def make_mlp(sizes):
    layers = [nn.Flatten]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


# %% ch03-make-mlp-solution: returns the Python list of layers, not an nn.Sequential [message: not nn.Sequential]
def make_mlp(sizes):
    layers = [nn.Flatten()]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return layers


# %% ch03-make-mlp-solution: ends with nn.Softmax, so it outputs probabilities instead of logits
def make_mlp(sizes):
    layers = [nn.Flatten()]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        layers.append(nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers, nn.Softmax(dim=1))


# %% ch03-make-mlp-solution: builds the Linear layers without biases
def make_mlp(sizes):
    layers = [nn.Flatten()]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        layers.append(nn.Linear(n_in, n_out, bias=False))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


# %% ch03-make-mlp-solution: hard-codes NeuralNetwork's three layers, whatever the sizes
def make_mlp(sizes):
    return nn.Sequential(
        nn.Flatten(),
        nn.Linear(sizes[0], sizes[1]),
        nn.ReLU(),
        nn.Linear(sizes[1], sizes[2]),
        nn.ReLU(),
        nn.Linear(sizes[2], sizes[3]),
    )


# %% ch03-make-mlp-solution: a ReLU only after the first Linear layer
def make_mlp(sizes):
    layers = [nn.Flatten()]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        layers.append(nn.Linear(n_in, n_out))
        if i == 0 and len(sizes) > 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


# %% ch03-softmax-rows-solution: does not subtract the row maximum: exp(1000) overflows [message: subtract each row's maximum]
def softmax_rows(logits):
    exps = logits.exp()
    return exps / exps.sum(dim=1, keepdim=True)


# %% ch03-softmax-rows-solution: subtracts the maximum of the whole tensor, not of each row
def softmax_rows(logits):
    exps = (logits - logits.max()).exp()
    return exps / exps.sum(dim=1, keepdim=True)


# %% ch03-softmax-rows-solution: normalises the columns (dim=0) instead of the rows
def softmax_rows(logits):
    exps = (logits - logits.max(dim=0, keepdim=True).values).exp()
    return exps / exps.sum(dim=0, keepdim=True)


# %% ch03-softmax-rows-solution: forgets keepdim=True on the sum: [N, C] / [N] divides along the wrong axis [message: sum(dim=1, keepdim=True)]
def softmax_rows(logits):
    exps = (logits - logits.max(dim=1, keepdim=True).values).exp()
    return exps / exps.sum(dim=1)


# %% ch03-softmax-rows-solution: subtracts each row's minimum instead of its maximum: exp still overflows
def softmax_rows(logits):
    exps = (logits - logits.min(dim=1, keepdim=True).values).exp()
    return exps / exps.sum(dim=1, keepdim=True)


# %% ch03-softmax-rows-solution: subtracts the maximum in place, changing the caller's logits [message: in place]
def softmax_rows(logits):
    logits -= logits.max(dim=1, keepdim=True).values
    exps = logits.exp()
    return exps / exps.sum(dim=1, keepdim=True)


# %% ch03-softmax-rows-solution: calls torch.softmax instead of building it from exp, sum and max [message: torch's softmax]
def softmax_rows(logits):
    return torch.softmax(logits, dim=1)


# %% ch03-softmax-rows-solution: divides by the sum of the whole tensor, not of each row
def softmax_rows(logits):
    exps = (logits - logits.max(dim=1, keepdim=True).values).exp()
    return exps / exps.sum()


# %% ch03-softmax-rows-solution: returns the log-probabilities (log-softmax) instead of the probabilities
def softmax_rows(logits):
    shifted = logits - logits.max(dim=1, keepdim=True).values
    return shifted - shifted.exp().sum(dim=1, keepdim=True).log()


# %% ch03-softmax-rows-solution: subtracts what max returns, without .values [message: .values]
def softmax_rows(logits):
    exps = (logits - logits.max(dim=1, keepdim=True)).exp()
    return exps / exps.sum(dim=1, keepdim=True)


# %% ch03-softmax-rows-solution: the row maxima without keepdim: [N] lines up with the columns [message: max(dim=1, keepdim=True)]
def softmax_rows(logits):
    exps = (logits - logits.max(dim=1).values).exp()
    return exps / exps.sum(dim=1, keepdim=True)
