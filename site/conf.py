"""Sphinx configuration of the course website (MyST-NB + sphinx-book-theme, i.e. Jupyter Book 1).

Build it with ``python site/build.py``: the notebooks are rendered with their
committed outputs (nothing is executed), and the pages load nothing from the
internet. What the site changes on top of the theme lives in ``course_site.py``
beside this file; what happens after Sphinx (search index, trimmed theme assets)
in ``postbuild.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

SITE = Path(__file__).resolve().parent
REPO = SITE.parent
sys.path[:0] = [str(SITE), str(REPO)]

from course_tools import colab  # noqa: E402  (needs only nbformat, which MyST-NB brings)

REPO_SLUG = colab.repo_slug(REPO)  # the GitHub repository the chapters' Colab badges name

project = "PyTorch from nn.Module to training loops"
html_title = project
author = "the course authors"
copyright = "the course authors, MIT license"

extensions = ["myst_nb", "course_site"]
root_doc = "index"
exclude_patterns = ["README.md"]  # included by the setup, glossary and instructors pages
suppress_warnings = ["myst.header"]  # README's tables are not heading level jumps

# Notebooks are shown as committed: outputs from the real run, never re-executed.
nb_execution_mode = "off"
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "attrs_inline"]
myst_heading_anchors = 3
html_math_renderer = "mathml"  # course_site: MathML written at build time, no MathJax

html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
templates_path = ["_templates"]
html_logo = "_static/logo.svg"
html_favicon = "_static/logo.svg"
html_css_files = ["icons.css", "course.css"]
html_copy_source = False  # each chapter offers its notebook itself
html_use_index = False  # no general index: the course has no index entries
html_last_updated_fmt = None
html_theme_options = {
    "repository_url": f"https://github.com/{REPO_SLUG}",
    "repository_branch": colab.BRANCH,
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": False,  # the chapter's title offers both editions
    "use_fullscreen_button": False,
    "launch_buttons": {},  # the chapter's title has the Colab badges
    "logo": {"text": project},  # beside the logo; both link to the start page
    "home_page_in_toc": False,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "footer_content_items": ["copyright.html"],  # the author is in the copyright line
    "navbar_persistent": [],
    "search_bar_text": "Search the course",
}
html_context = {"default_mode": "auto"}  # follow the reader's system setting
html_sidebars = {"**": ["navbar-logo.html", "search-field.html", "sbt-sidebar-nav.html"]}
