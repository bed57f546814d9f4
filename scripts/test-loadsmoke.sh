#!/usr/bin/env bash
# Load-harness smoke run (DESIGN §4.8), called by ./build.sh test with the results directory as $1.
# Runs the smoke profile (≤ 60 s) against an in-process engine in Release, writes
# $1/loadsmoke.counts ("passed failed skipped") and fails when anything accepted was lost.
set -uo pipefail
cd "$(dirname "$0")/.."
results=${1:-artifacts/test-results}
mkdir -p "$results"
project=loadtests/ReputationEngine.LoadTests
dll=$project/bin/Release/net10.0/ReputationEngine.LoadTests.dll

if [ ! -f "$dll" ]; then
  dotnet build "$project" -c Release -nologo -v quiet || { echo "0 1 0" > "$results/loadsmoke.counts"; exit 1; }
fi

status=0
# A hard stop well above the profile's minute, so a hung engine fails the build instead of stalling it.
# The in-process engine takes this as its admin key (REPUTATION_ADMIN_KEY) and the client sends it.
timeout 300 dotnet "$dll" --profile smoke --api-key "loadsmoke-local-admin-key-$$" --report "$results/loadsmoke.json" || status=$?

if [ "$status" -eq 0 ]; then
  echo "1 0 0" > "$results/loadsmoke.counts"
  echo "load smoke: passed (report $results/loadsmoke.md)"
else
  echo "0 1 0" > "$results/loadsmoke.counts"
  echo "load smoke: FAILED with exit code $status (1 = accepted mentions lost; report $results/loadsmoke.md)" >&2
fi
exit "$status"
