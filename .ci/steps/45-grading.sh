#!/usr/bin/env bash
# Grading a class (issue 28): install the `grading` extra, bubblewrap and PostgreSQL,
# start PostgreSQL and a Dask scheduler with 2 workers, all on 127.0.0.1 only, on free
# ports, then grade the kept tamper/crash/timeout/renamed submissions of chapter 05
# with `python -m course_tools.grade` on Dask against the PostgreSQL gradebook and
# compare with serial and local runs (tests/grading/test_grading.py); stop everything.
# Arguments go to pytest. Budget: about 5 minutes on the 2-core CI machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS
: "${COURSE_DATA_DIR:?set COURSE_DATA_DIR (.ci/run does)}"
# shellcheck disable=SC1091
source .venv/bin/activate
python -m pip install --quiet -e ".[grading]"
if ! command -v bwrap >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq bubblewrap postgresql >/dev/null
fi
free_port() { python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# PostgreSQL: a throwaway cluster owned by the postgres user (initdb refuses root), TCP on
# 127.0.0.1 only, its Unix socket in its own folder, on a free port (a fixed one collides
# with a server another run left behind: "could not bind ... Address already in use").
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdata=$(mktemp -d /tmp/ci-pg-XXXXXX)
chown postgres "$pgdata"
chmod 700 "$pgdata"
pgport=$(free_port)
run_pg() { su postgres -s /bin/sh -c "$*"; }
run_pg "$pgbin/initdb -D $pgdata/db -A trust -U postgres" >/dev/null
if ! run_pg "$pgbin/pg_ctl -D $pgdata/db -l $pgdata/log -w -t 60 start \
        -o \"-c listen_addresses=127.0.0.1 -p $pgport -k $pgdata\"" >/dev/null; then
    echo "PostgreSQL did not start; its log ($pgdata/log):" >&2
    cat "$pgdata/log" >&2
    exit 1
fi
sched=""
workers=()
logs=""
cleanup() {
    local status=$?
    if [ "$status" -ne 0 ] && [ -n "$logs" ]; then
        tail -n 20 "$logs"/*.log >&2 || true  # the Dask scheduler's and workers' last words
    fi
    local procs=("${workers[@]}" $sched)
    if [ ${#procs[@]} -gt 0 ]; then
        kill "${procs[@]}" 2>/dev/null || true
        sleep 3
        kill -9 "${procs[@]}" 2>/dev/null || true  # a worker waits for its running task
    fi
    run_pg "$pgbin/pg_ctl -D $pgdata/db -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$pgdata" "$logs"
}
trap cleanup EXIT

# Dask: a scheduler and 2 single-thread workers on 127.0.0.1 (the engine an instructor runs
# past one machine; here the workers share this checkout and its course folders).
dport=$(free_port)
logs=$(mktemp -d /tmp/ci-dask-XXXXXX)
dask scheduler --host 127.0.0.1 --port "$dport" --no-dashboard >"$logs/scheduler.log" 2>&1 &
sched=$!
for i in 1 2; do
    dask worker "tcp://127.0.0.1:$dport" --host 127.0.0.1 --nthreads 1 --nworkers 1 \
        --no-dashboard --name "w$i" >"$logs/worker$i.log" 2>&1 &
    workers+=($!)
done
python - "$dport" <<'PY'
import sys
from distributed import Client
with Client(f"tcp://127.0.0.1:{sys.argv[1]}", timeout=60) as c:
    c.wait_for_workers(2, timeout=60)
    print("dask workers:", len(c.scheduler_info()["workers"]))
PY
export COURSE_GRADING=1 COURSE_DASK_SCHEDULER="tcp://127.0.0.1:$dport"
export COURSE_GRADEBOOK_URL="postgresql+psycopg2://postgres@127.0.0.1:$pgport/postgres"
pytest -o addopts="" -p no:cacheprovider -rA tests/grading "$@"
echo "grading step took $((SECONDS - start)) s"
