"""Where the course lives on GitHub, for Colab badges and installs.

The chapters themselves are the one place that names the repository: each
title cell's "Open in Colab" badge and each setup cell's Colab install carry
its GitHub slug (OWNER/REPO), and the tests check that they all agree. After
forking the course, point every badge and install at the fork, from the
repository's root::

    python -m course_tools.colab OWNER/REPO

This rewrites the chapters in ``notebooks/`` only, never the installed
package, so it works the same with an editable or a regular install.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

from course_tools.chapters import chapter_paths

BRANCH = "main"
BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"

_SLUG = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
# The slug inside a Colab URL (".../github/OWNER/REPO/blob/...") and a pip
# target ("github.com/OWNER/REPO.git").
_SLUG_IN_COLAB_URL = re.compile(
    r"(?<=colab\.research\.google\.com/github/)[\w.-]+/[\w.-]+?(?=/blob/)"
)
_SLUG_IN_GIT_URL = re.compile(r"(?<=github\.com/)[\w.-]+/[\w.-]+?(?=\.git)")
# ... and a download link ("github.com/OWNER/REPO/raw/main/notebooks/...")
_SLUG_IN_RAW_URL = re.compile(r"(?<=github\.com/)[\w.-]+/[\w.-]+?(?=/raw/)")
EXERCISES_DIR = "notebooks/exercises"


def slugs_in(text: str) -> list[str]:
    """Every repository slug in the Colab URLs and pip git URLs of ``text``."""
    return (
        _SLUG_IN_COLAB_URL.findall(text)
        + _SLUG_IN_GIT_URL.findall(text)
        + _SLUG_IN_RAW_URL.findall(text)
    )


def repo_slug(repo_root: Path) -> str:
    """The slug the chapters' badges and installs name (they must all agree)."""
    found: dict[str, list[str]] = {}
    for path in chapter_paths(repo_root):
        for cell in nbformat.read(path, as_version=4).cells[:2]:
            for slug in slugs_in(cell.source):
                found.setdefault(slug, []).append(path.name)
    if len(found) != 1:
        detail = "; ".join(f"{slug} in {sorted(set(names))}" for slug, names in found.items())
        raise ValueError(
            f"the chapters should name one repository, found {len(found)}: {detail or 'none'}. "
            "Run `python -m course_tools.colab OWNER/REPO` to make them agree."
        )
    return next(iter(found))


def colab_url(notebook_path: str, slug: str, branch: str = BRANCH) -> str:
    """The URL that opens ``notebook_path`` (relative to the repo root) in Colab."""
    return f"https://colab.research.google.com/github/{slug}/blob/{branch}/{notebook_path}"


def download_url(notebook_path: str, slug: str, branch: str = BRANCH) -> str:
    """A link that downloads ``notebook_path`` (relative to the repo root) from GitHub."""
    return f"https://github.com/{slug}/raw/{branch}/{notebook_path}"


def editions_block(filename: str, slug: str) -> str:
    """The title cell's two ways in: the chapter itself and its exercise edition."""
    read, attempt = f"notebooks/{filename}", f"{EXERCISES_DIR}/{filename}"
    return (
        f"**Read it** (with solutions): [![Open In Colab]({BADGE_IMAGE})]"
        f"({colab_url(read, slug)}) · [download]({download_url(read, slug)})\n\n"
        f"**Try the exercises** (stubs to fill in, checks that tell you if you are right): "
        f"[![Open In Colab]({BADGE_IMAGE})]({colab_url(attempt, slug)}) · "
        f"[download]({download_url(attempt, slug)})"
    )


def pip_install_target(slug: str, branch: str = BRANCH) -> str:
    """What a chapter's setup cell passes to ``pip install`` in Colab."""
    return f"git+https://github.com/{slug}.git@{branch}"


def rewrite_slug(repo_root: Path, slug: str) -> list[Path]:
    """Point every chapter's badge and Colab install at ``slug``.

    Returns:
        The notebooks changed.
    """
    if not _SLUG.match(slug):
        raise ValueError(f"{slug!r} is not a GitHub repository slug like 'owner/repo'")
    changed = []
    for path in chapter_paths(repo_root):
        nb = nbformat.read(path, as_version=4)
        before = [cell.source for cell in nb.cells]
        for cell in nb.cells[:2]:  # the title cell and the setup cell
            cell.source = _SLUG_IN_COLAB_URL.sub(slug, cell.source)
            cell.source = _SLUG_IN_GIT_URL.sub(slug, cell.source)
            cell.source = _SLUG_IN_RAW_URL.sub(slug, cell.source)
        if [cell.source for cell in nb.cells] != before:
            nbformat.write(nb, path)
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Point Colab badges and installs at a fork.")
    parser.add_argument("slug", help="the fork's GitHub slug, e.g. my-name/pytorch-course")
    parser.add_argument(
        "--repo", type=Path, default=Path.cwd(), help="the course's root (default: here)"
    )
    args = parser.parse_args(argv)
    try:
        changed = rewrite_slug(args.repo, args.slug)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for path in changed:
        print(f"updated {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
