#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL.
#
# When AKTO_TEST_POSTGRES (an Npgsql connection string) is set, that server is used as is.
# Otherwise this script installs PostgreSQL if it is missing (Debian: apt-get, as root), creates a
# throwaway cluster under a temporary folder listening on 127.0.0.1 only, on a free port, runs the
# tests against it and removes it on exit. Prints "N skipped" (when any) and then the closing "N passed, N failed"
# line, and exits with dotnet test's code. Skipped tests (the comparisons with ../shared/seeds/… in a clone without
# shared/ beside it) are neither passed nor failed.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PG_ROOT=""
PG_BIN=""

stop_postgres() {
    if [[ -n "$PG_ROOT" && -f "$PG_ROOT/data/postmaster.pid" ]]; then
        run_as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [[ -n "$PG_ROOT" ]]; then
        rm -rf "$PG_ROOT"
    fi
}

run_as_postgres() {
    if [[ "$(id -u)" == "0" ]]; then
        # runuser never prompts; "/" so that postgres can always enter the working directory.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

find_pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            PG_BIN="$dir"
        fi
    done
}

free_port() {
    python3 - <<'PY' 2>/dev/null || echo $(( 20000 + RANDOM % 20000 ))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

start_postgres() {
    find_pg_bin
    if [[ -z "$PG_BIN" ]]; then
        if [[ "$(id -u)" != "0" ]]; then
            echo "PostgreSQL is not installed and this is not root: install it or set AKTO_TEST_POSTGRES" >&2
            exit 2
        fi
        echo "Installing PostgreSQL (apt-get)..."
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends postgresql >/dev/null
        find_pg_bin
    fi
    if [[ -z "$PG_BIN" ]]; then
        echo "PostgreSQL binaries not found after installation" >&2
        exit 2
    fi

    PG_ROOT="$(mktemp -d /tmp/akto-pg.XXXXXX)"
    trap stop_postgres EXIT
    mkdir -p "$PG_ROOT/data" "$PG_ROOT/socket"
    if [[ "$(id -u)" == "0" ]]; then
        chown -R postgres:postgres "$PG_ROOT"
    fi

    local port password
    port="$(free_port)"
    password="akto-test-$RANDOM$RANDOM"
    printf '%s\n' "$password" > "$PG_ROOT/pwfile"
    if [[ "$(id -u)" == "0" ]]; then chown postgres:postgres "$PG_ROOT/pwfile"; fi

    run_as_postgres "$PG_BIN/initdb" -D "$PG_ROOT/data" -U akto --pwfile="$PG_ROOT/pwfile" \
        --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    # Loopback only; durability is irrelevant for a throwaway test cluster.
    run_as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_ROOT/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null
    run_as_postgres "$PG_BIN/createdb" -h "$PG_ROOT/socket" -p "$port" -U akto akto_test

    export AKTO_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=akto;Password=$password;Database=akto_test"
    echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (database akto_test)"
}

if [[ -z "${AKTO_TEST_POSTGRES:-}" ]]; then
    start_postgres
fi

# Chromium (PDF rendering, browser tests), the CJK fonts and pdftotext, from Debian's packages.
AKTO_CHROMIUM="$(./scripts/ensure-browser.sh | tail -n 1)"
export AKTO_CHROMIUM

log="$(mktemp /tmp/akto-test-log.XXXXXX)"
set +e
# One test module at a time: the grain load tests and the silo tests both time real clusters, and this
# machine has two cores.
dotnet test Akto.Consolidation.sln -c Release --max-parallel-test-modules 1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform prints one summary per test assembly ("succeeded: N", "failed: N", "skipped: N");
# add them up into the one closing line CI reads.
passed=$(grep -E '^\s*succeeded:\s*[0-9]+' "$log" | awk -F: '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s*failed:\s*[0-9]+' "$log" | awk -F: '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s*skipped:\s*[0-9]+' "$log" | awk -F: '{s+=$2} END {print s+0}')
rm -f "$log"
if [[ "$status" != "0" && "$failed" == "0" ]]; then
    # The build or the runner failed before any test could: count that as a failure.
    failed=1
fi
if [[ "$skipped" != "0" ]]; then
    echo "$skipped skipped (see the reasons above)"
fi
echo "$passed passed, $failed failed"
exit "$status"
