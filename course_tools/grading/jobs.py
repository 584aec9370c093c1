"""One student's ``nbgrader autograde`` with hard limits and a retry, and the engines that
run many of them: ``serial``, ``local`` (processes on this machine) and ``dask``
(Dask distributed: a ``LocalCluster`` or the scheduler at an address)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from course_tools.grading.course import nbgrader_env
from course_tools.grading.guard import DEADLINE_ENV, EVENTS_ENV
from course_tools.grading.sandbox import write_kernelspec

ENGINES = ("serial", "local", "dask")


@dataclass
class Limits:
    """Per submission: wall-clock limit, memory and CPU caps, retries, sandbox on or off."""

    notebook_s: int = 900
    mem_mb: int = 8192
    cpu_s: int = 900
    retries: int = 1
    sandbox: bool = True


@dataclass
class JobResult:
    """What one student's grading run did."""

    student: str
    returncode: int
    wall_s: float
    cpu_s: float
    attempts: int = 1
    timed_out: bool = False
    events: list[dict] = field(default_factory=list)
    log_tail: str = ""


def _attempt(course: Path, assignment: str, student: str, limits: Limits) -> JobResult:
    tmp = Path(tempfile.mkdtemp(prefix="cg-", dir="/tmp"))  # short: Unix socket paths <= 107
    try:
        events, log = tmp / "events.jsonl", tmp / "nbgrader.log"
        env = nbgrader_env(dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1"))
        env[EVENTS_ENV] = str(events)
        env[DEADLINE_ENV] = str(time.time() + limits.notebook_s)
        cmd = [sys.executable, "-m", "nbgrader", "autograde", assignment]
        cmd += [f"--student={student}", "--force", f"--KernelManager.ip={tmp}/kernel"]
        if limits.sandbox:
            write_kernelspec(tmp, limits.mem_mb, limits.cpu_s)
            env["JUPYTER_PATH"] = os.pathsep.join([str(tmp), env.get("JUPYTER_PATH", "")])
        start = time.monotonic()
        with open(log, "w") as out:
            proc = subprocess.Popen(
                cmd, cwd=course, env=env, stdout=out, stderr=out, start_new_session=True
            )
            # the guard stops running cells at the deadline; this kills what hangs past it
            fired = threading.Event()

            def kill() -> None:
                fired.set()
                os.killpg(proc.pid, signal.SIGKILL)

            timer = threading.Timer(limits.notebook_s + 120, kill)
            timer.start()
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            timer.cancel()
        timed_out = fired.is_set()
        found = (
            [json.loads(line) for line in events.read_text().splitlines()]
            if events.exists()
            else []
        )
        return JobResult(
            student,
            proc.returncode,
            time.monotonic() - start,
            usage.ru_utime + usage.ru_stime,
            timed_out=timed_out,
            events=found,
            log_tail=log.read_text()[-3000:],
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _from_load(result: JobResult) -> bool:
    """A failure worth one more try: nbgrader failed, or a cell ran out of time."""
    timeouts = any(e["event"] == "cell_timeout" for e in result.events)
    return (result.returncode != 0 and not result.timed_out) or timeouts


def grade_student(course: str, assignment: str, student: str, limits: Limits) -> JobResult:
    """``nbgrader autograde ASSIGNMENT --student=STUDENT`` in ``course``, retried on load."""
    result = _attempt(Path(course), assignment, student, limits)
    cpu, tries = result.cpu_s, 1
    while _from_load(result) and tries <= limits.retries:
        result = _attempt(Path(course), assignment, student, limits)
        tries += 1
        cpu += result.cpu_s
    result.attempts, result.cpu_s = tries, cpu
    return result


def run_jobs(
    course: Path,
    assignment: str,
    students: list[str],
    limits: Limits,
    engine: str = "local",
    jobs: int = 2,
    scheduler: str | None = None,
    done: Callable[[JobResult], None] = lambda r: None,
) -> list[JobResult]:
    """Grade every student with ``engine``; ``done`` is called as each one finishes."""
    args = [(str(course.resolve()), assignment, s, limits) for s in students]
    results = []
    if engine == "serial":
        for a in args:
            results.append(grade_student(*a))
            done(results[-1])
    elif engine == "local":
        with ThreadPoolExecutor(max_workers=jobs) as pool:  # each job is its own process
            for fut in as_completed([pool.submit(grade_student, *a) for a in args]):
                results.append(fut.result())
                done(results[-1])
    elif engine == "dask":
        from distributed import Client, LocalCluster
        from distributed import as_completed as dask_completed

        cluster = None if scheduler else LocalCluster(n_workers=jobs, threads_per_worker=1)
        with Client(scheduler or cluster) as client:
            futures = [client.submit(grade_student, *a, pure=False) for a in args]
            for fut in dask_completed(futures):
                results.append(fut.result())
                done(results[-1])
        if cluster is not None:
            cluster.close()
    else:
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    return sorted(results, key=lambda r: r.student)
