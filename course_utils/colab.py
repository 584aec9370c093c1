"""Where the course lives on GitHub, for Colab badges and installs.

The repository slug is set here and nowhere else. After forking the course,
point every badge and every Colab install at the fork with::

    python -m course_utils.colab OWNER/REPO

which rewrites ``REPO_SLUG`` below and the title and setup cells of every
chapter in ``notebooks/``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

REPO_SLUG = "pytorch-course/nn-module-to-training-loops"
BRANCH = "main"
BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"

_SLUG = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
# The slug inside a Colab URL (".../github/OWNER/REPO/blob/...") and a pip
# target ("github.com/OWNER/REPO.git").
_SLUG_IN_COLAB_URL = re.compile(
    r"(?<=colab\.research\.google\.com/github/)[\w.-]+/[\w.-]+?(?=/blob/)"
)
_SLUG_IN_GIT_URL = re.compile(r"(?<=github\.com/)[\w.-]+/[\w.-]+?(?=\.git)")


def colab_url(notebook_path: str, slug: str = REPO_SLUG, branch: str = BRANCH) -> str:
    """The URL that opens ``notebook_path`` (relative to the repo root) in Colab."""
    return f"https://colab.research.google.com/github/{slug}/blob/{branch}/{notebook_path}"


def badge_markdown(notebook_path: str, slug: str = REPO_SLUG, branch: str = BRANCH) -> str:
    """The "Open in Colab" badge for the title cell of ``notebook_path``."""
    return f"[![Open In Colab]({BADGE_IMAGE})]({colab_url(notebook_path, slug, branch)})"


def pip_install_target(slug: str = REPO_SLUG, branch: str = BRANCH) -> str:
    """What a chapter's setup cell passes to ``pip install`` in Colab."""
    return f"git+https://github.com/{slug}.git@{branch}"


def rewrite_slug(repo_root: Path, slug: str) -> list[Path]:
    """Point this module, every badge and every Colab install at ``slug``.

    Returns:
        The files changed.
    """
    if not _SLUG.match(slug):
        raise ValueError(f"{slug!r} is not a GitHub repository slug like 'owner/repo'")
    changed = []
    module = repo_root / "course_utils" / "colab.py"
    text = module.read_text()
    new = re.sub(r'^REPO_SLUG = ".*"$', f'REPO_SLUG = "{slug}"', text, count=1, flags=re.M)
    if new != text:
        module.write_text(new)
        changed.append(module)
    for path in sorted((repo_root / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        before = [cell.source for cell in nb.cells]
        for cell in nb.cells[:2]:  # the title cell and the setup cell
            cell.source = _SLUG_IN_COLAB_URL.sub(slug, cell.source)
            cell.source = _SLUG_IN_GIT_URL.sub(slug, cell.source)
        if [cell.source for cell in nb.cells] != before:
            nbformat.write(nb, path)
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Point Colab badges and installs at a fork.")
    parser.add_argument("slug", help="the fork's GitHub slug, e.g. my-name/pytorch-course")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
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
