// Topic view: live hour chart with alert windows marked, alert feed, top conversations with forecasts, customers.
import { api, apiOrNull } from '../api.js';
import { el, clear, link, fmt, sentimentClass, throttle } from '../dom.js';
import { topicChart, chartData } from '../charts.js';
import { AlertFeed } from './alerts.js';

const chartRefreshMs = 2000;
const chartStep = '10s';
const topConversations = 10;
const topCustomers = 8;

export function topicView(root, hub, topicId) {
  const stats = el('div', { class: 'stats wide' });
  const chartBox = el('div', { class: 'chart' });
  const alertList = el('ul', { class: 'alert-feed' });
  const conversationList = el('ol', { class: 'conversations' });
  const atRisk = el('ul', { class: 'customers' });
  const influential = el('ul', { class: 'customers' });
  const title = el('h1', { text: topicId });
  clear(root,
    el('nav', { class: 'crumbs' }, el('a', { href: '#/', text: 'All topics' })),
    el('section', { class: 'topic', dataset: { topicId } }, title, stats, chartBox),
    el('div', { class: 'columns' },
      el('section', {}, el('h2', { text: 'Alerts' }), alertList),
      el('section', {}, el('h2', { text: 'Top conversations' }), conversationList),
      el('section', {}, el('h2', { text: 'Customers at risk' }), atRisk, el('h2', { text: 'Most influential' }), influential)));

  let chart = null;
  const feed = new AlertFeed(alertList, () => chart?.redraw(false, false));
  const conversations = new Map();

  const loadChart = async () => {
    const points = await api(`/api/topics/${encodeURIComponent(topicId)}/timeseries?step=${chartStep}`);
    if (chart) chart.setData(chartData(points));
    else chart = topicChart(chartBox, points, () => feed.windows());
  };
  const refreshChart = throttle(loadChart, chartRefreshMs);

  const showSnapshot = (s) => {
    title.textContent = s.name || topicId;
    clear(stats,
      stat('Mentions', fmt.int(s.totalMentions)),
      stat('Last minute', fmt.int(s.lastMinute?.mentions)),
      stat('Normal per minute', fmt.int(s.baselineMentionsPerMinute)),
      stat('Sentiment', fmt.sentiment(s.averageSentiment), sentimentClass(s.averageSentiment)),
      stat('Negative share', fmt.percent(s.negativeShare)),
      stat('Reach', fmt.compact(s.reach)),
      stat('Open alerts', fmt.int(s.openAlerts)));
  };

  const showConversations = () => {
    const top = [...conversations.values()]
      .sort((a, b) => (b.forecastFinalShares ?? b.shares) - (a.forecastFinalShares ?? a.shares) || b.messages - a.messages)
      .slice(0, topConversations);
    clear(conversationList, top.map((c) => el('li', { dataset: { conversationId: c.conversationId } },
      link(['conversations', c.conversationId], c.conversationId),
      el('span', { class: 'meta', text: ` ${fmt.count(c.shares, 'share')} → forecast ${fmt.int(c.forecastFinalShares)} · ${fmt.count(c.messages, 'message')} · ` }),
      el('span', { class: sentimentClass(c.averageSentiment), text: fmt.sentiment(c.averageSentiment) }))));
  };

  const load = async () => {
    showSnapshot(await api(`/api/topics/${encodeURIComponent(topicId)}/snapshot`));
    const alerts = (await apiOrNull(`/api/alerts?topic=${encodeURIComponent(topicId)}`)) ?? [];
    for (const alert of alerts.filter((a) => a.topicId === topicId).reverse()) feed.upsert(alert);
    await loadChart();
    const threads = (await apiOrNull(`/api/topics/${encodeURIComponent(topicId)}/conversations?sort=virality`)) ?? [];
    for (const c of threads) conversations.set(c.conversationId, c);
    showConversations();
    showCustomers(atRisk, await apiOrNull(`/api/topics/${encodeURIComponent(topicId)}/customers?sort=risk`));
    showCustomers(influential, await apiOrNull(`/api/topics/${encodeURIComponent(topicId)}/customers?sort=influence`));
  };

  const offs = [
    hub.on('topicUpdated', (s) => {
      if (s.topicId !== topicId) return;
      showSnapshot(s);
      refreshChart();
    }),
    hub.on('alertRaised', (a) => a.topicId === topicId && feed.upsert(a)),
    hub.on('alertUpdated', (a) => a.topicId === topicId && feed.upsert(a)),
    hub.on('conversationUpdated', (c) => {
      if (!c.topics?.includes(topicId)) return;
      conversations.set(c.conversationId, c);
      showConversations();
    }),
  ];
  hub.subscribe(topicId);
  load().catch((error) => root.append(el('p', { class: 'error', text: error.message })));
  return () => {
    for (const off of offs) off();
    hub.unsubscribe(topicId);
  };
}

function showCustomers(list, customers) {
  if (!customers) {
    clear(list, el('li', { class: 'muted', text: 'Not available on this server.' }));
    return;
  }
  clear(list, customers.slice(0, topCustomers).map((c) => el('li', {},
    link(['customers', c.customerId], c.name || c.customerId),
    el('span', { class: 'meta', text: ` ${c.segment ?? ''} · influence ${fmt.compact(c.influence)} · ` }),
    el('span', { class: sentimentClass(c.averageSentiment), text: fmt.sentiment(c.averageSentiment) }))));
}

function stat(label, value, valueClass = '') {
  return el('div', { class: 'stat' }, el('span', { class: 'label', text: label }), el('span', { class: `value ${valueClass}`, text: value }));
}
