"""Time every exercise's check cell, as a learner pressing Shift+Enter would wait.

    python benchmarks/check_cells.py               # every chapter, 5 runs per check
    python benchmarks/check_cells.py 05 --repeat 9

Each chapter runs once in a fresh kernel (as in the chapter tests); then each
check cell runs ``--repeat`` times with the solution in place, and the table
gives the median and the range. The course's target: about 2 s at most
(median) on this 2-core machine. This machine's speed drifts by 20-40% over
minutes, so read the numbers as "about", and run it on a quiet machine.
Set COURSE_DATA_DIR to a folder with FashionMNIST/raw/ when offline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time

import nbformat

from course_tools.chapters import REPO, chapter_number, chapter_paths, exercises
from course_tools.execute import kernel_client


def time_checks(path, repeat: int) -> list[tuple[str, list[float]]]:
    """(exercise, seconds of each run of its check cell) for the chapter at ``path``."""
    nb = nbformat.read(path, as_version=4)
    results = []
    with tempfile.TemporaryDirectory() as workdir:
        client = kernel_client(nb, workdir, timeout=600)
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            for ex in exercises(nb, chapter_number(path)):
                times = []
                for _ in range(repeat):
                    start = time.perf_counter()
                    client.execute_cell(ex.check, ex.check_index)
                    times.append(time.perf_counter() - start)
                results.append((ex.name, times))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter numbers (default: all)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    print("| check cell | median | range |\n|---|---:|---:|")
    worst = 0.0
    for path in chapter_paths(REPO):
        if args.chapters and chapter_number(path) not in args.chapters:
            continue
        for name, times in time_checks(path, args.repeat):
            median = statistics.median(times)
            worst = max(worst, median)
            print(f"| {name} | {median:.2f} s | {min(times):.2f}-{max(times):.2f} s |", flush=True)
    print(f"\nslowest median: {worst:.2f} s (target: about 2 s at most)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
