#!/usr/bin/env bash
# Scores the NAB corpus through `reputation replay` (issue #4, docs/detection.md):
# expands each series into mention NDJSON + topics.json, replays every file through the real grains,
# then scores the volumeSpike alerts with the NAB rules beside the direct detector on the same files.
# Usage: eval/nab-replay.sh [--subset N] [--median M] [--work DIR]
#   --subset N: every k-th file so about N remain (the full corpus is ~35M mentions at the default median);
#   --median M: mentions per row at the probationary median (default 100, as the direct evaluation).   (REPUTATION_DATA_DIR as for the Evaluation tool)
set -euo pipefail
cd "$(dirname "$0")/.."
subset=0
median=100
work="${TMPDIR:-/tmp}/nab-replay"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --subset) subset="$2"; shift 2 ;;
    --median) median="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

dotnet build src/ReputationEngine.Cli -c Release -v q -nologo >/dev/null
dotnet build loadtests/ReputationEngine.Evaluation -c Release -v q -nologo >/dev/null
cli=src/ReputationEngine.Cli/bin/Release/net10.0/reputation.dll
evaluation=loadtests/ReputationEngine.Evaluation/bin/Release/net10.0/ReputationEngine.Evaluation.dll

rm -rf "$work"
dotnet "$evaluation" nab-export "$work" --subset "$subset" --median "$median"
total_mentions=0
total_seconds=0
for topics in "$work"/*.topics.json; do
  stem="${topics%.topics.json}"
  # The replay prints "replayed N mentions (...) in S s (R mentions/s)" on stderr.
  line=$(dotnet "$cli" replay "$stem.ndjson" --topics "$topics" --out "$stem.alerts.ndjson" 2>&1 >/dev/null | grep '^replayed' || true)
  if [[ -z "$line" ]]; then
    echo "replay of $stem.ndjson failed" >&2
    exit 1
  fi
  echo "$(basename "$stem"): $line"
  rm -f "$stem.ndjson" # ~0.4 GB per series at the default median; the alerts stay
  n=$(sed -E 's/^replayed ([0-9]+) mentions.* in ([0-9.]+) s.*/\1/' <<<"$line")
  s=$(sed -E 's/^replayed ([0-9]+) mentions.* in ([0-9.]+) s.*/\2/' <<<"$line")
  total_mentions=$((total_mentions + n))
  total_seconds=$(awk -v a="$total_seconds" -v b="$s" 'BEGIN { print a + b }')
done
awk -v n="$total_mentions" -v s="$total_seconds" 'BEGIN { printf "replay: %d mentions in %.1f s of grain time, %.0f mentions/s\n", n, s, n / s }'
dotnet "$evaluation" nab-replay-score "$work"
