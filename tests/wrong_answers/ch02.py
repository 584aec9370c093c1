"""Plausible wrong answers for chapter 02's exercises; each must fail the exercise's checks."""

WRONG_ANSWERS: dict[str, list[tuple[str, str]]] = {
    "ch02-ex1-solution": [
        (
            "divides by how often k is predicted (precision), not by how often it occurs",
            "def per_class_accuracy(preds, targets, num_classes):\n"
            "    correct = torch.zeros(num_classes)\n"
            "    total = torch.zeros(num_classes)\n"
            "    for k in range(num_classes):\n"
            "        total[k] = (preds == k).sum()\n"
            "        correct[k] = ((preds == k) & (targets == k)).sum()\n"
            "    return correct / total\n",
        ),
        (
            "divides every class's correct count by the number of all samples",
            "def per_class_accuracy(preds, targets, num_classes):\n"
            "    correct = torch.zeros(num_classes)\n"
            "    for k in range(num_classes):\n"
            "        correct[k] = ((preds == k) & (targets == k)).sum()\n"
            "    return correct / len(targets)\n",
        ),
    ],
    "ch02-ex2-solution": [
        (
            "drops the last, shorter batch",
            "def batch_indices(n, batch_size, generator):\n"
            "    order = torch.randperm(n, generator=generator)\n"
            "    full = n - batch_size + 1\n"
            "    return [order[i:i + batch_size] for i in range(0, full, batch_size)]\n",
        ),
        (
            "ignores the generator (draws from the global random state)",
            "def batch_indices(n, batch_size, generator):\n"
            "    order = torch.randperm(n)\n"
            "    return [order[i:i + batch_size] for i in range(0, n, batch_size)]\n",
        ),
        (
            "does not shuffle at all",
            "def batch_indices(n, batch_size, generator):\n"
            "    order = torch.arange(n)\n"
            "    return [order[i:i + batch_size] for i in range(0, n, batch_size)]\n",
        ),
    ],
    "ch02-ex3-solution": [
        (
            "returns 0-d tensors instead of Python ints",
            "def top_confusions(cm, k):\n"
            "    n = cm.shape[0]\n"
            "    off = cm.clone()\n"
            "    off.fill_diagonal_(0)\n"
            "    counts, flat = torch.topk(off.flatten(), k)\n"
            "    return [(i // n, i % n, c) for i, c in zip(flat, counts)]\n",
        ),
        (
            "zeroes the diagonal of the caller's matrix (no clone)",
            "def top_confusions(cm, k):\n"
            "    n = cm.shape[0]\n"
            "    cm.fill_diagonal_(0)\n"
            "    counts, flat = torch.topk(cm.flatten(), k)\n"
            "    return [(*divmod(i, n), c) for i, c in zip(flat.tolist(), counts.tolist())]\n",
        ),
        (
            "keeps the diagonal (counts correct predictions as confusions)",
            "def top_confusions(cm, k):\n"
            "    n = cm.shape[0]\n"
            "    counts, flat = torch.topk(cm.flatten(), k)\n"
            "    return [(*divmod(i, n), c) for i, c in zip(flat.tolist(), counts.tolist())]\n",
        ),
    ],
}
