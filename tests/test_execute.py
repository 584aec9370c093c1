import shutil

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from course_utils import execute
from course_utils.execute import clean_outputs, clean_stream_text
from tests.conftest import NOTEBOOKS, REPO


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
    before = execute.code_digest(nb)
    nb.cells[1].outputs = [new_output("stream", name="stdout", text="1\n")]
    nb.cells[1].execution_count = 2
    nb.cells[0].metadata["tags"] = ["anything"]
    nb.metadata["language_info"] = {"version": "3.99"}
    nb.cells.append(new_markdown_cell("prose"))
    assert execute.code_digest(nb) == before
    nb.cells[0].source = "x = 2"
    assert execute.code_digest(nb) != before


def test_package_digest_does_not_depend_on_where_or_how_the_package_is_installed(tmp_path):
    repo, site = tmp_path / "repo", tmp_path / "site-packages"
    shutil.copytree(execute.PACKAGE_DIR, repo / "course_utils")
    shutil.copytree(execute.PACKAGE_DIR, site / "course_utils")
    for folder in (repo / "assets", site / "course_utils" / "assets"):
        folder.mkdir()
        (folder / "__init__.py").write_text("")
        (folder / "fig.png").write_bytes(b"\x89PNG figure")
    (site / "course_utils" / "__pycache__").mkdir(exist_ok=True)
    (site / "course_utils" / "__pycache__" / "x.pyc").write_bytes(b"cache")
    editable = {"course_utils": repo / "course_utils", "course_utils/assets": repo / "assets"}
    first = execute.package_digest(editable)
    assert first == execute.package_digest({"course_utils": site / "course_utils"})
    (repo / "assets" / "fig.png").write_bytes(b"\x89PNG another figure")
    assert execute.package_digest(editable) != first
    (repo / "assets" / "fig.png").write_bytes(b"\x89PNG figure")
    (repo / "course_utils" / "seed.py").write_text("# changed\n", encoding="utf-8")
    assert execute.package_digest(editable) != first


def test_the_figures_count_as_part_of_the_package():
    assert (
        "course_utils/assets" in execute.package_dirs() or (execute.PACKAGE_DIR / "assets").is_dir()
    )


def test_stale_reasons_name_what_changed():
    nb = new_notebook(cells=[new_code_cell("x = 1")])
    assert "no fingerprint" in execute.stale_reasons(nb)[0]
    nb.metadata[execute.FINGERPRINT_KEY] = execute.fingerprint(nb)
    assert execute.stale_reasons(nb) == []
    nb.cells[0].source = "x = 2"
    assert execute.stale_reasons(nb) == ["its code cells changed since its outputs were saved"]
    nb.metadata[execute.FINGERPRINT_KEY]["course_utils_sha256"] = "old"
    assert "course_utils package changed" in execute.stale_reasons(nb)[1]


def test_no_save_runs_without_writing(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("print(6 * 7)")]), path)
    before = path.read_text()
    assert execute.main(["--no-save", str(path)]) == 0
    assert path.read_text() == before
    assert execute.main([str(path)]) == 0
    saved = nbformat.read(path, as_version=4)
    assert saved.cells[0].outputs[0].text == "42\n"
    assert execute.stale_reasons(saved) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_outputs_come_from_the_current_code(path):
    reasons = execute.stale_reasons(nbformat.read(path, as_version=4))
    rel = path.relative_to(REPO).as_posix()
    command = (
        "python -m course_utils.execute notebooks/*.ipynb"
        if any(r.startswith("the course_utils package") for r in reasons)
        else f"python -m course_utils.execute {rel}"
    )
    assert not reasons, f"{rel}: {'; '.join(reasons)}. Re-execute it: `{command}`"
