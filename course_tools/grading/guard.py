"""nbgrader preprocessors for grading: tamper detection, crash recovery, open answer cells.

:class:`GuardedExecute` replaces nbgrader's ``Execute`` in ``Autograde``. After the
chapter's setup cell (its first code cell) it records the identity of everything
the checks rely on: every name the setup cell bound, every attribute of
``course_utils`` and its submodules, of ``torch``, ``torch.nn``,
``torch.nn.functional``, ``torch.testing``, ``builtins``, the methods of
``torch.Tensor`` and ``nn.Module``, and ``sys.stdout``. Right before and right
after each graded check cell it compares them again; a difference fails that
check with a ``Tampered`` error naming what changed (the report and the
feedback show it). The comparison runs as separate executions whose output the
grader reads, so an answer cell cannot reach the verdict through a global name.

A kernel that dies (``os._exit``, out of memory, the CPU limit) costs only the cell
that killed it: the cell gets a ``KernelDied`` error, a fresh kernel replays the
cells that ran before (outputs discarded) and grading goes on. Past the per-notebook
deadline (``COURSE_GRADING_DEADLINE``, a Unix time), or after
``MAX_TIMEOUTS_IN_ROW`` cells in a row ran out of time (a kernel that stopped
answering, e.g. after an answer broke ``builtins``), the remaining cells are not run
and each remaining check gets a ``NotRun`` error naming why, so nbgrader still saves
the grades earned and writes feedback. Every such event is appended as one JSON line
to the file named by ``COURSE_GRADING_EVENTS``.
"""

from __future__ import annotations

import copy
import json
import os
import secrets
import time
from typing import Any

from nbclient.exceptions import DeadKernelError
from nbclient.util import run_sync
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute, NbGraderPreprocessor

from course_tools.handout import without_title

MAX_RESTARTS = 3
MAX_TIMEOUTS_IN_ROW = 2
EVENTS_ENV = "COURSE_GRADING_EVENTS"
DEADLINE_ENV = "COURSE_GRADING_DEADLINE"

# Runs in the kernel: prints NONCE + JSON {label: id(object)}; keeps the objects alive
# (in a list no chapter name points at) so an id cannot be reused by a replacement.
_IDENTITIES = r"""
def _course_grading_identities(nonce, setup_names):
    import builtins, json, sys
    import torch
    import torch._dynamo  # its import rewraps torch.manual_seed: before the snapshot, not after
    ns = sys.modules["__main__"].__dict__
    found = {}
    for name in setup_names:
        found["name " + name] = ns.get(name, "<deleted>")
    spaces = {m: sys.modules[m] for m in list(sys.modules)
              if m == "course_utils" or m.startswith("course_utils.")}
    for m in ("torch", "torch.nn", "torch.nn.functional", "torch.testing", "builtins"):
        spaces[m] = sys.modules[m]
    spaces["torch.Tensor"] = torch.Tensor
    spaces["torch.nn.Module"] = torch.nn.Module
    for where, space in spaces.items():
        for attr, value in list(vars(space).items()):
            if where + "." + attr in ("builtins.input", "builtins.__IPYTHON__"):
                continue  # ipykernel swaps input() for every execution
            if not (attr.startswith("__") and attr.endswith("__")) or callable(value):
                found[where + "." + attr] = value
    found["sys.stdout"] = sys.stdout
    found["type(sys.stdout).write"] = type(sys.stdout).write
    keep = sys.modules.setdefault("_course_grading_keep", type(sys)("_course_grading_keep"))
    keep.__dict__.setdefault("objects", []).append(found)
    print(nonce + json.dumps({k: id(v) for k, v in found.items()}))
"""
_SKIP_NAMES = {"In", "Out", "exit", "quit", "get_ipython", "open"}


def _events(event: dict[str, Any]) -> None:
    path = os.environ.get(EVENTS_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(event) + "\n")


def _error(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(
        output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"]
    )


def _grade_id(cell: NotebookNode) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _is_check(cell: NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


class GuardedExecute(Execute):
    """nbgrader's ``Execute`` with the tamper guard, crash recovery and a notebook deadline."""

    def preprocess(self, nb, resources=None, km=None):
        self._executed: list[int] = []
        self._setup_index = next(
            (i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()), -1
        )
        self._setup_names: list[str] = []
        self._snapshot: dict[str, int] | None = None
        self._restarts = 0
        self._timeouts_in_row = 0
        self._stopped = ""  # why the remaining cells are not run, once they are not
        self._deadline = float(os.environ.get(DEADLINE_ENV, "inf"))
        self._nb_name = (resources or {}).get("unique_key", "")
        return super().preprocess(nb, resources, km)

    # --- in-kernel probes, run outside the notebook (no history, output read here)
    def _execute_aside(self, cell: NotebookNode, index: int) -> None:
        """Run ``cell`` without history and leave the notebook's cell ``index`` as it was
        (nbclient stores every executed cell at the index it is given)."""
        kept = self.nb.cells[index]
        try:
            self.execute_cell(cell, index, store_history=False)
        finally:
            self.nb.cells[index] = kept

    def _run_hidden(self, source: str, index: int) -> str:
        cell = NotebookNode(cell_type="code", source=source, metadata={}, outputs=[])
        self._execute_aside(cell, index)
        return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")

    def _identities(self, index: int) -> dict[str, int] | None:
        nonce = secrets.token_hex(16)
        call = f"_course_grading_identities({nonce!r}, {self._setup_names!r})"
        src = _IDENTITIES + "\n" + call + "\ndel _course_grading_identities\n"
        for line in self._run_hidden(src, index).splitlines():
            if line.startswith(nonce):
                return json.loads(line[len(nonce) :])
        return None

    def _take_snapshot(self, index: int) -> None:
        names = self._run_hidden(
            "print(sorted(k for k in globals() if not k.startswith('_')))", index
        )
        self._setup_names = [n for n in eval(names or "[]", {}) if n not in _SKIP_NAMES]  # noqa: S307
        self._snapshot = self._identities(index)

    def _changed(self, index: int) -> list[str]:
        if self._snapshot is None:
            return []
        now = self._identities(index)
        if now is None:
            return ["the guard's own probe (print, json or sys.stdout replaced)"]
        return sorted(k for k, v in self._snapshot.items() if now.get(k) != v)

    def _tampered(self, cell: NotebookNode, index: int, changed: list[str], when: str) -> None:
        shown = ", ".join(changed[:8]) + (
            f" and {len(changed) - 8} more" if len(changed) > 8 else ""
        )
        cell.outputs.append(
            _error("Tampered", f"check not counted: {when} it, an answer changed {shown}")
        )
        _events({"event": "tampered", "cell": _grade_id(cell), "changed": changed[:50]})

    # --- recovery from a dead kernel
    def _restart_and_replay(self, index: int) -> None:
        self._restarts += 1
        run_sync(self.km.restart_kernel)(now=True)
        run_sync(self.kc.wait_for_ready)(timeout=self.startup_timeout)
        for i in list(self._executed):
            self._execute_aside(copy.deepcopy(self.nb.cells[i]), i)
            if i == self._setup_index:
                self._take_snapshot(i)

    def preprocess_cell(self, cell, resources, index):
        # nbconvert's loop drops the returned cell and keeps self.nb's: store it there
        cell, resources = self._guarded_cell(cell, resources, index)
        self.nb.cells[index] = cell
        return cell, resources

    def _guarded_cell(self, cell, resources, index):
        self._check_assign_resources(resources)
        if cell.cell_type != "code":
            return cell, self.resources
        if not self._stopped and time.time() > self._deadline:
            self._stopped = "notebook time limit reached"
        if self._stopped:
            cell.outputs = []
            if _is_check(cell):
                cell.outputs.append(_error("NotRun", self._stopped))
                _events({"event": "not_run", "cell": _grade_id(cell), "reason": self._stopped})
            return cell, self.resources
        check = _is_check(cell)
        if check:
            changed = self._changed(index)
            if changed:
                cell.outputs = []
                self._tampered(cell, index, changed, "before")
                return cell, self.resources
        try:
            self.execute_cell(cell, index, store_history=True)
        except DeadKernelError:
            cell.outputs.append(_error("KernelDied", "the kernel died running this cell"))
            _events({"event": "crashed", "cell": _grade_id(cell) or f"cell {index}"})
            if self._restarts >= MAX_RESTARTS:
                self._stopped = "the kernel kept dying"
            else:
                self._restart_and_replay(index)
            return cell, self.resources
        if any(o.output_type == "error" and o.ename == "CellTimeoutError" for o in cell.outputs):
            _events({"event": "cell_timeout", "cell": _grade_id(cell) or f"cell {index}"})
            self._timeouts_in_row += 1
            if self._timeouts_in_row >= MAX_TIMEOUTS_IN_ROW:
                self._stopped = f"{self._timeouts_in_row} cells in a row ran out of time"
        else:
            self._timeouts_in_row = 0
        self._executed.append(index)
        if index == self._setup_index:
            self._take_snapshot(index)
        elif check:
            changed = self._changed(index)
            if changed:
                self._tampered(cell, index, changed, "while running")
        return cell, self.resources


class OpenAnswerCells(NbGraderPreprocessor):
    """For ``generate_assignment``: the cells a student must edit are released expanded."""

    def preprocess_cell(self, cell, resources, index):
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            cell.source = without_title(cell.source)  # Colab's form title of a collapsed cell
            cell.metadata.get("jupyter", {}).pop("source_hidden", None)
            if not cell.metadata.get("jupyter", True):
                cell.metadata.pop("jupyter")
            cell.metadata.pop("cellView", None)
            tags = [t for t in cell.metadata.get("tags", []) if t != "hide-input"]
            if "tags" in cell.metadata:
                cell.metadata["tags"] = tags
        return cell, resources
