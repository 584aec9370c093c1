#!/usr/bin/env bash
# The instructor's nbgrader round trip (issue 14): install the `instructor` extra
# (nbgrader) into the CI environment .venv, then, for every chapter, release it
# with `nbgrader generate_assignment` in a throwaway course, compare with the
# hand-out of `python -m course_tools.handout`, and autograde three submissions
# (untouched, solved, one wrong answer), checking the gradebook's scores
# (tests/nbgrader/test_roundtrip.py). Autograding runs each chapter three times,
# training included, two chapters at a time. Run from anywhere with .venv made by
# .ci/run and COURSE_DATA_DIR set (.ci/run exports it). Arguments go to pytest:
# `bash .ci/steps/40-nbgrader.sh -k 05_` grades chapter 05 only.
set -euo pipefail
cd "$(dirname "$0")/../.."

start=$SECONDS
: "${COURSE_DATA_DIR:?set COURSE_DATA_DIR to the folder with FashionMNIST/raw/ (.ci/run does)}"
# shellcheck disable=SC1091
source .venv/bin/activate
python -m pip install --quiet -e ".[instructor]"
python -c "import nbgrader; print('nbgrader', nbgrader.__version__)"
# addopts="" drops the main run's xdist settings; -rA lists each chapter.
COURSE_NBGRADER=1 pytest -o addopts="" -p no:cacheprovider -n 2 -rA tests/nbgrader "$@"
echo "nbgrader round trip took $((SECONDS - start)) s"
