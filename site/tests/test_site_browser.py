"""The built site in a real browser: headless Chromium over a local HTTP server.

Every page loads with no console error, no failed request and no request that
leaves 127.0.0.1. The start page leads into the chapters; each chapter offers
both editions; search lists first the section that teaches an API and lands on
it with the term highlighted; axe-core finds no violation on any page, light or
dark; figures open full size on a phone; wide maths shows that it scrolls; the
site follows the system's dark mode; a chapter page's own assets stay under
500 KB (the test prints them). Screenshots (desktop 1280x800 and phone 390x844,
light and dark) go to ``build/site-artifacts/`` (or ``$SITE_ARTIFACTS``).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import NOTEBOOKS, REPO, REPORT, SITE, load_notebook
from playwright.sync_api import Page, sync_playwright

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("SITE_ARTIFACTS", REPO / "build" / "site-artifacts"))
AXE = SITE / "tests" / "node_modules" / "axe-core" / "axe.min.js"
# Flags that keep Chromium from reaching for the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PROJECT = "PyTorch from nn.Module to training loops"
OTHER_PAGES = ["index.html", "setup.html", "glossary.html", "instructors.html"]
CHAPTER_PAGES = [f"notebooks/{nb.stem}.html" for nb in NOTEBOOKS]
ALL_PAGES = OTHER_PAGES + CHAPTER_PAGES + ["search.html?q=state_dict"]
BUDGET = 500_000  # bytes of a chapter page's own assets (not its document or figures)

# What a search for an API must list first: the section that teaches it (its chapter,
# and a distinctive part of its heading). Where two sections of the chapter each teach
# a side of it, either may come first.
TEACHES = {
    "requires_grad": ("06", ["Which tensors require grad", "Freezing parameters"]),
    "retain_grad": ("06", ["Leaf and non-leaf tensors"]),
    "nn.ModuleList": ("05", ["nn.ModuleList: modules you index"]),
    "ModuleDict": ("05", ["nn.ModuleDict: modules you look up by name"]),
    "zero_grad": ("04", ["Gradients before and after"]),
    "set_to_none": ("04", ["Gradients before and after"]),
    "state_dict": ("02", ["Saving and reloading the weights"]),
    "CrossEntropyLoss": ("02", ["nn.CrossEntropyLoss takes logits"]),
    "no_grad": ("06", ["Switching autograd off", "Evaluation: model.eval()"]),
    "detach": ("06", ["Switching autograd off"]),
    "torchsummary": ("03", ["A summary table with torchsummary"]),
    "named_parameters": ("03", ["Model parameters"]),
    "nn.Flatten": ("03", ["nn.Flatten: an image becomes"]),
    "nn.Softmax": ("03", ["nn.Softmax: logits become probabilities"]),
    "next_functions": ("04", ["Walking the graph"]),
    "OrderedDict": ("07", ["Finally, a neural network"]),
    "randperm": ("07", ["A training and a validation set"]),
    "Tanh": ("07", ["Finally, a neural network"]),
}
ALL_IMAGES_DONE = "() => Array.from(document.images).every(i => i.complete)"
BROKEN_IMAGES = (
    "() => Array.from(document.images).filter(i => !(i.naturalWidth > 0)).map(i => i.src)"
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(site_html: Path):
    handler = functools.partial(_QuietHandler, directory=str(site_html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


class Browser:
    """One Chromium page, recording everything that went wrong since the last visit."""

    def __init__(self, page: Page, base_url: str):
        self.page, self.base_url = page, base_url
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.problems.append(f"page error: {err}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("response", self._response)

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.problems.append(f"console error: {msg.text} at {msg.location.get('url')}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def route(self, route) -> None:
        """Serve only what the local server has: any other request is a defect."""
        if route.request.url.startswith(self.base_url):
            route.continue_()
        else:
            self.problems.append(f"request to the internet: {route.request.url}")
            route.abort()

    def visit(self, path: str) -> Page:
        self.page.goto(self.base_url + path, wait_until="load")
        return self.settle()

    def settle(self) -> Page:
        """Wait for the page's images, then fail on anything recorded so far."""
        self.page.wait_for_load_state("load")
        self.page.wait_for_function(ALL_IMAGES_DONE, timeout=10_000)  # loaded or failed
        broken = self.page.evaluate(BROKEN_IMAGES)
        problems, self.problems = self.problems + [f"image not loaded: {u}" for u in broken], []
        assert not problems, f"{self.page.url}:\n" + "\n".join(problems)
        return self.page


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.is_file():
        pytest.fail(f"no Chromium at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM)")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def open_browser(chromium, base_url: str):
    """``open_browser(viewport, scheme)``: a Browser in a fresh context (no cache, no storage)."""
    contexts = []

    def open_(viewport: dict = DESKTOP, scheme: str = "light") -> Browser:
        context = chromium.new_context(viewport=viewport, color_scheme=scheme)
        contexts.append(context)
        browser = Browser(context.new_page(), base_url)
        context.route("**/*", browser.route)
        return browser

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def browser(open_browser) -> Browser:
    return open_browser(DESKTOP, "light")


@pytest.fixture(scope="module")
def dark(open_browser) -> Browser:
    return open_browser(DESKTOP, "dark")


@pytest.fixture(scope="module")
def phone(open_browser) -> Browser:
    return open_browser(PHONE, "light")


def chapter_title(notebook: Path) -> str:
    first = "".join(load_notebook(notebook)["cells"][0]["source"]).splitlines()[0]
    return first.lstrip("# ").strip()


def heading(page: Page) -> str:
    return page.locator("article h1").first.inner_text().rstrip("#").strip()


def served(site_html: Path, page: Page, href: str) -> Path:
    """The file of the site a link on ``page`` points at."""
    path = urlparse(page.url).path.rsplit("/", 1)[0] + "/" + href
    return site_html / os.path.normpath(path).lstrip("/")


# ---- The start page and the instructors' page ---------------------------------------


def test_start_page_is_a_learners_way_in(browser: Browser, site_html: Path):
    page = browser.visit("index.html")
    title = heading(page)
    assert title and title != PROJECT, "the start page's title repeats the course name"
    assert page.title().count(PROJECT) == 1, page.title()
    for words in ["Who it is for", "What you need", "The chapters"]:
        assert page.locator("article h2", has_text=words).count() == 1, words

    start = page.locator("article a.start-button")
    assert start.count() == 1 and "Start with Chapter 01" in start.inner_text()
    assert start.get_attribute("href") == f"notebooks/{NOTEBOOKS[0].stem}.html"
    assert start.bounding_box()["y"] < DESKTOP["height"], "the way in is below the fold"

    for notebook in NOTEBOOKS:
        card = page.locator(
            f"xpath=//article//section[h3[contains(., '{chapter_title(notebook)}')]]"
        )
        assert card.count() == 1, f"no card for {notebook.name}"
        text = card.inner_text()
        assert re.search(r"about \d+ minutes", text), f"{notebook.name}: no time on its card"
        assert card.locator("li").count() >= 3, f"{notebook.name}: no list of what it teaches"
        assert card.locator(f"a[href='notebooks/{notebook.stem}.html']").count() >= 1
        colab = card.locator("a[href^='https://colab.research.google.com/']")
        assert colab.get_attribute("href").endswith(f"/notebooks/exercises/{notebook.name}")
        assert colab.get_attribute("target") == "_blank"
        download = card.locator("a[download]")
        edition = site_html.parent / "extra" / "notebooks" / "exercises" / notebook.name
        assert (
            served(site_html, page, download.get_attribute("href")).read_bytes()
            == edition.read_bytes()
        )
    for absent in ["For maintainers", "nbgrader_config", "Benchmarks"]:
        assert absent not in page.locator("article").inner_text(), f"{absent!r} on the start page"
    assert page.locator("article a[href='instructors.html']").count() >= 1
    start.click()
    browser.settle()
    assert heading(page) == chapter_title(NOTEBOOKS[0])


def test_instructors_have_their_own_page(browser: Browser):
    page = browser.visit("instructors.html")
    assert heading(page) == "For instructors"
    text = page.locator("article").inner_text()
    for needed in [
        "session",
        "nbgrader generate_assignment",
        "course_tools.handout",
        "course_tools.colab",
    ]:
        assert needed in text, f"the instructors' page has no {needed!r}"
    for absent in ["For maintainers", "Two rooms", 'see "Benchmarks"']:
        assert absent not in text
    for notebook in NOTEBOOKS:  # the chapter table that "the map" points at
        assert page.locator(f"article table a[href='notebooks/{notebook.stem}.html']").count() == 1


# ---- Chapters ------------------------------------------------------------------------


def staged(site_html: Path, notebook: Path) -> dict:
    return load_notebook(site_html.parent / "src" / "notebooks" / notebook.name)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem[:2])
def test_chapter_page(browser: Browser, notebook: Path, site_html: Path):
    page = browser.visit(f"notebooks/{notebook.stem}.html")
    nb = staged(site_html, notebook)
    assert heading(page) == chapter_title(notebook)

    figures = sum(
        "image/png" in o.get("data", {})
        for c in nb["cells"]
        if not {"remove-output", "remove-cell"} & set(c["metadata"].get("tags", []))
        for o in c.get("outputs", [])
    )
    assert page.locator("div.cell_output img").count() == figures

    # Solutions are collapsed; a reader can open one, and sees no nbgrader markers.
    solutions = page.locator("details.hide:has(summary:has-text('Show solution'))")
    expected = sum("solution" in c["metadata"].get("tags", []) for c in nb["cells"])
    assert solutions.count() == expected > 0
    for i in range(expected):
        details = solutions.nth(i)
        assert details.get_attribute("open") is None
        assert not details.locator("div.cell_input").is_visible()
    first = solutions.first
    first.locator("summary").click()
    code = first.locator("div.cell_input")
    assert code.is_visible()
    assert first.locator("summary").inner_text().strip() == "Hide solution"
    assert "BEGIN SOLUTION" not in code.inner_text() and "END SOLUTION" not in code.inner_text()

    # Both editions: Colab (in a new tab) and a download the site serves itself.
    for path, label in [
        (f"notebooks/{notebook.name}", "notebook"),
        (f"notebooks/exercises/{notebook.name}", "exercises"),
    ]:
        colab = page.locator(
            f"article a[href$='/blob/main/{path}'][href^='https://colab.research.google.com/']"
        )
        assert colab.count() == 1 and colab.is_visible(), f"no Colab link to {path}"
        assert colab.get_attribute("target") == "_blank" and "noopener" in colab.get_attribute(
            "rel"
        )
        download = page.locator(f"article a.download-notebook:has-text('Download the {label}')")
        assert download.is_visible(), f"no download of {path}"
        href = download.get_attribute("href")
        assert not href.startswith("http"), f"{path} is downloaded from elsewhere: {href}"
        response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href)
        assert response.ok and response.body() == (site_html.parent / "extra" / path).read_bytes()
    browser.settle()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem[:2])
def test_exercises_are_headings_in_the_contents(browser: Browser, notebook: Path):
    """Each exercise is an h3 heading, listed in the page's contents and linkable.

    The chapters' exercises became headings (### Exercise N: ...) in the notebooks;
    a chapter whose exercises are still bold paragraphs fails here.
    """
    page = browser.visit(f"notebooks/{notebook.stem}.html")
    headings = page.locator("article h3[id]", has_text=re.compile(r"^Exercise \d+"))
    solutions = page.locator("details.hide:has(summary:has-text('Show solution'))").count()
    assert headings.count() == solutions, (
        f"{notebook.name}: {headings.count()} exercise headings for {solutions} exercises"
    )
    for i in range(headings.count()):
        anchor = headings.nth(i).get_attribute("id")
        assert page.locator(f"#pst-page-toc-nav a[href='#{anchor}']").count() == 1, (
            f"#{anchor} not in contents"
        )
    anchor = headings.last.get_attribute("id")
    page.evaluate(f"location.hash = '{anchor}'")  # a link to it lands on it
    page.wait_for_timeout(100)
    assert page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top") < 200


def test_next_and_previous_lead_through_the_chapters_in_order(browser: Browser):
    page = browser.visit("index.html")
    for notebook in NOTEBOOKS:
        page.locator("a.right-next").click()
        browser.settle()
        assert page.url.endswith(f"notebooks/{notebook.stem}.html")
        assert heading(page) == chapter_title(notebook)
    for notebook in reversed(NOTEBOOKS[:-1]):
        page.locator("a.left-prev").click()
        browser.settle()
        assert heading(page) == chapter_title(notebook)
    page.locator("a.left-prev").click()
    browser.settle()
    assert page.url.endswith("/index.html")


# ---- Search --------------------------------------------------------------------------


def search(browser: Browser, query: str, from_sidebar: bool = False) -> Page:
    """The search page's results for ``query``, typed in the sidebar or opened by URL."""
    if from_sidebar:
        page = browser.visit("index.html")
        page.locator(".bd-sidebar-primary form.course-search input").fill(query)
        page.keyboard.press("Enter")
        page.wait_for_url("**/search.html?q=*")
    else:
        page = browser.visit(f"search.html?q={query}")
    page.wait_for_function(
        "q => document.getElementById('course-search-results').dataset.query === q", arg=query
    )
    return browser.settle()


@pytest.mark.parametrize("term", list(TEACHES))
def test_search_lists_the_teaching_section_first(browser: Browser, term: str):
    chapter, headings = TEACHES[term]
    page = search(browser, term)
    first = page.locator("#course-search-results li").first
    link = first.locator("a").get_attribute("href")
    shown = first.locator(".course-search-heading").inner_text()
    ranked = page.locator("#course-search-results .course-search-heading").all_inner_texts()[:5]
    where = link.split("/")[-1].split("?")[0]
    REPORT.setdefault("search: the first result per term", []).append(
        f"{term:17} 1. {shown} ({where}); then {'; '.join(ranked[1:3])}"
    )
    assert f"/notebooks/{chapter}_" in link, (
        f"{term}: first result {shown!r} ({link}); top 5 {ranked}"
    )
    assert any(h in shown for h in headings), f"{term}: first result {shown!r}; top 5 {ranked}"
    assert "#" in link and "highlight=" in link
    excerpt = first.locator(".course-search-excerpt")
    assert excerpt.locator("mark").count() >= 1, f"{term}: the excerpt marks nothing"


def test_a_result_lands_on_its_section_with_the_term_highlighted(browser: Browser):
    page = search(browser, "retain_grad", from_sidebar=True)
    page.locator("#course-search-results li a").first.click()
    page.wait_for_selector("span.highlighted")
    browser.settle()
    anchor = urlparse(page.url).fragment
    assert anchor, page.url
    top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 0 <= top < 200, f"the section's heading is at {top} px, not at the top"
    marked = page.locator("article span.highlighted").all_inner_texts()
    assert marked and all(m.lower() == "retain_grad" for m in marked), marked


# ---- Readable by everyone ------------------------------------------------------------


def run_axe(page: Page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5)
                    .map(n => n.target.join(" ") + " :: " + n.failureSummary)}));
        }"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_accessibility_violation(path: str, scheme: str, request):
    if not AXE.is_file():
        pytest.fail(f"no {AXE}: npm ci --prefix site/tests")
    page = request.getfixturevalue("browser" if scheme == "light" else "dark").visit(path)
    if path.startswith("search"):
        page.wait_for_selector("#course-search-results li")
    page.evaluate(
        "document.querySelectorAll('details').forEach(d => d.open = true)"
    )  # solutions too
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    violations = run_axe(page)
    REPORT.setdefault("axe-core " + page.evaluate("axe.version"), []).append(
        f"{path} ({scheme}): {len(violations)} violations"
        + "".join(f"; {v['id']} ({v['impact']}, {len(v['nodes'])})" for v in violations)
    )
    assert not violations, json.dumps(violations, indent=1)


def test_dark_mode_follows_the_system(open_browser):
    for scheme, luminous in [("dark", False), ("light", True)]:
        page = open_browser(DESKTOP, scheme).visit("notebooks/" + NOTEBOOKS[0].stem + ".html")
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
        level = sum(int(x) for x in re.findall(r"\d+", rgb)[:3]) / 3
        assert (level > 128) == luminous, f"{scheme}: the page's background is {rgb}"


def test_figures_open_full_size_on_a_phone(phone: Browser, site_html: Path):
    """A phone shrinks every figure to its width: each one links to its full-size file."""
    checked = 0
    for path in CHAPTER_PAGES:
        page = phone.visit(path)
        for image in page.locator("article div.cell_output img").all():
            shown, natural = image.evaluate(
                "i => [i.getBoundingClientRect().width, i.naturalWidth]"
            )
            link = image.locator("xpath=..")
            assert link.evaluate("a => a.matches('a.zoom')"), f"{path}: a figure opens nowhere"
            assert link.get_attribute("href") == image.get_attribute("src")
            assert shown <= PHONE["width"], f"{path}: a figure is wider than the phone"
            target = served(site_html, page, link.get_attribute("href"))
            assert target.is_file() and natural >= shown
            checked += 1
    REPORT.setdefault("figures on a phone", []).append(
        f"{checked} figures shown at most {PHONE['width']} px wide, each linking to its full size"
    )
    assert checked > 10


def test_wide_maths_scrolls_sideways_with_a_visible_sign_on_a_phone(phone: Browser):
    page = phone.visit("notebooks/06_autograd.html")
    blocks = page.locator("article .math-display")
    assert blocks.count() >= 1
    wide = 0
    for block in blocks.all():
        scroll, client = block.evaluate("e => [e.scrollWidth, e.clientWidth]")
        style = block.evaluate(
            "e => { const s = getComputedStyle(e); return [s.overflowX, s.backgroundImage]; }"
        )
        assert style[0] in ("auto", "scroll"), "an equation is clipped instead of scrolling"
        if scroll > client + 1:
            wide += 1
            assert "gradient" in style[1], "a wide equation gives no sign that it scrolls"
            assert block.get_attribute("tabindex") == "0", (
                "a wide equation cannot be scrolled by keyboard"
            )
    assert wide >= 1, "chapter 06's wide equation fits a phone now: this test checks nothing"


def test_icons_show_without_font_awesome(browser: Browser):
    page = browser.visit(CHAPTER_PAGES[0])
    missing = page.evaluate(
        """() => Array.from(document.querySelectorAll('.fa-solid, .fas, .fab, .fa-brands'))
            .filter(e => e.getClientRects().length)
            .filter(e => getComputedStyle(e).maskImage === 'none').map(e => e.className)"""
    )
    assert not missing, f"icons without a picture: {missing}"
    font = page.evaluate(
        """() => Array.from(document.querySelectorAll('*')).flatMap(e => ['::before', '::after']
            .map(p => getComputedStyle(e, p)).filter(s => s.content !== 'none' && s.content !== '""'
            && s.content !== 'normal' && /Font Awesome/.test(s.fontFamily))
            .map(() => e.className))"""
    )
    assert not font, f"drawn with Font Awesome's font, which the site does not ship: {font}"


def test_page_weight_of_a_chapter_is_under_500_kb(open_browser):
    """Everything a page loads but its content, as served (no gzip): theme, scripts, fonts,
    icons and search. Content is a chapter's document and figures, or the search page's
    fragments (the text of the pages that match)."""
    rows = []
    for path in CHAPTER_PAGES + ["search.html?q=no_grad"]:
        browser = open_browser(DESKTOP, "light")
        sizes: dict[str, int] = {}

        def record(response, sizes=sizes):
            if response.ok and response.request.resource_type != "document":
                body = response.body()
                sizes[response.url] = (len(body), len(gzip.compress(body)))

        browser.page.on("response", record)
        page = browser.visit(path)
        if path.startswith("search"):
            page.wait_for_selector("#course-search-results li")
        figures = set(
            page.evaluate(
                "Array.from(document.querySelectorAll('article .cell_output img')).map(i => i.src)"
            )
        )
        own = {
            u: s for u, s in sizes.items() if u not in figures and "/_pagefind/fragment/" not in u
        }
        raw, zipped = sum(s[0] for s in own.values()), sum(s[1] for s in own.values())
        rows.append((path, raw, zipped, len(own)))
        largest = sorted(own.items(), key=lambda kv: -kv[1][0])[:3]
        REPORT.setdefault(
            f"page weight (budget {BUDGET // 1000} KB, not counting content)", []
        ).append(
            f"{path}: {raw / 1000:.0f} KB in {len(own)} files ({zipped / 1000:.0f} KB gzipped); "
            + ", ".join(
                f"{urlparse(u).path.split('/')[-1]} {s[0] / 1000:.0f} KB" for u, s in largest
            )
        )
    over = [(p, r) for p, r, _, _ in rows if r >= BUDGET]
    assert not over, f"over {BUDGET / 1000:.0f} KB: {over}"


# ---- Screenshots ---------------------------------------------------------------------

SHOTS = [  # name, page, what to scroll to (the same page is loaded once)
    ("start", "index.html", None),
    ("start-chapters", "index.html", "#the-chapters"),
    ("chapter02", "notebooks/02_fashion_mnist_mlp.html", None),
    ("chapter02-figure", "notebooks/02_fashion_mnist_mlp.html", "div.cell_output img >> nth=-1"),
    ("chapter02-exercises", "notebooks/02_fashion_mnist_mlp.html", "#exercises"),
    ("chapter06-maths", "notebooks/06_autograd.html", ".math-display >> nth=-1"),
    ("search", "search.html?q=requires_grad", None),
    ("instructors", "instructors.html", None),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_screenshots(open_browser, device: str, scheme: str):
    browser = open_browser(DESKTOP if device == "desktop" else PHONE, scheme)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    loaded = None
    for name, path, element in SHOTS:
        if path != loaded:
            page, loaded = browser.visit(path), path
        if path.startswith("search"):
            page.wait_for_selector("#course-search-results li")
        if element:
            page.locator(element).first.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(100)
        page.screenshot(path=ARTIFACTS / f"{name}-{device}-{scheme}.png")
