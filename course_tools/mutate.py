"""Mutation testing of the exercise checks: ``python -m course_tools.mutate [NN ...]``.

For every exercise, small changes a learner could make are applied to the code
between its solution markers (mutants): cosmic-ray's operators (an arithmetic
or comparison operator swapped, a number changed, a boolean flipped, a loop run
zero times) plus a few it lacks (a statement deleted, a ``with`` block such as
``torch.no_grad()`` removed, an argument dropped). Each chapter runs once in a
fresh kernel, as in the chapter tests; then each mutant replaces the solution
and the exercise's check cell runs. A mutant is

- *killed* when the check fails with the course's one-line verdict (``CheckFailed``),
- *killed without a course message* when the check fails any other way,
- *broken* when the mutant fails where it is defined (the learner sees that error
  in their own cell, before any check),
- *equivalent* when it is listed, with a reason, in ``tests/mutation/chNN.toml``,
- *surviving* otherwise: the check accepts a wrong answer.

The command prints a table per exercise and every surviving diff, and exits 1 if
any mutant survives or is killed without a course message (CI's
``.ci/steps/60-mutation.sh``). It needs cosmic-ray (``pip install -e ".[mutation]"``).
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import tempfile
import time
import tomllib
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell

from course_tools.chapters import BEGIN, END, REPO, chapter_number, chapter_paths, exercises
from course_tools.execute import kernel_client

EQUIVALENTS = REPO / "tests" / "mutation"  # chNN.toml: the reviewed equivalent mutants
OPERATORS = [
    *(
        f"core/ReplaceBinaryOperator_{a}_{b}"
        for a, b in [
            ("Add", "Sub"),
            ("Sub", "Add"),
            ("Mul", "Div"),
            ("Div", "Mul"),
            ("Mul", "Add"),
            ("Div", "FloorDiv"),
            ("FloorDiv", "Div"),
            ("Pow", "Mul"),
            ("Mod", "FloorDiv"),
        ]
    ),
    *(
        f"core/ReplaceComparisonOperator_{a}_{b}"
        for a, b in [
            ("Eq", "NotEq"),
            ("NotEq", "Eq"),
            ("Lt", "LtE"),
            ("LtE", "Lt"),
            ("Gt", "GtE"),
            ("GtE", "Gt"),
            ("Lt", "Gt"),
            ("Gt", "Lt"),
            ("Is", "IsNot"),
            ("IsNot", "Is"),
        ]
    ),
    "core/ReplaceUnaryOperator_USub_UAdd",
    "core/ReplaceUnaryOperator_Delete_Not",
    "core/ReplaceTrueWithFalse",
    "core/ReplaceFalseWithTrue",
    "core/ReplaceAndWithOr",
    "core/ReplaceOrWithAnd",
    "core/NumberReplacer",
    "core/ZeroIterationForLoop",
]


@dataclass(frozen=True)
class Mutant:
    operator: str
    source: str  # the whole solution cell, mutated
    before: str  # the changed lines, as in the solution
    after: str  # ... and as in the mutant

    def key(self, exercise: str) -> tuple[str, str, str]:
        return (exercise, _squash(self.before), _squash(self.after))

    def diff(self) -> str:
        return "\n".join(
            [
                *(f"- {line}" for line in self.before.splitlines()),
                *(f"+ {line}" for line in self.after.splitlines()),
            ]
        )


def _squash(text: str) -> str:
    return " ".join(text.split())


def solution_lines(source: str) -> set[int]:
    """0-based numbers of the lines between the solution markers."""
    inside, lines = False, set()
    for number, line in enumerate(source.splitlines()):
        if BEGIN in line or END in line:
            inside = BEGIN in line
        elif inside:
            lines.add(number)
    return lines


def _changed(source: str, mutated: str) -> tuple[str, str] | None:
    """The changed lines (before, after) if they all lie inside the solution region."""
    old, new = source.splitlines(), mutated.splitlines()
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    if start == end_old and start == end_new:
        return None
    region = solution_lines(source)
    if not set(range(start, max(end_old, start + 1))) <= region:
        return None
    return "\n".join(old[start:end_old]), "\n".join(new[start:end_new])


def cosmic_mutants(source: str) -> list[Mutant]:
    """cosmic-ray's mutants of ``source`` that change only its solution region."""
    from cosmic_ray.mutating import mutate_code
    from cosmic_ray.plugins import get_operator

    found = []
    for name in OPERATORS:
        operator = get_operator(name)()
        occurrence = 0
        while (mutated := mutate_code(source, operator, occurrence)) is not None:
            occurrence += 1
            change = _changed(source, mutated)
            if change:
                found.append(Mutant(name.removeprefix("core/"), mutated, *change))
    return found


def _replace(lines: list[str], node: ast.stmt, new: list[str]) -> str:
    return "\n".join([*lines[: node.lineno - 1], *new, *lines[node.end_lineno :]])


def statement_mutants(source: str) -> list[Mutant]:
    """A statement deleted, a ``with`` removed, one argument of a call dropped."""
    lines, region = source.splitlines(), solution_lines(source)
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.stmt):
            continue
        span = set(range(node.lineno - 1, node.end_lineno))
        indent = " " * node.col_offset
        if span <= region and not isinstance(node, ast.FunctionDef | ast.ClassDef):
            found.append(("DeleteStatement", _replace(lines, node, [f"{indent}pass"])))
        if isinstance(node, ast.With) and node.lineno - 1 in region:
            header = lines[node.lineno - 1]
            found.append(
                (
                    "RemoveWith",
                    "\n".join(
                        [
                            *lines[: node.lineno - 1],
                            f"{indent}if True:  # {header.strip()}",
                            *lines[node.body[0].lineno - 1 :],
                        ]
                    ),
                )
            )
        if not span <= region or isinstance(
            node, ast.FunctionDef | ast.ClassDef | ast.With | ast.For | ast.If | ast.While
        ):
            continue
        for call in [n for n in ast.walk(node) if isinstance(n, ast.Call)]:
            for drop in range(len(call.args) + len(call.keywords)):
                tree = ast.parse(ast.unparse(node))
                target = next(
                    n
                    for n in ast.walk(tree)
                    if isinstance(n, ast.Call) and ast.unparse(n) == ast.unparse(call)
                )
                if drop < len(target.args):
                    if isinstance(target.args[drop], ast.Starred):
                        continue
                    del target.args[drop]
                else:
                    del target.keywords[drop - len(target.args)]
                new = [f"{indent}{line}" for line in ast.unparse(tree).splitlines()]
                found.append(("DropArgument", _replace(lines, node, new)))
    mutants = []
    for operator, mutated in found:
        change = _changed(source, mutated)
        if change:
            mutants.append(Mutant(operator, mutated, *change))
    return mutants


def mutants(source: str) -> list[Mutant]:
    """Every distinct mutant of a solution cell's marked region."""
    unique: dict[str, Mutant] = {}
    for mutant in cosmic_mutants(source) + statement_mutants(source):
        unique.setdefault(mutant.source, mutant)
    return list(unique.values())


def load_equivalents(folder: Path = EQUIVALENTS) -> dict[tuple[str, str, str], str]:
    """The reviewed equivalent mutants: (exercise, before, after) -> reason.

    Each ``chNN.toml`` holds ``[[equivalent]]`` tables with the keys ``exercise``
    ("ch05-ex2"), ``before`` and ``after`` (the changed lines, as the command
    prints them without "- " and "+ ") and ``reason`` (one line: why no learner
    could be marked wrong for it).
    """
    listed = {}
    for path in sorted(folder.glob("ch*.toml")):
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("equivalent", [])
        listed.update(_entries(path, entries))
    return listed


def _entries(path: Path, entries: list[dict]) -> dict[tuple[str, str, str], str]:
    listed = {}
    for entry in entries:
        missing = {"exercise", "before", "after", "reason"} - set(entry)
        if missing or not entry["reason"].strip():
            raise ValueError(f"{path.name}: entry {entry} lacks {sorted(missing) or ['a reason']}")
        listed[(entry["exercise"], _squash(entry["before"]), _squash(entry["after"]))] = entry[
            "reason"
        ]
    return listed


@dataclass
class Result:
    exercise: str
    outcome: str  # killed, no-message, broken, equivalent, surviving
    mutant: Mutant
    detail: str = ""


@dataclass
class ChapterReport:
    chapter: str
    results: list[Result] = field(default_factory=list)
    seconds: float = 0.0
    unused_equivalents: list[tuple[str, str, str]] = field(default_factory=list)


def _run(client, cell, index) -> tuple[str | None, str]:
    try:
        client.execute_cell(cell, index)
    except CellExecutionError as err:
        return err.ename, err.evalue
    return None, ""


def run_chapter(path: Path, equivalents: dict, timeout: int = 60) -> ChapterReport:
    """Run the chapter once, then every mutant of every exercise against its check."""
    start = time.perf_counter()
    chapter = chapter_number(path)
    nb = nbformat.read(path, as_version=4)
    report = ChapterReport(chapter)
    with tempfile.TemporaryDirectory() as workdir:
        client = kernel_client(nb, workdir, timeout=600)
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            client.timeout = timeout
            for ex in exercises(nb, chapter):
                for mutant in mutants(ex.solution.source):
                    key = mutant.key(ex.name)
                    if key in equivalents:
                        report.results.append(
                            Result(ex.name, "equivalent", mutant, equivalents[key])
                        )
                        continue
                    ename, evalue = _run(client, new_code_cell(mutant.source), ex.solution_index)
                    if ename is not None:
                        outcome, detail = "broken", f"{ename}: {evalue}"
                    else:
                        ename, evalue = _run(client, ex.check, ex.check_index)
                        if ename is None:
                            outcome, detail = "surviving", ""
                        elif ename == "CheckFailed" and evalue.strip():
                            outcome, detail = "killed", evalue.strip().splitlines()[0]
                        else:
                            outcome, detail = "no-message", f"{ename}: {evalue}".strip()
                    report.results.append(Result(ex.name, outcome, mutant, detail))
                _run(client, ex.solution, ex.solution_index)  # restore the real answer
    seen = {r.mutant.key(r.exercise) for r in report.results}
    report.unused_equivalents = sorted(
        k for k in equivalents if k[0].startswith(f"ch{chapter}-") and k not in seen
    )
    report.seconds = time.perf_counter() - start
    return report


def _run_in_worker(args: tuple[Path, dict]) -> ChapterReport:
    return run_chapter(*args)


COLUMNS = ("made", "killed", "equivalent", "broken", "no-message", "surviving")


def table(reports: list[ChapterReport]) -> str:
    """One row per exercise: mutants made, killed, equivalent, ..., surviving."""
    rows = ["| exercise | " + " | ".join(COLUMNS) + " |", "|---|" + "---:|" * len(COLUMNS)]
    totals: Counter = Counter()
    for report in reports:
        by_exercise: dict[str, Counter] = {}
        for r in report.results:
            by_exercise.setdefault(r.exercise, Counter())[r.outcome] += 1
        for name, counts in by_exercise.items():
            counts["made"] = sum(counts.values())
            totals.update(counts)
            rows.append(f"| {name} | " + " | ".join(str(counts[c]) for c in COLUMNS) + " |")
    rows.append("| **all** | " + " | ".join(f"**{totals[c]}**" for c in COLUMNS) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter numbers (default: all), e.g. 05")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--list", action="store_true", help="only list the mutants")
    args = parser.parse_args(argv)
    paths = [
        p for p in chapter_paths(REPO) if not args.chapters or chapter_number(p) in args.chapters
    ]
    if args.list:
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            for ex in exercises(nb, chapter_number(path)):
                for mutant in mutants(ex.solution.source):
                    print(f"{ex.name} [{mutant.operator}]\n{mutant.diff()}\n")
        return 0
    equivalents = load_equivalents()
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // args.jobs)))
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        reports = list(pool.map(_run_in_worker, [(p, equivalents) for p in paths]))
    print(table(reports))
    bad = [r for rep in reports for r in rep.results if r.outcome in {"surviving", "no-message"}]
    for r in bad:
        print(
            f"\n{r.exercise} [{r.mutant.operator}] {r.outcome.upper()}"
            f"{': ' + r.detail if r.detail else ''}\n{r.mutant.diff()}"
        )
    for rep in reports:
        for key in rep.unused_equivalents:
            print(f"\nnote: {EQUIVALENTS.name}/ lists a mutant no longer made: {key}")
    print(
        f"\n{sum(len(r.results) for r in reports)} mutants in "
        f"{time.perf_counter() - start:.0f} s; "
        f"{'FAILED: ' + str(len(bad)) + ' not killed with a course message' if bad else 'ok'}"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
