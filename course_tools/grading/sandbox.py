"""Run a Jupyter kernel sandboxed: no network, a memory cap, a CPU cap, writes only to its folder.

The grading kernelspec (:func:`write_kernelspec`) starts every kernel through
``python -m course_tools.grading.sandbox --mem-mb M --cpu-s S -- python -m ipykernel_launcher
-f CONNECTION_FILE``. This wrapper sets ``RLIMIT_AS`` (memory) and ``RLIMIT_CPU``
(CPU-seconds; the kernel is killed past it) and one thread per kernel, then execs
bubblewrap: the whole file system read-only, a private ``/tmp``, no network
namespace but its own loopback, and write access only to the kernel's working
folder (the submission's autograded folder) and its IPC socket folder. The kernel
talks to nbgrader over Unix sockets (``KernelManager.transport = "ipc"``), which
cross the network namespace; TCP would not.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

KERNEL_NAME = "python3"  # the chapters' kernel: the grading kernelspec shadows it


class SandboxError(RuntimeError):
    """The sandbox cannot be set up as asked."""


def bwrap_works() -> bool:
    """Whether bubblewrap can make a network namespace here (it needs user namespaces)."""
    exe = shutil.which("bwrap")
    if exe is None:
        return False
    probe = [exe, "--ro-bind", "/", "/", "--unshare-net", "--die-with-parent", "true"]
    return subprocess.run(probe, capture_output=True).returncode == 0


def bwrap_command(
    cwd: Path, writable: list[Path], argv: list[str], readable: list[Path] = ()
) -> list[str]:
    """The bubblewrap command line that runs ``argv`` in ``cwd`` as described above;
    ``readable`` are files under ``/tmp`` it must still see (the connection file)."""
    exe = shutil.which("bwrap")
    if exe is None:
        raise SandboxError("bubblewrap is not installed (Debian: apt-get install bubblewrap)")
    cmd = [exe, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    for path in readable:
        cmd += ["--ro-bind", str(path), str(path)]
    for path in [cwd, *writable]:
        cmd += ["--bind", str(path), str(path)]
    cmd += ["--unshare-net", "--unshare-ipc", "--new-session", "--die-with-parent"]
    return [*cmd, "--chdir", str(cwd), "--", *argv]


def _ipc_folder(argv: list[str]) -> Path | None:
    """The folder of the kernel's IPC sockets, from its connection file (``-f FILE``), if any."""
    if "-f" not in argv:
        return None
    info = json.loads(Path(argv[argv.index("-f") + 1]).read_text())
    if info.get("transport") != "ipc":
        raise SandboxError(
            "a kernel without network needs Unix sockets: set "
            'c.KernelManager.transport = "ipc" (python -m course_tools.grade init writes it)'
        )
    return Path(info["ip"]).resolve().parent


def write_kernelspec(folder: Path, mem_mb: int, cpu_s: int) -> Path:
    """Write the sandboxed ``python3`` kernelspec under ``folder/kernels/``; put ``folder``
    first on ``JUPYTER_PATH`` for nbgrader to use it."""
    spec = folder / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "course_tools.grading.sandbox", "--mem-mb", str(mem_mb)]
    argv += ["--cpu-s", str(cpu_s), "--", sys.executable, "-m", "ipykernel_launcher"]
    kernel = {
        "argv": [*argv, "-f", "{connection_file}"],
        "display_name": "Python 3 (sandboxed for grading)",
        "language": "python",
        "interrupt_mode": "message",  # a signal would stop at bubblewrap, not reach the kernel
    }
    (spec / "kernel.json").write_text(json.dumps(kernel, indent=1))
    return spec


def main(args: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mem-mb", type=int, required=True, help="address space cap, MiB")
    parser.add_argument("--cpu-s", type=int, required=True, help="CPU-seconds before the kill")
    parser.add_argument("--no-bwrap", action="store_true", help="limits only (no isolation)")
    parser.add_argument("argv", nargs=argparse.REMAINDER, help="-- the kernel command")
    opts = parser.parse_args(args)
    argv = opts.argv[1:] if opts.argv[:1] == ["--"] else opts.argv
    if not argv:
        parser.error("no kernel command after --")
    limit = opts.mem_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (opts.cpu_s, opts.cpu_s + 5))
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = "1"
    os.environ.setdefault("MPLCONFIGDIR", "/tmp/matplotlib")
    os.environ["IPYTHONDIR"] = "/tmp/ipython"
    if not opts.no_bwrap:
        ipc = _ipc_folder(argv)
        conn = [Path(argv[argv.index("-f") + 1]).resolve()] if ipc else []
        argv = bwrap_command(Path.cwd(), [ipc] if ipc else [], argv, conn)
    os.execvp(argv[0], argv)


if __name__ == "__main__":
    main()
