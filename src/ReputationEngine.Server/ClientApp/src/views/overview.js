// Overview: every topic as a card (data-topic-id) with a live volume sparkline, sentiment, reach and open alerts.
import { api } from '../api.js';
import { el, clear, fmt, sentimentClass, throttle } from '../dom.js';
import { sparkline, sparkData } from '../charts.js';

const topicListRefreshMs = 5000;
const sparklineRefreshMs = 5000;

export function overview(root, hub) {
  const grid = el('div', { class: 'cards' });
  clear(root, el('h1', { text: 'Brand topics' }), grid, el('p', { class: 'empty hidden', text: 'No topics yet: define one with PUT /api/topics/{id} or start the server with --demo.' }));
  const cards = new Map();

  const refreshTopics = async () => {
    const topics = await api('/api/topics');
    root.querySelector('.empty').classList.toggle('hidden', topics.length > 0);
    for (const topic of topics) {
      if (cards.has(topic.id)) continue;
      const card = new TopicCard(topic);
      cards.set(topic.id, card);
      grid.append(card.element);
      card.load();
      hub.subscribe(topic.id);
    }
  };

  const offUpdate = hub.on('topicUpdated', (snapshot) => cards.get(snapshot.topicId)?.update(snapshot));
  const offAlert = hub.on('alertRaised', (alert) => cards.get(alert.topicId)?.flash());
  refreshTopics();
  const timer = setInterval(refreshTopics, topicListRefreshMs);
  return () => {
    clearInterval(timer);
    offUpdate();
    offAlert();
    for (const id of cards.keys()) hub.unsubscribe(id);
  };
}

class TopicCard {
  constructor(topic) {
    this.topic = topic;
    this.values = {
      mentions: el('span', { class: 'value', text: '–' }),
      sentiment: el('span', { class: 'value', text: '–' }),
      reach: el('span', { class: 'value', text: '–' }),
      alerts: el('span', { class: 'value', text: '–' }),
    };
    this.spark = el('div', { class: 'spark' });
    this.element = el('a', { class: 'card', href: `#/topics/${encodeURIComponent(topic.id)}`, dataset: { topicId: topic.id } },
      el('h2', { text: topic.name || topic.id }),
      this.spark,
      el('div', { class: 'stats' },
        stat('Mentions', this.values.mentions), stat('Sentiment', this.values.sentiment),
        stat('Reach', this.values.reach), stat('Open alerts', this.values.alerts)));
    this.refreshSpark = throttle(() => this.loadSpark(), sparklineRefreshMs);
  }

  async load() {
    this.update(await api(`/api/topics/${encodeURIComponent(this.topic.id)}/snapshot`));
    await this.loadSpark();
  }

  async loadSpark() {
    const points = await api(`/api/topics/${encodeURIComponent(this.topic.id)}/timeseries?step=1m`);
    if (this.chart) this.chart.setData(sparkData(points));
    else this.chart = sparkline(this.spark, points);
  }

  update(snapshot) {
    this.values.mentions.textContent = fmt.int(snapshot.totalMentions);
    this.values.sentiment.textContent = fmt.sentiment(snapshot.averageSentiment);
    this.values.sentiment.className = `value ${sentimentClass(snapshot.averageSentiment)}`;
    this.values.reach.textContent = fmt.compact(snapshot.reach);
    this.values.alerts.textContent = fmt.int(snapshot.openAlerts);
    this.element.classList.toggle('alerting', snapshot.openAlerts > 0);
    this.refreshSpark();
  }

  flash() {
    this.element.classList.add('alerting');
  }
}

function stat(label, value) {
  return el('div', { class: 'stat' }, el('span', { class: 'label', text: label }), value);
}
