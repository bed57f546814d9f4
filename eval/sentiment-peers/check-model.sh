#!/usr/bin/env bash
# Scores the hand-written check sets with an existing model (default: the committed, embedded one)
# and with the peers, without training. Usage: eval/sentiment-peers/check-model.sh [MODEL_FILE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mkdir -p "$here/out"
if [ ! -d "$here/node_modules/vader-sentiment" ] || [ ! -d "$here/node_modules/sentiment" ]; then
  (cd "$here" && npm install --no-audit --no-fund --silent)
fi

model_args=()
[ $# -ge 1 ] && model_args=(--model "$1")
out="$here/out/check-model.tsv"
printf 'corpus\tgold\trating\tnegative\tneutral\tpositive\ttext\n' > "$out"
for set in "$here"/social-check*.tsv; do
  name="$(basename "$set" .tsv)"
  items="$(grep -v '^#' "$set" | grep -P '\t' || true)"
  # The CLI scores one text per line; the results come back in the same order.
  paste <(cut -f1 <<<"$items") \
        <(cut -f2- <<<"$items" | dotnet run -c Release --project "$repo/src/ReputationEngine.Cli" -- score "${model_args[@]}") \
        <(cut -f2- <<<"$items") |
    node -e '
      const name = process.argv[1];
      for (const line of require("fs").readFileSync(0, "utf8").split("\n")) {
        if (!line) continue;
        const [gold, json, ...text] = line.split("\t");
        const r = JSON.parse(json);
        console.log([name, gold, "", r.negative, r.neutral, r.positive, text.join(" ")].join("\t"));
      }' "$name" >> "$out"
done
node "$here/evaluate.mjs" "$out"
