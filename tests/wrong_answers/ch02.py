"""Plausible wrong answers for chapter 02's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

# Names the chapter's notebook defines before its exercises:
import torch

# The cells keep the notebook's layout, which ruff format would change:
# fmt: off


# %% ch02-ex1-solution: divides by how often k is predicted (precision), not by how often it occurs
def per_class_accuracy(preds, targets, num_classes):
    correct = torch.zeros(num_classes)
    total = torch.zeros(num_classes)
    for k in range(num_classes):
        total[k] = (preds == k).sum()
        correct[k] = ((preds == k) & (targets == k)).sum()
    return correct / total


# %% ch02-ex1-solution: divides every class's correct count by the number of all samples
def per_class_accuracy(preds, targets, num_classes):
    correct = torch.zeros(num_classes)
    for k in range(num_classes):
        correct[k] = ((preds == k) & (targets == k)).sum()
    return correct / len(targets)


# %% ch02-ex2-solution: drops the last, shorter batch
def batch_indices(n, batch_size, generator):
    order = torch.randperm(n, generator=generator)
    full = n - batch_size + 1
    return [order[i:i + batch_size] for i in range(0, full, batch_size)]


# %% ch02-ex2-solution: ignores the generator (draws from the global random state)
def batch_indices(n, batch_size, generator):
    order = torch.randperm(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


# %% ch02-ex2-solution: does not shuffle at all
def batch_indices(n, batch_size, generator):
    order = torch.arange(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


# %% ch02-ex3-solution: returns 0-d tensors instead of Python ints
def top_confusions(cm, k):
    n = cm.shape[0]
    off = cm.clone()
    off.fill_diagonal_(0)
    counts, flat = torch.topk(off.flatten(), k)
    return [(i // n, i % n, c) for i, c in zip(flat, counts)]


# %% ch02-ex3-solution: zeroes the diagonal of the caller's matrix (no clone)
def top_confusions(cm, k):
    n = cm.shape[0]
    cm.fill_diagonal_(0)
    counts, flat = torch.topk(cm.flatten(), k)
    return [(*divmod(i, n), c) for i, c in zip(flat.tolist(), counts.tolist())]


# %% ch02-ex3-solution: keeps the diagonal (counts correct predictions as confusions)
def top_confusions(cm, k):
    n = cm.shape[0]
    counts, flat = torch.topk(cm.flatten(), k)
    return [(*divmod(i, n), c) for i, c in zip(flat.tolist(), counts.tolist())]
