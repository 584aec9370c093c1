"""Rebuild every figure: ``python -m course_tools.figures [NAME ...]``.

The figures' sources live in ``assets/`` beside their rendered files:
``assets/drawings.py`` (what each figure shows, computed from real models)
and ``assets/style.py`` (one visual style). This renders each figure of
``drawings.FIGURES`` to ``assets/<name>.png`` and writes
``assets/manifest.json``: for every figure its file, alt text, the facts it
shows and the PNG's SHA-256, plus the SHA-256 of every source file.
``tests/test_figures.py`` uses the manifest to fail when a PNG is missing,
was edited by hand, or is older than its sources, without rendering anything.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from course_tools.chapters import REPO

ASSETS = REPO / "assets"
MANIFEST = ASSETS / "manifest.json"


def drawings() -> ModuleType:
    """``assets/drawings.py``, imported from this checkout whatever the working directory."""
    if "assets" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "assets", ASSETS / "__init__.py", submodule_search_locations=[str(ASSETS)]
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules["assets"] = module
        spec.loader.exec_module(module)
    return importlib.import_module("assets.drawings")


def sha256(path: Path, text: bool = False) -> str:
    data = path.read_bytes()
    if text:  # line endings must not matter (a Windows checkout)
        data = data.replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()


def source_hashes(folder: Path = ASSETS) -> dict[str, str]:
    """SHA-256 of every figure source (``*.py``, ``*.dot``, ``*.svg``) in ``folder``."""
    files = sorted(p for p in folder.iterdir() if p.suffix in {".py", ".dot", ".svg"})
    return {p.name: sha256(p, text=True) for p in files}


def build(names: list[str] | None = None) -> dict:
    """Render the figures ``names`` (all if None, and any missing PNG); write the manifest."""
    figures = {}
    for fig in drawings().FIGURES:
        png = ASSETS / f"{fig.name}.png"
        facts = fig.facts()
        if names is None or fig.name in names or not png.exists():
            fig.draw(facts, png)
            print(f"rendered {png.name}")
        figures[fig.name] = {
            "file": png.name,
            "alt": fig.alt,
            "facts": facts,
            "sha256": sha256(png),
        }
    manifest = {
        "note": "Written by `python -m course_tools.figures`; do not edit by hand.",
        "sources": source_hashes(),
        "figures": figures,
    }
    MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    print(f"wrote {MANIFEST.name} ({len(figures)} figures)")
    return manifest


if __name__ == "__main__":
    build(sys.argv[1:] or None)
