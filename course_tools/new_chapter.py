"""Start a new chapter: ``python -m course_tools.new_chapter 08 "A title" [--seed 8]``.

Writes ``notebooks/NN_a_title.ipynb`` with the skeleton every chapter follows
(title cell with its Colab badge, the setup cell, one section, two exercises
with their hints, solutions, check cells and tags, the summary with links), their
checks in ``course_utils/exercises/chNN.py``, a starter
``tests/wrong_answers/chNN.py``, a row in the README's chapter table and the
"Next" link of the chapter before it. Then fill it in, tag cells, and run
``python -m course_tools.execute notebooks/NN_a_title.ipynb``: that writes
the metadata the tags call for and the outputs.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from course_tools.chapters import REPO, chapter_paths
from course_tools.colab import BADGE_IMAGE, colab_url, pip_install_target, repo_slug
from course_tools.normalize import normalize

SETUP = """\
import importlib.util
import platform
import subprocess
import sys

# In Colab (and only there) install the course's helper package.
if "google.colab" in sys.modules and importlib.util.find_spec("course_utils") is None:
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q",
         "{target}"],
        check=True,
    )
    importlib.invalidate_caches()

import torch
from torch import nn

import course_utils
from course_utils import check_exercise, get_device, seed_everything

seed = seed_everything({seed})
device = get_device()
print(f"Python {{platform.python_version()}} | torch {{torch.__version__}} | "
      f"course_utils {{course_utils.__version__}} | device: {{device}} | seed: {{seed}}")"""

EXERCISES = [  # (heading and prompt, hint, name, solution cell, check cell)
    (
        "### Exercise 1: double a tensor\n\n"
        "Write `double(x)` that returns twice `x`, for a tensor of any shape.",
        "<details><summary>Hint 1</summary>\n\nArithmetic on a tensor works element by "
        "element, whatever its shape.\n\n</details>",
        "double",
        "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION",
        "# Tries double on tensors of two shapes.\n"
        'check_exercise("ch{number}-double", double, device=device)',
    ),
    (
        "### Exercise 2: mean square\n\n"
        "Write `mean_square(x)`: the mean of the squares of the elements of `x`.",
        "<details><summary>Hint 1</summary>\n\nSquare first, then average: the order "
        "matters.\n\n</details>",
        "mean-square",
        "def mean_square(x):\n    ### BEGIN SOLUTION\n    return (x**2).mean()\n"
        "    ### END SOLUTION",
        "# Tries mean_square on two tensors.\n"
        'check_exercise("ch{number}-mean-square", mean_square)',
    ),
]

CHECKS = '''\
"""Chapter {number}'s exercise checks."""

from __future__ import annotations

import torch

from course_utils.cases import exercise_case
from course_utils.checks import check_close
from course_utils.exercises import exercise


@exercise("ch{number}-double")
def double(double, device="cpu"):
    for case in (torch.zeros(3), torch.arange(10.0).view(2, 5)):
        with exercise_case(f"double of a {{tuple(case.shape)}} tensor"):
            case = case.to(device)
            result = double(case)
            assert not torch.equal(result, case) or not case.any(), (
                "it returns x unchanged: multiply by 2"
            )
            check_close(result, case + case, atol=0, name="double(x)")
    return "double doubles tensors of any shape"


@exercise("ch{number}-mean-square")
def mean_square(mean_square):
    for case in (torch.tensor([3.0]), torch.tensor([1.0, -2.0, 2.0])):
        with exercise_case(f"mean_square of {{case.tolist()}}"):
            result = mean_square(case)
            squared_mean = case.mean() ** 2
            if len(case) > 1:
                assert not torch.allclose(torch.as_tensor(result), squared_mean), (
                    "it squares the mean: square the elements first, then average"
                )
            check_close(result, (case * case).sum() / case.numel(), name="mean_square(x)")
    return "mean_square is the mean of the squares"
'''

WRONG = '''\
"""Plausible wrong answers for chapter {number}'s exercises; each must fail its check."""

# Names the chapter's notebook defines before its exercises:
import torch  # noqa: F401


# %% ch{number}-double-solution: returns its input unchanged [message: unchanged]
def double(x):
    return x


# %% ch{number}-mean-square-solution: the square of the mean [message: squares the mean]
def mean_square(x):
    return x.mean() ** 2
'''


def slug_of(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")


def skeleton(
    number: str, title: str, filename: str, seed: int, slug: str, previous: Path | None
) -> nbformat.NotebookNode:
    """The new chapter's notebook, metadata written from its tags."""
    badge = f"[![Open In Colab]({BADGE_IMAGE})]({colab_url(f'notebooks/{filename}', slug)})"
    back = f"[Chapter {previous.name[:2]}]({previous.name})" if previous else "none"
    cells = [
        new_markdown_cell(
            f"# Chapter {number}: {title}\n\n{badge}\n\n**You will learn**\n\n"
            "- what this chapter teaches (three to five bullets)\n\n"
            f"**Prerequisites:** {back}.\n\n"
            "**Time:** about 30 minutes to read and run; the notebook itself runs in "
            "under a minute on a laptop CPU."
        ),
        new_code_cell(SETUP.format(target=pip_install_target(slug), seed=seed)),
        new_markdown_cell("## 1. A first section\n\nShort prose, then a small code cell."),
        new_code_cell('x = torch.arange(3.0, device=device)\nprint(f"x: {tuple(x.shape)}")'),
        new_markdown_cell("## Exercises"),
        *(
            cell
            for prompt, hint, name, solution, check in EXERCISES
            for cell in (
                new_markdown_cell(prompt),
                new_markdown_cell(hint, metadata={"tags": ["hint"]}),
                new_code_cell(solution, metadata={"tags": ["solution", f"exercise:{name}"]}),
                new_code_cell(check.format(number=number), metadata={"tags": ["check"]}),
            )
        ),
        new_markdown_cell(
            "## Summary\n\n- what the chapter showed\n\n"
            + (
                f"**Previous:** [Chapter {previous.name[:2]}]({previous.name}) · "
                if previous
                else ""
            )
            + "**Next:** [back to the course overview](../README.md)"
        ),
    ]
    nb = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
    )
    return normalize(nb, number, filename)


def add_chapter(root: Path, number: str, title: str, seed: int) -> list[Path]:
    """Write the new chapter and its starter files under ``root``; return what changed."""
    if not re.fullmatch(r"\d\d", number):
        raise ValueError(f"the chapter number is two digits, like 08; got {number!r}")
    existing = chapter_paths(root)
    if any(p.name.startswith(f"{number}_") for p in existing):
        raise ValueError(f"chapter {number} exists already")
    expected = f"{len(existing) + 1:02d}"
    if number != expected:
        raise ValueError(f"chapters are numbered without gaps: the next one is {expected}")
    previous = existing[-1]
    filename = f"{number}_{slug_of(title)}.ipynb"
    slug = repo_slug(root)
    path = root / "notebooks" / filename
    nbformat.write(skeleton(number, title, filename, seed, slug, previous), path)

    wrong = root / "tests" / "wrong_answers" / f"ch{number}.py"
    wrong.write_text(WRONG.format(number=number), encoding="utf-8")
    checks = root / "course_utils" / "exercises" / f"ch{number}.py"
    checks.write_text(CHECKS.format(number=number), encoding="utf-8")

    before = nbformat.read(previous, as_version=4)
    last = before.cells[-1]
    link = f"**Next:** [Chapter {number}: {title}]({filename})"
    last.source = re.sub(
        r"\*\*Next:\*\* \[back to the course overview\]\(\.\./README\.md\)", link, last.source
    )
    if link not in last.source:
        last.source += f"\n\n{link}"
    last.source = last.source.replace("This is the last chapter.\n\n", "")
    nbformat.write(before, previous)

    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    rows = [m for m in re.finditer(r"^\| \d\d \| \[.*\n", text, flags=re.M)]
    row = (
        f"| {number} | [{title}](notebooks/{filename}) | (what it teaches) | "
        f"{previous.name[:2]} | (run `python benchmarks/run.py`) |\n"
    )
    text = text[: rows[-1].end()] + row + text[rows[-1].end() :] if rows else text + row
    readme.write_text(text, encoding="utf-8")
    return [path, checks, wrong, previous, readme]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("number", help="two digits: the next chapter's number, e.g. 08")
    parser.add_argument("title", help='the chapter\'s title, e.g. "Recurrent networks"')
    parser.add_argument("--seed", type=int, default=0, help="the seed of its setup cell")
    parser.add_argument("--root", type=Path, default=REPO, help="the course's root")
    args = parser.parse_args(argv)
    try:
        changed = add_chapter(args.root, args.number, args.title, args.seed)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for path in changed:
        print(f"wrote {path}")
    print(f"next: fill it in, then `python -m course_tools.execute {changed[0]}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
