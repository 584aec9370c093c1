#!/usr/bin/env bash
# Adding a chapter: in a temporary copy of the course, add chapter NN+1 with
# `python -m course_tools.new_chapter`, run it with `course_tools.execute`, and
# run the copy's own checks on it (tests/new_chapter/test_new_chapter.py).
# Run from the repository's root with .venv made by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."

start=$SECONDS
# shellcheck disable=SC1091
source .venv/bin/activate
COURSE_NEW_CHAPTER=1 pytest -o addopts="" -p no:cacheprovider -rA tests/new_chapter "$@"
echo "new-chapter check took $((SECONDS - start)) s"
