"""Exercise checks, one case at a time: ``with exercise_case("MLP([4, 8, 2])"): ...``.

An exercise check calls the learner's code on several cases. Whatever goes
wrong inside a case reaches the learner as one ``AssertionError`` that names
the case: a failed ``check_*`` or ``assert`` keeps its message, and an error
raised by the learner's own code (a ``TypeError``, a shape mismatch) becomes
"your code raised ...", with the original traceback chained below it. The
stub's ``NotImplementedError`` passes through unchanged. Gradient tracking is
restored after every case, and a case that leaves it switched off fails: a
wrong answer must not break the cells after the check.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import torch


@contextmanager
def exercise_case(description: str) -> Iterator[None]:
    """Run one case of an exercise check; every failure names ``description``."""
    grad_enabled = torch.is_grad_enabled()
    try:
        yield
    except NotImplementedError:
        raise
    except AssertionError as err:  # keeps the learner's error a check caught and named
        raise AssertionError(f"{description}: {err}") from err.__cause__
    except Exception as err:
        raise AssertionError(
            f"{description}: your code raised {type(err).__name__}: {err}"
        ) from err
    finally:
        changed = torch.is_grad_enabled() != grad_enabled
        torch.set_grad_enabled(grad_enabled)
    if changed:
        raise AssertionError(
            f"{description}: your code left gradient tracking "
            f"{'off' if grad_enabled else 'on'} for every later cell (torch.set_grad_enabled). "
            "Use `with torch.no_grad():`, which switches it back at the end of the block."
        )
