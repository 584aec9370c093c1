"""Where the course's data lives, and how it is loaded.

FashionMNIST comes two ways: as torchvision datasets (one PIL image at a
time, the way most tutorials start) and as whole in-memory tensors, the
dataset's own ``.data`` and ``.targets`` (fast enough to train on a laptop
CPU). Missing, truncated or corrupt files get messages that say what to do.
"""

from __future__ import annotations

import math
import operator
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import torch

DATA_DIR_ENV = "COURSE_DATA_DIR"
"""Environment variable that points the course at a data folder (CI sets it)."""

DEFAULT_DATA_DIR = Path.home() / ".cache" / "pytorch-course" / "data"


class ClassNames(tuple):
    """Class names indexed by label; a label outside 0..N-1 is a clear error.

    A plain tuple would answer label -1 with the last class and label 10 with
    "tuple index out of range".
    """

    def __getitem__(self, label):  # type: ignore[override]
        if isinstance(label, slice):
            return tuple(super().__getitem__(label))
        try:
            index = operator.index(label)  # ints, NumPy ints, one-element integer tensors
        except TypeError:
            raise TypeError(
                f"class names are looked up by an integer label, got {type(label).__name__}"
            ) from None
        if not 0 <= index < len(self):
            raise IndexError(
                f"label {index} is not a class: labels run from 0 to {len(self) - 1} "
                f"({', '.join(f'{i} {name}' for i, name in enumerate(self))})."
            )
        return super().__getitem__(index)


FASHION_CLASSES = ClassNames(
    (
        "T-shirt/top",
        "Trouser",
        "Pullover",
        "Dress",
        "Coat",
        "Sandal",
        "Shirt",
        "Sneaker",
        "Bag",
        "Ankle boot",
    )
)

# file name -> (number of items, shape of one item)
FASHION_FILES = {
    "train-images-idx3-ubyte": (60_000, (28, 28)),
    "train-labels-idx1-ubyte": (60_000, ()),
    "t10k-images-idx3-ubyte": (10_000, (28, 28)),
    "t10k-labels-idx1-ubyte": (10_000, ()),
}


class DataNotFoundError(FileNotFoundError):
    """The data is not on disk and could not be downloaded."""


class CorruptDataError(ValueError):
    """A data file is on disk but truncated or not what it claims to be."""


def data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """Return the folder that holds the course's data sets.

    The first of these wins: ``path``, the ``COURSE_DATA_DIR`` environment
    variable, then ``~/.cache/pytorch-course/data``.
    """
    if path is not None:
        return Path(path).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return DEFAULT_DATA_DIR


def fashion_mnist_folder(root: str | os.PathLike[str] | None = None) -> Path:
    """Return ``<data dir>/FashionMNIST/raw``, where the four idx files go."""
    return data_dir(root) / "FashionMNIST" / "raw"


def _missing_files(raw: Path) -> list[str]:
    return [name for name in FASHION_FILES if not (raw / name).is_file()]


def _not_found_message(raw: Path, missing: list[str], reason: str) -> str:
    files = "\n".join(f"  - {name}" for name in missing)
    return (
        f"FashionMNIST is missing from {raw} ({reason}).\n"
        f"Place these files there (uncompressed idx files):\n{files}\n"
        f"or connect to the internet so the course can download them, or set "
        f"{DATA_DIR_ENV} to a folder that has FashionMNIST/raw/ inside it."
    )


def _download_fashion_mnist(root: Path) -> None:
    """Download FashionMNIST through torchvision (kept apart so tests can stub it)."""
    from torchvision.datasets import FashionMNIST

    for train in (True, False):
        FashionMNIST(root=str(root), train=train, download=True)


def ensure_fashion_mnist(root: str | os.PathLike[str] | None = None, download: bool = True) -> Path:
    """Make sure the four FashionMNIST idx files are on disk.

    Returns:
        The folder that holds them.

    Raises:
        DataNotFoundError: files are missing and ``download`` is False or
            the download failed (for example, offline). The message names
            the folder and the files to put there.
    """
    base = data_dir(root)
    raw = fashion_mnist_folder(base)
    missing = _missing_files(raw)
    if not missing:
        return raw
    if not download:
        raise DataNotFoundError(_not_found_message(raw, missing, "download=False"))
    try:
        _download_fashion_mnist(base)
    except Exception as exc:  # offline: URLError, RuntimeError, OSError, ...
        raise DataNotFoundError(
            _not_found_message(raw, missing, f"download failed: {exc}")
        ) from exc
    still_missing = _missing_files(raw)
    if still_missing:
        raise DataNotFoundError(
            _not_found_message(raw, still_missing, "download did not create them")
        )
    return raw


_FIX = "Delete it so the course downloads it again."


def _idx_problem(path: Path) -> str | None:
    """What is wrong with one of the ``FASHION_FILES``, judged by its header and size."""
    count, item_shape = FASHION_FILES[path.name]
    magic = bytes([0, 0, 0x08, 1 + len(item_shape)])  # uint8 data, 1 + len(item_shape) dims
    size = 4 * (2 + len(item_shape)) + count * math.prod(item_shape)
    with path.open("rb") as f:
        head = f.read(4)
    if not head:
        return "it is empty"
    if head != magic:
        return f"it starts with bytes {head.hex()}, expected {magic.hex()}"
    if path.stat().st_size != size:
        return f"it has {path.stat().st_size:,} bytes, expected {size:,}"
    return None


def _check_layout(path: Path, tensor: torch.Tensor, dtype: torch.dtype) -> None:
    count, item_shape = FASHION_FILES[path.name]
    if tensor.dtype != dtype or tuple(tensor.shape) != (count, *item_shape):
        raise CorruptDataError(
            f"{path} holds {tensor.dtype} data of shape {tuple(tensor.shape)}, expected "
            f"{dtype} of shape {(count, *item_shape)}. {_FIX}"
        )


def load_fashion_mnist_tensors(
    train: bool = True,
    root: str | os.PathLike[str] | None = None,
    device: str | torch.device = "cpu",
    download: bool = True,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Load a FashionMNIST split as two in-memory tensors.

    Returns:
        ``X`` of shape [N, 1, 28, 28], float32 in [0, 1] (what ``ToTensor``
        gives), and ``y`` of shape [N], int64 class indices; N is 60,000
        for ``train=True`` and 10,000 otherwise.
    """
    from torchvision.datasets import FashionMNIST

    raw = ensure_fashion_mnist(root, download=download)
    prefix = "train" if train else "t10k"
    images_path = raw / f"{prefix}-images-idx3-ubyte"
    labels_path = raw / f"{prefix}-labels-idx1-ubyte"
    try:
        dataset = FashionMNIST(root=str(data_dir(root)), train=train, download=False)
    except Exception as exc:  # torchvision asserts, or fails to reshape, on a bad file
        for path in (images_path, labels_path):
            problem = _idx_problem(path)
            if problem:
                raise CorruptDataError(
                    f"{path} is not a readable idx file: it is truncated or corrupt "
                    f"({problem}). {_FIX}"
                ) from exc
        raise
    _check_layout(images_path, dataset.data, torch.uint8)
    _check_layout(labels_path, dataset.targets, torch.int64)
    if dataset.targets.max() >= len(FASHION_CLASSES):
        raise CorruptDataError(f"{labels_path} has labels above 9. {_FIX}")
    X = dataset.data.to(device).unsqueeze(1).float().div_(255)
    y = dataset.targets.to(device)
    return X, y


def load_fashion_mnist(
    train: bool = True,
    root: str | os.PathLike[str] | None = None,
    transform: Any = None,
    download: bool = True,
) -> Any:
    """Return the torchvision ``FashionMNIST`` dataset for one split.

    ``transform`` defaults to ``ToTensor()``. The files are found (or
    downloaded) the same way as for :func:`load_fashion_mnist_tensors`.
    """
    from torchvision.datasets import FashionMNIST
    from torchvision.transforms import ToTensor

    ensure_fashion_mnist(root, download=download)
    return FashionMNIST(
        root=str(data_dir(root)),
        train=train,
        transform=ToTensor() if transform is None else transform,
        download=False,
    )


class InMemoryLoader:
    """Mini-batches sliced from tensors already in memory.

    A drop-in for ``DataLoader(TensorDataset(X, y), ...)`` without the
    per-sample indexing and collation: each epoch draws one permutation
    and slices whole batches out of ``X`` and ``y``.
    """

    def __init__(
        self,
        X: torch.Tensor,
        y: torch.Tensor,
        batch_size: int,
        shuffle: bool = False,
        generator: torch.Generator | None = None,
    ) -> None:
        if X.shape[0] != y.shape[0]:
            raise ValueError(
                f"X and y must have the same number of samples; got "
                f"X with shape {tuple(X.shape)} and y with shape {tuple(y.shape)}."
            )
        if isinstance(batch_size, bool) or not hasattr(batch_size, "__index__"):
            raise TypeError(f"batch_size must be an int, got {type(batch_size).__name__}")
        batch_size = batch_size.__index__()  # a plain int from NumPy or tensor integers
        if batch_size < 1:
            raise ValueError(
                f"batch_size must be at least 1 (the number of samples per batch), got {batch_size}"
            )
        self.X, self.y = X, y
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.generator = generator

    def __len__(self) -> int:
        return -(-self.X.shape[0] // self.batch_size)

    def __iter__(self) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        n = self.X.shape[0]
        if self.shuffle:
            order = torch.randperm(n, generator=self.generator).to(self.X.device)
        for start in range(0, n, self.batch_size):
            if self.shuffle:
                idx = order[start : start + self.batch_size]
                yield self.X[idx], self.y[idx]
            else:
                yield (
                    self.X[start : start + self.batch_size],
                    self.y[start : start + self.batch_size],
                )


# Eleven readings of a thermometer with unknown units (t_u) next to a
# thermometer in degrees Celsius (t_c), from "Deep Learning with PyTorch"
# (Stevens, Antiga and Viehmann), chapter 5.
_T_C = [0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]
_T_U = [35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]


def load_thermometer() -> tuple[torch.Tensor, torch.Tensor]:
    """Return the thermometer data as two 1-D float tensors ``(t_c, t_u)``.

    ``t_c`` is in degrees Celsius; ``t_u`` is in unknown units (the fit in
    chapter 07 shows they behave like Fahrenheit).
    """
    return torch.tensor(_T_C), torch.tensor(_T_U)
