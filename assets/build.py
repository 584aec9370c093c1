"""Rebuild every figure: ``python -m assets.build`` (from the repository root).

Renders each figure of :data:`assets.drawings.FIGURES` to ``assets/<name>.png``
and writes ``assets/manifest.json``: for every figure its file, alt text, the
facts it shows and the PNG's SHA-256, plus the SHA-256 of every source file
in ``assets/``. ``tests/test_figures.py`` uses the manifest to fail when a
PNG is missing, was edited by hand, or is older than its sources, without
rendering anything.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"


def sha256(path: Path, text: bool = False) -> str:
    data = path.read_bytes()
    if text:  # line endings must not matter (a Windows checkout)
        data = data.replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()


def source_hashes(folder: Path = HERE) -> dict[str, str]:
    """SHA-256 of every figure source (``*.py``, ``*.dot``, ``*.svg``) in ``folder``."""
    files = sorted(p for p in folder.iterdir() if p.suffix in {".py", ".dot", ".svg"})
    return {p.name: sha256(p, text=True) for p in files}


def build(names: list[str] | None = None) -> dict:
    from .drawings import FIGURES

    figures = {}
    for fig in FIGURES:
        png = HERE / f"{fig.name}.png"
        facts = fig.facts()
        if names is None or fig.name in names or not png.exists():
            fig.draw(facts, png)
            print(f"rendered {png.name}")
        figures[fig.name] = {"file": png.name, "alt": fig.alt, "facts": facts,
                             "sha256": sha256(png)}
    manifest = {
        "note": "Written by `python -m assets.build`; do not edit by hand.",
        "sources": source_hashes(),
        "figures": figures,
    }
    MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    print(f"wrote {MANIFEST.name} ({len(figures)} figures)")
    return manifest


if __name__ == "__main__":
    build(sys.argv[1:] or None)
