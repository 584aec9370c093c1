"""Sphinx configuration of the course website (MyST-NB + sphinx-book-theme, i.e. Jupyter Book 1).

Build it with ``python site/build.py``: the notebooks are rendered with their
committed outputs (nothing is executed) and the pages load nothing from the
internet (MathJax and the theme's fonts and icons are served from the site).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

REPO = Path(__file__).resolve().parents[1]


def _load_colab_module():
    """course_utils/colab.py, loaded on its own: the package itself would import torch."""
    spec = importlib.util.spec_from_file_location(
        "course_colab", REPO / "course_utils" / "colab.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


colab = _load_colab_module()
REPO_SLUG = colab.repo_slug(REPO)  # the GitHub repository the chapters' Colab badges name

project = "PyTorch from nn.Module to training loops"
html_title = project
author = "the course authors"
copyright = "the course authors, MIT license"

extensions = ["myst_nb", "sphinx-mathjax-offline"]  # MathJax 3 served by the site
root_doc = "index"
exclude_patterns = ["README.md"]  # included by index.md, not a page of its own
suppress_warnings = ["myst.header"]  # README's table of chapters is not a heading level jump

# Notebooks are shown as committed: outputs from the real run, never re-executed.
nb_execution_mode = "off"
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 3

html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_logo = "_static/logo.svg"
html_favicon = "_static/logo.svg"
html_css_files = ["course.css"]
html_sourcelink_suffix = ""  # the notebook download is the .ipynb itself
html_last_updated_fmt = None
html_theme_options = {
    "repository_url": f"https://github.com/{REPO_SLUG}",
    "repository_branch": colab.BRANCH,
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "launch_buttons": {"colab_url": "https://colab.research.google.com"},
    "logo": {"text": project},  # beside the logo; both link to the landing page
    "home_page_in_toc": False,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "footer_content_items": ["copyright.html"],  # the author is in the copyright line
    "navbar_persistent": [],  # search lives in the sidebar; no second search bar on top
}
html_context = {"default_mode": "light"}  # matplotlib figures have white backgrounds


class LocalLinks(SphinxTransform):
    """Rewrite two links in the chapters so they work on the site, offline.

    * the "Open in Colab" badge image is loaded from Colab's servers: show a local
      copy (the link to Colab stays);
    * "back to the course overview" points at ``../README.md``: on the site, the
      course overview is the landing page.

    Beside the badge goes a link that downloads the chapter's notebook.
    """

    default_priority = 100

    def apply(self) -> None:
        for image in list(self.document.findall(nodes.image)):
            if image.get("uri") == colab.BADGE_IMAGE:
                image["uri"] = "/colab-badge.svg"
                image.setdefault("height", "20px")
                self.add_download_link(image)
        # MyST turns the link into a reference to the document "README", which is
        # not a page of its own (exclude_patterns): send it to the landing page.
        for ref in self.document.findall(addnodes.pending_xref):
            if ref.get("reftype") == "myst" and ref.get("reftarget") == "README":
                ref["reftarget"] = self.config.root_doc

    def add_download_link(self, badge: nodes.image) -> None:
        """Put "Download notebook" after the badge's link, if this page is a notebook."""
        link, source = badge.parent, self.document.get("source", "")
        if not (isinstance(link, nodes.reference) and source.endswith(".ipynb")):
            return
        download = addnodes.download_reference(
            "",
            "",
            nodes.inline(text="Download notebook"),
            reftarget=f"/{self.env.docname}.ipynb",
            refdoc=self.env.docname,
            reftype="download",
            refexplicit=True,
            classes=["download-notebook"],
        )
        link.parent.insert(link.parent.index(link) + 1, [nodes.Text(" "), download])


class SolutionsAndFigures(SphinxPostTransform):
    """Label collapsed solutions as solutions, and give output figures a real alt text.

    Runs before MyST-NB wraps ``hide-input`` cells in a collapsed ``<details>``
    (priority 199). A figure's alt text comes from its cell metadata
    (``mystnb: {image: {alt: ...}}``); an output image with none would get its file
    name as alt text, so it gets a generic description instead.
    """

    default_priority = 150
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for cell in self.document.findall(nodes.container):
            if cell.get("nb_element") != "cell_code":
                continue
            if "tag_solution" in cell["classes"] and cell.get("hide_mode"):
                cell["prompt_show"] = "Show solution"
                cell["prompt_hide"] = "Hide solution"
            for image in cell.findall(nodes.image):
                image.setdefault("alt", "Figure drawn by this cell's code")


def setup(app):
    app.add_transform(LocalLinks)
    app.add_post_transform(SolutionsAndFigures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
