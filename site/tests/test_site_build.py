"""The built site has a page per chapter with its prose, code, outputs and figures, offline."""

from __future__ import annotations

import base64
import functools
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import NOTEBOOKS, load_notebook

MATH = re.compile(r"\$[^$\n]+\$")
# nbgrader's solution markers, and the first line of a cell collapsed in Colab
MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$|\A# @title .*$", re.M)
# Alt texts that describe nothing (a placeholder, a file name, a word).
GENERIC_ALT = re.compile(
    r"^(|figure drawn by this cell's code|image|figure|plot|output|png|.*\.(png|jpe?g|svg))$", re.I
)


def text_of(cell: dict) -> str:
    return "".join(cell["source"])


def tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


QUOTES = str.maketrans("\u2018\u2019\u201c\u201d\u2013\u2014", "''\"\"--")


def squash(text: str) -> str:
    """Whitespace-normalised text with plain quotes, to compare a notebook with its page."""
    return " ".join(text.translate(QUOTES).split())


def page_for(html: Path, notebook: Path) -> BeautifulSoup:
    page = html / "notebooks" / f"{notebook.stem}.html"
    assert page.is_file(), f"no page for {notebook.name}"
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def local_file(html: Path, page: Path, href: str) -> Path:
    """The file a relative link on ``page`` points at."""
    base = page.relative_to(html).as_posix()
    return html / unquote(urljoin(base, href).split("#")[0])


def shown_code_cells(nb: dict) -> list[dict]:
    return [
        c
        for c in nb["cells"]
        if c["cell_type"] == "code" and not {"remove-input", "remove-cell"} & set(tags(c))
    ]


def image_outputs(nb: dict) -> list[tuple[dict, dict]]:
    """(cell, output) for every PNG a reader should see."""
    return [
        (c, o)
        for c in nb["cells"]
        if c["cell_type"] == "code" and not {"remove-output", "remove-cell"} & set(tags(c))
        for o in c.get("outputs", [])
        if "image/png" in o.get("data", {})
    ]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem[:2])
def test_chapter_page_shows_prose_code_outputs_and_figures(site_html: Path, notebook: Path):
    # The notebook as it was when the site was built (site/build.py stages a copy).
    notebook = site_html.parent / "src" / "notebooks" / notebook.name
    nb = load_notebook(notebook)
    soup = page_for(site_html, notebook)
    page_file = site_html / "notebooks" / f"{notebook.stem}.html"
    article = soup.select_one("article")

    # Prose: the chapter's title and every section heading.
    headings = {squash(h.get_text()).rstrip("#").strip() for h in article.select("h1, h2, h3")}
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for line in text_of(cell).splitlines():
            if m := re.match(r"#{1,3} (.+)", line):
                title = squash(re.sub(r"[`*]", "", m.group(1)))
                assert title in headings, f"{notebook.name}: heading {title!r} is not on the page"

    # Code: every shown code cell, in order.
    inputs = [squash(div.get_text()) for div in article.select("div.cell_input")]
    sources = [squash(MARKER.sub("", text_of(c))) for c in shown_code_cells(nb)]
    assert inputs == sources, f"{notebook.name}: the page's code cells differ from the notebook's"

    # Outputs: every printed text appears under its cell.
    shown = squash(" ".join(div.get_text() for div in article.select("div.cell_output")))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            text = out.get("text") or out.get("data", {}).get("text/plain")
            if out["output_type"] == "display_data" and "image/png" in out.get("data", {}):
                continue  # a figure: checked below
            if text:
                assert squash("".join(text)) in shown, (
                    f"{notebook.name}: output of cell {cell.get('id')} is not on the page"
                )

    # Figures: every PNG output is an image on the page, linked to its full-size file.
    images = article.select("div.cell_output img")
    expected = image_outputs(nb)
    assert len(images) == len(expected), f"{notebook.name}: {len(images)} images on the page"
    for img, (cell, out) in zip(images, expected, strict=True):
        png = local_file(site_html, page_file, img["src"])
        assert png.read_bytes() == base64.b64decode(out["data"]["image/png"])
        assert img.parent.name == "a" and img.parent["href"] == img["src"], "no tap to enlarge"
        wanted = cell["metadata"].get("mystnb", {}).get("image", {}).get("alt")
        if wanted:  # the cell's own alt text (a figure cell's, written by the normaliser)
            assert img.get("alt") == wanted

    # Solutions: collapsed, with the solution inside but not nbgrader's marker lines.
    solutions = [c for c in nb["cells"] if "solution" in tags(c)]
    collapsed = [
        d for d in article.select("details.hide") if "Show solution" in d.summary.get_text()
    ]
    assert len(collapsed) == len(solutions) > 0
    for details, cell in zip(collapsed, solutions, strict=True):
        assert not details.has_attr("open")
        assert not details.summary.has_attr("aria-label"), "the toggle's name is not what it shows"
        shown = details.select_one("div.cell_input").get_text()
        assert not MARKER.search(shown), f"{notebook.name}: a solution shows nbgrader's markers"
        source = [ln for ln in text_of(cell).splitlines() if not MARKER.search(ln)]
        assert squash(shown) == squash("\n".join(source))

    # Hints: each a collapsed <details> whose summary says "Hint".
    hints = sum(text_of(c).count("<details>") for c in nb["cells"] if "hint" in tags(c))
    shown_hints = [d for d in article.select("details") if "Hint" in d.summary.get_text()]
    assert len(shown_hints) == hints > 0, f"{notebook.name}: {len(shown_hints)} hints shown"
    assert not [d for d in shown_hints if d.has_attr("open")], "a hint starts open"

    # Both editions: Colab in a new tab, and downloads the site serves itself.
    for path in (f"notebooks/{notebook.name}", f"notebooks/exercises/{notebook.name}"):
        colab = [
            a
            for a in article.select("a[href^='https://colab.research.google.com/github/']")
            if a["href"].endswith(f"/blob/main/{path}")
        ]
        assert len(colab) == 1, f"{notebook.name}: no Open in Colab link to {path}"
        assert colab[0].get("target") == "_blank" and "noopener" in colab[0].get("rel", [])
        downloads = [
            a
            for a in article.select("a.download-notebook[download]")
            if local_file(site_html, page_file, a["href"]) == site_html / path
        ]
        assert len(downloads) == 1, f"{notebook.name}: no download of {path}"
        assert (site_html / path).read_bytes() == (site_html.parent / "extra" / path).read_bytes()

    # Maths is MathML, written at build time: no script to download.
    if any(MATH.search(text_of(c)) for c in nb["cells"] if c["cell_type"] == "markdown"):
        assert article.select("math")
        assert not [s for s in soup.select("script[src]") if "mathjax" in s["src"].lower()]


@functools.cache
def page_soup(site_html: Path, name: str) -> BeautifulSoup:
    """A built page, parsed once for all the tests that read it (they do not change it)."""
    return BeautifulSoup((site_html / name).read_text(encoding="utf-8"), "html.parser")


def test_start_page_lists_every_chapter_with_its_ways_in(site_html: Path):
    soup = page_soup(site_html, "index.html")
    title = squash(soup.select_one("article h1").get_text()).rstrip("#")
    assert title != "PyTorch from nn.Module to training loops", "the title repeats the course name"
    links = {a["href"] for a in soup.select("article a[href]")}
    for notebook in NOTEBOOKS:
        assert f"notebooks/{notebook.stem}.html" in links, f"no link to {notebook.name}"
        assert f"notebooks/exercises/{notebook.name}" in links, f"no exercises of {notebook.name}"
    text = soup.select_one("article").get_text()
    for maintainer in ["For maintainers", "Two rooms", "fingerprint", "mutation"]:
        assert maintainer not in text, f"maintainer material on the start page: {maintainer!r}"


def test_instructors_setup_and_glossary_pages_but_no_maintainers_material(site_html: Path):
    for name, words in [
        ("instructors.html", ["nbgrader", "Handouts without solutions", "suggested schedule"]),
        ("setup.html", ["pip install -r requirements.txt", "COURSE_DATA_DIR"]),
        ("glossary.html", ["logits", "epoch"]),
    ]:
        text = page_soup(site_html, name).select_one("article").get_text()
        for word in words:
            assert word in text, f"{name} has no {word!r}"
    every = " ".join(p.read_text(encoding="utf-8") for p in site_html.rglob("*.html"))
    for maintainer in ["For maintainers", "Two rooms", "Adding a chapter", "Fresh outputs"]:
        assert maintainer not in every, f"maintainer material on the site: {maintainer!r}"


def test_no_page_points_to_a_section_that_is_not_on_the_site(site_html: Path):
    soups = {
        p: page_soup(site_html, p.relative_to(site_html).as_posix())
        for p in site_html.rglob("*.html")
    }
    headings = {
        squash(h.get_text()).rstrip("#").strip()
        for soup in soups.values()
        for h in soup.select("h1, h2, h3, h4")
    }
    for page, soup in soups.items():
        article = soup.select_one("article")
        if article is None:
            continue
        for name in re.findall(r"see [\"“]([^\"”]+)[\"”]", squash(article.get_text())):
            assert name in headings, f"{page.name} points to {name!r}, which is not on the site"


def test_every_image_says_what_it_shows(site_html: Path):
    """Every image in a page's content has an alt text that describes it.

    A plot drawn by a cell takes its alt text from the cell's metadata
    (``mystnb: {image: {alt: ...}}``); one without fails here, named by page and file.
    """
    missing = []
    for page in sorted(site_html.rglob("*.html")):
        soup = page_soup(site_html, page.relative_to(site_html).as_posix())
        for img in soup.select("article img"):
            alt = img.get("alt", "").strip()
            if GENERIC_ALT.match(alt) or len(alt.split()) < 3:
                missing.append(f"{page.relative_to(site_html)}: {img['src']} alt={alt!r}")
    assert not missing, f"{len(missing)} images without a description:\n" + "\n".join(missing)


def test_nothing_is_loaded_from_the_internet(site_html: Path):
    remote = re.compile(r"^(https?:)?//")
    for page in site_html.rglob("*.html"):
        soup = page_soup(site_html, page.relative_to(site_html).as_posix())
        loaded = [t.get("src") for t in soup.select("script[src], img[src], iframe[src]")]
        loaded += [
            t.get("href") for t in soup.select("link[href]") if t.get("rel") != ["canonical"]
        ]
        assert not [u for u in loaded if remote.match(u)], f"{page.name} loads from the internet"
    for css in site_html.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), f"{css} loads from the internet"
