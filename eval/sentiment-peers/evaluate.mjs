// Scores the held-out split written by `reputation train --heldout` with three systems —
// this model (probabilities in the file), VADER and AFINN — and prints one markdown table
// with the same metrics for all: binary accuracy on polar items and 3-class macro-F1.
import { readFileSync } from 'node:fs';
import vader from 'vader-sentiment';
import Sentiment from 'sentiment';

// VADER's documented neutral band for the compound score.
const VADER_NEUTRAL = 0.05;
const CLASSES = ['negative', 'neutral', 'positive'];

const path = process.argv[2];
if (!path) {
  console.error('usage: node evaluate.mjs HELDOUT.tsv');
  process.exit(2);
}

const rows = readFileSync(path, 'utf8').split('\n').slice(1).filter(l => l.length > 0).map(line => {
  const [corpus, gold, rating, negative, neutral, positive, ...text] = line.split('\t');
  return { corpus, gold, rating, p: [Number(negative), Number(neutral), Number(positive)], text: text.join('\t') };
});

const afinn = new Sentiment();
const systems = {
  'this model': r => ({ label: CLASSES[r.p.indexOf(Math.max(...r.p))], score: r.p[2] - r.p[0] }),
  'VADER': r => {
    const c = vader.SentimentIntensityAnalyzer.polarity_scores(r.text).compound;
    return { label: c >= VADER_NEUTRAL ? 'positive' : c <= -VADER_NEUTRAL ? 'negative' : 'neutral', score: c };
  },
  'AFINN': r => {
    const s = afinn.analyze(r.text).score;
    return { label: s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral', score: s };
  },
};

function metrics(items, system) {
  const confusion = CLASSES.map(() => CLASSES.map(() => 0));
  let polar = 0, correct = 0;
  for (const r of items) {
    const { label, score } = system(r);
    confusion[CLASSES.indexOf(r.gold)][CLASSES.indexOf(label)]++;
    if (r.gold !== 'neutral') {
      polar++;
      // Same rule as the C# evaluation: a score of exactly 0 counts as positive.
      if ((score >= 0) === (r.gold === 'positive')) correct++;
    }
  }
  let f1 = 0;
  for (let c = 0; c < 3; c++) {
    const tp = confusion[c][c];
    const predicted = confusion.reduce((s, row) => s + row[c], 0);
    const actual = confusion[c].reduce((s, v) => s + v, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    f1 += precision + recall ? 2 * precision * recall / (precision + recall) : 0;
  }
  const hasNeutral = confusion[1].some(v => v > 0);
  return { n: items.length, binary: correct / polar, macroF1: hasNeutral ? f1 / 3 : NaN, confusion };
}

// The hand-written check sets (train --check, one corpus per file, named after it) are reported
// each on its own and then together, never inside "all".
const isCheck = c => c.startsWith('social-check');
const checks = [...new Set(rows.map(r => r.corpus))].filter(isCheck).sort();
const corpora = [...new Set(rows.map(r => r.corpus))].filter(c => !isCheck(c)).sort();
if (corpora.length > 0) corpora.push('all');
corpora.push(...checks);
const BOTH = 'social (all check sets)';
if (checks.length > 1) corpora.push(BOTH);
const fmt = v => Number.isNaN(v) ? '–' : v.toFixed(3);
console.log('| corpus | n | system | binary acc (polar) | macro-F1 (3-class) | confusion [gold neg; neu; pos] × predicted |');
console.log('|---|---:|---|---:|---:|---|');
for (const corpus of corpora) {
  const items = corpus === 'all' ? rows.filter(r => !isCheck(r.corpus))
    : corpus === BOTH ? rows.filter(r => isCheck(r.corpus))
    : rows.filter(r => r.corpus === corpus);
  for (const [name, system] of Object.entries(systems)) {
    const m = metrics(items, system);
    const confusion = '[' + m.confusion.map(row => row.join(' ')).join('; ') + ']';
    console.log(`| ${corpus} | ${m.n} | ${name} | ${fmt(m.binary)} | ${fmt(m.macroF1)} | ${confusion} |`);
  }
}
