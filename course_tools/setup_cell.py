"""The install block of every chapter's setup cell, written by the normaliser.

Every chapter's setup cell (its first code cell) starts with the same block:
in Colab, and only there, it installs the course's helper package. The block
runs from the line starting ``# In Colab`` to the first blank line after it;
:func:`with_install_block` replaces it with :data:`INSTALL_BLOCK`, so the
seven chapters cannot drift apart.
"""

from __future__ import annotations

MARKER = "# In Colab"

INSTALL_BLOCK = """\
# In Colab (and only there) install the course's helper package.
if "google.colab" in sys.modules and importlib.util.find_spec("course_utils") is None:
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q",
         "git+https://github.com/pytorch-course/nn-module-to-training-loops.git@main"],
        check=True,
    )
    importlib.invalidate_caches()
"""


class SetupCellError(ValueError):
    """A setup cell has no install block to replace."""


def with_install_block(source: str, where: str = "setup cell") -> str:
    """``source`` with its install block replaced by :data:`INSTALL_BLOCK`."""
    lines = source.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith(MARKER)]
    if len(starts) != 1:
        raise SetupCellError(f"{where}: needs exactly one line starting with {MARKER!r}")
    start = starts[0]
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    block = INSTALL_BLOCK.rstrip("\n").split("\n")
    return "\n".join(lines[:start] + block + lines[end:])
