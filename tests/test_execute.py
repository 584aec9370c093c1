import shutil

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from course_tools import execute, fingerprint
from course_tools.execute import clean_outputs
from course_tools.fingerprint import RUN, stale_reasons
from tests.helpers import NOTEBOOKS, REPO, load


def clean_stream_text(text: str) -> str:
    cell = new_code_cell("")
    cell.outputs = [new_output("stream", name="stdout", text=text)]
    return clean_outputs(new_notebook(cells=[cell])).cells[0].outputs[0].text


def test_progress_bar_redraws_collapse_to_the_last_state():
    text = "epochs:   0%|    | 0/4\repochs:  50%|##  | 2/4\repochs: 100%|####| 4/4\nfinal\n"
    assert clean_stream_text(text) == "epochs: 100%|####| 4/4\nfinal\n"


def test_colour_codes_and_windows_newlines_are_removed():
    assert clean_stream_text("\x1b[31mred\x1b[0m\r\nnext\n") == "red\nnext\n"


def test_consecutive_streams_are_merged_per_cell():
    cell = new_code_cell("print(1)")
    cell.outputs = [
        new_output("stream", name="stdout", text="a\r"),
        new_output("stream", name="stdout", text="b\n"),
        new_output("stream", name="stderr", text="c\n"),
    ]
    cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01"}
    nb = clean_outputs(new_notebook(cells=[cell]))
    assert [(o.name, o.text) for o in nb.cells[0].outputs] == [("stdout", "b\n"), ("stderr", "c\n")]
    assert "execution" not in nb.cells[0].metadata
    nbformat.validate(nb)


# --- fingerprints: committed outputs come from the current code -------------


def test_code_digest_ignores_outputs_counts_metadata_and_markdown():
    nb = new_notebook(cells=[new_code_cell("x = 1"), new_code_cell("print(x)")])
    before = fingerprint.code_digest(nb)
    nb.cells[1].outputs = [new_output("stream", name="stdout", text="1\n")]
    nb.cells[1].execution_count = 2
    nb.cells[0].metadata["tags"] = ["anything"]
    nb.metadata["language_info"] = {"version": "3.99"}
    nb.cells.append(new_markdown_cell("prose"))
    assert fingerprint.code_digest(nb) == before
    nb.cells[0].source = "x = 2"
    assert fingerprint.code_digest(nb) != before


@pytest.fixture
def copy_of_what_chapters_run(tmp_path):
    """A copy of the learner package, the figures and the tools, to edit freely."""
    for folder in ("course_utils", "assets", "course_tools"):
        shutil.copytree(
            REPO / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    return tmp_path


def fresh_chapter(root):
    nb = new_notebook(
        cells=[
            new_code_cell('x = 1\ncheck_exercise("ch05-scale", None)'),
            new_code_cell('show_figure("02_mlp")', metadata={"tags": ["figure"]}),
        ]
    )
    nb.metadata[fingerprint.KEY] = fingerprint.fingerprint(
        nb, root / "course_utils", root / "assets"
    )
    return nb


def test_editing_a_tool_or_an_unshown_figure_leaves_chapters_fresh(copy_of_what_chapters_run):
    root = copy_of_what_chapters_run
    nb = fresh_chapter(root)
    (root / "course_tools" / "execute.py").write_text("# a tool changed\n")
    (root / "assets" / "drawings.py").write_text("# a drawing source changed\n")
    (root / "assets" / "01_net_shapes.png").write_bytes(b"a figure this chapter does not show")
    checks = root / "course_utils" / "exercises" / "ch07.py"  # another chapter's checks
    checks.write_text(checks.read_text() + "\nx = 1\n")
    nb.cells.append(new_markdown_cell("prose changed"))
    assert stale_reasons(nb, root / "course_utils", root / "assets") == []


def _edit(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{path.name} no longer contains {old!r}: update this test"
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    "edit",
    [
        lambda root: _edit(
            root / "course_utils" / "verdict.py",
            "How an exercise check answers a learner",
            "How a check answers",
        ),
        lambda root: _edit(
            root / "course_utils" / "verdict.py",
            "import sys\n",
            "import sys  # a new comment\n\n",
        ),
    ],
    ids=["docstring", "comment and blank line"],
)
def test_editing_documentation_of_the_learner_package_leaves_chapters_fresh(
    copy_of_what_chapters_run, edit
):
    root = copy_of_what_chapters_run
    nb = fresh_chapter(root)
    edit(root)
    assert stale_reasons(nb, root / "course_utils", root / "assets") == []


@pytest.mark.parametrize(
    "edit, reason",
    [
        (
            lambda root: (root / "course_utils" / "seed.py").write_text("# changed\n"),
            "the learner package course_utils changed",
        ),
        (
            lambda root: (root / "course_utils" / "new_helper.py").write_text("x = 1\n"),
            "the learner package course_utils changed",
        ),
        (
            lambda root: _edit(root / "course_utils" / "verdict.py", ": correct.", ": right."),
            "the learner package course_utils changed",
        ),
        (
            lambda root: _edit(
                root / "course_utils" / "exercises" / "ch05.py",
                "import torch\n",
                "import torch\nx = 1\n",
            ),
            "the learner package course_utils changed",
        ),
        (
            lambda root: (root / "assets" / "02_mlp.png").write_bytes(b"another rendering"),
            "a figure it shows changed",
        ),
    ],
    ids=["learner module", "new learner module", "learner code", "its own checks", "shown figure"],
)
def test_editing_what_a_chapter_runs_makes_it_stale(copy_of_what_chapters_run, edit, reason):
    root = copy_of_what_chapters_run
    nb = fresh_chapter(root)
    edit(root)
    assert stale_reasons(nb, root / "course_utils", root / "assets") == [
        f"{reason} since its outputs were saved"
    ]


def test_stale_reasons_name_what_changed():
    nb = new_notebook(cells=[new_code_cell("x = 1")])
    assert RUN in stale_reasons(nb)[0] and "no fingerprint" in stale_reasons(nb)[0]
    nb.metadata[fingerprint.KEY] = fingerprint.fingerprint(nb)
    assert stale_reasons(nb) == []
    nb.cells[0].source = "x = 2"
    assert stale_reasons(nb) == ["its code cells changed since its outputs were saved"]


def test_no_save_runs_without_writing(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("print(6 * 7)")]), path)
    before = path.read_text()
    assert execute.main(["--no-save", str(path)]) == 0
    assert path.read_text() == before
    assert execute.main([str(path)]) == 0
    saved = nbformat.read(path, as_version=4)
    assert saved.cells[0].outputs[0].text == "42\n"
    assert stale_reasons(saved) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_outputs_come_from_the_current_code(path):
    reasons = stale_reasons(load(path))
    rel = path.relative_to(REPO).as_posix()
    command = (
        f"{RUN} notebooks/*.ipynb"
        if any("course_utils changed" in r for r in reasons)
        else f"{RUN} {rel}"
    )
    assert not reasons, f"{rel}: {'; '.join(reasons)}. Re-execute it: `{command}`"


def test_the_learner_package_hashes_alike_on_every_python():
    """Colab runs 3.13 and CI 3.11: ast.dump differs between them (3.12 added
    ``type_params``, 3.13 leaves empty fields out), this text does not."""
    import ast

    from course_tools.fingerprint import _canonical

    tree = ast.parse("def f(x: int = 1) -> int:\n    return f'{x}'")
    assert _canonical(tree) == (
        "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='x', "
        "annotation=Name(id='int', ctx=Load()))], defaults=[Constant(value=1)]), "
        "body=[Return(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
        "conversion=-1)]))], returns=Name(id='int', ctx=Load()))])"
    )
