"""Time plain `pytest` (unit tests + every chapter once + every exercise check).

    python benchmarks/time_pytest.py               # pytest as configured (parallel)
    python benchmarks/time_pytest.py --repeat 3    # three runs: median and range
    python benchmarks/time_pytest.py -- -n 0       # extra pytest arguments (here: serial)

The course's target is 90 s or less on a 2-core CPU. Run it on a quiet machine:
other processes competing for the cores inflate the time. Prints the wall time
of each run, the slowest tests (pytest's own --durations) and a README line.
Set COURSE_DATA_DIR to a folder with FashionMNIST/raw/ when offline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]


def summary(times: list[float]) -> str:
    """'70.1 s' for one run; the median, the range and every run for several."""
    if len(times) == 1:
        return f"{times[0]:.1f} s"
    runs = ", ".join(f"{t:.0f}" for t in times)
    return f"median {statistics.median(times):.1f} s ({runs} s in {len(times)} runs)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time plain `pytest`.")
    parser.add_argument("--repeat", type=int, default=1, help="runs; median and range reported")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = parser.parse_args(argv)
    command = [sys.executable, "-m", "pytest", "-q", "--durations=8", *args.pytest_args]
    times = []
    for run in range(1, args.repeat + 1):
        start = time.perf_counter()
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        print(f"run {run}: {times[-1]:.1f} s, exit code {result.returncode}")
    tail = result.stdout.splitlines()
    start = next((i for i, line in enumerate(tail) if "slowest" in line), len(tail))
    print("\n".join(tail[start:]))
    print(
        f"\n| plain `pytest` ({' '.join(command[3:])}) | {summary(times)} |\n"
        f"{os.cpu_count()} cores, torch {torch.__version__}, Python {sys.version.split()[0]}"
    )
    if result.returncode != 0:
        print("\npytest FAILED (see above): this time is not the passing suite's", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
