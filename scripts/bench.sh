#!/usr/bin/env bash
# Issue 9's benchmark: the real silo process under an HTTP load, on durable PostgreSQL and on the embedded SQLite.
#
#   ./scripts/bench.sh --quick      ≤ 2 min: 1,000 units, 16 clients, both storages, short time budgets
#   ./scripts/bench.sh              ≤ 15 min: 1,000 and 10,000 units, 16 and 64 clients, both storages
#   ./scripts/bench.sh [--quick] --data generated --storages sqlite …   (any option of the load driver, see --help)
#
# Builds the silo and tests/Akto.Consolidation.LoadDriver (Release), starts a throwaway PostgreSQL with durable
# settings (fsync, synchronous_commit and full_page_writes on; 127.0.0.1 only, a free port, removed on exit), then
# runs the driver, which starts the silo (dotnet …/Akto.Consolidation.Silo.dll --ConnectionStrings:Postgres=… or
# --Akto:DataDirectory=…, --urls http://127.0.0.1:PORT, AKTO_BOOTSTRAP_ADMIN_KEY, --Akto:LoadSeed=false) so that it
# can SIGKILL and restart it for the recovery phase. Prints the table and rewrites docs/benchmarks.md.
# AKTO_BENCH_POSTGRES (an Npgsql connection string) uses that server instead; its settings are then yours.
# AKTO_BENCH_LABEL adds a line to the report (e.g. "measured on a busy machine").
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PG_ROOT=""
PG_BIN=""
WORK="$(mktemp -d /tmp/akto-bench.XXXXXX)"

cleanup() {
    if [[ -n "$PG_ROOT" && -f "$PG_ROOT/data/postmaster.pid" ]]; then
        run_as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    [[ -n "$PG_ROOT" ]] && rm -rf "$PG_ROOT"
    rm -rf "$WORK"
}
# A bench stopped by a signal must not leave its PostgreSQL running.
trap cleanup EXIT
trap 'exit 130' INT TERM

run_as_postgres() {
    if [[ "$(id -u)" == "0" ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $(( 20000 + RANDOM % 20000 ))
}

start_postgres() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && PG_BIN="$dir"
    done
    if [[ -z "$PG_BIN" ]]; then
        echo "PostgreSQL is not installed (Debian: apt-get install postgresql) and AKTO_BENCH_POSTGRES is not set" >&2
        exit 2
    fi

    PG_ROOT="$(mktemp -d /tmp/akto-bench-pg.XXXXXX)"
    mkdir -p "$PG_ROOT/data" "$PG_ROOT/socket"
    local port password
    port="$(free_port)"
    password="akto-bench-$RANDOM$RANDOM"
    printf '%s\n' "$password" > "$PG_ROOT/pwfile"
    [[ "$(id -u)" == "0" ]] && chown -R postgres:postgres "$PG_ROOT"

    run_as_postgres "$PG_BIN/initdb" -D "$PG_ROOT/data" -U akto --pwfile="$PG_ROOT/pwfile" \
        --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Durable: every acknowledged commit is on disk (the defaults, spelled out so nobody "optimises" them away).
    run_as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_ROOT/socket -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=300 -c shared_buffers=256MB" \
        start >/dev/null
    run_as_postgres "$PG_BIN/createdb" -h "$PG_ROOT/socket" -p "$port" -U akto akto_bench
    AKTO_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=akto;Password=$password;Database=akto_bench;Maximum Pool Size=100"
    echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (fsync=on, synchronous_commit=on)"
}

echo "Building (Release)…"
dotnet build silo/Akto.Consolidation.Silo -c Release -v quiet -nologo >/dev/null
dotnet build tests/Akto.Consolidation.LoadDriver -c Release -v quiet -nologo >/dev/null

if [[ -z "${AKTO_BENCH_POSTGRES:-}" ]]; then
    start_postgres
fi

commit="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- src silo tests 2>/dev/null || commit="$commit (with uncommitted changes)"
export AKTO_BENCH_COMMIT="$commit"

set +e
dotnet tests/Akto.Consolidation.LoadDriver/bin/Release/net10.0/Akto.Consolidation.LoadDriver.dll \
    --postgres "$AKTO_BENCH_POSTGRES" --work "$WORK" --out docs/benchmarks.md "$@"
status=$?
set -e
if [[ "$status" != "0" ]]; then
    echo "silo logs were in $WORK (removed); rerun with --work DIR to keep them" >&2
fi
exit "$status"
