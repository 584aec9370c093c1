"""Show the course's figures in a notebook: ``show_figure("01_training_step")``.

The rendered PNGs and their alt text (``manifest.json``) live in the
repository's ``assets/`` folder. A clone or an editable install reads them
there; a regular install (``pip install git+...``, as in Colab) carries a copy
in ``course_utils/_figures/``, which ``setup.py`` puts into the wheel.

A figure is published as one ``display_data`` output holding ``image/png`` and,
as ``text/plain``, its alt text: every notebook viewer that shows outputs
(Jupyter, GitHub, Colab, MyST-NB) shows the saved picture without running
anything, and a viewer without images shows what the picture says.
"""

from __future__ import annotations

import base64
import json
from functools import cache
from pathlib import Path

#: The width (px) a figure is shown at: notebook width. The PNGs are 1.5x that.
DISPLAY_WIDTH = 800

_HERE = Path(__file__).resolve().parent
#: Where the PNGs are: the wheel's copy, else the checkout's assets/.
FOLDERS = (_HERE / "_figures", _HERE.parent / "assets")


def _folder() -> Path:
    for folder in FOLDERS:
        if (folder / "manifest.json").is_file():
            return folder
    raise FileNotFoundError(
        "The course's figures are missing: reinstall the course "
        "(`pip install -e .` in a clone, or `pip install git+...` in Colab)."
    )


@cache
def _manifest() -> dict:
    return json.loads((_folder() / "manifest.json").read_text(encoding="utf-8"))["figures"]


def _entry(name: str) -> dict:
    figures = _manifest()
    if name not in figures:
        raise KeyError(f"no figure {name!r}; the figures are: {', '.join(sorted(figures))}")
    return figures[name]


def figure_path(name: str) -> Path:
    """The rendered PNG of figure ``name``."""
    return _folder() / _entry(name)["file"]


def figure_alt(name: str) -> str:
    """The alt text of figure ``name``: what the picture shows, in words."""
    return _entry(name)["alt"]


def show_figure(name: str) -> None:
    """Display figure ``name`` as a PNG output whose text form is its alt text."""
    from IPython.display import display

    png = base64.b64encode(figure_path(name).read_bytes()).decode("ascii")
    display(
        {"image/png": png, "text/plain": figure_alt(name)},
        raw=True,
        metadata={"image/png": {"width": DISPLAY_WIDTH}},
    )
