"""Where the course lives on GitHub, for Colab badges and installs.

Forks change ``REPO_SLUG`` here (and nowhere else).
"""

from __future__ import annotations

REPO_SLUG = "pytorch-course/nn-module-to-training-loops"
BRANCH = "main"
BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"


def colab_url(notebook_path: str, slug: str = REPO_SLUG, branch: str = BRANCH) -> str:
    """The URL that opens ``notebook_path`` (relative to the repo root) in Colab."""
    return f"https://colab.research.google.com/github/{slug}/blob/{branch}/{notebook_path}"


def badge_markdown(notebook_path: str, slug: str = REPO_SLUG, branch: str = BRANCH) -> str:
    """The "Open in Colab" badge for the title cell of ``notebook_path``."""
    return f"[![Open In Colab]({BADGE_IMAGE})]({colab_url(notebook_path, slug, branch)})"


def pip_install_target(slug: str = REPO_SLUG, branch: str = BRANCH) -> str:
    """What the Colab setup cell passes to ``pip install``."""
    return f"git+https://github.com/{slug}.git@{branch}"
