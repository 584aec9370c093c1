"""Plausible wrong answers for chapter 02's exercises; each must fail the exercise's checks.

Each ``# %% <grade_id>: <why>`` cell is the full source of a wrong solution cell; the cells run
in the chapter's kernel (see ``tests/wrong_answers/__init__.py``).
"""

from typing import TYPE_CHECKING

# Names the chapter's notebook defines before its exercises:
import torch

if TYPE_CHECKING:  # the notebook's confusion matrix of the test set (section 8)
    cm = torch.zeros(10, 10, dtype=torch.long)

# The cells keep the notebook's layout, which ruff format would change:
# fmt: off


# %% ch02-per-class-accuracy-solution: divides by how often k is predicted (precision), not by how often it occurs [message: precision]
def per_class_accuracy(preds, targets, num_classes):
    correct = torch.zeros(num_classes)
    total = torch.zeros(num_classes)
    for k in range(num_classes):
        total[k] = (preds == k).sum()
        correct[k] = ((preds == k) & (targets == k)).sum()
    return correct / total


# %% ch02-per-class-accuracy-solution: divides every class's correct count by the number of all samples [message: number of all samples]
def per_class_accuracy(preds, targets, num_classes):
    correct = torch.zeros(num_classes)
    for k in range(num_classes):
        correct[k] = ((preds == k) & (targets == k)).sum()
    return correct / len(targets)


# %% ch02-per-class-accuracy-solution: integer counts and integer division (//): 0 for every class not all right [message: fractions]
def per_class_accuracy(preds, targets, num_classes):
    correct = torch.zeros(num_classes, dtype=torch.long)
    total = torch.zeros(num_classes, dtype=torch.long)
    for k in range(num_classes):
        total[k] = (targets == k).sum()
        correct[k] = (preds[targets == k] == k).sum()
    return correct // total


# %% ch02-per-class-accuracy-solution: hard-codes the 10 classes of FashionMNIST instead of num_classes [message: num_classes]
def per_class_accuracy(preds, targets, num_classes):
    correct = torch.zeros(10)
    total = torch.zeros(10)
    for k in range(10):
        total[k] = (targets == k).sum()
        correct[k] = (preds[targets == k] == k).sum()
    return correct / total


# %% ch02-per-class-accuracy-solution: the loop stops one class early (range(num_classes - 1)): the last is 0/0 [message: range(num_classes)]
def per_class_accuracy(preds, targets, num_classes):
    correct = torch.zeros(num_classes)
    total = torch.zeros(num_classes)
    for k in range(num_classes - 1):
        total[k] = (targets == k).sum()
        correct[k] = (preds[targets == k] == k).sum()
    return correct / total


# %% ch02-per-class-accuracy-solution: the overall accuracy, repeated for every class [message: overall accuracy]
def per_class_accuracy(preds, targets, num_classes):
    accuracy = (preds == targets).float().mean()
    return accuracy.repeat(num_classes)


# %% ch02-per-class-accuracy-solution: a confusion matrix built the wrong way round (num_classes * preds + targets) [message: precision]
def per_class_accuracy(preds, targets, num_classes):
    codes = num_classes * preds + targets
    matrix = torch.bincount(codes, minlength=num_classes**2).reshape(num_classes, num_classes)
    return matrix.diag() / matrix.sum(dim=1)


# %% ch02-per-class-accuracy-solution: reads the notebook's confusion matrix cm instead of its arguments
def per_class_accuracy(preds, targets, num_classes):
    return cm.diag() / cm.sum(dim=1)


# %% ch02-per-class-accuracy-solution: returns a Python list of numbers, not a tensor [message: not a tensor]
def per_class_accuracy(preds, targets, num_classes):
    result = []
    for k in range(num_classes):
        is_k = targets == k
        result.append((preds[is_k] == k).float().mean().item())
    return result


# %% ch02-per-class-accuracy-solution: averages a Bool tensor with .mean() (PyTorch refuses) [message: .float()]
def per_class_accuracy(preds, targets, num_classes):
    result = torch.zeros(num_classes)
    for k in range(num_classes):
        result[k] = (preds[targets == k] == k).mean()
    return result


# %% ch02-batch-indices-solution: drops the last, shorter batch
def batch_indices(n, batch_size, generator):
    order = torch.randperm(n, generator=generator)
    full = n - batch_size + 1
    return [order[i:i + batch_size] for i in range(0, full, batch_size)]


# %% ch02-batch-indices-solution: ignores the generator (draws from the global random state)
def batch_indices(n, batch_size, generator):
    order = torch.randperm(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


# %% ch02-batch-indices-solution: ignores the generator and seeds the global one with torch.manual_seed(0)
def batch_indices(n, batch_size, generator):
    torch.manual_seed(0)
    order = torch.randperm(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


# %% ch02-batch-indices-solution: reseeds the generator it is given (generator.manual_seed(0))
def batch_indices(n, batch_size, generator):
    order = torch.randperm(n, generator=generator.manual_seed(0))
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


# %% ch02-batch-indices-solution: does not shuffle at all
def batch_indices(n, batch_size, generator):
    order = torch.arange(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


# %% ch02-batch-indices-solution: n // batch_size + 1 batches: the last one is empty when n divides evenly
def batch_indices(n, batch_size, generator):
    order = torch.randperm(n, generator=generator)
    num_batches = n // batch_size + 1
    return [order[b * batch_size:(b + 1) * batch_size] for b in range(num_batches)]


# %% ch02-batch-indices-solution: torch.chunk(order, batch_size) makes batch_size chunks, not chunks of batch_size
def batch_indices(n, batch_size, generator):
    order = torch.randperm(n, generator=generator)
    return list(torch.chunk(order, batch_size))


# %% ch02-batch-indices-solution: draws a new permutation for every batch (samples repeat, others are missed)
def batch_indices(n, batch_size, generator):
    return [torch.randperm(n, generator=generator)[:min(batch_size, n - i)]
            for i in range(0, n, batch_size)]


# %% ch02-batch-indices-solution: random indices with replacement (torch.randint) instead of a permutation
def batch_indices(n, batch_size, generator):
    order = torch.randint(n, (n,), generator=generator)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


# %% ch02-top-confusions-solution: returns 0-d tensors instead of Python ints [message: Python ints]
def top_confusions(cm, k):
    n = cm.shape[0]
    off = cm.clone()
    off.fill_diagonal_(0)
    counts, flat = torch.topk(off.flatten(), k)
    return [(i // n, i % n, c) for i, c in zip(flat, counts)]


# %% ch02-top-confusions-solution: zeroes the diagonal of the caller's matrix (no clone) [message: clone]
def top_confusions(cm, k):
    n = cm.shape[0]
    cm.fill_diagonal_(-1)
    counts, flat = torch.topk(cm.flatten(), k)
    return [(*divmod(i, n), c) for i, c in zip(flat.tolist(), counts.tolist())]


# %% ch02-top-confusions-solution: keeps the diagonal (counts correct predictions as confusions) [message: diagonal]
def top_confusions(cm, k):
    n = cm.shape[0]
    counts, flat = torch.topk(cm.flatten(), k)
    return [(*divmod(i, n), c) for i, c in zip(flat.tolist(), counts.tolist())]


# %% ch02-top-confusions-solution: zeroes the diagonal, so a diagonal 0 can come back when k reaches off-diagonal 0s [message: set to 0]
def top_confusions(cm, k):
    n = cm.shape[0]
    off = cm.clone()
    off.fill_diagonal_(0)
    counts, flat = torch.topk(off.flatten(), k)
    return [(*divmod(i, n), c) for i, c in zip(flat.tolist(), counts.tolist())]


# %% ch02-top-confusions-solution: takes the k largest entries of the whole matrix, then drops the diagonal ones [message: fewer than k]
def top_confusions(cm, k):
    n = cm.shape[0]
    counts, flat = torch.topk(cm.flatten(), k)
    found = [(*divmod(i, n), c) for i, c in zip(flat.tolist(), counts.tolist())]
    return [(t, p, c) for t, p, c in found if t != p]


# %% ch02-top-confusions-solution: swaps row and column: (predicted, true) instead of (true, predicted) [message: (predicted, true)]
def top_confusions(cm, k):
    n = cm.shape[0]
    off = cm.clone()
    off.fill_diagonal_(-1)
    counts, flat = torch.topk(off.flatten(), k)
    return [(i % n, i // n, c) for i, c in zip(flat.tolist(), counts.tolist())]


# %% ch02-top-confusions-solution: argsort sorts ascending, so this returns the k smallest entries [message: ascending]
def top_confusions(cm, k):
    n = cm.shape[0]
    off = cm.clone()
    off.fill_diagonal_(-1)
    flat = torch.argsort(off.flatten())[:k]
    return [(*divmod(i, n), off.flatten()[i].item()) for i in flat.tolist()]


# %% ch02-top-confusions-solution: hard-codes FashionMNIST's 10 classes in divmod(i, 10) [message: divmod(index, 10)]
def top_confusions(cm, k):
    off = cm.clone()
    off.fill_diagonal_(-1)
    counts, flat = torch.topk(off.flatten(), k)
    return [(*divmod(i, 10), c) for i, c in zip(flat.tolist(), counts.tolist())]


# %% ch02-top-confusions-solution: torch.sort ascending (the default) keeps the k smallest [message: ascending]
def top_confusions(cm, k):
    n = len(cm)
    off = cm.clone()
    off.fill_diagonal_(-1)
    counts, flat = torch.sort(off.flatten())
    return [(*divmod(i, n), c) for i, c in zip(flat[:k].tolist(), counts[:k].tolist())]


# %% ch02-top-confusions-solution: divides the flat index by k instead of the number of classes [message: number of classes]
def top_confusions(cm, k):
    off = cm.clone()
    off.fill_diagonal_(-1)
    counts, flat = torch.topk(off.flatten(), k)
    return [(*divmod(i, k), c) for i, c in zip(flat.tolist(), counts.tolist())]


# %% ch02-top-confusions-solution: divides the flat index by n + 1 (the diagonal's step) [message: number of classes]
def top_confusions(cm, k):
    n = len(cm)
    off = cm.clone()
    off.fill_diagonal_(-1)
    counts, flat = torch.topk(off.flatten(), k)
    return [(*divmod(i, n + 1), c) for i, c in zip(flat.tolist(), counts.tolist())]
