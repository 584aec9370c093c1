#!/usr/bin/env bash
# Any seed (issue 27) and the GPU script kept working (issue 25): every chapter
# runs top to bottom with three seeds other than its own, as learners
# experimenting would, and every exercise edition with its solutions put back
# runs once, every self-check and exercise check included
# (python -m course_tools.run_chapters: COURSE_SEED and COURSE_DEVICE reach the
# kernels, nothing is written into the notebooks). Any failing cell, above all a
# self-check that only holds for the chapter's own seed, fails this step. This
# is the script a GPU machine runs with --device cuda; here it runs on the CPU,
# two notebooks at a time with one torch thread each. Its report (device,
# versions, each run's time and result) goes to build/run-chapters.md.
# Run from the repository's root with .venv made by .ci/run and COURSE_DATA_DIR
# set. CI_SEEDS picks the seeds (default: 12345 2024 777).
set -euo pipefail
cd "$(dirname "$0")/../.."

start=$SECONDS
: "${COURSE_DATA_DIR:?set COURSE_DATA_DIR to the folder with FashionMNIST/raw/ (.ci/run does)}"
if [ -z "${VIRTUAL_ENV:-}" ]; then  # .ci/run's environment unless one is active
    # shellcheck disable=SC1091
    source .venv/bin/activate
fi
mkdir -p build
# shellcheck disable=SC2086
python -m course_tools.run_chapters --device cpu --seeds ${CI_SEEDS:-12345 2024 777} \
    --jobs 2 --threads 1 --report build/run-chapters.md
echo "every chapter with seeds ${CI_SEEDS:-12345 2024 777}, and every solved edition, in $((SECONDS - start)) s"
