"""What ``site/build.py`` does to the HTML Sphinx wrote: lighter pages and a search index.

* Font Awesome's 1.5 MB script (and its fonts) leave every page: the few icons
  the theme shows are CSS masks in ``_static/icons.css``.
* The theme's style sheets keep only the rules that can match something the
  site has: a rule goes when every one of its selectors names a class that no
  page's HTML and no script of the site contains (Bootstrap ships hundreds of
  utility classes the theme never uses). Classes that scripts add at run time
  are kept, since their names are in the scripts.
* Pagefind indexes the pages (``_pagefind/``), by section: every heading with an
  id starts one (``course_site.py`` puts the ids on the headings).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import tinycss2

# The theme's style sheets, trimmed (the site's own are small and all in use).
THEME_CSS = ["_static/styles/pydata-sphinx-theme.css", "_static/styles/sphinx-book-theme.css"]
THEME_CSS_GLOBS = ["_static/mystnb.*.css"]
FONTAWESOME = re.compile(
    r"\s*<(?:script|link)\b[^>]*_static/scripts/fontawesome\.js[^>]*>(?:</script>)?"
)
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
TOKEN = re.compile(r"[A-Za-z_][\w-]*")
CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
FUNCTIONAL = re.compile(r":(?:not|is|where|has|nth-[\w-]+)\(")


def postbuild(html: Path) -> None:
    """Everything this module does, in order, to the site in ``html``."""
    remove_fontawesome(html)
    trim_theme_css(html)
    index_for_search(html)


def remove_fontawesome(html: Path) -> None:
    """Take Font Awesome's script out of every page, and its files out of the site."""
    for page in html.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = FONTAWESOME.sub("", text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    for leftover in ["_static/scripts/fontawesome.js", "_static/scripts/fontawesome.js.map"]:
        (html / leftover).unlink(missing_ok=True)
    (html / "_static/scripts/fontawesome.js.LICENSE.txt").unlink(missing_ok=True)
    shutil.rmtree(html / "_static/vendor/fontawesome", ignore_errors=True)


def known_classes(html: Path) -> set[str]:
    """Every class a page's HTML names, and every word of every script (classes set at run time)."""
    known: set[str] = set()
    for page in html.rglob("*.html"):
        for attr in CLASS_ATTR.findall(page.read_text(encoding="utf-8")):
            known.update(attr.split())
    for script in (html / "_static").rglob("*.js"):
        known.update(TOKEN.findall(script.read_text(encoding="utf-8", errors="replace")))
    return known


def trim_theme_css(html: Path) -> None:
    known = known_classes(html)
    sheets = [html / name for name in THEME_CSS]
    sheets += [p for pattern in THEME_CSS_GLOBS for p in html.glob(pattern)]
    for sheet in sheets:
        rules = tinycss2.parse_stylesheet(sheet.read_text(encoding="utf-8"), skip_whitespace=True)
        sheet.write_text("".join(_trim(rules, known)) + "\n", encoding="utf-8")
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)  # it maps the untrimmed file


def selector_can_match(selector: str, known: set[str]) -> bool:
    if FUNCTIONAL.search(selector):  # :not(.x) matches without .x: keep such selectors
        return True
    return all(name in known for name in CLASS.findall(selector))


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, current = [], 0, []
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def _trim(rules, known: set[str]) -> list[str]:
    """The CSS text of the rules that can match, recursing into @media and the like."""
    kept = []
    for rule in rules:
        if rule.type == "comment":
            if rule.value.startswith("!"):  # a licence notice stays with the code
                kept.append(f"/*{rule.value}*/\n")
        elif rule.type == "at-rule" and rule.lower_at_keyword == "font-face":
            if "fontawesome" not in tinycss2.serialize(rule.content).lower():
                kept.append(rule.serialize())  # Font Awesome's fonts are gone (icons.css)
        elif rule.type == "qualified-rule":
            selectors = split_selectors(tinycss2.serialize(rule.prelude))
            matching = [s for s in selectors if selector_can_match(s, known)]
            if matching:
                kept.append(f"{','.join(matching)}{{{tinycss2.serialize(rule.content)}}}")
        elif (
            rule.type == "at-rule"
            and rule.content is not None
            and rule.lower_at_keyword
            in (
                "media",
                "supports",
                "layer",
                "container",
            )
        ):
            inner = _trim(tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True), known)
            if inner:
                prelude = tinycss2.serialize(rule.prelude)
                kept.append(f"@{rule.at_keyword}{prelude}{{{''.join(inner)}}}")
        else:
            kept.append(rule.serialize())
    return kept


def index_for_search(html: Path) -> None:
    """Run Pagefind (the binary inside the ``pagefind[bin]`` wheel) over the site."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(html),
        "--output-subdir",
        "_pagefind",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not (html / "_pagefind" / "pagefind.js").is_file():
        raise RuntimeError(
            "Pagefind failed to index the site (is `pagefind[bin]` installed? "
            f"pip install -r site/requirements.txt):\n{result.stdout}\n{result.stderr}"
        )
    for unused in ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
                   "pagefind-modular-ui.css", "pagefind-component-ui.js",
                   "pagefind-component-ui.css", "pagefind-highlight.js"]:  # fmt: skip
        (html / "_pagefind" / unused).unlink(missing_ok=True)  # the site has its own results list
