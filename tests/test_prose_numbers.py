"""Numbers typed into the prose must hold for every learner's run.

A number a chapter's markdown states that also appears in the chapter's own
outputs is a number a run printed, and a learner's run (another seed, machine
or torch build) may print another. Each such number must be one of:

- an invariant the code itself states: the same value is written in a code
  cell (a check's expected parameter count, a shape, a configured learning
  rate or epoch count), or
- marked as this run's: the sentence that holds it says "this run" (for
  example "in this run", "this run's").

Anything else belongs in the output, not in the prose.
"""

from __future__ import annotations

import re

import pytest

from tests.helpers import IDS, NOTEBOOKS, load

# 89.0%, 1,103, 0.286, 4.4x, 2e-3, 16*6*6 is not one number: only plain numerals.
NUMBER = re.compile(r"(?<![\w.])-?\d[\d,_]*(?:\.\d+)?(?:e-?\d+)?(?![\w])")
MARK = re.compile(r"\bthis\s+run\b|\bthe\s+run\s+above\b", re.I)


def normal(token: str) -> str | None:
    """A comparable form of a numeral, or None if it is too plain to matter."""
    value = token.replace(",", "").replace("_", "")
    digits = value.lstrip("-").replace(".", "")
    if "." not in value and "e" not in value and len(digits) < 3:
        return None  # 4 epochs, 10 classes, chapter 02: small integers are rarely a result
    try:
        return repr(float(value))
    except ValueError:
        return None


def numbers(text: str) -> set[str]:
    return {n for token in NUMBER.findall(text) if (n := normal(token))}


def output_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text)
            elif out.output_type in {"execute_result", "display_data"}:
                parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def sentences(markdown: str) -> list[str]:
    markdown = re.sub(r"```.*?```", "", markdown, flags=re.S)  # code blocks are code
    markdown = re.sub(r"\]\([^)]*\)", "]", markdown)  # link targets
    return re.split(r"(?<=[.!?:;])\s+|\n\s*\n|\n- ", markdown)


def unmarked_run_numbers(nb) -> list[tuple[str, str, str]]:
    """(cell id, number, sentence) for each run-dependent number the prose states."""
    printed = numbers(output_text(nb))
    stated = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            stated |= numbers(cell.source)
    found = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for sentence in sentences(cell.source):
            if MARK.search(sentence):
                continue
            for token in NUMBER.findall(sentence):
                n = normal(token)
                if n and n in printed and n not in stated:
                    found.append((cell.get("id"), token, " ".join(sentence.split())[:160]))
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_prose_states_no_number_of_one_run_as_a_fact(path):
    found = unmarked_run_numbers(load(path))
    assert not found, (
        f"{path.name}: numbers the outputs print, typed into the prose as facts "
        "(print them, say they are this run's, or give a range measured over seeds):\n"
        + "\n".join(f"  {cell}: {number!r} in {sentence!r}" for cell, number, sentence in found)
    )


def test_the_guard_sees_a_typed_in_result_and_accepts_a_marked_or_stated_one():
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    run = new_code_cell("print(acc)\ncheck_num_params(model, 669_706)")
    run.outputs = [new_output("stream", name="stdout", text="accuracy 89.0%, 669,706 params\n")]
    nb = new_notebook(cells=[run, new_markdown_cell("The model reaches 89.0% accuracy.")])
    assert [n for _, n, _ in unmarked_run_numbers(nb)] == ["89.0"]
    nb.cells[1].source = "In this run the model reaches 89.0%. It has 669,706 parameters."
    assert unmarked_run_numbers(nb) == []
