"""Chapter 02's exercise checks: per-class accuracy, batches by hand, top confusions."""

from __future__ import annotations

from collections.abc import Callable

import torch

from course_utils.cases import exercise_case
from course_utils.checks import check_close, check_equal
from course_utils.exercises import exercise


def _confusion_matrix(preds: torch.Tensor, targets: torch.Tensor, n: int) -> torch.Tensor:
    """Rows: true class, columns: prediction (chapter 02, section 8)."""
    return torch.bincount(n * targets + preds, minlength=n * n).reshape(n, n)


def _call_per_class(fn: Callable, preds: torch.Tensor, targets: torch.Tensor, n: int):
    """The learner's result, with PyTorch's error for ``bool.mean()`` explained."""
    try:
        return fn(preds.clone(), targets.clone(), n)
    except RuntimeError as err:
        if "Bool" in str(err) and "dtype" in str(err):
            raise AssertionError(
                "your code called .mean() (or another average) on a Bool tensor, the result "
                "of a comparison such as preds == k; PyTorch averages only floating-point "
                "tensors: convert it first, (preds == k).float().mean()"
            ) from err
        raise


def _per_class_case(fn: Callable, what: str, preds, targets, n: int) -> None:
    cm = _confusion_matrix(preds, targets, n)
    occurs, predicted = cm.sum(dim=1), cm.sum(dim=0)
    expected = cm.diag() / occurs
    with exercise_case(what):
        got = _call_per_class(fn, preds, targets, n)
        assert isinstance(got, torch.Tensor), (
            f"the result is a {type(got).__name__}, not a tensor: return a float tensor "
            "of length num_classes (torch.zeros(num_classes) to fill, or torch.tensor(...))"
        )
        assert tuple(got.shape) == (n,), (
            f"the result has shape {list(got.shape)}, expected [{n}]: one value for each "
            "of the num_classes classes (use the argument, not a fixed number of classes)"
        )
        assert got.is_floating_point(), (
            f"the result is a {got.dtype} tensor: return fractions (float counts, and / not //)"
        )
        got = got.detach().double().cpu()
        mistakes = [
            (
                cm.diag() / predicted,
                "you divided by how often each class was "
                "PREDICTED (that is precision); divide by how often it occurs in targets",
            ),
            (
                cm.diag() / len(targets),
                "you divided by the number of all samples; divide by "
                "the number of samples whose target is that class",
            ),
            (
                torch.full((n,), cm.diag().sum().item() / len(targets)),
                "every class got the "
                "overall accuracy; count the correct predictions of each class separately",
            ),
        ]
        for wrong, why in mistakes:
            wrong = wrong.double()
            if not torch.allclose(wrong, expected.double()) and torch.allclose(
                got, wrong, equal_nan=True
            ):
                raise AssertionError(why)
        nan = torch.isnan(got).nonzero().flatten().tolist()
        assert not nan, (
            f"the result for class {nan[0]} is nan (0 / 0): your code counted no sample of "
            "that class; go through every class, range(num_classes)"
        )
        check_close(got, expected, atol=1e-6, name="per-class accuracy")


@exercise("ch02-per-class-accuracy")
def per_class_accuracy(per_class_accuracy: Callable) -> str:
    """``per_class_accuracy(preds, targets, num_classes)``: correct / occurrences, per class."""
    # by hand: class 0 is right 1 of 2 times, class 1 3 of 3, class 2 1 of 1 -> [0.5, 1, 1]
    _per_class_case(
        per_class_accuracy,
        "the hand example (6 samples, 3 classes)",
        torch.tensor([0, 1, 1, 1, 1, 2]),
        torch.tensor([0, 0, 1, 1, 1, 2]),
        3,
    )
    for n, classes in [(40, 4), (9, 2), (500, 10)]:  # unbalanced classes, about 60% right
        targets = torch.cat(
            [torch.arange(classes), torch.randint(classes - 1, (n - classes,))]
        )  # every class occurs at least once, the last one exactly once
        wrong = torch.randint(classes, (n,))
        preds = torch.where(torch.rand(n) < 0.6, targets, wrong)
        _per_class_case(
            per_class_accuracy, f"{n} random samples of {classes} classes", preds, targets, classes
        )
    return (
        "per_class_accuracy matches the hand count and the rows of the confusion matrices "
        "of 4, 2 and 10 classes"
    )


def _batch_case(fn: Callable, n: int, batch_size: int, seed: int) -> None:
    with exercise_case(f"batch_indices({n}, {batch_size}, a generator seeded with {seed})"):
        global_state = torch.get_rng_state()
        got = fn(n, batch_size, torch.Generator().manual_seed(seed))
        assert torch.equal(torch.get_rng_state(), global_state), (
            "batch_indices used the global random generator (torch.manual_seed, or "
            "torch.randperm without generator=): draw from the generator argument"
        )
        order = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
        expected = [len(b) for b in order.split(batch_size)]
        assert isinstance(got, list | tuple) and all(isinstance(b, torch.Tensor) for b in got), (
            "return a list of index tensors"
        )
        sizes = [len(b) for b in got]
        assert sizes != expected + [0], (
            "the last batch is empty: that happens when n divides evenly by batch_size; "
            "stop the slices at n"
        )
        assert sizes == expected, (
            f"batch sizes {sizes}, expected {expected}: consecutive slices of batch_size "
            "indices, the last one shorter if n does not divide evenly"
        )
        check_equal(
            torch.cat(list(got)),
            order,
            "the batches, joined (one torch.randperm(n, generator=generator))",
        )


@exercise("ch02-batch-indices")
def batch_indices(batch_indices: Callable) -> str:
    """``batch_indices(n, batch_size, generator)``: one permutation from ``generator``, sliced."""
    for case in [(10, 4, 3), (12, 4, 5), (3, 5, 7), (5, 1, 9), (60_000, 256, 11)]:
        _batch_case(batch_indices, *case)
    return (
        "batch_indices slices one permutation drawn from the generator it is given "
        "(sizes that divide evenly, a batch larger than n, 60,000 in batches of 256)"
    )


def _divisor(cm: torch.Tensor, got: list[tuple[int, int, int]]) -> str | None:
    """The call ``divmod(index, d)`` that explains every wrong (row, column), if one does."""
    n, flat = len(cm), cm.flatten().tolist()
    wrong = [(t, p, c) for t, p, c in got if not (0 <= t < n and 0 <= p < n) or cm[t, p] != c]
    fits = [
        d
        for d in range(1, max(4 * n, 10) + 1)
        if d != n
        and wrong
        and all(0 <= p < d and t * d + p < n * n and flat[t * d + p] == c for t, p, c in wrong)
    ]
    if 10 in fits:  # FashionMNIST's number of classes, typed in
        return "divmod(index, 10)"
    return f"divmod(index, {fits[0]})" if len(fits) == 1 else "divmod(index, d)" if fits else None


def _top_case(fn: Callable, what: str, cm: torch.Tensor, k: int) -> None:
    n = len(cm)
    before = cm.clone()
    off = [cm[i, j].item() for i in range(n) for j in range(n) if i != j]
    largest = sorted(off, reverse=True)[:k]
    with exercise_case(what):
        got = fn(cm, k)
        check_equal(cm, before, "cm after top_confusions (change a clone, not cm)")
        assert isinstance(got, list), f"expected a list of {k} tuples, got {type(got).__name__}"
        for entry in got:
            assert isinstance(entry, tuple) and [type(v) for v in entry] == [int] * 3, (
                f"{entry!r} should be a tuple of 3 Python ints (use .tolist())"
            )
        assert len(got) <= k, f"{len(got)} tuples, expected {k}: {got}"
        assert len(got) == k, (
            f"{len(got)} tuples, expected {k}: {got}. Dropping diagonal entries after "
            "choosing the k largest leaves fewer than k: keep the diagonal out before choosing"
        )
        counts = [c for _, _, c in got]
        if min(counts) < 0:
            raise AssertionError(
                f"the counts {counts} include negative numbers, the filled diagonal, which "
                "holds the smallest entries: you took the k SMALLEST entries (an ascending "
                "sort); take the largest (torch.topk, or sort with descending=True)"
            )
        assert k == 1 or counts != sorted(counts) or counts == largest, (
            f"the counts {counts} come smallest first: you took the k SMALLEST entries (an "
            "ascending sort); take the largest (torch.topk, or sort with descending=True)"
        )
        outside = [(t, p, c) for t, p, c in got if not (0 <= t < n and 0 <= p < n)]
        mismatched = outside or [(t, p, c) for t, p, c in got if cm[t, p].item() != c]
        d = _divisor(cm, got) if mismatched else None
        assert d is None, (
            f"{mismatched[0]}: the row and column come from {d}, but this "
            f"matrix has {n} columns, so each row of the flattened matrix has {n} entries: "
            "divide the index by the number of classes, len(cm)"
        )
        on_diagonal = [(t, p, c) for t, p, c in got if t == p and not outside]
        if on_diagonal:
            t, _, c = on_diagonal[0]
            assert c != 0, (
                f"{on_diagonal[0]} is on the diagonal: a diagonal set to 0 ties with "
                "off-diagonal 0s and can come back; set it below every count (-1)"
            )
            raise AssertionError(
                f"{on_diagonal[0]} is on the diagonal: cm[{t}, {t}] counts correct "
                "predictions, not confusions; keep the diagonal out of the k largest"
            )
        if mismatched:
            t, p, c = mismatched[0]
            assert outside or cm[p, t].item() != c, (
                f"{mismatched[0]}: the count {c} is at cm[{p}, {t}], not cm[{t}, {p}]: you "
                "returned (predicted, true); the row is the true class, and the quotient "
                "of divmod(index, len(cm)) is the row"
            )
            raise AssertionError(
                f"{mismatched[0]}: that is not an entry of cm holding {c}: return the row, "
                "the column and the count of the same entry of cm"
            )
        assert len({entry[:2] for entry in got}) == k, f"{got} names a pair twice"
        assert counts == sorted(counts, reverse=True) or sorted(counts) != sorted(largest), (
            f"the counts {counts} are the right ones but not largest first"
        )
        check_equal(counts, largest, "the counts, largest first")


@exercise("ch02-top-confusions")
def top_confusions(top_confusions: Callable) -> str:
    """``top_confusions(cm, k)``: the k largest off-diagonal (true, predicted, count)."""
    _top_case(
        top_confusions, "a 3x3 matrix, k=3", torch.tensor([[50, 3, 9], [7, 40, 0], [1, 12, 30]]), 3
    )
    _top_case(
        top_confusions,
        "a 2x2 matrix, k=2: every off-diagonal entry, even a 0",
        torch.tensor([[3, 0], [2, 4]]),
        2,
    )
    bad = torch.tensor([[5, 20, 0, 1], [2, 9, 4, 0], [0, 3, 1, 8], [6, 0, 0, 7]])
    _top_case(
        top_confusions, "a 4x4 matrix with some errors larger than correct counts, k=1", bad, 1
    )
    _top_case(top_confusions, "the same 4x4 matrix, k=5", bad, 5)
    cm10 = torch.randint(60, (10, 10)) + torch.diag(torch.full((10,), 800))
    _top_case(top_confusions, "a random 10x10 matrix, k=6", cm10, 6)
    return (
        "top_confusions returns the k largest off-diagonal entries, largest first, "
        "for matrices of 2 to 10 classes, and leaves cm unchanged"
    )
