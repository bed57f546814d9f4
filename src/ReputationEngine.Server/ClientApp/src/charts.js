// Charts with uPlot: small sparklines on cards and the topic view's hour chart with alert windows marked.
import uPlot from 'uplot';

const colors = { volume: '#4fa3ff', negative: '#ff5c6c', sentiment: '#ffd166', reach: '#8be38b', spike: 'rgba(255, 92, 108, 0.18)' };

function seconds(points) {
  return points.map((p) => new Date(p.at).getTime() / 1000);
}

export function sparkline(container, points) {
  const width = container.clientWidth || 220;
  const data = [seconds(points), points.map((p) => p.mentions)];
  const options = {
    width,
    height: 48,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false },
    axes: [{ show: false }, { show: false }],
    scales: { x: { time: true } },
    series: [{}, { stroke: colors.volume, fill: 'rgba(79, 163, 255, 0.15)', width: 1.5, points: { show: false } }],
  };
  return new uPlot(options, data, container);
}

/** Volume, negative mentions, reach and average sentiment over time; `spikes()` returns [from, to] pairs (seconds) to shade. */
export function topicChart(container, points, spikes) {
  const width = Math.max(container.clientWidth, 320);
  const options = {
    width,
    height: 300,
    scales: { x: { time: true }, count: {}, reach: {}, sentiment: { range: [-1, 1] } },
    series: [
      {},
      { label: 'Mentions', scale: 'count', stroke: colors.volume, width: 2, fill: 'rgba(79, 163, 255, 0.12)', points: { show: false } },
      { label: 'Negative', scale: 'count', stroke: colors.negative, width: 1.5, points: { show: false } },
      { label: 'Reach', scale: 'reach', stroke: colors.reach, width: 1, points: { show: false }, value: (u, v) => (v == null ? '–' : Intl.NumberFormat('en', { notation: 'compact' }).format(v)) },
      { label: 'Sentiment', scale: 'sentiment', stroke: colors.sentiment, width: 1, dash: [4, 4], points: { show: false }, value: (u, v) => (v == null ? '–' : v.toFixed(2)) },
    ],
    axes: [
      { stroke: '#9aa4b2', grid: { stroke: '#263040' } },
      { scale: 'count', stroke: '#9aa4b2', grid: { stroke: '#263040' }, label: 'mentions' },
      { scale: 'sentiment', side: 1, stroke: '#9aa4b2', grid: { show: false }, label: 'sentiment' },
    ],
    hooks: {
      // Alert windows ("spikes") are shaded behind the series.
      drawClear: [
        (u) => {
          const { ctx, bbox } = u;
          ctx.save();
          ctx.fillStyle = colors.spike;
          for (const [from, to] of spikes()) {
            const left = Math.max(u.valToPos(from, 'x', true), bbox.left);
            const right = Math.min(u.valToPos(to, 'x', true), bbox.left + bbox.width);
            if (right > left) ctx.fillRect(left, bbox.top, Math.max(right - left, 2), bbox.height);
          }
          ctx.restore();
        },
      ],
    },
  };
  return new uPlot(options, chartData(points), container);
}

export function chartData(points) {
  return [
    seconds(points),
    points.map((p) => p.mentions),
    points.map((p) => p.negative),
    points.map((p) => p.reach),
    points.map((p) => (p.mentions > 0 ? p.averageSentiment : null)),
  ];
}

export function sparkData(points) {
  return [seconds(points), points.map((p) => p.mentions)];
}
