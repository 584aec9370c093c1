"""Pick the device every tensor and model of a notebook goes to."""

from __future__ import annotations

import os

import torch

KNOWN_DEVICES = ("cuda", "mps", "cpu")
DEVICE_ENV = "COURSE_DEVICE"


def _mps_available() -> bool:
    mps = getattr(torch.backends, "mps", None)
    return bool(mps is not None and mps.is_available())


def get_device(name: str | None = None) -> torch.device:
    """Return the device to use: the best one here, or the one named.

    Args:
        name: None picks the device the environment variable ``COURSE_DEVICE``
            names if it is set (``python -m course_tools.run_chapters --device``
            sets it), else CUDA, then Apple MPS, then CPU. A name ("cuda",
            "cuda:1", "mps" or "cpu") asks for that device and fails
            clearly if it is unknown or not available here.

    Raises:
        ValueError: ``name`` is not a device name (the message lists the valid ones).
        RuntimeError: the device is not available on this machine (the
            message says what to do instead).
    """
    if name is None and os.environ.get(DEVICE_ENV, "").strip():
        try:
            return get_device(os.environ[DEVICE_ENV])
        except (ValueError, RuntimeError) as err:
            raise type(err)(f"{DEVICE_ENV}={os.environ[DEVICE_ENV]!r}: {err}") from None
    if name is None:
        if torch.cuda.is_available():
            return torch.device("cuda")
        if _mps_available():
            return torch.device("mps")
        return torch.device("cpu")

    asked = str(name).strip().lower()
    kind, _, index = asked.partition(":")
    if kind not in KNOWN_DEVICES or (index and not index.isdigit()):
        raise ValueError(
            f"Unknown device {name!r}. Use one of 'cuda', 'cuda:N', 'mps' "
            "or 'cpu', or call get_device() with no argument to pick the "
            "best one available."
        )
    if kind == "cuda":
        if not torch.cuda.is_available():
            raise RuntimeError(
                "CUDA was asked for but is not available on this machine. "
                "Call get_device() with no argument to fall back to MPS or CPU."
            )
        if index and int(index) >= torch.cuda.device_count():
            raise RuntimeError(
                f"{name!r} was asked for but this machine has "
                f"{torch.cuda.device_count()} CUDA device(s); use 'cuda:0' up to "
                f"'cuda:{torch.cuda.device_count() - 1}', or get_device() with no argument."
            )
    if kind == "mps" and not _mps_available():
        raise RuntimeError(
            "Apple MPS was asked for but is not available on this machine. "
            "Call get_device() with no argument to fall back to CPU."
        )
    return torch.device(asked)
