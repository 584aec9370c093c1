import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from course_utils.execute import clean_outputs, clean_stream_text


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
