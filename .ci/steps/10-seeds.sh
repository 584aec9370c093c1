#!/usr/bin/env bash
# Any seed: run every chapter top to bottom with a seed other than its own
# (COURSE_SEED overrides the seed of the setup cell's seed_everything), as a
# learner experimenting would, and save nothing. Any failing cell, above all a
# self-check that only holds for the chapter's own seed, fails this step.
# Run from the repository's root with the course installed and COURSE_DATA_DIR
# set (.ci/run does both). CI_SEEDS picks the seeds (default: 12345).
set -euo pipefail
cd "$(dirname "$0")/../.."

start=$SECONDS
failed=()
for seed in ${CI_SEEDS:-12345}; do
    for nb in notebooks/[0-9][0-9]_*.ipynb; do
        own=$(grep -o 'seed_everything([0-9]*)' "$nb" | head -n 1 | tr -dc '0-9')
        if [ "$own" = "$seed" ]; then
            echo "seed $seed is $nb's own seed: pick others with CI_SEEDS" >&2
            exit 1
        fi
        echo "--- $nb with COURSE_SEED=$seed (its own seed: ${own:-none found})"
        if ! COURSE_SEED=$seed python -m course_tools.execute --no-save --timeout 900 "$nb"; then
            failed+=("$nb with COURSE_SEED=$seed")
        fi
    done
done
if [ ${#failed[@]} -gt 0 ]; then
    printf 'FAILED: %s\n' "${failed[@]}" >&2
    echo "(the traceback above names the failing cell; re-run one with" >&2
    echo " COURSE_SEED=<seed> python -m course_tools.execute --no-save notebooks/NN_name.ipynb)" >&2
    exit 1
fi
echo "every chapter ran with seed(s) ${CI_SEEDS:-12345} in $((SECONDS - start)) s"
