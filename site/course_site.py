"""What the course website changes on top of MyST-NB and sphinx-book-theme (a Sphinx extension).

Every change is for display only: the notebooks are read as committed.

* The title cell's links: the "Open in Colab" badge image is a local copy, Colab
  opens in a new tab, and each "download" link (to GitHub) becomes a download
  served by the site itself: the chapter, or its exercise edition.
* Solutions: the toggle says "Show solution" / "Hide solution" (and that is also
  its accessible name; a collapsed check cell's says "Show the check"), and the
  code shows without nbgrader's ``### BEGIN SOLUTION`` / ``### END SOLUTION``
  marker lines and without Colab's ``# @title`` line.
* Figures: an output image's alt text comes from its cell metadata
  (``mystnb: {image: {alt: ...}}``); an image without one is left without, so the
  tests name it. Each figure links to its full-size file (tap to enlarge).
* The HTML: a section's id sits on its heading (so search results and links land
  on the heading), the search index (Pagefind) reads prose and code but not
  outputs, an empty table corner is a data cell, not an empty header, and maths
  is MathML written at build time (no MathJax to download).
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from pathlib import Path

from docutils import nodes
from latex2mathml.converter import convert as latex_to_mathml
from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput
from myst_parser.parsers.docutils_ import depart_container_html, visit_container_html
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from course_tools import colab
from course_tools.chapters import BEGIN, END

BADGE = "/colab-badge.svg"  # staged by build.py at the root of the sources
# The title cell's "download" links: github.com/OWNER/REPO/raw/BRANCH/<path>.
RAW_NOTEBOOK = re.compile(r"^https://github\.com/[^/]+/[^/]+/raw/[^/]+/(notebooks/.+\.ipynb)$")
COLAB = "https://colab.research.google.com/"
NEW_TAB = " (opens in a new tab)"
LEARN = "You will learn"  # the title cell's list of what the chapter teaches


# A row of README's chapter table: | 01 | [title](notebooks/01_name.ipynb) | what it teaches | ...
TABLE_ROW = re.compile(
    r"^\|\s*\d\d\s*\|\s*\[[^\]]*\]\((notebooks/\d\d_[\w-]+)\.ipynb\)\s*\|([^|]*)\|", re.M
)
# Inline code naming an API through a module or object: nn.ModuleDict, model.state_dict().
DOTTED = re.compile(r"^[\w.]*\.([A-Za-z_]\w*)(?:\(.*\))?$")


def chapter_teaches(readme: str) -> dict[str, str]:
    """What README's chapter table says each chapter teaches, by docname."""
    return {doc: cell.replace("`", "").strip() for doc, cell in TABLE_ROW.findall(readme)}


def api_alias(code: str) -> str | None:
    """What a reader types for an API: ``ModuleDict`` for ``nn.ModuleDict``, ``no_grad``
    for ``torch.no_grad()``."""
    match = DOTTED.match(code.strip())
    return match.group(1) if match else None


def is_chapter(docname: str) -> bool:
    return docname.startswith("notebooks/")


def download_name(path: str) -> str:
    """The file name a download of ``path`` (``notebooks/...ipynb``) is saved as."""
    name = posixpath.basename(path)
    if path.startswith("notebooks/exercises/"):
        return name.replace(".ipynb", "_exercises.ipynb")
    return name


class TitleCellLinks(SphinxTransform):
    """Local badge image, Colab in a new tab, and downloads served by the site."""

    default_priority = 100

    def apply(self) -> None:
        for image in list(self.document.findall(nodes.image)):
            if image.get("uri") == colab.BADGE_IMAGE:
                image["uri"] = BADGE
                image.setdefault("height", "20px")
        for ref in list(self.document.findall(nodes.reference)):
            uri = ref.get("refuri", "")
            if uri.startswith(COLAB):
                ref["target"], ref["rel"] = "_blank", "noopener"
                edition = "exercise edition" if "/notebooks/exercises/" in uri else "chapter"
                # The badge's name says where it leads (its alt text only says Colab).
                ref["reftitle"] = f"Open in Colab: the {edition}{NEW_TAB}"
                for image in ref.findall(nodes.image):
                    image["alt"] = ref["reftitle"]
            elif match := RAW_NOTEBOOK.match(uri):
                self.serve_locally(ref, match.group(1))
        for para in self.document.findall(nodes.paragraph):
            following = para.next_node(siblings=True, descend=False)
            if para.astext().strip() == LEARN and isinstance(following, nodes.bullet_list):
                following["classes"].append("chapter-learn")  # searched as the chapter's promise
        # MyST turns "../README.md" links into a reference to the document "README",
        # which is not a page of its own: send them to the start page.
        for ref in self.document.findall(addnodes.pending_xref):
            if ref.get("reftype") == "myst" and ref.get("reftarget") == "README":
                ref["reftarget"] = self.config.root_doc

    def serve_locally(self, ref: nodes.reference, path: str) -> None:
        """Point a GitHub download link at the copy the site serves beside the page."""
        here = posixpath.dirname(self.env.docname) or "."
        ref["refuri"] = posixpath.relpath(path, here)
        ref["download"] = download_name(path)
        exercises = path.startswith("notebooks/exercises/")
        if is_chapter(self.env.docname):  # the title cell's bare "download", as a badge
            ref["classes"] += ["download-notebook", "fa-download"]  # fa-download: icons.css
            label = "Download the exercises" if exercises else "Download the notebook"
            ref.clear()
            ref += nodes.Text(label)


class SolutionsAndFigures(SphinxPostTransform):
    """Solutions labelled and shown without nbgrader's markers; figures' alt text.

    Runs before MyST-NB wraps ``hide-input`` cells in a collapsed ``<details>``
    (priority 199).
    """

    default_priority = 150
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for cell in self.document.findall(nodes.container):
            if cell.get("nb_element") != "cell_code":
                continue
            for block in cell.findall(nodes.literal_block):  # solution, check, hidden cells
                strip_markers(block)
            if "tag_solution" in cell["classes"]:
                if cell.get("hide_mode"):
                    cell["prompt_show"] = "Show solution"
                    cell["prompt_hide"] = "Hide solution"
            elif "tag_check" in cell["classes"] and cell.get("hide_mode"):
                cell["prompt_show"] = "Show the check"
                cell["prompt_hide"] = "Hide the check"
            for image in cell.findall(nodes.image):
                # MyST-NB has set the alt text from the cell's metadata; without it,
                # the writer would fall back to the file's path, which describes
                # nothing. An empty alt is what the site's tests look for and name.
                image.setdefault("alt", "")


def strip_markers(block: nodes.literal_block) -> None:
    """Drop the lines that are only nbgrader's solution markers, and the ``# @title``
    line that names a collapsed cell in Colab, for display."""
    lines = block.astext().splitlines()
    kept = [
        line
        for number, line in enumerate(lines)
        if line.strip() not in (BEGIN, END) and not (number == 0 and line.startswith("# @title "))
    ]
    if kept != lines:
        text = "\n".join(kept)
        block.clear()
        block += nodes.Text(text)
        block.rawsource = text


def visit_math_inline(self, node: nodes.math) -> None:
    self.body.append(latex_to_mathml(node.astext(), display="inline"))
    raise nodes.SkipNode


def visit_math_block(self, node: nodes.math_block) -> None:
    mathml = latex_to_mathml(node.astext(), display="block")
    # A wide equation scrolls sideways inside its own box (course.css shows that it
    # does); the box takes keyboard focus so that it can be scrolled without a mouse.
    self.body.append(
        self.starttag(node, "div", CLASS="math-display", tabindex="0", role="group")
        + mathml
        + "</div>\n"
    )
    raise nodes.SkipNode


def visit_container(self, node: nodes.container) -> None:
    """MyST's container (a cell, its input, its output), with what Pagefind should do with it."""
    visit_container_html(self, node)
    classes = node.get("classes", [])
    if "cell_output" in classes:  # printed numbers and tensors: not what one searches for
        self.body[-1] = self.body[-1].replace("<div", "<div data-pagefind-ignore", 1)
    elif "cell_input" in classes:  # code counts, but less than prose
        self.body[-1] = self.body[-1].replace("<div", '<div data-pagefind-weight="0.5"', 1)


def visit_hide_cell(self, node: HideCodeCellNode) -> None:
    """MyST-NB's collapsed cell, with a toggle named by what it shows."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    for state, text in (("collapsed", node["prompt_show"]), ("expanded", node["prompt_hide"])):
        self.body.append(f'<span class="{state} admonition-title">{self.encode(text)}</span>\n')
    self.body.append("</summary>\n")


class CourseTranslator(HTML5Translator):
    """The HTML writer, with the few changes listed in the module's docstring."""

    def visit_section(self, node: nodes.section) -> None:
        ids, node["ids"] = node["ids"], []  # they go on the heading (visit_title)
        super().visit_section(node)
        node["ids"] = ids
        if self.section_level == 1 and self.indexed_page():
            self.body[-1] = self.body[-1].replace("<section", "<section data-pagefind-body", 1)
            teaches = self.builder.env.course_teaches.get(self.builder.current_docname)
            if teaches:  # README's "What it teaches", a promise the search ranking uses
                self.body.append(
                    f'<span hidden data-pagefind-meta="teaches:{self.attval(teaches)}"></span>\n'
                )

    def visit_title(self, node: nodes.title) -> None:
        if isinstance(node.parent, nodes.section):
            own, node["ids"] = node["ids"], node.parent["ids"] + node["ids"]
            super().visit_title(node)
            node["ids"] = own
        else:
            super().visit_title(node)

    def add_permalink_ref(self, node: nodes.Element, title: str) -> None:
        before = len(self.body)
        super().add_permalink_ref(node, title)
        for i in range(before, len(self.body)):  # the "#" is no part of the heading's text
            self.body[i] = self.body[i].replace(
                '<a class="headerlink"', '<a data-pagefind-ignore class="headerlink"'
            )

    def indexed_page(self) -> bool:
        """Whether Pagefind indexes this page: everything but the start page."""
        return self.builder.current_docname != self.config.root_doc

    def visit_literal(self, node: nodes.literal) -> None:
        super().visit_literal(node)
        alias = api_alias(node.astext())
        if alias and self.indexed_page() and self.body[-1].startswith("<code"):
            # Pagefind indexes nn.ModuleDict as one word (ModuleDict only as a weak part of
            # it): give it the name a reader searches for, at the same place and weight.
            self.body[-1] = self.body[-1].replace(
                "<code",
                f'<code data-pagefind-index-attrs="data-api" data-api="{self.attval(alias)}"',
                1,
            )

    def visit_bullet_list(self, node: nodes.bullet_list) -> None:
        super().visit_bullet_list(node)
        if "chapter-learn" in node["classes"]:
            self.body[-1] = self.body[-1].replace("<ul", '<ul data-pagefind-meta="learn"', 1)

    def visit_reference(self, node: nodes.Element) -> None:
        if (
            node.get("internal")
            and len(node) == 1
            and isinstance(node[0], nodes.image)
            and not isinstance(node.parent, nodes.TextElement)
        ):  # Sphinx's link from a scaled figure to its full-size file
            node["classes"] = [*node.get("classes", []), "zoom"]
            node["reftitle"] = "Open the full-size image"
        super().visit_reference(node)
        if node.get("download"):
            tag = self.body[-1]
            self.body[-1] = tag.replace("<a ", f'<a download="{self.attval(node["download"])}" ', 1)

    def visit_image(self, node: nodes.image) -> None:
        self.zoom_link = None
        if not isinstance(node.parent, nodes.reference) and self.in_article_figure(node):
            uri = node["uri"]
            if uri in self.builder.images:
                uri = posixpath.join(
                    self.builder.imgpath, urllib.parse.quote(self.builder.images[uri])
                )
            self.zoom_link = uri
            self.body.append(
                f'<a class="reference internal image-reference zoom" href="{self.attval(uri)}"'
                ' title="Open the full-size image">'
            )
        super().visit_image(node)

    def depart_image(self, node: nodes.image) -> None:
        super().depart_image(node)
        if getattr(self, "zoom_link", None):
            self.body.append("</a>")
            self.zoom_link = None

    @staticmethod
    def in_article_figure(node: nodes.image) -> bool:
        """Images drawn by cells and the course's figures (not badges or icons)."""
        return any(
            "cell_output" in parent.get("classes", []) or isinstance(parent, nodes.figure)
            for parent in iter_parents(node)
        )

    def visit_entry(self, node: nodes.entry) -> None:
        super().visit_entry(node)
        if isinstance(node.parent.parent, nodes.thead) and not node.astext().strip():
            # An empty corner cell heads nothing: write it as a data cell.
            self.body[-1] = self.body[-1].replace("<th", "<td", 1)
            self.context[-1] = "</td>\n"


def iter_parents(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def read_teaches(app) -> None:
    readme = Path(app.srcdir) / "README.md"
    app.env.course_teaches = (
        chapter_teaches(readme.read_text(encoding="utf-8")) if readme.is_file() else {}
    )


def setup(app):
    app.connect("builder-inited", read_teaches)
    app.add_transform(TitleCellLinks)
    app.add_post_transform(SolutionsAndFigures)
    app.set_translator("html", CourseTranslator, override=True)
    app.add_node(nodes.container, override=True, html=(visit_container, depart_container_html))
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_cell, depart_HideCellInput))
    app.add_html_math_renderer(
        "mathml",
        inline_renderers=(visit_math_inline, None),
        block_renderers=(visit_math_block, None),
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}
