#!/usr/bin/env bash
# Dependency floors: install exactly the lowest versions pyproject.toml states
# (constraints-floors.txt) into a second virtual environment, then run the unit
# tests and every chapter there (tests/ runs each chapter once, with its
# exercise checks). Every floor the course states is one this step tests.
# Run from the repository's root with COURSE_DATA_DIR set (.ci/run sets it).
# FLOORS_VENV picks where the environment goes (default: .venv-floors).
set -euo pipefail
cd "$(dirname "$0")/../.."

start=$SECONDS
venv="${FLOORS_VENV:-.venv-floors}"
# pyproject.toml's requires-python floor, which CI must have to test it
python=python3.11
if ! command -v "$python" >/dev/null; then
    echo "$python (the course's Python floor) is not on this machine: cannot test the floors" >&2
    exit 1
fi
"$python" -m venv "$venv"
# shellcheck disable=SC1091
source "$venv/bin/activate"
python -m pip install --quiet --upgrade pip
python -m pip install --quiet -c constraints-floors.txt -r requirements.txt

# Each pinned floor must be what got installed: a constraint pip did not apply
# would leave a floor untested.
python - <<'PY'
import importlib.metadata as md
import sys

pins = [line.split("#")[0].strip() for line in open("constraints-floors.txt", encoding="utf-8")]
pins = [pin.split("==") for pin in pins if pin]
bad = [f"{n}: pinned {v}, installed {md.version(n)}" for n, v in pins if md.version(n) != v]
print("floors:", ", ".join(f"{n} {v}" for n, v in pins))
sys.exit("\n".join(bad) if bad else 0)
PY

pytest
echo "floors step took $((SECONDS - start)) s"
