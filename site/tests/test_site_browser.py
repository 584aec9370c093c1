"""The built site in a real browser: headless Chromium over a local HTTP server.

Every page loads with no console error, no failed request and no request that
leaves 127.0.0.1; every image loads; next/previous lead through the chapters in
order; searching for ``ModuleDict`` finds chapter 05; solutions are collapsed.
Screenshots go to ``build/site-artifacts/`` (or ``$SITE_ARTIFACTS``).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import threading
from pathlib import Path

import pytest
from conftest import NOTEBOOKS, REPO, load_notebook
from playwright.sync_api import Page, sync_playwright

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("SITE_ARTIFACTS", REPO / "build" / "site-artifacts"))
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
        self.page.goto(self.base_url + path, wait_until="networkidle")
        return self.settle()

    def settle(self) -> Page:
        """Wait for the page's images, then fail on anything recorded so far."""
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_function(ALL_IMAGES_DONE, timeout=10_000)  # loaded or failed
        broken = self.page.evaluate(BROKEN_IMAGES)
        problems, self.problems = self.problems + [f"image not loaded: {u}" for u in broken], []
        assert not problems, f"{self.page.url}:\n" + "\n".join(problems)
        return self.page


@pytest.fixture(scope="module")
def browser(base_url: str, tmp_path_factory):
    if not CHROMIUM.is_file():
        pytest.fail(f"no Chromium at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM)")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # a new, empty profile
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        page = context.pages[0] if context.pages else context.new_page()
        browser = Browser(page, base_url)
        context.route("**/*", browser.route)
        yield browser
        context.close()


def chapter_title(notebook: Path) -> str:
    first = "".join(load_notebook(notebook)["cells"][0]["source"]).splitlines()[0]
    return first.lstrip("# ").strip()


def heading(page: Page) -> str:
    return page.locator("article h1").first.inner_text().rstrip("#").strip()


def test_landing_page(browser: Browser):
    page = browser.visit("index.html")
    title = (REPO / "README.md").read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
    assert heading(page) == title.strip()
    for notebook in NOTEBOOKS:  # the chapter table and the sidebar link every chapter
        assert page.locator(f"article a[href='notebooks/{notebook.stem}.html']").count() >= 1
        assert page.locator(f"nav a[href='notebooks/{notebook.stem}.html']").count() >= 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "landing.png")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem[:2])
def test_chapter_page(browser: Browser, notebook: Path, site_html: Path):
    page = browser.visit(f"notebooks/{notebook.stem}.html")
    staged = load_notebook(site_html.parent / "src" / "notebooks" / notebook.name)
    assert heading(page) == chapter_title(notebook)

    figures = sum(
        "image/png" in o.get("data", {})
        for c in staged["cells"]
        if not {"remove-output", "remove-cell"} & set(c["metadata"].get("tags", []))
        for o in c.get("outputs", [])
    )
    assert page.locator("div.cell_output img").count() == figures

    # Solutions are collapsed: their code is hidden until the reader opens them.
    solutions = page.locator("details.hide:has(summary:has-text('Show solution'))")
    expected = sum("solution" in c["metadata"].get("tags", []) for c in staged["cells"])
    assert solutions.count() == expected > 0
    for i in range(expected):
        details = solutions.nth(i)
        assert details.get_attribute("open") is None
        assert not details.locator("div.cell_input").is_visible()
    if notebook.name.startswith("02_"):  # screenshots: the top, a figure, the exercises
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=ARTIFACTS / "chapter02.png")
        for name, element in [
            ("figure", page.locator("div.cell_output img").last),
            ("exercises", page.locator("#exercises")),
        ]:
            element.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.screenshot(path=ARTIFACTS / f"chapter02-{name}.png")
    solutions.first.locator("summary").click()  # a reader can open one
    assert solutions.first.locator("div.cell_input").is_visible()

    # "Open in Colab" and the notebook download.
    colab = f"/blob/main/notebooks/{notebook.name}"
    assert page.locator(
        f"article a[href$='{colab}'][href^='https://colab.research.google.com/']"
    ).is_visible()
    download = page.locator("article a.download-notebook")
    assert download.is_visible()
    response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + download.get_attribute("href"))
    assert response.ok and json.loads(response.body()) == staged

    if notebook.name.startswith("06_"):  # the chapter with math: MathJax typeset it
        page.wait_for_selector("mjx-container", timeout=10_000)
    browser.settle()


def test_next_and_previous_lead_through_the_chapters_in_order(browser: Browser):
    page = browser.visit("index.html")
    for notebook in NOTEBOOKS:
        page.locator("a.right-next").click()
        browser.settle()
        assert page.url.endswith(f"notebooks/{notebook.stem}.html")
        assert heading(page) == chapter_title(notebook)
    assert page.locator("a.right-next").count() == 0  # the last chapter
    for notebook in reversed(NOTEBOOKS[:-1]):
        page.locator("a.left-prev").click()
        browser.settle()
        assert heading(page) == chapter_title(notebook)
    page.locator("a.left-prev").click()
    browser.settle()
    assert page.url.endswith("/index.html")


def test_search_for_moduledict_finds_chapter_05(browser: Browser):
    page = browser.visit("index.html")
    page.locator(".bd-sidebar-primary .search-button-field").click()
    page.locator("input[name='q']:visible").fill("ModuleDict")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=ModuleDict*")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("05_custom_layers_and_containers" in h for h in hrefs), hrefs
    browser.settle()
