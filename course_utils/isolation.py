"""Run an exercise check without touching the notebook's state.

:func:`isolated_random_state` gives a check its own random numbers on every
device and puts the notebook's generators back afterwards; :func:`guarded_names`
puts back any name of the notebook that the learner's code rebinds, deletes or
adds while the check calls it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any

import numpy as np
import torch

_MISSING = object()


def _mps_ready() -> bool:
    mps = getattr(torch.backends, "mps", None)
    return bool(mps is not None and mps.is_available())


@contextmanager
def isolated_random_state(seed: int) -> Iterator[None]:
    """Seed Python, NumPy and torch (CPU, every CUDA device, MPS) with ``seed``;
    restore all their states on the way out."""
    notebook_seed = torch.initial_seed()
    python_state, numpy_state = random.getstate(), np.random.get_state()
    cpu_state = torch.get_rng_state()
    cuda_states = torch.cuda.get_rng_state_all() if torch.cuda.is_initialized() else None
    mps_state = torch.mps.get_rng_state() if _mps_ready() else None
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)  # every device's generator
    try:
        yield
    finally:
        random.setstate(python_state)
        np.random.set_state(numpy_state)
        torch.set_rng_state(cpu_state)
        if cuda_states is not None:
            torch.cuda.set_rng_state_all(cuda_states)
        else:  # CUDA not started before the check: seeded as the notebook seeded it
            torch.cuda.manual_seed_all(notebook_seed)
        if mps_state is not None:
            torch.mps.set_rng_state(mps_state)


@contextmanager
def guarded_names(namespace: MutableMapping[str, Any]) -> Iterator[None]:
    """Undo every change the block makes to ``namespace``'s bindings (not to the objects)."""
    before = dict(namespace)
    try:
        yield
    finally:
        for name in [n for n in namespace if n not in before]:
            del namespace[name]
        for name, value in before.items():
            if namespace.get(name, _MISSING) is not value:
                namespace[name] = value
