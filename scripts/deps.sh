#!/usr/bin/env bash
# Installs what Regie needs on Debian 12, and nothing that is already there.
#   scripts/deps.sh run   - build and run the app
#   scripts/deps.sh test  - additionally PostgreSQL 15, Chromium, test tools
set -euo pipefail

mode="${1:-run}"
build_pkgs=(
  build-essential cmake ninja-build ccache mold pkg-config
  libboost-dev nlohmann-json3-dev libsqlite3-dev libpq-dev libsodium-dev libssl-dev
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libcairo2-dev libpango1.0-dev libxlsxwriter-dev liblemon-dev libqrencode-dev
  fonts-dejavu-core  # the PDF printouts are typeset in DejaVu Sans
  libgtest-dev libgmock-dev libbenchmark-dev
  nodejs curl ca-certificates
)
# poppler-utils: the PDF tests read the printouts back (pdftotext, pdfinfo).
test_pkgs=(postgresql-15 chromium clang-format clang-tidy poppler-utils)
bench_pkgs=(wrk nginx-light sqlite3)

pkgs=("${build_pkgs[@]}")
case "$mode" in
  run) ;;
  test) pkgs+=("${test_pkgs[@]}") ;;
  bench) pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  *) echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20 or newer is needed (found ${node_major})." >&2
  exit 1
fi

# npm ci only when the lock file changed since the last install.
root="$(cd "$(dirname "$0")/.." && pwd)"
stamp="$root/web/node_modules/.regie-lock-stamp"
if ! cmp -s "$root/web/package-lock.json" "$stamp" 2>/dev/null; then
  (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$root/web/package-lock.json" "$stamp"
fi
