"""Run every chapter and every solved exercise edition on one device, with other seeds.

    python -m course_tools.run_chapters --device cuda --seeds 12345 2024 7 --report report.md

Each chapter (``notebooks/NN_name.ipynb``) runs top to bottom in a fresh
kernel, every self-check and exercise check included, once per seed; each
exercise edition with its solutions put back (``notebooks/exercises/``, the
chapter's solution cells in place of the stubs) runs once, with the first
seed (its other cells are the chapter's). The kernel gets the device and
the seed through the environment: ``COURSE_DEVICE`` (which
``course_utils.get_device()`` honours) and ``COURSE_SEED`` (which
``seed_everything`` honours), so nothing is written into the notebooks, and a
seed equal to a chapter's own is refused. The report (Markdown) names the
device and the versions and gives each run's time and result. Exit status 1 if
any run failed. CI runs it on the CPU (``.ci/steps/10-seeds.sh``); on a GPU
machine, ``--device cuda``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from nbclient.exceptions import CellExecutionError

from course_tools.chapters import REPO, chapter_number, chapter_paths, exercises, tags
from course_tools.execute import kernel_client
from course_tools.handout import edition_path

_OWN_SEED = re.compile(r"seed_everything\((\d+)\)")
# (cell, exception name) -> True where that error is the cell's designed outcome
Expected = Callable[[nbformat.NotebookNode, str], bool]


@dataclass
class Outcome:
    """How one notebook ran: seconds taken, and what went wrong (empty: it passed)."""

    name: str
    seconds: float
    cpu_seconds: float = 0.0  # the kernel's CPU time: what the run costs on a quiet machine
    problems: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)  # what cells wrote on stderr
    expected_errors: int = 0  # errors the notebook was designed to raise

    @property
    def ok(self) -> bool:
        return not self.problems


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "").strip()


def execute(
    nb: nbformat.NotebookNode,
    name: str,
    env: dict[str, str] | None = None,
    timeout: int = 900,
    expected: Expected | None = None,
) -> Outcome:
    """Run ``nb`` cell by cell in a fresh kernel (``env``: its environment variables).

    An error in a cell for which ``expected(cell, ename)`` holds is counted and
    the run goes on, as a learner running the rest cell by cell would; any other
    error is a problem and ends the run. ``nb`` keeps its outputs.
    """
    outcome = Outcome(name, 0.0)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as workdir:
        client = kernel_client(nb, workdir, timeout)
        with client.setup_kernel(env={**os.environ, **(env or {})}):
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError:
                    pass  # its error output is read below, tagged raises-exception or not
                where = f"cell {index} ({cell.get('id', '?')})"
                for out in cell.outputs:
                    if out.output_type == "stream" and out.name == "stderr":
                        outcome.stderr.append(f"{where}: {_first_line(out.text)}")
                errors = [out for out in cell.outputs if out.output_type == "error"]
                if errors and expected is not None and expected(cell, errors[0].ename):
                    outcome.expected_errors += 1
                elif errors:
                    message = _first_line(errors[0].evalue)
                    outcome.problems.append(f"{where}: {errors[0].ename}: {message}")
                    break
    outcome.seconds = time.perf_counter() - start
    return outcome


def own_seed(nb: nbformat.NotebookNode) -> int | None:
    """The seed a notebook's setup cell passes to ``seed_everything``, if any."""
    found = _OWN_SEED.search(next((c.source for c in nb.cells if c.cell_type == "code"), ""))
    return int(found[1]) if found else None


def solved_edition(chapter: Path) -> nbformat.NotebookNode:
    """The exercise edition of ``chapter`` with the chapter's solutions in place of its stubs.

    Its ``raises-exception`` tags go too: a check that fails is an error here.
    """
    edition = nbformat.read(edition_path(chapter), as_version=4)
    chapter_nb = nbformat.read(chapter, as_version=4)
    if [c.get("id") for c in edition.cells] != [c.get("id") for c in chapter_nb.cells]:
        raise ValueError(
            f"{edition_path(chapter).relative_to(chapter.parents[1])} is not the edition of "
            f"{chapter.name} as it is now: run python -m course_tools.handout --editions"
        )
    for ex in exercises(chapter_nb, chapter_number(chapter)):
        edition.cells[ex.solution_index].source = ex.solution.source
    for cell in edition.cells:
        if "raises-exception" in tags(cell):
            cell.metadata["tags"] = [t for t in tags(cell) if t != "raises-exception"]
    return edition


@dataclass(frozen=True)
class Job:
    """One run: a chapter, or its solved edition, with one seed."""

    chapter: Path
    edition: bool
    seed: int

    @property
    def name(self) -> str:
        where = "exercises/" if self.edition else ""
        return f"{where}{self.chapter.name} (seed {self.seed})"

    def notebook(self) -> nbformat.NotebookNode:
        if self.edition:
            return solved_edition(self.chapter)
        return nbformat.read(self.chapter, as_version=4)


def _run(job: Job, device: str, threads: int | None, timeout: int) -> Outcome:
    env = {"COURSE_DEVICE": device, "COURSE_SEED": str(job.seed)}
    if threads:
        env.update(OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        outcome = execute(job.notebook(), job.name, env, timeout)
    except Exception as err:  # a kernel that died or timed out: report it, go on
        outcome = Outcome(
            job.name, 0.0, problems=[f"{type(err).__name__}: {_first_line(str(err))}"]
        )
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    outcome.cpu_seconds = done.ru_utime + done.ru_stime - cpu.ru_utime - cpu.ru_stime
    return outcome


def jobs_for(chapters: list[Path], seeds: list[int], editions: bool = True) -> list[Job]:
    """Every chapter with every seed, then each solved edition with the first seed.

    Refuses a chapter's own seed: the point is to run with others.
    """
    if not seeds:
        raise ValueError("give at least one seed")
    for chapter in chapters:
        own = own_seed(nbformat.read(chapter, as_version=4))
        if own in seeds:
            raise ValueError(f"seed {own} is {chapter.name}'s own seed: pick seeds it does not use")
    jobs = [Job(c, False, s) for s in seeds for c in chapters]
    return jobs + [Job(c, True, seeds[0]) for c in chapters] if editions else jobs


def training_cells(path: Path) -> int:
    """How many cells of the notebook at ``path`` train (tagged ``train``): its cost.

    Run the costly ones first, so that parallel runs end together.
    """
    return sum("train" in tags(c) for c in nbformat.read(path, as_version=4).cells)


def run_all(
    jobs: list[Job], device: str, workers: int = 1, threads: int | None = None, timeout: int = 900
) -> list[Outcome]:
    """Run ``jobs``, ``workers`` at a time, each kernel with ``threads`` threads; in job order."""
    order = sorted(range(len(jobs)), key=lambda i: -training_cells(jobs[i].chapter))
    results: dict[int, Outcome] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {i: pool.submit(_run, jobs[i], device, threads, timeout) for i in order}
        for i in order:
            results[i] = futures[i].result()
            mark = "ok" if results[i].ok else "FAILED: " + "; ".join(results[i].problems)
            print(f"{results[i].name}: {results[i].seconds:.1f} s, {mark}", flush=True)
    return [results[i] for i in range(len(jobs))]


def environment(device: str) -> list[tuple[str, str]]:
    """What the report says the runs ran on."""
    import torch

    import course_utils

    if device.startswith("cuda") and torch.cuda.is_available():
        name = f"{device} ({torch.cuda.get_device_name(torch.device(device))})"
    else:
        name = device
    return [
        ("device", name),
        ("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("machine", f"{platform.platform()}, {os.cpu_count()} CPU cores"),
        ("Python", platform.python_version()),
        ("torch", f"{torch.__version__} (CUDA {torch.version.cuda or 'none'})"),
        ("course_utils", course_utils.__version__),
    ]


def report(outcomes: list[Outcome], about: list[tuple[str, str]]) -> str:
    """A short Markdown report: where it ran, then one row per run."""
    failed = sum(not o.ok for o in outcomes)
    lines = ["# Every chapter and solved edition", ""]
    lines += [f"- **{key}:** {value}" for key, value in about]
    lines += [
        f"- **result:** {len(outcomes) - failed} of {len(outcomes)} runs passed",
        "",
        "| notebook | seconds | kernel CPU seconds | result |",
        "|---|---:|---:|---|",
    ]
    for o in outcomes:
        result = "passed" if o.ok else "FAILED: " + "; ".join(o.problems)
        row = f"| {o.name} | {o.seconds:.1f} | {o.cpu_seconds:.1f} | {result.replace('|', '/')} |"
        lines.append(row)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or mps (default cpu)")
    parser.add_argument("--seeds", type=int, nargs="+", required=True, help="COURSE_SEED values")
    parser.add_argument("--report", type=Path, help="write the Markdown report here")
    parser.add_argument("--jobs", type=int, default=1, help="notebooks at a time (default 1)")
    parser.add_argument("--threads", type=int, help="torch threads per kernel (OMP_NUM_THREADS)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per cell")
    parser.add_argument("--no-editions", action="store_true", help="the chapters only")
    parser.add_argument("chapters", nargs="*", type=Path, help="default: every chapter")
    args = parser.parse_args(argv)
    from course_utils import get_device

    try:
        get_device(args.device)  # fail here, not once per notebook
        jobs = jobs_for(args.chapters or chapter_paths(REPO), args.seeds, not args.no_editions)
    except (ValueError, RuntimeError) as err:
        parser.error(str(err))
    start = time.perf_counter()
    outcomes = run_all(jobs, args.device, args.jobs, args.threads, args.timeout)
    text = report(outcomes, environment(args.device))
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    failed = [o.name for o in outcomes if not o.ok]
    print(
        f"{len(outcomes) - len(failed)} of {len(outcomes)} runs passed on {args.device} "
        f"in {time.perf_counter() - start:.0f} s"
        + (f"; failed: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
