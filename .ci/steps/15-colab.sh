#!/usr/bin/env bash
# Colab, replicated (issue 25): Colab's Python and its versions of every package
# the course and the kernel touch (.ci/colab/constraints.txt, from Google's
# published list; refresh it with .ci/colab/refresh.py), plus a stand-in
# google-colab that declares google-colab's own pins and makes `google.colab`
# importable. In that replica every chapter and every exercise edition runs as
# committed, its setup cell taking its real Colab install branch (pointed at a
# copy of this checkout instead of GitHub): pip must change nothing but add
# course-utils, no cell may write to stderr or print a pip error, the chapters
# must run without an error and the editions with only their unsolved exercises
# failing (.ci/colab/run_replica.py). Then the unit tests run on that Python.
# Run from anywhere with COURSE_DATA_DIR set (.ci/run exports it); PyPI must be
# reachable. COLAB_VENV picks where the replica goes (default: .venv-colab,
# made anew each run; PyPI's torch for Linux is a CUDA build of a few GB).
set -euo pipefail
cd "$(dirname "$0")/../.."

start=$SECONDS
: "${COURSE_DATA_DIR:?set COURSE_DATA_DIR to the folder with FashionMNIST/raw/ (.ci/run does)}"
constraints=.ci/colab/constraints.txt
want=$(sed -n 's/^# python: \([0-9]*\.[0-9]*\)\..*/\1/p' "$constraints")  # Colab's, e.g. 3.13
python=$(ls -d "$HOME"/.pyenv/versions/"$want".*/bin/python"$want" 2>/dev/null | sort -V | tail -n 1)
python=${python:-$(command -v "python$want" || true)}
if [ -z "$python" ] && [ "$(id -u)" = 0 ] && apt-cache show "python$want-venv" >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$want-venv" >/dev/null
    python=$(command -v "python$want")
fi
if [ -z "$python" ]; then
    echo "Colab runs Python $want, which is not on this machine (pyenv or python$want)" >&2
    exit 1
fi

# pip as in Colab: PyPI only, not this machine's pip.conf (local indexes, a torch
# cap) nor its wheel folder; and no setting that quiets pip: the setup cell must.
export PIP_CONFIG_FILE=/dev/null
quiet=(--quiet --disable-pip-version-check)  # for the replica's build; the notebooks' own pip says its own
unset PIP_FIND_LINKS PIP_DISABLE_PIP_VERSION_CHECK PIP_ROOT_USER_ACTION PIP_CONSTRAINT
venv="${COLAB_VENV:-.venv-colab}"
"$python" -m venv --clear "$venv"
"$venv/bin/python" -m pip install "${quiet[@]}" -c "$constraints" pip  # Colab's pip
# What the chapters import, the kernel (IPython, ipykernel, traitlets, ...), what
# runs the notebooks (nbclient) and google-colab with its pins: Colab's versions.
"$venv/bin/python" -m pip install "${quiet[@]}" -c "$constraints" \
    torch torchvision numpy matplotlib tqdm torchsummary pillow \
    ipython ipykernel traitlets jupyter_client nbformat nbclient nbconvert \
    ./.ci/colab/google-colab
"$venv/bin/python" -m pip check
"$venv/bin/python" -c 'import sys, IPython, torch; print(f"Colab replica: Python {sys.version.split()[0]}, IPython {IPython.__version__}, torch {torch.__version__}")'
echo "replica built in $((SECONDS - start)) s"

run_start=$SECONDS
"$venv/bin/python" .ci/colab/run_replica.py --jobs 2
echo "chapters and editions ran in the replica in $((SECONDS - run_start)) s"

# The unit tests on Colab's Python (every chapter has just run; the test tools'
# setuptools floor is above Colab's, so it alone may move).
tests_start=$SECONDS
"$venv/bin/python" -m pip install "${quiet[@]}" -c <(grep -v '^setuptools==' "$constraints") -e ".[test]"
"$venv/bin/python" -m pytest -p no:cacheprovider -q --ignore=tests/test_chapters.py
echo "unit tests on Python $want took $((SECONDS - tests_start)) s"
echo "Colab step took $((SECONDS - start)) s"
