"""Make a notebook's random numbers repeatable."""

from __future__ import annotations

import os
import random

import numpy as np
import torch

SEED_ENV = "COURSE_SEED"


def seed_everything(seed: int) -> int:
    """Seed Python's, NumPy's and PyTorch's generators (CPU, CUDA and MPS).

    Call it once, at the top of a notebook; re-seeding in later cells hides
    how much a result depends on the seed. If the environment variable
    ``COURSE_SEED`` is set, its value replaces ``seed``: CI uses it to run
    every chapter with a seed other than its own.

    Returns:
        The seed actually used, so a setup cell can print it and derive any
        other generator's seed from it.
    """
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    override = os.environ.get(SEED_ENV, "").strip()
    if override:
        try:
            seed = int(override)
        except ValueError:
            raise ValueError(
                f"{SEED_ENV}={override!r} is not an integer; unset it or set it to a whole number."
            ) from None
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)  # also seeds every CUDA and MPS device
    return seed
