"""Make a notebook's random numbers repeatable."""

from __future__ import annotations

import random

import numpy as np
import torch


def seed_everything(seed: int) -> int:
    """Seed Python's, NumPy's and PyTorch's generators (CPU, CUDA and MPS).

    Call it once, at the top of a notebook; re-seeding in later cells hides
    how much a result depends on the seed.

    Returns:
        The seed, so a setup cell can print it.
    """
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)  # also seeds every CUDA and MPS device
    return seed
