"""Build the course website from the committed notebooks, offline, without running them.

    python site/build.py                 # writes build/site/html/index.html
    python site/build.py --out /tmp/web  # writes /tmp/web/html/index.html

Sphinx reads a staging folder (``<out>/src``) that this script fills with the
landing page (``site/index.md``), a copy of ``README.md`` (which the landing page
includes) and a copy of every chapter in ``notebooks/``; the configuration stays
in ``site/conf.py``. Every build reads everything afresh (a few seconds), and
any Sphinx warning fails it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

SITE = Path(__file__).resolve().parent
REPO = SITE.parent


def sources(notebooks: Path = REPO / "notebooks") -> dict[str, Path]:
    """What the staging folder holds: its relative path -> the file it copies."""
    files = {
        "index.md": SITE / "index.md",
        "README.md": REPO / "README.md",
        "colab-badge.svg": SITE / "_static" / "colab-badge.svg",
    }
    for nb in sorted(notebooks.glob("[0-9][0-9]_*.ipynb")):
        files[f"notebooks/{nb.name}"] = nb
    return files


def stage(src: Path, notebooks: Path = REPO / "notebooks") -> None:
    """Make ``src`` hold exactly the files of ``sources(notebooks)``."""
    shutil.rmtree(src, ignore_errors=True)
    for rel, origin in sources(notebooks).items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(origin, src / rel)


def build(out: Path, notebooks: Path = REPO / "notebooks", quiet: bool = True) -> int:
    """Stage the sources and run Sphinx into ``out/html``; Sphinx's exit status."""
    from sphinx.cmd.build import build_main

    src = out / "src"
    stage(src, notebooks)
    shutil.rmtree(out / "html", ignore_errors=True)  # no page left over from a removed chapter
    args = ["-b", "html", "-c", str(SITE), "-d", str(out / "doctrees"), "-E", "-W", "--keep-going"]
    if quiet:
        args.append("-q")
    return build_main([*args, str(src), str(out / "html")])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "build" / "site",
        help="build folder (default: build/site); the site is in OUT/html",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show Sphinx's progress")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    status = build(args.out.resolve(), quiet=not args.verbose)
    if status == 0:
        index = args.out.resolve() / "html" / "index.html"
        print(f"Built {index} in {time.perf_counter() - start:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
