#!/usr/bin/env bash
# ReputationEngine build entry point.
#   ./build.sh            build everything (Release)
#   ./build.sh test       install what the suites need, build, run every test suite,
#                         and print a last line "N passed, N failed[, N skipped]"
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dot.net" >&2; exit 2; }

build() {
  dotnet build ReputationEngine.sln -c Release -nologo -v quiet
}

run_tests() {
  local results=artifacts/test-results
  rm -rf "$results"
  mkdir -p "$results"
  for prereq in scripts/ensure-*.sh; do
    [ -e "$prereq" ] && bash "$prereq"
  done
  build
  local status=0
  dotnet test ReputationEngine.sln -c Release --no-build -nologo \
    --logger "trx" --results-directory "$results" || status=$?
  for extra in scripts/test-*.sh; do
    [ -e "$extra" ] && { bash "$extra" "$results" || status=$?; }
  done
  summarize "$results" "$status"
}

# Sums the counters of every TRX file (dotnet test) and of every *.counts file (other suites: "passed failed skipped").
summarize() {
  local results=$1 status=$2 passed=0 failed=0 skipped=0
  for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    local counters
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    local p f t e
    p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
    f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
    t=$(echo "$counters" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
    e=$(echo "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
  done
  for counts in "$results"/*.counts; do
    [ -e "$counts" ] || continue
    read -r p f s < "$counts"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  done
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1   # a suite crashed without reporting a failed test: never report green
  fi
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  [ "$failed" -eq 0 ]
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  *) echo "usage: ./build.sh [build|test]" >&2; exit 2 ;;
esac
