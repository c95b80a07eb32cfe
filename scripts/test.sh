#!/usr/bin/env bash
# Second README command: install what is missing, build the ASan/UBSan
# preset, start a private PostgreSQL 15 on loopback, and run every test: C++
# unit, storage contract and API tests (ctest, both backends), style checks,
# front-end unit tests and browser end-to-end tests. Every C++ test and the
# server behind the browser tests run under AddressSanitizer and UBSan: one
# build instead of two keeps CI on 2 cores under its 30 minutes, and the
# sanitizers watch the end-to-end flows as well.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# ccache may reuse precompiled headers (see CMakeLists.txt).
export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"

werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
passed=0
failed=0
failures=()

step() { printf '\n==> [%ss] %s\n' "$SECONDS" "$*" >&2; }
record() {  # record NAME PASSED FAILED
  passed=$((passed + $2))
  failed=$((failed + $3))
  if [ "$3" -gt 0 ]; then failures+=("$1"); fi
}

step "Dependencies"
bash scripts/deps.sh test

step "Build: asan preset (AddressSanitizer + UBSan)"
cmake --preset asan -DREGIE_WERROR="$werror" >/dev/null
cmake --build --preset asan

step "Style: clang-format"
mapfile -t sources < <(find src tests bench -name '*.h' -o -name '*.cc' | sort)
if clang-format --dry-run --Werror "${sources[@]}"; then record clang-format 1 0; else record clang-format 0 1; fi

step "Style: clang-tidy (src/, curated checks in .clang-tidy)"
mapfile -t tidy_sources < <(find src -name '*.cc' ! -name '*_test.cc' | sort)
tidy_log="$(mktemp)"
# clang cannot read GCC's precompiled headers: give clang-tidy the compile
# commands without them (every source includes what it uses anyway).
tidy_db="$(mktemp -d)"
sed -E 's# -Winvalid-pch##g; s# -include [^ ]*cmake_pch\.hxx##g' build/asan/compile_commands.json \
  >"$tidy_db/compile_commands.json"
if printf '%s\n' "${tidy_sources[@]}" |
    xargs -P "$(nproc)" -n 4 clang-tidy -p "$tidy_db" --quiet --extra-arg=-Wno-unknown-warning-option >"$tidy_log" 2>&1; then
  record clang-tidy 1 0
else
  grep -E 'warning:|error:' -A3 "$tidy_log" >&2 || cat "$tidy_log" >&2
  record clang-tidy 0 1
fi
rm -rf "$tidy_log" "$tidy_db"

step "PostgreSQL 15 on loopback"
REGIE_TEST_PG_URL="$(bash scripts/postgres.sh start | tail -n 1)"
export REGIE_TEST_PG_URL
trap 'bash "$root/scripts/postgres.sh" stop >/dev/null 2>&1 || true' EXIT

run_ctest() {  # run_ctest PRESET
  local log
  log="$(mktemp)"
  local rc=0
  ctest --preset "$1" 2>&1 | tee "$log" || rc=$?
  local line total nfail
  line="$(grep -E 'tests passed, [0-9]+ tests? failed out of' "$log" | tail -n 1 || true)"
  total="$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")"
  nfail="$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$line")"
  if [ -z "$line" ]; then total=0; nfail=1; fi
  [ "$rc" -eq 0 ] || [ "$nfail" -gt 0 ] || nfail=1
  record "ctest-$1" $((total - nfail)) "$nfail"
  rm -f "$log"
}

# Every sanitizer report fails the process that makes it: a test, or the
# server or CLI under the browser tests. fontconfig (under the PDF renderer)
# keeps its caches until exit: tests/lsan.supp.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp"
step "C++ tests (asan: AddressSanitizer + UBSan)"
run_ctest asan

step "Front end: typecheck, unit tests, build"
(cd web && npm run --silent typecheck) && record typecheck 1 0 || record typecheck 0 1
(cd web && npm run --silent format:check) && record prettier 1 0 || record prettier 0 1
vlog="$(mktemp)"
if (cd web && NO_COLOR=1 npx vitest run --reporter=default 2>&1) | tee "$vlog"; then vrc=0; else vrc=1; fi
vpass="$(grep -E '^\s+Tests\s' "$vlog" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)"
vfail="$(grep -E '^\s+Tests\s' "$vlog" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)"
[ "$vrc" -eq 0 ] || [ "$vfail" -gt 0 ] || vfail=1
record vitest "${vpass:-0}" "${vfail:-0}"
rm -f "$vlog"
# The end-to-end tests below serve web/dist; a failed build fails them too.
(cd web && npm run --silent build) && record web-build 1 0 || record web-build 0 1

# run_e2e NAME [ENV=VALUE...] -- FILES...: node's test runner over Chromium
# tests, counted from its TAP summary.
run_e2e() {
  local name="$1" log rc=0 pass fail
  shift
  log="$(mktemp)"
  env REGIE_BIN="$root/build/asan/src/app/regie" "$@" 2>&1 | tee "$log" || rc=$?
  pass="$(grep -E '^# pass ' "$log" | awk '{print $3}' | tail -n 1)"
  fail="$(grep -E '^# fail ' "$log" | awk '{print $3}' | tail -n 1)"
  [ "$rc" -eq 0 ] || [ "${fail:-0}" -gt 0 ] || fail=1
  record "$name" "${pass:-0}" "${fail:-0}"
  rm -f "$log"
}

step "Browser end-to-end tests (Chromium, SQLite)"
run_e2e e2e node --test --test-concurrency=1 --test-reporter=tap tests/e2e/

step "Browser end-to-end tests (Chromium, PostgreSQL: login, access, single sign-on and household flow)"
run_e2e e2e-postgresql REGIE_E2E_PG_URL="$REGIE_TEST_PG_URL" \
  node --test --test-concurrency=1 --test-reporter=tap \
  tests/e2e/access_login.test.mjs tests/e2e/access_roles.test.mjs tests/e2e/oidc_login.test.mjs \
  tests/e2e/household_flow.test.mjs

printf '\n'
if ((${#failures[@]})); then echo "Failing groups: ${failures[*]}" >&2; fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
