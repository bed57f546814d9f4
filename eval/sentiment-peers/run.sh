#!/usr/bin/env bash
# Peer comparison: trains the model (writing its held-out split), then scores that split with
# this model, VADER and AFINN under the same metrics. Usage: eval/sentiment-peers/run.sh [DATA_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${1:-${REPUTATION_DATA_DIR:-$repo/../shared/data}/sentiment}"
[ -d "$data" ] || data="$repo/../../shared/data/sentiment"
mkdir -p "$here/out"

if [ ! -d "$here/node_modules/vader-sentiment" ] || [ ! -d "$here/node_modules/sentiment" ]; then
  (cd "$here" && npm install --no-audit --no-fund --silent)
fi

dotnet run -c Release --project "$repo/src/ReputationEngine.Cli" -- \
  train --data "$data" --out "$here/out/sentiment.model" --heldout "$here/out/heldout.tsv" \
  --check "$here/social-check.tsv" --check "$here/social-check-2.tsv"
node "$here/evaluate.mjs" "$here/out/heldout.tsv" | tee "$here/out/peers.md"
