"""The training loop of chapter 02, as functions for later chapters.

``train_one_epoch`` and ``evaluate`` are chapter 02's functions of the same
names, line for line (``tests/test_train.py`` checks it), plus a clear
error when the loader yields no samples.

Accuracy is a fraction (0.885) everywhere in code; printouts show it as a
percentage.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from typing import Any

import torch
from torch import nn
from tqdm import tqdm


def _progress_bar(iterable: Iterable[Any], **kwargs: Any) -> tqdm:
    """A text progress bar that reads well live and in a saved notebook.

    It writes plain text to stdout rather than a Jupyter widget, which
    shows as noise on GitHub and in any viewer without the widget state.
    """
    kwargs.setdefault("file", sys.stdout)
    kwargs.setdefault("ncols", 90)
    kwargs.setdefault("mininterval", 0.5)
    return tqdm(iterable, **kwargs)


def count_params(model: nn.Module, trainable_only: bool = False) -> int:
    """Number of scalar parameters in ``model``."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad or not trainable_only)


def _check_not_empty(seen: int, caller: str) -> None:
    """A clear error instead of a division by zero when a loader yields no samples."""
    if seen == 0:
        raise ValueError(
            f"{caller} got a loader that yielded no samples. Check that the data set is "
            "not empty and, for a DataLoader with drop_last=True, that it holds at least "
            "batch_size samples."
        )


def train_one_epoch(
    model: nn.Module,
    loader: Iterable[tuple[torch.Tensor, torch.Tensor]],
    loss_fn: nn.Module,
    optimizer: torch.optim.Optimizer,
    device: torch.device,
    scheduler: Any = None,
) -> tuple[float, float]:
    """Train ``model`` for one pass over ``loader``.

    ``scheduler``, if given, is stepped after every batch.

    Returns:
        Mean loss and accuracy over the samples seen.
    """
    model.train()
    total_loss, correct, seen = 0.0, 0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)  # the batch goes where the model is
        logits = model(X)  # 1. forward: class scores for the batch
        loss = loss_fn(logits, y)  # 2. loss: how wrong they are
        optimizer.zero_grad()  # 3. clear the gradients (backward adds to them)
        loss.backward()  # 4. backward: compute new gradients
        optimizer.step()  # 5. update the weights
        if scheduler is not None:
            scheduler.step()  # then lower the learning rate a little
        total_loss += loss.item() * len(y)
        correct += (logits.argmax(dim=1) == y).sum().item()
        seen += len(y)
    _check_not_empty(seen, "train_one_epoch")
    return total_loss / seen, correct / seen


@torch.no_grad()
def evaluate(
    model: nn.Module,
    loader: Iterable[tuple[torch.Tensor, torch.Tensor]],
    loss_fn: nn.Module,
    device: torch.device,
) -> tuple[float, float]:
    """Mean loss and accuracy of ``model`` on ``loader``, without gradients."""
    model.eval()
    total_loss, correct, seen = 0.0, 0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        logits = model(X)
        total_loss += loss_fn(logits, y).item() * len(y)
        correct += (logits.argmax(dim=1) == y).sum().item()
        seen += len(y)
    _check_not_empty(seen, "evaluate")
    return total_loss / seen, correct / seen


def fit(
    model: nn.Module,
    train_loader: Iterable[tuple[torch.Tensor, torch.Tensor]],
    test_loader: Iterable[tuple[torch.Tensor, torch.Tensor]],
    loss_fn: nn.Module,
    optimizer: torch.optim.Optimizer,
    num_epochs: int,
    device: torch.device,
    scheduler: Any = None,
) -> dict[str, list[float]]:
    """Train for ``num_epochs`` epochs, evaluating on ``test_loader`` after each.

    Shows a progress bar with the latest test accuracy.

    Returns:
        A history: lists ``train_loss``, ``train_acc``, ``test_loss``,
        ``test_acc`` and ``seconds`` (training time of each epoch).
    """
    history: dict[str, list[float]] = {
        "train_loss": [],
        "train_acc": [],
        "test_loss": [],
        "test_acc": [],
        "seconds": [],
    }
    bar = _progress_bar(range(num_epochs), desc="epochs", unit="epoch")
    for _ in bar:
        start = time.perf_counter()
        train_loss, train_acc = train_one_epoch(
            model, train_loader, loss_fn, optimizer, device, scheduler
        )
        history["seconds"].append(time.perf_counter() - start)
        test_loss, test_acc = evaluate(model, test_loader, loss_fn, device)
        for key, value in zip(
            ("train_loss", "train_acc", "test_loss", "test_acc"),
            (train_loss, train_acc, test_loss, test_acc),
            strict=True,
        ):
            history[key].append(value)
        bar.set_postfix(train_loss=f"{train_loss:.3f}", test_acc=f"{test_acc:.1%}")
    return history
