#!/usr/bin/env bash
# The learners' exercise editions (notebooks/exercises/): run each as committed
# with nbmake (stubs in place: the checks fail, are reported, and the notebook
# goes on to its end thanks to their raises-exception tags), then with every
# exercise solved (tests/editions: every check must pass). Run from the
# repository's root with .venv made by .ci/run and COURSE_DATA_DIR set.
set -euo pipefail
cd "$(dirname "$0")/../.."

start=$SECONDS
# shellcheck disable=SC1091
source .venv/bin/activate
# two chapters at once: one thread each, or their kernels fight over the 2 cores
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
pytest -o addopts="" -p no:cacheprovider -n 2 --nbmake --nbmake-timeout=900 notebooks/exercises
COURSE_EDITIONS=1 pytest -o addopts="" -p no:cacheprovider -n 2 tests/editions
echo "exercise editions took $((SECONDS - start)) s"
