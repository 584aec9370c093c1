"""The grading tool (issue 28): config, preparation, sandbox, report; end to end when asked.

The unit tests need nbgrader (the ``instructor`` extra) and run in CI step
``.ci/steps/45-grading.sh``. The end-to-end tests run only with ``COURSE_GRADING=1``
(that step starts PostgreSQL and a Dask scheduler with 2 workers for them): they grade
the kept submissions (tests/grading/submissions.py) of chapter 05 with the real command
on Dask against a PostgreSQL gradebook (``COURSE_DASK_SCHEDULER``,
``COURSE_GRADEBOOK_URL``) and check each score and each reported condition, then grade
a few of them serially and with local processes and require the same grades.
"""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

pytest.importorskip("nbgrader", reason="the grading tests need the instructor extra")

from course_tools.chapters import exercises  # noqa: E402
from course_tools.grade import prepare  # noqa: E402
from course_tools.grading import config, report  # noqa: E402
from course_tools.grading.course import (  # noqa: E402
    assignment_of,
    make_course,
    nbgrader_env,
    released,
    submit,
)
from course_tools.grading.jobs import JobResult, _from_load  # noqa: E402
from course_tools.grading.sandbox import bwrap_works  # noqa: E402
from tests.grading.submissions import END_TO_END, KINDS  # noqa: E402
from tests.helpers import NOTEBOOKS, REPO  # noqa: E402

E2E = os.environ.get("COURSE_GRADING") == "1"
needs_e2e = pytest.mark.skipif(not E2E, reason="set COURSE_GRADING=1 (CI step 45-grading.sh)")
CHAPTER = next(p for p in NOTEBOOKS if p.name.startswith("05_"))
ASSIGNMENT = assignment_of(CHAPTER)
CELL_TIMEOUT_S = 30  # the runs-forever submission's cell is stopped after this


def test_readme_gives_the_generated_config():
    text = (REPO / "README.md").read_text()
    block = "\n".join(("  " + line).rstrip() for line in config.nbgrader_config().splitlines())
    assert block in text, "README's nbgrader_config.py differs from `grade init`'s"


def test_prepare_renames_a_lone_notebook(tmp_path):
    (tmp_path / "release" / "ch05").mkdir(parents=True)
    (tmp_path / "release" / "ch05" / "05_x.ipynb").write_text("{}")
    for student, name in [("ann", "05_x (1).ipynb"), ("bob", "05_x.ipynb")]:
        (tmp_path / "submitted" / student / "ch05").mkdir(parents=True)
        (tmp_path / "submitted" / student / "ch05" / name).write_text("{}")
    (tmp_path / "submitted" / "cy" / "ch05").mkdir(parents=True)
    found = prepare(tmp_path, "ch05", None)
    assert found["ann"] == ["renamed: 05_x (1).ipynb"]
    assert (tmp_path / "submitted" / "ann" / "ch05" / "05_x.ipynb").exists()
    assert found["bob"] == []
    assert found["cy"][0].startswith("missing: 05_x.ipynb")


@pytest.mark.parametrize(
    "kind", ["edits-checks", "deletes-a-check", "strips-check-metadata", "solved"]
)
def test_report_names_changed_check_cells(tmp_path, kind):
    source = nbformat.read(CHAPTER, as_version=4)
    found = exercises(source, "05")
    path = tmp_path / CHAPTER.name
    nbformat.write(KINDS[kind].make(source, found), path)
    named = report.check_integrity(CHAPTER, path)
    if kind == "solved":
        assert named == []
    else:
        assert named and all(KINDS[kind].condition in n for n in named), named
        assert f"{found[0].check_id} (restored)" in named[0], named


def test_a_late_student_adds_a_line_to_the_report(tmp_path):
    out = tmp_path / "ch05.csv"
    report.write_csv(
        [report.Row("ann", 3, 3), report.Row("bob", 0, 3, ["crashed: x"])], out, "ch05"
    )
    report.write_csv(
        [report.Row("bob", 2, 3), report.Row("cy", 1, 3, zero=["a", "b"])], out, "ch05"
    )
    with open(out) as f:
        lines = list(csv.DictReader(f))
    assert [(x["student"], x["score"], x["conditions"]) for x in lines] == [
        ("ann", "3", ""),
        ("bob", "2", ""),
        ("cy", "1", ""),
    ]
    assert lines[2]["zero_checks"] == "a b"


def test_a_retry_is_for_failures_that_come_from_load():
    ok = JobResult("ann", 0, 1.0, 1.0)
    assert not _from_load(ok)
    assert _from_load(JobResult("ann", 1, 1.0, 1.0))
    assert not _from_load(JobResult("ann", -9, 1.0, 1.0, timed_out=True))
    assert _from_load(JobResult("ann", 0, 1.0, 1.0, events=[{"event": "cell_timeout"}]))


def test_release_opens_the_answer_cells(tmp_path):
    source = nbformat.read(CHAPTER, as_version=4)
    hidden = [
        ex.solution_id
        for ex in exercises(source, "05")
        if ex.solution.metadata.get("jupyter", {}).get("source_hidden")
    ]
    assert hidden, "the chapter's solutions should be collapsed (else this tests nothing)"
    nb = released(make_course(tmp_path / "course", CHAPTER), CHAPTER)
    answers = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert len(answers) == len(hidden)
    for cell in answers:
        assert not cell.metadata.get("jupyter", {}).get("source_hidden"), cell.metadata
        assert "cellView" not in cell.metadata, cell.metadata
        assert "hide-input" not in cell.metadata.get("tags", []), cell.metadata


def _sandboxed(code: str, cwd: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "course_tools.grading.sandbox", "--mem-mb", "2048"]
    cmd += ["--cpu-s", "3", "--", sys.executable, "-c", code]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not bwrap_works(), reason="bubblewrap cannot make namespaces here")
def test_sandbox_enforces_its_limits(tmp_path):
    with socket.socket() as server:  # a real listener on loopback, outside the sandbox
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        net = _sandboxed(
            f"import socket; socket.create_connection(('127.0.0.1', {port}), 2)", tmp_path
        )
    assert net.returncode != 0 and "Error" in net.stderr, net.stderr
    outside = REPO / ".sandbox-probe"  # outside its folder (under /tmp it gets a private tmpfs)
    write = _sandboxed(f"open({str(outside)!r}, 'w').write('x')", tmp_path)
    assert write.returncode != 0 and not outside.exists(), write.stderr
    assert "Read-only file system" in write.stderr, write.stderr
    assert _sandboxed("open('mine.txt', 'w').write('x')", tmp_path).returncode == 0
    assert (tmp_path / "mine.txt").read_text() == "x"
    mem = _sandboxed("b = bytearray(3 * 1024**3)", tmp_path)
    assert "MemoryError" in mem.stderr
    cpu = _sandboxed("while True: pass", tmp_path)
    assert cpu.returncode != 0  # SIGXCPU after 3 CPU-seconds


def _course(folder: Path, kinds: list[str], db: str | None = None) -> Path:
    course = make_course(folder, CHAPTER, db, cell_timeout=CELL_TIMEOUT_S)
    nb = released(course, CHAPTER)
    found = exercises(nbformat.read(CHAPTER, as_version=4), "05")
    for kind in kinds:
        made = KINDS[kind].make(nb, found)
        submit(course, ASSIGNMENT, kind, made, KINDS[kind].filename or CHAPTER.name)
    return course


def _grade(course: Path, *args: str) -> dict[str, dict]:
    cmd = [sys.executable, "-m", "course_tools.grade", ASSIGNMENT, "--course", str(course)]
    subprocess.run([*cmd, "--jobs", "2", *args], env=nbgrader_env(), check=True)
    with open(course / "reports" / f"{ASSIGNMENT}.csv") as f:
        return {row["student"]: row for row in csv.DictReader(f)}


@pytest.fixture(scope="module")
def on_dask(tmp_path_factory) -> dict[str, dict]:
    """The kept submissions graded on the Dask scheduler, PostgreSQL gradebook."""
    course = _course(
        tmp_path_factory.mktemp("dask") / "course", END_TO_END, os.environ["COURSE_GRADEBOOK_URL"]
    )
    # --retries 0: the runs-forever submission would run twice (retries: a unit test above)
    return _grade(course, "--scheduler", os.environ["COURSE_DASK_SCHEDULER"], "--retries", "0")


@needs_e2e
@pytest.mark.parametrize("kind", END_TO_END)
def test_kept_submission_scores_and_is_reported(on_dask, kind):
    n = len(exercises(nbformat.read(CHAPTER, as_version=4), "05"))
    row, spec = on_dask[kind], KINDS[kind]
    assert float(row["score"]) == spec.points(n), row
    assert spec.condition in row["conditions"], row
    if not spec.condition:
        assert row["conditions"] == "", row


@needs_e2e
@pytest.mark.parametrize("engine", ["serial", "local"])
def test_engines_grade_as_dask(on_dask, tmp_path, engine):
    kinds = ["solved", "kernel-dies"]
    rows = _grade(_course(tmp_path / "course", kinds), "--engine", engine)
    for kind in kinds:
        assert (rows[kind]["score"], rows[kind]["zero_checks"]) == (
            on_dask[kind]["score"],
            on_dask[kind]["zero_checks"],
        ), kind
    assert (tmp_path / "course" / "feedback" / "solved" / ASSIGNMENT).is_dir()
