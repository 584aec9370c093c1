"""Grade a class with nbgrader: in parallel, sandboxed, guarded, with feedback and a report.

    python -m course_tools.grade init COURSE [--db URL]    # writes COURSE/nbgrader_config.py
    python -m course_tools.grade ch05 --course COURSE [--jobs 2] [--engine local|serial|dask]
        [--scheduler tcp://host:8786] [--student ID ...]

``grade`` takes every ``COURSE/submitted/<student>/ch05/`` (a lone notebook saved under
another name is renamed to the released name, and reported), runs ``nbgrader autograde
ch05 --student=<student>`` for each in parallel (one torch thread each, a hard limit per
notebook, one retry for failures that come from load), shows progress with the time
left, then runs ``nbgrader generate_feedback`` and ``nbgrader export`` and writes
``COURSE/reports/ch05.csv``: each student's score and every condition an instructor must
see. See README.md, "For instructors". The parts are in :mod:`course_tools.grading`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from course_tools.grading import config, report
from course_tools.grading.course import run_nbgrader
from course_tools.grading.jobs import ENGINES, JobResult, Limits, run_jobs
from course_tools.grading.sandbox import bwrap_works


def prepare(course: Path, assignment: str, students: list[str] | None) -> dict[str, list[str]]:
    """Each student's conditions found before grading; renames lone misnamed notebooks."""
    released = sorted((course / "release" / assignment).glob("*.ipynb"))
    if not released:
        raise SystemExit(f"{course}/release/{assignment}: run `nbgrader generate_assignment` first")
    names = {p.name for p in released}
    found: dict[str, list[str]] = {}
    for folder in sorted((course / "submitted").glob(f"*/{assignment}")):
        student = folder.parent.name
        if students and student not in students:
            continue
        notes = found.setdefault(student, [])
        present = {p.name for p in folder.glob("*.ipynb")}
        missing = names - present
        others = sorted(present - names)
        if len(missing) == 1 and len(others) == 1:
            (folder / others[0]).rename(folder / missing.pop())
            notes.append(f"renamed: {others[0]}")
        elif missing:
            notes.append(
                f"missing: {', '.join(sorted(missing))} (found: {', '.join(others) or 'none'})"
            )
    if students:
        for s in set(students) - set(found):
            raise SystemExit(f"{course}/submitted/{s}/{assignment}/ does not exist")
    return found


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def grade(
    course: Path,
    assignment: str,
    limits: Limits,
    engine: str = "local",
    jobs: int = 2,
    scheduler: str | None = None,
    students: list[str] | None = None,
) -> list[report.Row]:
    """Grade ``assignment`` for every (or the named) student; returns the report's rows."""
    db_url, course_id = config.gradebook_url(course)
    if limits.sandbox and not bwrap_works():
        raise SystemExit(
            "bubblewrap cannot sandbox kernels here (apt-get install bubblewrap; it needs user "
            "namespaces). --no-sandbox grades with memory/CPU limits only."
        )
    prepared = prepare(course, assignment, students)
    todo = sorted(prepared)
    start, finished = time.monotonic(), []

    def done(result: JobResult) -> None:
        finished.append(result)
        elapsed = time.monotonic() - start
        left = elapsed / len(finished) * (len(todo) - len(finished))
        state = "ok" if result.returncode == 0 and not result.events else "see report"
        print(
            f"[{len(finished)}/{len(todo)}] {result.student}: {state} ({result.wall_s:.0f} s)"
            f"  elapsed {_clock(elapsed)}, about {_clock(left)} left",
            flush=True,
        )

    results = run_jobs(course, assignment, todo, limits, engine, jobs, scheduler, done)
    feedback = [[f"--student={s}"] for s in todo] if students else [[]]
    for only in feedback:  # a missing notebook must not cost the others their feedback
        try:
            run_nbgrader(course, "generate_feedback", assignment, *only, "--force", quiet=True)
        except RuntimeError as err:
            print(f"feedback: {err}", file=sys.stderr)
    run_nbgrader(course, "export", quiet=True)
    rows = report.build(course, assignment, results, prepared, db_url, course_id)
    out = course / "reports" / f"{assignment}.csv"
    out.parent.mkdir(exist_ok=True)
    report.write_csv(rows, out, assignment)
    for row in rows:
        flags = "; ".join(row.conditions) or "-"
        print(f"{row.student:20s} {row.score}/{row.max_score}  {flags}")
    print(f"report: {out}; grades: {course / 'grades.csv'}; feedback: {course / 'feedback'}")
    return rows


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["init"]:
        p = argparse.ArgumentParser(prog="python -m course_tools.grade init")
        p.add_argument("course", type=Path)
        p.add_argument("--db", help="gradebook URL, e.g. postgresql+psycopg2://u:pw@host/db")
        p.add_argument("--cell-timeout", type=int, default=config.CELL_TIMEOUT_S)
        p.add_argument("--force", action="store_true", help="overwrite nbgrader_config.py")
        a = p.parse_args(argv[1:])
        target = a.course / "nbgrader_config.py"
        if target.exists() and not a.force:
            raise SystemExit(f"{target} exists (--force overwrites it)")
        a.course.mkdir(parents=True, exist_ok=True)
        target.write_text(config.nbgrader_config(a.db, a.cell_timeout))
        print(f"wrote {target}")
        return
    p = argparse.ArgumentParser(prog="python -m course_tools.grade", description=__doc__)
    p.add_argument("assignment", help="e.g. ch05")
    p.add_argument("--course", type=Path, default=Path("."), help="the nbgrader course folder")
    p.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1))
    p.add_argument("--engine", choices=ENGINES, default="local")
    p.add_argument("--scheduler", help="Dask scheduler address (implies --engine dask)")
    p.add_argument("--student", action="append", help="grade only this student (repeatable)")
    p.add_argument("--notebook-limit", type=int, default=Limits.notebook_s, help="seconds")
    p.add_argument("--mem-mb", type=int, default=Limits.mem_mb)
    p.add_argument("--retries", type=int, default=Limits.retries, help="reruns of a failed run")
    p.add_argument("--no-sandbox", action="store_true", help="limits only, no bubblewrap")
    a = p.parse_args(argv)
    limits = Limits(
        a.notebook_limit, a.mem_mb, a.notebook_limit, a.retries, sandbox=not a.no_sandbox
    )
    engine = "dask" if a.scheduler else a.engine
    grade(a.course, a.assignment, limits, engine, a.jobs, a.scheduler, a.student)


if __name__ == "__main__":
    main()
