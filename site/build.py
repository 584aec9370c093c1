"""Build the course website from the committed notebooks, offline, without running them.

    python site/build.py                 # writes build/site/html/index.html
    python site/build.py --out /tmp/web  # writes /tmp/web/html/index.html

Sphinx reads a staging folder (``<out>/src``) that this script fills with the
site's own pages (``site/*.md``: the start page gets its list of chapters from
the chapters' title cells), a copy of ``README.md`` (which the setup, glossary
and instructors' pages include parts of) and a copy of every chapter in
``notebooks/``. The notebooks a reader downloads, each chapter and its exercise
edition (``notebooks/exercises/``), are served beside the chapter's page. After
Sphinx, ``postbuild.py`` trims the theme's assets and builds the search index.
The configuration stays in ``site/conf.py``. Every build reads everything
afresh (a few seconds), and any Sphinx warning fails it.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SITE = Path(__file__).resolve().parent
REPO = SITE.parent
PAGES = ["index.md", "setup.md", "glossary.md", "instructors.md"]  # site/*.md, in order
NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split()


@dataclass
class Chapter:
    """What the start page says about a chapter, read from its title cell."""

    path: Path  # notebooks/NN_name.ipynb
    title: str  # "Chapter 01: nn.Module basics"
    learn: list[str]  # the "You will learn" bullets, as Markdown
    prerequisites: str  # the text after "**Prerequisites:**", links made relative to the site root
    time: str  # "about 30 minutes to read and run"

    @property
    def minutes(self) -> int:
        match = re.search(r"(\d+) minutes", self.time)
        return int(match.group(1)) if match else 0


def chapters(notebooks: Path = REPO / "notebooks") -> list[Chapter]:
    return [read_chapter(nb) for nb in sorted(notebooks.glob("[0-9][0-9]_*.ipynb"))]


def read_chapter(path: Path) -> Chapter:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "".join(cells[0]["source"])
    lines = text.splitlines()
    title = lines[0].lstrip("# ").strip()
    learn, in_list = [], False
    for line in lines:
        if line.strip() == "**You will learn**":
            in_list = True
        elif in_list and line.startswith("- "):
            learn.append(line[2:].strip())
        elif in_list and learn and line.strip():
            in_list = False
    prerequisites = _field(text, "Prerequisites")
    # The chapters link each other by file name; the start page sits one folder up.
    prerequisites = re.sub(r"\]\((\d\d_[\w-]+\.ipynb)\)", r"](notebooks/\1)", prerequisites)
    time_text = _field(text, "Time").split(";")[0].strip()
    return Chapter(path, title, learn, prerequisites, time_text)


def _field(text: str, name: str) -> str:
    match = re.search(rf"\*\*{name}:\*\*\s*(.+)", text)
    if not match:
        raise ValueError(f"the title cell has no **{name}:** line")
    return match.group(1).strip()


def chapter_cards(found: list[Chapter], slug: str) -> str:
    """The start page's list of chapters: what each teaches, its time, read / try links."""
    from course_tools import colab

    cards = []
    for ch in found:
        name = ch.path.name
        edition = f"notebooks/exercises/{name}"
        bullets = "\n".join(f"- {item}" for item in ch.learn)
        cards.append(
            f"### {ch.title}\n\n"
            f"**Time:** {ch.time}. **Before it:** {ch.prerequisites}\n\n"
            f"{bullets}\n\n"
            f"[Read the chapter](notebooks/{name}){{.chapter-read}}\n"
            f"[Try the exercises in Colab]({colab.colab_url(edition, slug)})\n"
            f"[Download the exercises]({colab.download_url(edition, slug)})\n"
        )
    return "\n".join(cards)


def page_text(name: str, found: list[Chapter], slug: str) -> str:
    """A page of ``site/`` with its ``{{ placeholders }}`` filled in."""
    first = found[0]
    minutes = sorted(ch.minutes for ch in found)
    count = NUMBERS[len(found)] if len(found) < len(NUMBERS) else str(len(found))
    values = {
        "count": count,
        "Count": count[:1].upper() + count[1:],
        "chapter_cards": chapter_cards(found, slug),
        "first_chapter": (
            f"[Start with {first.title} →](notebooks/{first.path.name}){{.start-button}}"
        ),
        "repo_url": f"https://github.com/{slug}",
        "repo_name": slug.split("/")[1],
        "minutes": f"{minutes[0]}-{minutes[-1]} minutes",
    }
    text = (SITE / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{ " + key + " }}", value)
    if leftover := re.findall(r"\{\{ *\w+ *\}\}", text):
        raise ValueError(f"site/{name}: no value for {leftover}")
    return text


# The parts of README.md the site's pages include (setup, glossary, instructors).
README_ON_SITE = ["Chapters", "Set up and run", "Data", "For instructors", "Glossary"]
SEE = re.compile(r'\s*\(see "([^"]+)"\)')


def readme_for_site(text: str) -> str:
    """README.md without its pointers to sections the site does not include.

    A sentence such as 'how strong each check is (see "Mutation testing ...")' keeps
    its words; only the pointer to a maintainers' section goes.
    """
    on_site, included = set(), False
    for line in text.splitlines():
        if match := re.match(r"^(#{2,6}) (.+)$", line):
            level, title = len(match.group(1)), match.group(2).strip()
            if level == 2:
                included = title in README_ON_SITE
            if included:
                on_site.add(title)
    return SEE.sub(lambda m: m.group(0) if m.group(1) in on_site else "", text)


def sources(notebooks: Path = REPO / "notebooks") -> dict[str, Path]:
    """The files the staging folder copies as they are: its relative path -> the file."""
    files = {
        "README.md": REPO / "README.md",
        "colab-badge.svg": SITE / "_static" / "colab-badge.svg",
    }
    for nb in sorted(notebooks.glob("[0-9][0-9]_*.ipynb")):
        files[f"notebooks/{nb.name}"] = nb
    return files


def downloads(notebooks: Path = REPO / "notebooks") -> dict[str, Path]:
    """The notebooks the site serves for download: its path -> the file."""
    files = {}
    for nb in sorted(notebooks.glob("[0-9][0-9]_*.ipynb")):
        files[f"notebooks/{nb.name}"] = nb
        edition = notebooks / "exercises" / nb.name
        if edition.is_file():
            files[f"notebooks/exercises/{nb.name}"] = edition
    return files


def stage(src: Path, extra: Path, notebooks: Path = REPO / "notebooks") -> None:
    """Fill ``src`` (what Sphinx reads) and ``extra`` (copied as is into the site)."""
    sys.path.insert(0, str(REPO))
    from course_tools import colab

    slug = colab.repo_slug(notebooks.parent)
    for folder, files in ((src, sources(notebooks)), (extra, downloads(notebooks))):
        shutil.rmtree(folder, ignore_errors=True)
        for rel, origin in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, folder / rel)
    readme = src / "README.md"
    readme.write_text(readme_for_site(readme.read_text(encoding="utf-8")), encoding="utf-8")
    found = chapters(notebooks)
    for name in PAGES:
        (src / name).write_text(page_text(name, found, slug), encoding="utf-8")


def build(out: Path, notebooks: Path = REPO / "notebooks", quiet: bool = True) -> int:
    """Stage the sources, run Sphinx into ``out/html``, then postbuild; Sphinx's exit status."""
    from sphinx.cmd.build import build_main

    src, extra = out / "src", out / "extra"
    stage(src, extra, notebooks)
    shutil.rmtree(out / "html", ignore_errors=True)  # no page left over from a removed chapter
    args = ["-b", "html", "-c", str(SITE), "-d", str(out / "doctrees"), "-E", "-W", "--keep-going"]
    args += ["-D", f"html_extra_path={extra}"]
    if quiet:
        args.append("-q")
    status = build_main([*args, str(src), str(out / "html")])
    if status == 0:
        sys.path.insert(0, str(SITE))
        from postbuild import postbuild

        postbuild(out / "html")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "build" / "site",
        help="build folder (default: build/site); the site is in OUT/html",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show Sphinx's progress")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    status = build(args.out.resolve(), quiet=not args.verbose)
    if status == 0:
        index = args.out.resolve() / "html" / "index.html"
        print(f"Built {index} in {time.perf_counter() - start:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
