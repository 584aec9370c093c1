"""Plotting helpers: image grids, training curves, fitted lines.

Each helper draws one figure and returns it; the notebook shows it. Axes
are always labelled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator


def _as_numpy(values: torch.Tensor | np.ndarray | Sequence[float | torch.Tensor]) -> np.ndarray:
    """``values`` as a NumPy array: tensors on any device (CUDA, MPS) go to the CPU first,
    also inside a list (a history of loss tensors), where NumPy would call ``.numpy()``."""
    if isinstance(values, torch.Tensor):
        return values.detach().cpu().numpy()
    if not isinstance(values, np.ndarray) and any(isinstance(v, torch.Tensor) for v in values):
        return np.asarray([_as_numpy(v) for v in values])
    return np.asarray(values)


def plot_images(
    images: torch.Tensor,
    titles: Sequence[str] | None = None,
    ncols: int = 8,
    suptitle: str | None = None,
    title_colors: Sequence[str] | None = None,
) -> Figure:
    """Draw grayscale images in a grid, each with an optional title.

    Args:
        images: [N, H, W] or [N, 1, H, W].
        titles: one label per image (for example a class name).
        ncols: images per row.
        title_colors: one matplotlib colour per title (e.g. green/red for
            right/wrong predictions).
    """
    images = _as_numpy(images)
    if images.ndim == 4 and images.shape[1] == 1:
        images = images[:, 0]
    if images.ndim != 3:
        raise ValueError(
            f"plot_images expects images of shape [N, H, W] or [N, 1, H, W], got {images.shape}."
        )
    n = images.shape[0]
    if titles is not None and len(titles) != n:
        raise ValueError(f"got {n} images but {len(titles)} titles")
    if title_colors is not None:
        if titles is None:
            raise ValueError("title_colors colours the titles: pass titles too")
        if len(title_colors) != n:
            raise ValueError(f"got {n} images but {len(title_colors)} title_colors")
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.6 * ncols, 2.0 * nrows), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i >= n:
            continue
        ax.imshow(images[i], cmap="gray_r")
        if titles is not None:
            color = title_colors[i] if title_colors is not None else "black"
            ax.set_title(titles[i], fontsize=10, color=color)
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig


def plot_history(history: Mapping[str, Sequence[float]]) -> Figure:
    """Plot loss and accuracy per epoch from a :func:`course_utils.fit` history.

    Draws every ``*_loss`` key on the left and every ``*_acc`` key (a
    fraction, shown as a percentage) on the right.
    """
    loss_keys = [k for k in history if k.endswith("_loss")]
    acc_keys = [k for k in history if k.endswith("_acc")]
    if not loss_keys:
        raise ValueError(
            f"history has no '*_loss' keys (got {list(history)}); pass the dict that fit() returns."
        )
    ncols = 2 if acc_keys else 1
    fig, axes = plt.subplots(1, ncols, figsize=(5 * ncols, 3.2), squeeze=False)
    for key in loss_keys:
        epochs = np.arange(1, len(history[key]) + 1)
        axes[0, 0].plot(
            epochs, _as_numpy(history[key]), marker="o", label=key.removesuffix("_loss")
        )
    for ax in axes.flat:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes[0, 0].set(xlabel="epoch", ylabel="loss", title="Loss")
    axes[0, 0].legend()
    if acc_keys:
        for key in acc_keys:
            epochs = np.arange(1, len(history[key]) + 1)
            axes[0, 1].plot(
                epochs,
                100 * _as_numpy(history[key]),
                marker="o",
                label=key.removesuffix("_acc"),
            )
        axes[0, 1].set(xlabel="epoch", ylabel="accuracy (%)", title="Accuracy")
        axes[0, 1].legend()
    fig.tight_layout()
    return fig


def plot_fit(
    x: torch.Tensor | np.ndarray,
    y: torch.Tensor | np.ndarray,
    curves: Mapping[str, tuple[torch.Tensor | np.ndarray, torch.Tensor | np.ndarray]],
    xlabel: str = "x",
    ylabel: str = "y",
    title: str | None = None,
) -> Figure:
    """Scatter the data and draw one or more fitted curves over it.

    Args:
        x, y: the data points (any shape that flattens to the same length).
        curves: label -> (xs, ys) of a curve to draw as a line.
    """
    x, y = _as_numpy(x).ravel(), _as_numpy(y).ravel()
    if x.shape != y.shape:
        raise ValueError(f"x has {x.size} values but y has {y.size}")
    fig, ax = plt.subplots(figsize=(5, 3.5))
    ax.scatter(x, y, s=14, alpha=0.7, label="data")
    for label, (xs, ys) in curves.items():
        ax.plot(_as_numpy(xs).ravel(), _as_numpy(ys).ravel(), linewidth=2, label=label)
    ax.set(xlabel=xlabel, ylabel=ylabel)
    if title:
        ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    return fig


def plot_confusion_matrix(cm: torch.Tensor | np.ndarray, class_names: Sequence[str]) -> Figure:
    """Draw a confusion matrix (rows: true class, columns: predicted class)."""
    cm = _as_numpy(cm)
    k = len(class_names)
    if cm.shape != (k, k):
        raise ValueError(f"cm has shape {cm.shape}, expected ({k}, {k})")
    fig, ax = plt.subplots(figsize=(6.5, 5.5))
    im = ax.imshow(cm, cmap="Blues")
    fig.colorbar(im, ax=ax)
    ax.set_xticks(range(k), class_names, rotation=60, ha="right")
    ax.set_yticks(range(k), class_names)
    ax.set(xlabel="predicted class", ylabel="true class")
    threshold = cm.max() / 2
    for i in range(k):
        for j in range(k):
            ax.text(
                j,
                i,
                int(cm[i, j]),
                ha="center",
                va="center",
                fontsize=9,
                color="white" if cm[i, j] > threshold else "black",
            )
    fig.tight_layout()
    return fig
