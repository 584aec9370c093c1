"""The install block of every chapter's setup cell, written by the normaliser.

Every chapter's setup cell (its first code cell) starts with the same block:
in Colab, and only there, it installs the course's helper package. The block
runs from the line starting ``# In Colab`` to the first blank line after it;
:func:`with_install_block` replaces it with :func:`install_block` (for the
repository the block names, so a fork made with ``python -m course_tools.colab``
keeps its own), so the seven chapters cannot drift apart.
"""

from __future__ import annotations

from course_tools.colab import pip_install_target, slugs_in

MARKER = "# In Colab"
SLUG = "pytorch-course/nn-module-to-training-loops"
# A pip constraints file: every package the runtime has, at its installed version.
PINS = "/tmp/colab-packages.txt"
RESTART = "Some of Colab's packages changed: restart the session (Runtime > Restart session)."

# Plain code in the notebook (the setup cell imports importlib.util, subprocess
# and sys above it), with no blank line: the block ends at the first one. pip
# gets every installed package's version as a constraint, so it can add what
# is missing but change nothing Colab has (Colab's google-colab pins IPython
# 7.34.0: an upgrade breaks the next kernel start). Should a package change all
# the same, one line says to restart, so no module in memory mixes with newer files.
# Colab runs pip as root with an old pip: the two flags keep pip's root-user
# warning and upgrade notice, red text a learner takes for an error
# (RVC-Boss/GPT-SoVITS#302), out of the cell.
_TEMPLATE = f"""\
# In Colab (and only there) install the course's helper package. Every package
# Colab already has is passed to pip as a constraint (-c), so pip keeps its version.
if "google.colab" in sys.modules and importlib.util.find_spec("course_utils") is None:
    pip, freeze = [sys.executable, "-m", "pip"], ["list", "--format=freeze"]
    before = subprocess.run([*pip, *freeze], capture_output=True, text=True, check=True).stdout
    with open("{PINS}", "w") as pins:
        pins.write(before)
    subprocess.run(
        [*pip, "install", "-q", "--root-user-action=ignore", "--disable-pip-version-check",
         "-c", pins.name,
         "{{url}}"],
        check=True,
    )
    after = subprocess.run([*pip, *freeze], capture_output=True, text=True, check=True).stdout
    if set(before.splitlines()) - set(after.splitlines()):
        print("{RESTART}")
    importlib.invalidate_caches()
"""


def install_block(slug: str = SLUG) -> str:
    """The install block, installing from GitHub repository ``slug`` (OWNER/REPO)."""
    return _TEMPLATE.replace("{url}", pip_install_target(slug))


INSTALL_BLOCK = install_block()
# Where Colab installs course_utils from (CI's Colab replica swaps in its own clone).
INSTALL_URL = pip_install_target(SLUG)


class SetupCellError(ValueError):
    """A setup cell has no install block to replace."""


def with_install_block(source: str, where: str = "setup cell") -> str:
    """``source`` with its install block replaced by :func:`install_block`.

    The new block names the repository the old one did (:data:`SLUG` if none).
    """
    lines = source.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith(MARKER)]
    if len(starts) != 1:
        raise SetupCellError(f"{where}: needs exactly one line starting with {MARKER!r}")
    start = starts[0]
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    slug = next(iter(slugs_in("\n".join(lines[start:end]))), SLUG)
    block = install_block(slug).rstrip("\n").split("\n")
    return "\n".join(lines[:start] + block + lines[end:])
