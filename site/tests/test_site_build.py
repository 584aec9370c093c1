"""The built site has a page per chapter with its prose, code, outputs and figures, offline."""

from __future__ import annotations

import base64
import copy
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import NOTEBOOKS, REPO, load_notebook, site_build

MATH = re.compile(r"\$[^$\n]+\$")


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
    sources = [squash(text_of(c)) for c in shown_code_cells(nb)]
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

    # Figures: every PNG output is an image on the page, with a real alt text.
    images = article.select("div.cell_output img")
    expected = image_outputs(nb)
    assert len(images) == len(expected), f"{notebook.name}: {len(images)} images on the page"
    for img, (cell, out) in zip(images, expected, strict=True):
        png = local_file(site_html, page_file, img["src"])
        assert png.read_bytes() == base64.b64decode(out["data"]["image/png"])
        wanted_alt = cell["metadata"].get("mystnb", {}).get("image", {}).get("alt")
        assert img.get("alt") == (wanted_alt or "Figure drawn by this cell's code")

    # Solutions: collapsed, with the solution inside.
    solutions = [c for c in nb["cells"] if "solution" in tags(c)]
    collapsed = [
        d for d in article.select("details.hide") if "Show solution" in d.summary.get_text()
    ]
    assert len(collapsed) == len(solutions) > 0
    for details, cell in zip(collapsed, solutions, strict=True):
        assert not details.has_attr("open")
        assert squash(details.select_one("div.cell_input").get_text()) == squash(text_of(cell))

    # Links: "Open in Colab" for this chapter, and a download of the notebook as committed.
    colab = f"/blob/main/notebooks/{notebook.name}"
    colab_links = [
        a
        for a in soup.select("a[href^='https://colab.research.google.com/github/']")
        if a["href"].endswith(colab)
    ]
    assert colab_links, f"{notebook.name}: no Open in Colab link"
    download = article.select_one("a.download-notebook[download]")
    assert download is not None, f"{notebook.name}: no download link"
    assert local_file(site_html, page_file, download["href"]).read_bytes() == notebook.read_bytes()

    # Math renders from the site's own MathJax.
    if any(MATH.search(text_of(c)) for c in nb["cells"] if c["cell_type"] == "markdown"):
        assert article.select(".math")
        mathjax = [s["src"] for s in soup.select("script[src]") if "mathjax" in s["src"]]
        assert mathjax and all(local_file(site_html, page_file, s).is_file() for s in mathjax)


def test_landing_page_has_the_course_overview(site_html: Path):
    soup = BeautifulSoup((site_html / "index.html").read_text(encoding="utf-8"), "html.parser")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    title = readme.splitlines()[0].lstrip("# ").strip()
    assert squash(soup.select_one("article h1").get_text()).rstrip("#") == title
    headings = [squash(h.get_text()).rstrip("#") for h in soup.select("article h2")]
    assert "Chapters" in headings and "Set up and run" in headings
    links = {a["href"] for a in soup.select("article table a[href]")}
    for notebook in NOTEBOOKS:
        assert f"notebooks/{notebook.stem}.html" in links, f"no link to {notebook.name}"


def test_nothing_is_loaded_from_the_internet(site_html: Path):
    remote = re.compile(r"^(https?:)?//")
    for page in site_html.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        loaded = [t.get("src") for t in soup.select("script[src], img[src], iframe[src]")]
        loaded += [
            t.get("href") for t in soup.select("link[href]") if t.get("rel") != ["canonical"]
        ]
        assert not [u for u in loaded if remote.match(u)], f"{page.name} loads from the internet"
    for css in site_html.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), f"{css} loads from the internet"


def test_a_figure_cell_shows_its_image_and_alt_text_but_not_its_code(tmp_path: Path):
    """A cell tagged remove-input with a PNG output and alt text in its metadata,
    as the figures are added to the chapters, shows with no change to the site."""
    notebooks = tmp_path / "notebooks"
    shutil.copytree(REPO / "notebooks", notebooks)
    first = notebooks / NOTEBOOKS[0].name
    nb = load_notebook(first)
    png = image_outputs(nb)[0][1]
    figure = {
        "cell_type": "code",
        "execution_count": None,
        "id": "site-test-figure",
        "metadata": {
            "tags": ["remove-input"],
            "mystnb": {"image": {"alt": "A test figure for the site"}},
        },
        "outputs": [
            {"output_type": "display_data", "metadata": {}, "data": copy.deepcopy(png["data"])}
        ],
        "source": ["show_figure('figure_made_for_the_site_test.png')"],
    }
    nb["cells"].insert(3, figure)
    first.write_text(json.dumps(nb, indent=1), encoding="utf-8")

    out = tmp_path / "out"
    assert site_build.build(out, notebooks=notebooks) == 0
    page = (out / "html" / "notebooks" / f"{first.stem}.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select("div.cell_output img[alt='A test figure for the site']")
    assert "figure_made_for_the_site_test" not in page
