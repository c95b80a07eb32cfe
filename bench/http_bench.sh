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
# Since the Access issue every read needs a session and is audited: the
# script logs in as the demo regisseur (password + TOTP from
# `regie user totp-code`) and drives the regisseur's own households.
# BASELINE_BIN=path/to/older/regie runs the same list and detail against a
# binary from before access control (no login, no audit) and prints the
# throughput that authorisation + audit cost.
#
# Settings (environment): REGIE_BIN (default build/release/src/app/regie),
# HOUSEHOLDS (10000), SEED (7), CONNECTIONS (64), THREADS (2), DURATION (10s),
# WARMUP (2s), PARTNER_USER (partner2@gm0523), KEEP=1 keeps the temporary directory, ENFORCE=1 exits 1 when
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
partner_user="${PARTNER_USER:-partner2@gm0523}"
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
regie_pids=()
nginx_pid=""
wrk_pid=""
cleanup() {
  local rc=$?
  # Stop what this script started, by pid, and wait so ports are free again.
  if [ -n "$wrk_pid" ]; then
    kill -TERM "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" 2>/dev/null || true
  fi
  for pid in "${regie_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
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
# login BIN DB URL USER JAR: a demo user's session (password, then TOTP from
# `regie user totp-code`); sets session=(-H "Cookie: ...") for curl and wrk.
session=()
login() {
  local bin="$1" db="$2" url="$3" user="$4" jar="$5" csrf code
  csrf="$(curl -fsS -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"Regie-demo-2026!\"}" \
    "$url/api/v1/auth/login" | grep -o '"csrf_token":"[^"]*"' | cut -d'"' -f4)"
  [ -n "$csrf" ] || die "login of $user failed"
  code="$("$bin" user totp-code --db "sqlite:$db" --username "$user")"
  curl -fsS -b "$jar" -c "$jar" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    -d "{\"code\":\"$code\"}" "$url/api/v1/auth/totp" >/dev/null || die "TOTP step of $user failed"
  session=(-H "Cookie: regie_session=$(awk '$6 == "regie_session" {print $7}' "$jar")")
}

# start_regie NAME BIN: a demo database and a server; sets <NAME>_url,
# <NAME>_list, <NAME>_detail and <NAME>_auth (curl/wrk header args).
regie_pids=()
start_regie() {
  local name="$1" bin="$2" db="$work/$1.db" port url first id auth=()
  log "[$name] creating a demo database of $households households (seed $seed, 1 tenant)"
  local t0
  t0=$(date +%s%N)
  "$bin" demo --db "sqlite:$db" --households "$households" --seed "$seed" --tenants 1 \
    $("$bin" demo --help 2>&1 | grep -q -- --key-file && echo --key-file "$work/$name.key") \
    $("$bin" demo --help 2>&1 | grep -q -- --policies && echo --policies "$root/policies") \
    >"$work/$name-demo.log" 2>&1 || {
    cat "$work/$name-demo.log" >&2
    die "regie demo failed"
  }
  demo_ms=$((($(date +%s%N) - t0) / 1000000))
  port="$(free_port)"
  local key_args=()
  "$bin" serve --help 2>&1 | grep -q -- --key-file && key_args=(--key-file "$work/$name.key")
  "$bin" serve --help 2>&1 | grep -q -- --policies && key_args+=(--policies "$root/policies")
  "$bin" serve --db "sqlite:$db" --listen "127.0.0.1:$port" "${key_args[@]}" \
    >"$work/$name-serve.log" 2>&1 &
  regie_pids+=($!)
  url="http://127.0.0.1:$port"
  wait_for_http "$url/api/v1/health" 20 || {
    cat "$work/$name-serve.log" >&2
    die "regie serve did not come up on $url"
  }
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/tenants/1/households?limit=1")" = 401 ]; then
    local t1
    t1=$(date +%s%N)
    login "$bin" "$db" "$url" regisseur1@gm0523 "$work/$name.cookies"
    login_ms=$((($(date +%s%N) - t1) / 1000000))
    auth=("${session[@]}")
  fi
  first="$(curl -fsS "${auth[@]}" "$url/api/v1/tenants/1/households?limit=1")"
  id="$(grep -o '"id":[0-9]*' <<<"$first" | head -n 1 | cut -d: -f2)"
  [ -n "$id" ] || die "no household in $first"
  printf -v "${name}_url" '%s' "$url"
  printf -v "${name}_detail" '%s' "/api/v1/tenants/1/households/$id"
  # The first person of that household, for the milestone timeline.
  local person
  person="$(curl -fsS "${auth[@]}" "$url/api/v1/tenants/1/households/$id" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).persons||[];process.stdout.write(p.length?String(p[0].id):"")})' ||
    true)"
  printf -v "${name}_person" '%s' "$person"
  eval "${name}_auth=(\"\${auth[@]}\")"
}
login_ms=0
start_regie regie "$regie_bin"
regie_url_="$regie_url"
list_path="/api/v1/tenants/1/households?limit=25"
detail_path="$regie_detail"
if [ -n "${BASELINE_BIN:-}" ]; then
  start_regie baseline "$BASELINE_BIN"
fi

# The ceiling serves exactly these bodies, so both move the same bytes.
www="$work/www"
mkdir -p "$www"
curl -fsS "${regie_auth[@]}" -o "$www/list.json" "$regie_url$list_path"
curl -fsS "${regie_auth[@]}" -o "$www/detail.json" "$regie_url$detail_path"

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
# measure NAME ENDPOINT URL BYTES [wrk header args...]
measure() {
  local name="$1" endpoint="$2" url="$3" bytes="$4"
  shift 4
  run_wrk -t"$threads" -c"$connections" -d"$warmup" "$@" "$url"
  run_wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    -s "$root/bench/wrk_report.lua" "$@" "$url"
  local line
  line="$(grep '^RESULT ' "$work/wrk.out")" || die "no result from wrk for $url: $(cat "$work/wrk.out")"
  echo "$name $endpoint $bytes ${line#RESULT }" >>"$results"
}
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "Measuring: wrk $threads threads, $connections connections, $duration per endpoint (after $warmup warm-up)"
list_bytes=$(stat -c %s "$www/list.json")
detail_bytes=$(stat -c %s "$www/detail.json")
measure regie list "$regie_url$list_path" "$list_bytes" "${regie_auth[@]}"
measure regie detail "$regie_url$detail_path" "$detail_bytes" "${regie_auth[@]}"
# Policy (issue 5): a person's milestone timeline and the regisseur's worklist,
# both evaluated per request from the stored events. Not part of the
# list/detail target.
if [ -n "${regie_person:-}" ] &&
  curl -fsS "${regie_auth[@]}" -o "$work/timeline.json" \
    "$regie_url/api/v1/tenants/1/persons/$regie_person/milestones" 2>/dev/null; then
  curl -fsS "${regie_auth[@]}" -o "$work/worklist.json" "$regie_url/api/v1/tenants/1/worklist"
  measure regie timeline "$regie_url/api/v1/tenants/1/persons/$regie_person/milestones" \
    "$(stat -c %s "$work/timeline.json")" "${regie_auth[@]}"
  measure regie worklist "$regie_url/api/v1/tenants/1/worklist" \
    "$(stat -c %s "$work/worklist.json")" "${regie_auth[@]}"
  # Casework issue: the worklist of a partner organisation with about 5,000
  # involved households (the demo's language provider is involved in most
  # households with an inburgering duty).
  login "$regie_bin" "$work/regie.db" "$regie_url" "$partner_user" "$work/partner.cookies"
  partner_auth=("${session[@]}")
  partner_households="$(python3 - "$work/regie.db" "$partner_user" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute(
    "SELECT count(DISTINCT ho.household_id) FROM household_organisations ho"
    " JOIN users u ON u.organisation_id = ho.organisation_id WHERE u.username = ?",
    (sys.argv[2],)).fetchone()[0])
PY
)"
  curl -fsS "${partner_auth[@]}" -o "$work/partner_worklist.json" \
    "$regie_url/api/v1/tenants/1/worklist"
  measure regie partner_worklist "$regie_url/api/v1/tenants/1/worklist" \
    "$(stat -c %s "$work/partner_worklist.json")" "${partner_auth[@]}"
  # Monitoring issue: the dashboard's figures of the whole tenant. The first
  # request loads every person and event and runs the cohort engine; later
  # ones are served from the cache until the tenant's data changes.
  indicators_first_ms="$(curl -fsS "${regie_auth[@]}" -o "$work/indicators.json" \
    -w '%{time_total}' "$regie_url/api/v1/tenants/1/indicators" |
    awk '{printf "%d", $1 * 1000}')"
  measure regie indicators "$regie_url/api/v1/tenants/1/indicators" \
    "$(stat -c %s "$work/indicators.json")" "${regie_auth[@]}"
fi
if [ -n "${BASELINE_BIN:-}" ]; then
  measure baseline list "$baseline_url$list_path" "$list_bytes"
  measure baseline detail "$baseline_url$baseline_detail" "$detail_bytes"
fi
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
[ "$login_ms" -gt 0 ] && printf '  login     %d ms for the password step (Argon2id), then TOTP\n' "$login_ms"
[ -n "${indicators_first_ms:-}" ] &&
  printf '  indicators first (uncached) request %d ms: load the tenant, run the cohort engine\n' \
    "$indicators_first_ms"
printf '  list      GET %s\n' "$list_path"
printf '  detail    GET %s\n' "$detail_path"
[ -n "${partner_households:-}" ] &&
  printf '  partner   %s, involved in %s households (partner_worklist)\n' "$partner_user" \
    "$partner_households"
printf '\n'

awk -v target_rps="$target_rps" -v target_p99="$target_p99_ms" '
  function field(name,   i, kv) {
    for (i = 4; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] }
    return 0
  }
  BEGIN {
    printf "%-22s %-8s %8s %10s %9s %9s %7s\n", "server", "request", "bytes", "req/s", "p50 ms", "p99 ms", "errors"
    ok = 1
  }
  {
    rps = field("requests") / (field("duration_us") / 1e6)
    p50 = field("p50_us") / 1000; p99 = field("p99_us") / 1000
    errors = field("status_errors") + field("connect_errors") + field("read_errors") + field("write_errors") + field("timeouts")
    name = $1 == "nginx" ? "nginx (static ceiling)" : $1
    printf "%-22s %-8s %8d %10.0f %9.2f %9.2f %7d\n", name, $2, $3, rps, p50, p99, errors
    if ($1 == "regie" && ($2 == "list" || $2 == "detail") &&
        (rps < target_rps || p99 > target_p99 || errors > 0)) ok = 0
    if ($1 == "regie") with_access[$2] = rps
    if ($1 == "baseline") baseline[$2] = rps
  }
  END {
    for (e in baseline)
      if (e in with_access)
        printf "Authorisation + audit cost on %s: %.1f%% of baseline throughput (target <= 15%%)\n", e, 100 * (1 - with_access[e] / baseline[e])
    printf "\nTarget: regie list and detail >= %d req/s with p99 <= %d ms, no errors: %s\n", target_rps, target_p99, ok ? "MET" : "MISSED"
    exit ok ? 0 : 3
  }' "$results" || report_rc=$?
case "${report_rc:-0}" in
  0) ;;
  3) if [ "${ENFORCE:-0}" = 1 ]; then exit 1; fi ;;
  *) die "report failed" ;;
esac
