"""What produced a chapter's saved outputs: the code a chapter runs, nothing else.

A chapter's outputs depend on its code cells, on the learner package
``course_utils`` it imports (of the exercise checks, only its own), and on the
figure PNGs (and alt texts) its figure cells show. :func:`fingerprint` hashes
exactly those; ``python -m course_tools.execute`` stores it in the notebook's metadata and the tests
compare it with the current sources. Editing a tool, a test or the prose
leaves a chapter fresh, and so do comments and docstrings in ``course_utils``;
changing what any of those three does makes it stale.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from pathlib import Path

import nbformat

from course_tools.chapters import REPO, figures

KEY = "course_fingerprint"
LEARNER_PACKAGE = REPO / "course_utils"
ASSETS = REPO / "assets"
RUN = "python -m course_tools.execute"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _text(path: Path) -> bytes:
    return path.read_bytes().replace(b"\r\n", b"\n")  # a Windows checkout hashes the same


def code_digest(nb: nbformat.NotebookNode) -> str:
    """sha256 of the code cells' sources in order (not outputs, metadata or markdown)."""
    sources = [c.source.replace("\r\n", "\n") for c in nb.cells if c.cell_type == "code"]
    return _sha(json.dumps(sources).encode())


def _canonical(node: object) -> str:
    """A syntax tree as text that every supported Python version writes alike.

    ``ast.dump`` is not that: 3.12 added fields (``type_params``) and 3.13 leaves
    empty ones out, so the same module would hash differently on Colab's 3.13.
    Here an empty field (None or []) is left out whatever the version.
    """
    if isinstance(node, ast.AST):
        fields = [
            f"{name}={_canonical(value)}"
            for name, value in ast.iter_fields(node)
            if value is not None and value != []
        ]
        return f"{type(node).__name__}({', '.join(fields)})"
    if isinstance(node, list):
        return f"[{', '.join(_canonical(item) for item in node)}]"
    return repr(node)


def _behaviour(source: bytes, where: Path) -> bytes:
    """What a module does: its syntax tree without comments and docstrings."""
    try:
        tree = ast.parse(source, filename=str(where))
    except SyntaxError:
        return source  # not Python the kernel could import: hash it as it is
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    return _canonical(tree).encode()


_CHECKS_MODULE = re.compile(r"^exercises/ch(\d\d)\.py$")
_CHECK_CALL = re.compile(r"""check_exercise\(\s*["']ch(\d\d)-""")


def checked_chapters(nb: nbformat.NotebookNode) -> set[str]:
    """The chapters whose exercise checks ``nb``'s code cells call (``{"05"}``)."""
    return {m for c in nb.cells if c.cell_type == "code" for m in _CHECK_CALL.findall(c.source)}


def package_digest(package: Path = LEARNER_PACKAGE, checks: set[str] | None = None) -> str:
    """sha256 of what the learner package's Python modules do, by their path inside it.

    Comments, docstrings and formatting do not count: editing documentation
    leaves the chapters fresh; changing behaviour makes them stale. Of the
    exercise checks (``exercises/chNN.py``) only those of the chapters in
    ``checks`` count (all of them when ``checks`` is None).
    """
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        own = _CHECKS_MODULE.match(path.relative_to(package).as_posix())
        if own and checks is not None and own.group(1) not in checks:
            continue
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(_behaviour(_text(path), path) + b"\0")
    return digest.hexdigest()


def figures_digest(nb: nbformat.NotebookNode, assets: Path = ASSETS) -> str:
    """sha256 of the PNG and alt text of every figure ``nb`` shows."""
    manifest = json.loads((assets / "manifest.json").read_text(encoding="utf-8"))["figures"]
    digest = hashlib.sha256()
    for name in sorted({fig.name for fig in figures(nb)}):
        entry = manifest.get(name, {})
        png = assets / entry.get("file", f"{name}.png")
        digest.update(name.encode() + b"\0" + entry.get("alt", "").encode() + b"\0")
        digest.update(png.read_bytes() if png.is_file() else b"missing")
    return digest.hexdigest()


def fingerprint(
    nb: nbformat.NotebookNode, package: Path = LEARNER_PACKAGE, assets: Path = ASSETS
) -> dict[str, str]:
    """The three digests of what ``nb`` runs."""
    return {
        "code_sha256": code_digest(nb),
        "course_utils_sha256": package_digest(package, checked_chapters(nb)),
        "figures_sha256": figures_digest(nb, assets),
    }


def stale_reasons(
    nb: nbformat.NotebookNode, package: Path = LEARNER_PACKAGE, assets: Path = ASSETS
) -> list[str]:
    """Why ``nb``'s saved outputs may not come from what it runs now (empty if fresh)."""
    recorded = nb.metadata.get(KEY)
    if not isinstance(recorded, dict):
        return [f"it has no fingerprint: it was not saved by `{RUN}`"]
    current = fingerprint(nb, package, assets)
    what = {
        "code_sha256": "its code cells changed",
        "course_utils_sha256": "the learner package course_utils changed",
        "figures_sha256": "a figure it shows changed",
    }
    return [
        f"{why} since its outputs were saved"
        for key, why in what.items()
        if recorded.get(key) != current[key]
    ]
