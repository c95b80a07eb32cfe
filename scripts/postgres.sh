#!/usr/bin/env bash
# A private PostgreSQL 15 for the tests, on loopback only.
#   bash scripts/postgres.sh start  - initialise (once) and start; prints the URL last
#   bash scripts/postgres.sh stop   - stop it (no error when it is not running)
#   bash scripts/postgres.sh url    - print the connection URL
# The cluster lives in build/pg (data, socket, log) and listens on
# 127.0.0.1:${REGIE_PG_PORT:-54329} with trust authentication, so it never
# touches the system cluster. As root the server runs as the `postgres` OS
# user (PostgreSQL refuses to run as root); otherwise as the caller.
# Progress goes to stderr; stdout carries only the URL.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin=/usr/lib/postgresql/15/bin
port="${REGIE_PG_PORT:-54329}"
dbname=regie_test
url="postgresql://postgres@127.0.0.1:${port}/${dbname}"
# Settings from the caller's environment would redirect our client calls.
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGSERVICE PGOPTIONS PGDATA

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

case "$port" in
  '' | *[!0-9]*) die "REGIE_PG_PORT must be a port number, got '$port'" ;;
esac
((port >= 1024 && port <= 65535)) || die "REGIE_PG_PORT must be 1024..65535, got $port"

if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  getent passwd postgres >/dev/null || die "no 'postgres' OS user; install postgresql-15 (scripts/deps.sh test)"
  # cd /: the server user may not be allowed into the caller's directory.
  as_owner() { (cd / && runuser -u postgres -- "$@"); }
else
  owner="$(id -un)"
  as_owner() { "$@"; }
fi

# The cluster's home: build/pg, unless the server user cannot reach it (a
# checkout under /root is not traversable for `postgres`); then a directory
# under /var/tmp named after the checkout, so start and stop agree.
base="$root/build/pg"
mkdir -p "$base"
if [ "$owner" = postgres ]; then
  chown postgres: "$base"
  if ! as_owner test -w "$base"; then
    base="/var/tmp/regie-pg-$(printf '%s' "$root" | sha256sum | cut -c1-16)"
    mkdir -p "$base"
    chown postgres: "$base"
  fi
fi
[ "$owner" = postgres ] || [ -O "$base" ] ||
  die "$base belongs to another user (an earlier run as root?); remove it or run as that user"
chmod 700 "$base"
data="$base/data"
run="$base/run"
log="$base/postgresql.log"
marker="$base/initialized"

# The postmaster of our data directory, if one is alive: its pid file names
# a live process whose command line is ours. A pid reused by another process
# after a crash does not count.
server_pid() {
  local pid
  pid="$(as_owner head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$data" || return 1
  echo "$pid"
}

server_port() { as_owner sed -n 4p "$data/postmaster.pid" 2>/dev/null || true; }

# After a crash the pid file and the socket lock survive; PostgreSQL would
# refuse to start if their pid now belongs to another process.
remove_stale_files() {
  as_owner rm -f "$data/postmaster.pid"
  as_owner find "$run" -maxdepth 1 -name '.s.PGSQL.*' -delete 2>/dev/null || true
}

init_cluster() {
  echo "Initialising a private PostgreSQL cluster in $data" >&2
  as_owner rm -rf "$data" "$run"
  as_owner mkdir -p "$data" "$run"
  as_owner chmod 700 "$data" "$run"
  as_owner "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=trust --no-instructions >&2
  # Loopback only: local sockets (in a directory only the owner can enter)
  # and 127.0.0.1 / ::1. Nothing else may connect.
  as_owner tee "$data/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
host    all       all   ::1/128       trust
EOF
  printf "\ninclude_if_exists = 'regie.conf'\n" | as_owner tee -a "$data/postgresql.conf" >/dev/null
  touch "$marker"
}

# Written on every start, so a changed port or a moved checkout is picked up.
write_settings() {
  local sockets="${run//\'/\'\'}"
  # A Unix socket path is limited to 107 bytes; a deeper checkout uses TCP only.
  if [ $((${#run} + 20)) -gt 107 ]; then sockets=""; fi
  as_owner tee "$data/regie.conf" >/dev/null <<EOF
# Written by scripts/postgres.sh on every start; edits are lost.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sockets'
unix_socket_permissions = 0700
max_connections = 200
timezone = 'UTC'
# A throw-away test cluster: a crash may lose the last commits, never
# corrupt the data, and the tests commit a lot.
synchronous_commit = off
EOF
}

psql_admin() {
  "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

ensure_database() {
  local exists
  exists="$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$dbname'")"
  if [ "$exists" != 1 ]; then
    psql_admin -c "CREATE DATABASE $dbname ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'" >&2
  fi
}

start() {
  [ -x "$bin/pg_ctl" ] || die "PostgreSQL 15 is not installed ($bin); run scripts/deps.sh test"
  if [ ! -f "$marker" ] || ! as_owner test -f "$data/PG_VERSION"; then init_cluster; fi
  if server_pid >/dev/null; then
    local running
    running="$(server_port)"
    [ "$running" = "$port" ] ||
      die "the test cluster already runs on port $running; stop it first (bash scripts/postgres.sh stop)"
  else
    remove_stale_files
    write_settings
    echo "Starting PostgreSQL 15 on 127.0.0.1:$port (log: $log)" >&2
    as_owner touch "$log"
    if ! as_owner "$bin/pg_ctl" start -D "$data" -l "$log" -w -t 60 >&2; then
      echo "--- last lines of $log ---" >&2
      as_owner tail -n 20 "$log" >&2 || true
      die "PostgreSQL did not start"
    fi
  fi
  local tries=0
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres; do
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || die "PostgreSQL on port $port does not accept connections"
    sleep 0.5
  done
  ensure_database
  echo "$url"
}

stop() {
  if [ ! -d "$data" ]; then return 0; fi
  if server_pid >/dev/null; then
    as_owner "$bin/pg_ctl" stop -D "$data" -m fast -w -t 60 >&2
  else
    remove_stale_files
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$url" ;;
  *)
    echo "usage: bash scripts/postgres.sh start|stop|url" >&2
    exit 2
    ;;
esac
