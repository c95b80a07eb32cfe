#!/usr/bin/env bash
# bench/erase_bench.sh: how long `regie erase --apply` takes at the end of a
# retention period, on SQLite. Creates a demo municipality of N households
# (default 10,000: about 25,000 persons, 1.25 million rows with their
# events, assessments and plans), marks every household archived in 2020,
# erases them all and prints the wall time and the rows per second. See
# bench/README.md.
#
#   bash bench/erase_bench.sh [households]
#
# Needs the sqlite3 shell (scripts/deps.sh bench) to backdate the archive;
# builds the release preset's regie if it is missing. Run it on an idle
# machine.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${REGIE_BIN:-$root/build/release/src/app/regie}"
if [[ ! -x "$bin" ]]; then
  (cd "$root" && cmake --preset release >/dev/null && ninja -C build/release -j2 regie)
fi
households="${1:-10000}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/data"
cd "$dir"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git -C "$root" rev-parse --short HEAD)"
"$bin" demo --db sqlite:data/regie.db --households "$households" --tenants 1 --seed 7 \
  --policies "$root/policies" >/dev/null 2>&1
tenant="$(sqlite3 data/regie.db 'SELECT code FROM tenants LIMIT 1')"
# Backdated by hand: the API archives at the current time only.
sqlite3 data/regie.db "UPDATE households SET archived = 1, archived_at = 1577836800000000"
start="$(date +%s.%N)"
out="$("$bin" erase --db sqlite:data/regie.db --tenant "$tenant" --archived-before 2021-01-01 --apply 2>&1)"
end="$(date +%s.%N)"
echo "$out" | grep -E 'Gewist|failed' || { echo "$out"; exit 1; }
rows="$(echo "$out" | sed -nE 's/.*persons, ([0-9]+) records.*/\1/p')"
awk -v s="$start" -v e="$end" -v n="$households" -v r="$rows" \
  'BEGIN { t = e - s; printf "erased %d households (%d rows) in %.2f s: %.2f ms per household, %.0f rows/s\n", n, r, t, 1000 * t / n, r / t }'
