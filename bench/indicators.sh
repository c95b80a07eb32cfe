#!/usr/bin/env bash
# bench/indicators: the same indicator set computed by the Regie engine, by
# equivalent SQL on PostgreSQL 15 and by equivalent SQL on SQLite, over the
# same national demo data (200,000 households, about 500,000 persons over
# 342 municipalities, about 7 million policy events); checks that all three
# give identical numbers and prints the times. See bench/README.md.
#
#   bash bench/indicators.sh [households] [tenants]
#
# Builds the release preset's regie_indicators_compare if it is missing,
# starts the private test PostgreSQL (scripts/postgres.sh, port
# REGIE_PG_PORT, default 54329) unless REGIE_BENCH_PG_URL names one, and
# exits 2 when the engines disagree. Run it on an idle machine.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${REGIE_INDICATORS_BIN:-$root/build/release/bench/regie_indicators_compare}"
if [[ ! -x "$bin" ]]; then
  (cd "$root" && cmake --preset release >/dev/null && ninja -C build/release -j2 regie_indicators_compare)
fi
url="${REGIE_BENCH_PG_URL:-}"
if [[ -z "$url" ]]; then
  url="$(bash "$root/scripts/postgres.sh" start | tail -n1)"
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git -C "$root" rev-parse --short HEAD)"
exec "$bin" "$url" "${1:-200000}" "${2:-342}"
