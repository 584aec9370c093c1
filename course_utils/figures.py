"""Show the course's figures in a notebook: ``show_figure("01_training_step")``.

The rendered PNGs and their alt text (``manifest.json``) live in the
repository's top-level ``assets/`` folder, which is installed as the package
data ``course_utils.assets`` (see ``pyproject.toml``). So a figure cell works
from a clone, from an editable install and from ``pip install git+...`` in
Colab alike.

A figure is published as one ``display_data`` output holding ``image/png`` and,
as ``text/plain``, its alt text: every notebook viewer that shows outputs
(Jupyter, GitHub, Colab, MyST-NB) shows the saved picture without running
anything, and a viewer without images shows what the picture says.
"""

from __future__ import annotations

import base64
import json
from functools import cache
from importlib import resources
from pathlib import Path

#: The width (px) a figure is shown at: notebook width. The PNGs are 1.5x that.
DISPLAY_WIDTH = 800


def _assets_folder() -> Path:
    """The folder holding ``manifest.json``: installed package data, else the repo's."""
    try:
        folder = Path(str(resources.files("course_utils.assets")))
        if (folder / "manifest.json").is_file():
            return folder
    except ModuleNotFoundError:  # an editable install made before assets were package data
        pass
    folder = Path(__file__).resolve().parent.parent / "assets"
    if (folder / "manifest.json").is_file():
        return folder
    raise FileNotFoundError(
        "The course's figures are missing: reinstall course_utils "
        "(`pip install -e .` in a clone) or run `python -m assets.build`."
    )


@cache
def _manifest() -> dict:
    return json.loads((_assets_folder() / "manifest.json").read_text(encoding="utf-8"))


def figure_names() -> list[str]:
    """The names of every figure, e.g. ``"01_training_step"``."""
    return sorted(_manifest()["figures"])


def _entry(name: str) -> dict:
    figures = _manifest()["figures"]
    if name not in figures:
        raise KeyError(f"no figure {name!r}; the figures are: {', '.join(sorted(figures))}")
    return figures[name]


def figure_path(name: str) -> Path:
    """The rendered PNG of figure ``name``."""
    return _assets_folder() / _entry(name)["file"]


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
