"""Where the course's data lives, and how it is loaded.

FashionMNIST comes two ways: as torchvision datasets (one PIL image at a
time, the way most tutorials start) and as whole in-memory tensors read
straight from the idx files (fast enough to train on a laptop CPU).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import torch

DATA_DIR_ENV = "COURSE_DATA_DIR"
"""Environment variable that points the course at a data folder (CI sets it)."""

DEFAULT_DATA_DIR = Path.home() / ".cache" / "pytorch-course" / "data"

FASHION_CLASSES = (
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


def read_idx(path: str | os.PathLike[str]) -> np.ndarray:
    """Read an uncompressed idx file (the MNIST format) into a uint8 array.

    The header says the data type, the number of dimensions and their
    sizes; the file must hold exactly that many bytes after it.

    Raises:
        CorruptDataError: wrong magic number, unsupported type, or a file
            that is truncated or has extra bytes.
    """
    path = Path(path)
    raw = path.read_bytes()
    fix = "Delete it so the course downloads it again."
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0:
        raise CorruptDataError(f"{path} is not an idx file (bad magic number). {fix}")
    if raw[2] != 0x08:
        raise CorruptDataError(
            f"{path} holds idx type 0x{raw[2]:02x}; only unsigned bytes (0x08) are supported. {fix}"
        )
    ndim = raw[3]
    header = 4 + 4 * ndim
    if ndim == 0 or len(raw) < header:
        raise CorruptDataError(f"{path} has a truncated header. {fix}")
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    expected = header + int(np.prod(shape))
    if len(raw) != expected:
        raise CorruptDataError(
            f"{path} should be {expected:,} bytes for shape {shape} but is "
            f"{len(raw):,} bytes: it is truncated or corrupt. {fix}"
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def _read_fashion_file(raw: Path, name: str) -> np.ndarray:
    array = read_idx(raw / name)
    count, item_shape = FASHION_FILES[name]
    if array.shape != (count, *item_shape):
        raise CorruptDataError(
            f"{raw / name} has shape {array.shape}, expected "
            f"{(count, *item_shape)}. Delete it so the course downloads it again."
        )
    return array


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
    raw = ensure_fashion_mnist(root, download=download)
    prefix = "train" if train else "t10k"
    images = _read_fashion_file(raw, f"{prefix}-images-idx3-ubyte")
    labels = _read_fashion_file(raw, f"{prefix}-labels-idx1-ubyte")
    if labels.max() >= len(FASHION_CLASSES):
        raise CorruptDataError(
            f"{raw} has labels above 9. Delete the files so they download again."
        )
    X = torch.from_numpy(images.copy()).to(device).unsqueeze(1).float().div_(255)
    y = torch.from_numpy(labels.astype(np.int64)).to(device)
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
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
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
