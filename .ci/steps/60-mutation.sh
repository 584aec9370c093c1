#!/usr/bin/env bash
# Mutation testing of every exercise check (python -m course_tools.mutate): each
# chapter runs once, then every mutant of every solution replaces it and the
# exercise's check runs. Fails on any surviving mutant not listed as equivalent
# in tests/mutation/chNN.toml, and on any mutant killed without a course message.
# Run from the repository's root with .venv made by .ci/run and COURSE_DATA_DIR set.
set -euo pipefail
cd "$(dirname "$0")/../.."

start=$SECONDS
# shellcheck disable=SC1091
source .venv/bin/activate
python -m pip install --quiet -e ".[mutation]"
python -m course_tools.mutate --jobs 2 "$@"
echo "mutation testing took $((SECONDS - start)) s"
