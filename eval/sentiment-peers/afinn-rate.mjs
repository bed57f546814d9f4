// Times the AFINN (`sentiment` npm) and VADER peers on a file of texts, one per line, for the
// baseline column of docs/benchmarks.md. Usage: node afinn-rate.mjs TEXTS.txt
import { readFileSync } from 'node:fs';
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';

const WARMUP_ROUNDS = 2;
const TIMED_ROUNDS = 5;

const texts = readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l.length > 0);
const afinn = new Sentiment();

function rate(name, score) {
  let sink = 0;
  for (let r = 0; r < WARMUP_ROUNDS; r++) for (const t of texts) sink += score(t);
  const start = process.hrtime.bigint();
  for (let r = 0; r < TIMED_ROUNDS; r++) for (const t of texts) sink += score(t);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = (texts.length * TIMED_ROUNDS) / seconds;
  console.log(`${name}: ${Math.round(perSecond)} texts/s (${(1e6 / perSecond).toFixed(2)} µs/text, one thread, sink ${sink.toFixed(0)})`);
}

rate('AFINN (sentiment 5.0.2)', t => afinn.analyze(t).score);
rate('VADER (vader-sentiment 1.1.3)', t => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound);
