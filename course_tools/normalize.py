"""Write every piece of cell metadata that follows from a chapter's tags.

An author tags cells ``solution``, ``check``, ``figure`` (and ``train``);
this fills in the rest, the same way every time:

- a ``solution`` cell: collapsed in Jupyter (``jupyter.source_hidden``) and in
  Colab (``cellView: form`` under a ``# @title`` line that names it), the site's
  ``hide-input`` toggle, and nbgrader's "autograded answer" block;
- its ``check`` cell: collapsed the same ways, and nbgrader's "autograded test"
  block, one point;
- a ``hidden`` cell (code a reader may skip, such as the computation behind a
  range the prose quotes): collapsed in Jupyter, in Colab (under the ``# @title``
  line its author writes first) and on the site (``hide-input``);
- a ``figure`` cell: collapsed (also in Colab, ``cellView: form``), the site's
  ``remove-input``, and its alt text from ``assets/manifest.json``;
- the setup cell (the first code cell): its install block, the same in every
  chapter (:mod:`course_tools.setup_cell`);
- the title cell: its two ways in, each an "Open in Colab" badge and a download
  (the chapter with solutions, and its exercise edition in ``notebooks/exercises/``);
- every cell: an id (``chNN-123``), kept once given.

A cell that draws a plot carries its alt text as the author wrote it, in
``mystnb.image.alt`` (what the plot shows, for a reader who cannot see it).

Metadata that no tag calls for any more (a solution turned into plain code)
is removed. ``python -m course_tools.execute`` runs this before it runs a
chapter; ``python -m course_tools.normalize notebooks/*.ipynb`` runs it alone.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

import nbformat

from course_tools.chapters import REPO, chapter_number, exercises, figures
from course_tools.colab import editions_block, slugs_in
from course_tools.setup_cell import with_install_block

MANIFEST = REPO / "assets" / "manifest.json"
DERIVED_TAGS = {"hide-input", "remove-input"}
TITLE = "# @title "  # Colab shows this line in place of a collapsed (form) cell
NBGRADER_SCHEMA = 3


def _nbgrader(grade_id: str, *, solution: bool) -> dict:
    return {
        "grade": not solution,
        "grade_id": grade_id,
        "locked": not solution,
        **({} if solution else {"points": 1}),
        "schema_version": NBGRADER_SCHEMA,
        "solution": solution,
        "task": False,
    }


def _alt_texts(manifest: Path = MANIFEST) -> dict[str, str]:
    figures_ = json.loads(manifest.read_text(encoding="utf-8"))["figures"]
    return {name: entry["alt"] for name, entry in figures_.items()}


def _clear_derived(cell) -> None:
    meta = cell.metadata
    meta.pop("nbgrader", None)
    meta.pop("cellView", None)
    meta.get("jupyter", {}).pop("source_hidden", None)
    if not meta.get("jupyter", True):
        meta.pop("jupyter")
    if "figure" in meta.get("tags", []):  # a plot cell's alt text is the author's
        meta.get("mystnb", {}).pop("image", None)
    if not meta.get("mystnb", True):
        meta.pop("mystnb")
    if "tags" in meta:
        meta["tags"] = [t for t in meta["tags"] if t not in DERIVED_TAGS]
        if not meta["tags"]:
            meta.pop("tags")


def _collapse(cell, title: str) -> None:
    """Hide ``cell``'s code in Jupyter, in Colab (under ``title``) and on the site."""
    lines = cell.source.split("\n")
    if lines and lines[0].startswith(TITLE):
        lines = lines[1:]
    cell.source = "\n".join([TITLE + title, *lines])
    cell.metadata["cellView"] = "form"
    cell.metadata["jupyter"] = {**cell.metadata.get("jupyter", {}), "source_hidden": True}
    _add_tag(cell, "hide-input")


def _add_tag(cell, tag: str) -> None:
    cell.metadata.setdefault("tags", []).append(tag)


def _assign_ids(nb, chapter: str) -> None:
    used = {cell.get("id") for cell in nb.cells if cell.get("id")}
    counter = 0
    for cell in nb.cells:
        if cell.get("id"):
            continue
        while (new := f"ch{chapter}-{counter:03d}") in used:
            counter += 1
        cell["id"] = new
        used.add(new)


def _title_block(nb, filename: str) -> None:
    """Replace the title cell's badge paragraphs with the standard two-edition block."""
    title = nb.cells[0]
    paragraphs = title.source.split("\n\n")
    badges = [i for i, p in enumerate(paragraphs) if "colab.research.google.com/github/" in p]
    if title.cell_type != "markdown" or not badges:
        raise ValueError(f"{filename}: the title cell needs its Open in Colab badge")
    slug = slugs_in(paragraphs[badges[0]])[0]
    paragraphs[badges[0]] = editions_block(filename, slug)
    title.source = "\n\n".join(p for i, p in enumerate(paragraphs) if i not in badges[1:])


def normalize(
    nb: nbformat.NotebookNode,
    chapter: str,
    filename: str | None = None,
    alt: dict[str, str] | None = None,
) -> nbformat.NotebookNode:
    """A copy of ``nb`` with all derived metadata (and, given its ``filename``, the
    title cell's badges) written from its tags."""
    nb = copy.deepcopy(nb)
    if filename is not None:
        _title_block(nb, filename)
    setup = next(cell for cell in nb.cells if cell.cell_type == "code")
    setup.source = with_install_block(setup.source, f"chapter {chapter}, setup cell")
    nb.nbformat, nb.nbformat_minor = 4, max(nb.get("nbformat_minor", 5), 5)  # cell ids
    alt = _alt_texts() if alt is None else alt
    for cell in nb.cells:
        _clear_derived(cell)
    _assign_ids(nb, chapter)
    for ex in exercises(nb, chapter):
        title = f"Exercise {ex.number} ({ex.name})"
        _collapse(ex.solution, f"{title}: a solution. Try it yourself first")
        ex.solution.metadata["nbgrader"] = _nbgrader(ex.solution_id, solution=True)
        _collapse(ex.check, f"{title}: check your answer")
        ex.check.metadata["nbgrader"] = _nbgrader(ex.check_id, solution=False)
    for cell in nb.cells:
        if "hidden" in cell.metadata.get("tags", []):
            first = cell.source.split("\n", 1)[0]
            if cell.cell_type != "code" or not first.startswith(TITLE):
                raise ValueError(
                    f"chapter {chapter}, cell {cell.get('id')}: a 'hidden' cell is a code cell "
                    f"whose first line, '{TITLE}...', says what it holds"
                )
            _collapse(cell, first[len(TITLE) :])
    for fig in figures(nb, chapter):
        if fig.name not in alt:
            raise ValueError(f"chapter {chapter}: no figure {fig.name!r} in {MANIFEST.name}")
        meta = fig.cell.metadata
        meta["cellView"] = "form"
        meta["jupyter"] = {**meta.get("jupyter", {}), "source_hidden": True}
        meta["mystnb"] = {**meta.get("mystnb", {}), "image": {"alt": alt[fig.name]}}
        _add_tag(fig.cell, "remove-input")
    for cell in nb.cells:  # a stable key order, so a no-op leaves the file unchanged
        cell.metadata = nbformat.from_dict(dict(sorted(cell.metadata.items())))
        if "tags" in cell.metadata:
            cell.metadata["tags"] = list(dict.fromkeys(cell.metadata["tags"]))
    return nb


def normalize_file(path: Path) -> bool:
    """Normalise the chapter at ``path`` in place; True if anything changed."""
    nb = nbformat.read(path, as_version=4)
    new = normalize(nb, chapter_number(path), path.name)
    if new == nb:
        return False
    nbformat.write(new, path)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    for path in args.notebooks:
        print(f"{path}: {'normalised' if normalize_file(path) else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
