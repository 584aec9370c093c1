"""What an instructor must see for each student: score and every condition behind it."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from course_tools.chapters import chapter_number, exercises
from course_tools.grading.jobs import JobResult


@dataclass
class Row:
    """One student's line of the report."""

    student: str
    score: float | None = None
    max_score: float | None = None
    conditions: list[str] = field(default_factory=list)
    zero: list[str] = field(default_factory=list)  # check cells that scored nothing


def check_integrity(source: Path, submitted: Path) -> list[str]:
    """Check cells a submission deleted, edited or stripped of metadata (nbgrader restores
    them from ``source``; this names them)."""
    ref = nbformat.read(source, as_version=4)
    nb = nbformat.read(submitted, as_version=4)
    by_grade = {
        c.metadata.get("nbgrader", {}).get("grade_id"): c
        for c in nb.cells
        if "nbgrader" in c.metadata
    }
    by_id = {c.get("id"): c for c in nb.cells}
    found = []
    for ex in exercises(ref, chapter_number(source)):
        mine = by_grade.get(ex.check_id)
        if mine is None:
            stripped = ex.check.get("id") in by_id
            found.append(f"{'stripped' if stripped else 'missing'} check {ex.check_id} (restored)")
        elif mine.source.strip() != ex.check.source.strip():
            found.append(f"edited check {ex.check_id} (restored)")
    return found


def build(
    course: Path,
    assignment: str,
    results: list[JobResult],
    prepared: dict[str, list[str]],
    db_url: str,
    course_id: str,
) -> list[Row]:
    """Rows for every student, from the runs, the preparation and the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    [source] = sorted((course / "source" / assignment).glob("*.ipynb"))
    rows = []
    with Gradebook(db_url, course_id) as gb:
        for r in results:
            row = Row(r.student, conditions=list(prepared.get(r.student, [])))
            sub = course / "submitted" / r.student / assignment / source.name
            if sub.exists():
                row.conditions += check_integrity(source, sub)
            if r.timed_out:
                row.conditions.append("timeout: notebook limit, killed")
            elif r.returncode != 0:
                row.conditions.append(f"failed: nbgrader exited {r.returncode}")
            if r.attempts > 1:
                row.conditions.append(f"retried ({r.attempts} runs)")
            for e in r.events:
                what = {"crashed": "crashed", "cell_timeout": "timeout", "not_run": "not run"}
                if e["event"] == "tampered":
                    row.conditions.append(f"tampered: {e['cell']} ({', '.join(e['changed'][:3])})")
                else:
                    row.conditions.append(f"{what[e['event']]}: {e['cell']}")
            try:
                nb = gb.find_submission_notebook(source.stem, assignment, r.student)
            except MissingEntry:
                row.conditions.append("not graded: no grades in the gradebook")
            else:
                row.score, row.max_score = nb.score, nb.max_score
                row.zero = sorted(g.name for g in nb.grades if not g.score)
                if nb.needs_manual_grade:
                    row.conditions.append("needs manual grade")
            rows.append(row)
    return rows


COLUMNS = ["student", "assignment", "score", "max_score", "conditions", "zero_checks"]


def write_csv(rows: list[Row], path: Path, assignment: str) -> None:
    """The report as CSV (``COLUMNS``), one line per student. The lines of students not
    in ``rows`` are kept from an earlier report: grading one late student adds a line."""
    lines = {}
    if path.exists():
        with open(path, newline="") as f:
            lines = {line["student"]: line for line in csv.DictReader(f)}
    for r in rows:
        lines[r.student] = {
            "student": r.student,
            "assignment": assignment,
            "score": r.score,
            "max_score": r.max_score,
            "conditions": "; ".join(r.conditions),
            "zero_checks": " ".join(r.zero),
        }
    with open(path, "w", newline="") as f:
        out = csv.DictWriter(f, COLUMNS)
        out.writeheader()
        out.writerows(lines[s] for s in sorted(lines))
