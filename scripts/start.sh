#!/usr/bin/env bash
# First README command: install, build, create demo data if absent, serve.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# ccache may reuse precompiled headers (see CMakeLists.txt).
export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"

bash scripts/deps.sh run
cmake --preset release >/dev/null
cmake --build --preset release
(cd web && npm run --silent build)

regie=build/release/src/app/regie
db="${REGIE_DB:-sqlite:data/regie.db}"
if [ "$db" = "sqlite:data/regie.db" ] && [ ! -f data/regie.db ]; then
  echo "Demodata aanmaken in data/regie.db / creating demo data ..." >&2
  "$regie" demo --db "$db" --households "${REGIE_DEMO_HOUSEHOLDS:-300}" --seed 42 --tenants 4
fi
"$regie" migrate --db "$db" >/dev/null
exec "$regie" serve --db "$db" --listen "${REGIE_LISTEN:-127.0.0.1:8080}" --web-root web/dist
