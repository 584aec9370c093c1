"""Grade N solved copies of chapters with P jobs; print CPU-seconds per submission, wall
time and the estimate for a term (issue 28).

    COURSE_DATA_DIR=... python benchmarks/grading.py --chapters 05 03 --copies 4 --jobs 1 2

Each run is the real thing: a throwaway course (``grade init``, ``generate_assignment``),
N copies of the solved chapter submitted, graded by ``course_tools.grading.jobs.run_jobs``
with local processes, sandboxed, one torch thread per job. CPU-seconds are nbgrader's
and its kernel's (user + system of the process tree), summed over a submission's runs.
A chapter not measured is estimated as its run time (the README's chapter table) plus
the grading overhead measured on the others; the table says which.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import nbformat

from course_tools.chapters import chapter_paths, exercises
from course_tools.grading.course import assignment_of, make_course, released, solve, submit
from course_tools.grading.jobs import Limits, run_jobs

# "CPU run time" of each chapter in the README's chapter table (python benchmarks/run.py)
RUN_TIME_S = {"01": 5, "02": 17, "03": 3, "04": 19, "05": 5, "06": 4, "07": 15}


def measure(chapter: Path, copies: int, jobs: int) -> tuple[float, float, int]:
    """(wall s, CPU-s per submission, submissions that scored full marks)."""
    with tempfile.TemporaryDirectory(prefix="grading-bench-") as tmp:
        course = make_course(Path(tmp) / "course", chapter, cell_timeout=600)
        found = exercises(nbformat.read(chapter, as_version=4), chapter.name[:2])
        nb, assignment = solve(released(course, chapter), found), assignment_of(chapter)
        students = [f"s{i:03d}" for i in range(copies)]
        for student in students:
            submit(course, assignment, student, nb, chapter.name)
        start = time.monotonic()
        results = run_jobs(course, assignment, students, Limits(), "local", jobs)
        wall = time.monotonic() - start
    ok = sum(r.returncode == 0 and not r.events for r in results)
    return wall, sum(r.cpu_s for r in results) / len(results), ok


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--chapters", nargs="+", default=["05"])
    p.add_argument("--copies", type=int, default=4)
    p.add_argument("--jobs", type=int, nargs="+", default=[2])
    p.add_argument("--students", type=int, default=300, help="for the term estimate")
    a = p.parse_args()
    paths = {p.name[:2]: p for p in chapter_paths()}
    print("| chapter | submissions | jobs | wall s | CPU-s per submission | clean runs |")
    print("|---|---:|---:|---:|---:|---:|")
    cpu: dict[str, float] = {}
    for ch in a.chapters:
        for jobs in a.jobs:
            wall, per_sub, ok = measure(paths[ch], a.copies, jobs)
            cpu[ch] = min(cpu.get(ch, per_sub), per_sub)
            print(f"| {ch} | {a.copies} | {jobs} | {wall:.0f} | {per_sub:.1f} | {ok} |", flush=True)
    overhead = sum(cpu[ch] - RUN_TIME_S[ch] for ch in cpu) / len(cpu)
    print(f"\ngrading overhead per submission (CPU-s minus the chapter's run time): {overhead:.1f}")
    print("\n| chapter | CPU-s per submission | how |")
    print("|---|---:|---|")
    term = 0.0
    for ch, run_s in RUN_TIME_S.items():
        cost = cpu.get(ch, run_s + overhead)
        term += cost * a.students
        print(f"| {ch} | {cost:.0f} | {'measured' if ch in cpu else 'estimated'} |")
    for cores in (2, 16):
        print(
            f"term: {a.students} students x 7 chapters = {term / 3600:.1f} CPU-hours, "
            f"about {term / cores / 3600:.1f} h on {cores} cores ({cores} jobs)"
        )


if __name__ == "__main__":
    main()
