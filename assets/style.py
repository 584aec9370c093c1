"""One visual style for every figure: palette, font, boxes and arrows.

Opaque white background and dark text, so a figure reads the same in light
and dark Jupyter themes. The palette is Okabe-Ito (colour-blind safe), used
as light fills with dark outlines. Figures are 8 inches wide and saved at
150 dpi (1200 px), shown at 800 px: sharp on high-density screens, readable
at notebook width.
"""

from __future__ import annotations

import io

import matplotlib
from PIL import Image

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

WIDTH_IN = 8.0
DPI = 150
DISPLAY_WIDTH_PX = 800

INK = "#1a1a1a"
MUTED = "#666666"
BACKGROUND = "#ffffff"
# Okabe-Ito hues (outline) with a light tint of each (fill).
BLUE, BLUE_FILL = "#0072B2", "#d6e9f5"
ORANGE, ORANGE_FILL = "#E69F00", "#fcefd2"
ORANGE_TEXT = "#8a5c00"  # orange dark enough for text on white
GREEN, GREEN_FILL = "#009E73", "#d3f0e6"
VERMILION, VERMILION_FILL = "#D55E00", "#f9dccb"
PURPLE, PURPLE_FILL = "#CC79A7", "#f5e1ec"
GREY, GREY_FILL = "#888888", "#eeeeee"

FONT = "DejaVu Sans"  # ships with matplotlib: identical on every machine
MONO = "DejaVu Sans Mono"
FONT_SIZE = 11

RC = {
    "font.family": FONT,
    "font.size": FONT_SIZE,
    "figure.facecolor": BACKGROUND,
    "savefig.facecolor": BACKGROUND,
    "savefig.transparent": False,
    "text.color": INK,
    "svg.hashsalt": "course",
}


def canvas(height_in: float, xlim=(0, 100), ylim=None):
    """A figure WIDTH_IN wide with one axis-free panel in data units."""
    plt.rcParams.update(RC)
    fig = plt.figure(figsize=(WIDTH_IN, height_in))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(*xlim)
    ax.set_ylim(*(ylim or (0, 100 * height_in / WIDTH_IN)))
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def box(
    ax,
    x,
    y,
    w,
    h,
    text,
    edge=BLUE,
    fill=BLUE_FILL,
    size=FONT_SIZE,
    mono=False,
    weight="normal",
    dashed=False,
    color=INK,
):
    """A rounded box centred on (x, y) with centred text."""
    ax.add_patch(
        FancyBboxPatch(
            (x - w / 2, y - h / 2),
            w,
            h,
            boxstyle="round,pad=0,rounding_size=1.2",
            linewidth=1.6,
            edgecolor=edge,
            facecolor=fill,
            linestyle="--" if dashed else "-",
        )
    )
    ax.text(
        x,
        y,
        text,
        ha="center",
        va="center",
        fontsize=size,
        color=color,
        family=MONO if mono else FONT,
        fontweight=weight,
        linespacing=1.3,
    )


def arrow(ax, start, end, color=INK, width=1.6, rad=0.0, style="-|>", dashed=False):
    """An arrow from start to end (data coordinates)."""
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle=style,
            mutation_scale=14,
            linewidth=width,
            color=color,
            connectionstyle=f"arc3,rad={rad}",
            linestyle="--" if dashed else "-",
            shrinkA=0,
            shrinkB=0,
        )
    )


def label(ax, x, y, text, size=FONT_SIZE - 1, color=MUTED, ha="center", mono=False, **kw):
    ax.text(
        x,
        y,
        text,
        ha=ha,
        va="center",
        fontsize=size,
        color=color,
        family=MONO if mono else FONT,
        **kw,
    )


def save(fig, path) -> None:
    """Save as an opaque PNG with a 128-colour palette (a third of the bytes, which
    every chapter embeds) and no matplotlib version in it (stable bytes)."""
    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format="png",
        dpi=DPI,
        facecolor=BACKGROUND,
        transparent=False,
        metadata={"Software": None},
    )
    plt.close(fig)
    image = Image.open(buffer).convert("RGB")
    image = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(path, format="PNG", optimize=True)
