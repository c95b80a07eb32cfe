#!/usr/bin/env bash
# HTTP benchmark (Foundation issue): `regie serve` on SQLite with a synthetic
# population of 10,000 households, against nginx serving static JSON files
# of the same sizes as the ceiling of what this machine can do over HTTP.
#
#   bash bench/http_bench.sh
#
# Needs wrk and nginx-light (`bash scripts/deps.sh bench`). Builds the release
# binary only when it is missing. Everything runs as the current user in a
# temporary directory on 127.0.0.1 and is stopped and removed on exit.
#
# Settings (environment): REGIE_BIN (default build/release/src/app/regie),
# HOUSEHOLDS (10000), SEED (7), CONNECTIONS (64), THREADS (2), DURATION (10s),
# WARMUP (2s), KEEP=1 keeps the temporary directory, ENFORCE=1 exits 1 when
# the target is missed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
regie_bin="${REGIE_BIN:-$root/build/release/src/app/regie}"
households="${HOUSEHOLDS:-10000}"
seed="${SEED:-7}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
duration="${DURATION:-10s}"
warmup="${WARMUP:-2s}"
# The target the Foundation issue sets for list and detail on 2 cores.
target_rps=20000
target_p99_ms=10

log() { printf '%s\n' "$*" >&2; }
die() {
  log "http_bench: $*"
  exit 1
}

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || die "$tool is missing; run: bash scripts/deps.sh bench"
done
if [ ! -x "$regie_bin" ]; then
  log "Building the release binary ($regie_bin is missing)"
  (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release --target regie)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/regie-bench.XXXXXX")"
regie_pid=""
nginx_pid=""
wrk_pid=""
cleanup() {
  local rc=$?
  # Stop what this script started, by pid, and wait so ports are free again.
  if [ -n "$wrk_pid" ]; then
    kill -TERM "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" 2>/dev/null || true
  fi
  if [ -n "$regie_pid" ] && kill -0 "$regie_pid" 2>/dev/null; then
    kill -TERM "$regie_pid" 2>/dev/null || true
    wait "$regie_pid" 2>/dev/null || true
  fi
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then log "Kept $work"; else rm -rf "$work"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A port nobody listens on: random picks, probed with bash's /dev/tcp.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free port found"
}

# wait_for_http URL SECONDS: until the URL answers at all.
wait_for_http() {
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# --- Regie ---------------------------------------------------------------------
db="$work/regie.db"
log "Creating a demo database of $households households (seed $seed, 1 tenant)"
demo_start=$(date +%s%N)
"$regie_bin" demo --db "sqlite:$db" --households "$households" --seed "$seed" --tenants 1 \
  >"$work/demo.log" 2>&1 || {
  cat "$work/demo.log" >&2
  die "regie demo failed"
}
demo_ms=$((($(date +%s%N) - demo_start) / 1000000))

regie_port="$(free_port)"
"$regie_bin" serve --db "sqlite:$db" --listen "127.0.0.1:$regie_port" >"$work/serve.log" 2>&1 &
regie_pid=$!
regie_url="http://127.0.0.1:$regie_port"
wait_for_http "$regie_url/api/v1/health" 20 || {
  cat "$work/serve.log" >&2
  die "regie serve did not come up on $regie_url"
}

list_path="/api/v1/tenants/1/households?limit=25"
first="$(curl -fsS "$regie_url/api/v1/tenants/1/households?limit=1")"
household_id="$(grep -o '"id":[0-9]*' <<<"$first" | head -n 1 | cut -d: -f2)"
[ -n "$household_id" ] || die "no household in $first"
detail_path="/api/v1/tenants/1/households/$household_id"

# The ceiling serves exactly these bodies, so both move the same bytes.
www="$work/www"
mkdir -p "$www"
curl -fsS -o "$www/list.json" "$regie_url$list_path"
curl -fsS -o "$www/detail.json" "$regie_url$detail_path"

# --- nginx: a private, unprivileged instance ---------------------------------------
nginx_port="$(free_port)"
nginx_dir="$work/nginx"
mkdir -p "$nginx_dir/tmp"
user_line=""
if [ "$(id -u)" -eq 0 ]; then
  # As root nginx hands the workers to an unprivileged user, who must be able
  # to read the files.
  user_line="user nobody nogroup;"
  chmod 755 "$work" "$www"
  chmod 644 "$www"/*.json
fi
cat >"$nginx_dir/nginx.conf" <<EOF
$user_line
worker_processes auto;
daemon off;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $nginx_dir/tmp/body;
  proxy_temp_path $nginx_dir/tmp/proxy;
  fastcgi_temp_path $nginx_dir/tmp/fastcgi;
  uwsgi_temp_path $nginx_dir/tmp/uwsgi;
  scgi_temp_path $nginx_dir/tmp/scgi;
  types { }
  default_type application/json;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $www;
  }
}
EOF
nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/error.log" &
nginx_pid=$!
nginx_url="http://127.0.0.1:$nginx_port"
wait_for_http "$nginx_url/list.json" 10 || {
  cat "$nginx_dir/error.log" >&2
  die "nginx did not come up on $nginx_url"
}

# --- Measure ---------------------------------------------------------------------------
results="$work/results"
: >"$results"
# wrk in the background and `wait`, so a signal reaches the trap at once
# rather than after the run.
run_wrk() {
  wrk "$@" >"$work/wrk.out" 2>&1 &
  wrk_pid=$!
  wait "$wrk_pid" || die "wrk failed: $(cat "$work/wrk.out")"
  wrk_pid=""
}
# measure NAME ENDPOINT URL BYTES
measure() {
  run_wrk -t"$threads" -c"$connections" -d"$warmup" "$3"
  run_wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    -s "$root/bench/wrk_report.lua" "$3"
  local line
  line="$(grep '^RESULT ' "$work/wrk.out")" || die "no result from wrk for $3: $(cat "$work/wrk.out")"
  echo "$1 $2 $4 ${line#RESULT }" >>"$results"
}
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "Measuring: wrk $threads threads, $connections connections, $duration per endpoint (after $warmup warm-up)"
list_bytes=$(stat -c %s "$www/list.json")
detail_bytes=$(stat -c %s "$www/detail.json")
measure regie list "$regie_url$list_path" "$list_bytes"
measure regie detail "$regie_url$detail_path" "$detail_bytes"
measure nginx list "$nginx_url/list.json" "$list_bytes"
measure nginx detail "$nginx_url/detail.json" "$detail_bytes"

# --- Report ----------------------------------------------------------------------------
printf '\nRegie HTTP benchmark\n'
printf '  data      %s households, 1 tenant, SQLite (demo load %d.%03d s)\n' "$households" \
  $((demo_ms / 1000)) $((demo_ms % 1000))
printf '  load      wrk %s threads, %s connections, %s per endpoint, keep-alive\n' "$threads" \
  "$connections" "$duration"
printf '  machine   %s cores (%s), wrk and the server share them\n' "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
printf '  load avg  %s at the start (other work on the cores skews every number)\n' "$load_before"
printf '  list      GET %s\n' "$list_path"
printf '  detail    GET %s\n\n' "$detail_path"
awk -v target_rps="$target_rps" -v target_p99="$target_p99_ms" '
  function field(name,   i, kv) {
    for (i = 4; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] }
    return 0
  }
  BEGIN {
    printf "%-22s %-7s %8s %10s %9s %9s %7s\n", "server", "request", "bytes", "req/s", "p50 ms", "p99 ms", "errors"
    ok = 1
  }
  {
    rps = field("requests") / (field("duration_us") / 1e6)
    p50 = field("p50_us") / 1000; p99 = field("p99_us") / 1000
    errors = field("status_errors") + field("connect_errors") + field("read_errors") + field("write_errors") + field("timeouts")
    name = $1 == "nginx" ? "nginx (static ceiling)" : $1
    printf "%-22s %-7s %8d %10.0f %9.2f %9.2f %7d\n", name, $2, $3, rps, p50, p99, errors
    if ($1 == "regie" && (rps < target_rps || p99 > target_p99 || errors > 0)) ok = 0
  }
  END {
    printf "\nTarget: regie list and detail >= %d req/s with p99 <= %d ms, no errors: %s\n", target_rps, target_p99, ok ? "MET" : "MISSED"
    exit ok ? 0 : 3
  }' "$results" || report_rc=$?
case "${report_rc:-0}" in
  0) ;;
  3) if [ "${ENFORCE:-0}" = 1 ]; then exit 1; fi ;;
  *) die "report failed" ;;
esac
