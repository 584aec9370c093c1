"""Measure the course's speed targets on this machine and print a table.

    python benchmarks/run.py                       # everything
    python benchmarks/run.py --skip-notebooks
    python benchmarks/run.py --notebook-runs 3     # each notebook 3 times: median and range

1. Loading FashionMNIST into memory: torchvision's dataset ``.data`` versus
   course_utils.load_fashion_mnist_tensors (torchvision's idx reader plus
   the course's checks) versus ToTensor one image at a time.
2. Seconds per training epoch of the chapter-02 MLP at batch size 256:
   DataLoader over the torchvision dataset with ToTensor versus slicing
   batches out of one in-memory tensor (course_utils.InMemoryLoader).
3. Each notebook's run time in a fresh kernel, and the time of its cells
   tagged "train" (the main training run), as nbmake would run them. This
   machine's speed drifts by 20-40% over minutes, so with --notebook-runs N
   each notebook runs N times (round-robin, so a slow spell does not hit one
   chapter only) and the table gives the median and the range.

The time of plain `pytest` is measured by benchmarks/time_pytest.py.

Set COURSE_DATA_DIR to a folder with FashionMNIST/raw/ when offline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import nbformat
import torch
from torch import nn

import course_utils as cu
from course_tools.execute import run_in_fresh_kernel

REPO = Path(__file__).resolve().parents[1]
BATCH_SIZE = 256


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Smallest wall-clock time of ``repeat`` calls (the least disturbed run)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def load_torchvision() -> None:
    """torchvision's dataset, then its uint8 ``.data`` as float tensors in [0, 1]."""
    for train in (True, False):
        cu.load_fashion_mnist(train=train).data.unsqueeze(1).float().div_(255)


def load_torchvision_per_item() -> None:
    """What a DataLoader with ToTensor does every epoch: one image at a time."""
    for train in (True, False):
        dataset = cu.load_fashion_mnist(train=train)
        torch.stack([dataset[i][0] for i in range(len(dataset))])


def load_idx() -> None:
    for train in (True, False):
        cu.load_fashion_mnist_tensors(train=train)


def mlp() -> nn.Module:
    return nn.Sequential(
        nn.Flatten(),
        nn.Linear(784, 512),
        nn.ReLU(),
        nn.Linear(512, 512),
        nn.ReLU(),
        nn.Linear(512, 10),
    )


def epoch_seconds(loader) -> float:
    model = mlp()
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    start = time.perf_counter()
    cu.train_one_epoch(model, loader, nn.CrossEntropyLoss(), optimizer, torch.device("cpu"))
    return time.perf_counter() - start


def notebook_times(path: Path) -> tuple[float, float]:
    """Total seconds to run ``path`` in a fresh kernel, and seconds in 'train' cells."""
    nb = nbformat.read(path, as_version=4)
    total = run_in_fresh_kernel(nb, timeout=600, record_timing=True)
    train = 0.0
    for cell in nb.cells:
        if "train" in cell.metadata.get("tags", []):
            ex = cell.metadata.get("execution", {})
            began = ex.get("iopub.execute_input") or ex.get("shell.execute_reply.started")
            ended = ex.get("shell.execute_reply")
            if began and ended:
                train += (
                    datetime.fromisoformat(ended.replace("Z", "+00:00"))
                    - datetime.fromisoformat(began.replace("Z", "+00:00"))
                ).total_seconds()
    return total, train


def spread(totals: Sequence[float], trains: Sequence[float] = ()) -> str:
    """'12.3 s' for one run; the median and the range for several."""
    text = f"{statistics.median(totals):.1f} s"
    if len(totals) > 1:
        text = f"median {text} ({min(totals):.1f}-{max(totals):.1f} s, {len(totals)} runs)"
    if any(trains):
        text += f" (cells tagged train: median {statistics.median(trains):.1f} s)"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the course's speed targets.")
    parser.add_argument("--skip-notebooks", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="runs per loading measurement")
    parser.add_argument("--notebook-runs", type=int, default=1, help="runs per notebook")
    args = parser.parse_args(argv)
    rows: list[tuple[str, str]] = []

    load_torchvision()  # warm the file cache and imports before timing anything
    tv = best_of(load_torchvision, args.repeat)
    idx = best_of(load_idx, args.repeat)
    per_item = best_of(load_torchvision_per_item, 1)
    rows.append(("FashionMNIST to float tensors, torchvision `.data`", f"{tv:.2f} s"))
    rows.append(("FashionMNIST to float tensors, load_fashion_mnist_tensors", f"{idx:.2f} s"))
    rows.append(("FashionMNIST to float tensors, ToTensor per item", f"{per_item:.2f} s"))

    torch.manual_seed(0)
    X, y = cu.load_fashion_mnist_tensors(train=True)
    dl = torch.utils.data.DataLoader(
        cu.load_fashion_mnist(train=True), batch_size=BATCH_SIZE, shuffle=True
    )
    mem = cu.InMemoryLoader(X, y, batch_size=BATCH_SIZE, shuffle=True)
    t_dl = epoch_seconds(dl)
    t_mem = statistics.median(epoch_seconds(mem) for _ in range(3))
    rows.append((f"MLP epoch, DataLoader + ToTensor, batch {BATCH_SIZE}", f"{t_dl:.2f} s"))
    rows.append((f"MLP epoch, in-memory tensor, batch {BATCH_SIZE}", f"{t_mem:.2f} s"))
    rows.append(("speed-up of in-memory batches", f"{t_dl / t_mem:.1f}x"))

    if not args.skip_notebooks:
        paths = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        runs: dict[Path, list[tuple[float, float]]] = {path: [] for path in paths}
        for _ in range(args.notebook_runs):
            for path in paths:
                runs[path].append(notebook_times(path))
        for path in paths:
            totals, trains = zip(*runs[path], strict=True)
            rows.append((f"notebook {path.stem}", spread(totals, trains)))
        sums = [sum(r[i][0] for r in runs.values()) for i in range(args.notebook_runs)]
        rows.append(("all notebooks, one after another", spread(sums)))

    width = max(len(name) for name, _ in rows)
    print(f"| {'measurement':{width}} | result |")
    print(f"|{'-' * (width + 2)}|--------|")
    for name, value in rows:
        print(f"| {name:{width}} | {value} |")
    print(
        f"\ntorch {torch.__version__}, {torch.get_num_threads()} threads, "
        f"Python {sys.version.split()[0]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
