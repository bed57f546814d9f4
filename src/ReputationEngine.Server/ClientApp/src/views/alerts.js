// The alert feed: one element per alert (data-alert-id), its evidence, and the actions a person takes on it.
import { api } from '../api.js';
import { el, clear, link, fmt } from '../dom.js';

const kindNames = {
  volumeSpike: 'Volume spike',
  negativeSpike: 'Negative spike',
  viralConversation: 'Viral conversation',
  influencerComplaint: 'Influencer complaint',
  slaBreach: 'Response time breach',
};

/** Keeps a list element in sync with alerts (newest version wins), newest first. */
export class AlertFeed {
  constructor(container, onChange = () => {}) {
    this.container = container;
    this.alerts = new Map();
    this.onChange = onChange;
  }

  upsert(alert) {
    const known = this.alerts.get(alert.id);
    if (known && (known.version ?? 0) > (alert.version ?? 0)) return;
    this.alerts.set(alert.id, alert);
    const element = render(alert, (updated) => this.upsert(updated));
    const existing = this.container.querySelector(`[data-alert-id="${CSS.escape(alert.id)}"]`);
    if (existing) existing.replaceWith(element);
    else this.container.prepend(element);
    this.onChange();
  }

  /** Alert windows as [from, to] in seconds, for marking spikes on the chart. */
  windows() {
    return [...this.alerts.values()]
      .filter((a) => a.window)
      .map((a) => [new Date(a.window.from).getTime() / 1000, new Date(a.window.to).getTime() / 1000]);
  }
}

function render(alert, onUpdated) {
  const evidence = alert.evidence ?? {};
  const item = el(
    'li',
    { class: `alert state-${alert.state} severity-${Math.min(Math.max(alert.severity ?? 1, 1), 10)}`, dataset: { alertId: alert.id } },
    el('div', { class: 'alert-head' },
      el('span', { class: 'alert-kind', text: kindNames[alert.kind] ?? alert.kind }),
      el('span', { class: 'alert-severity', text: `severity ${alert.severity}` }),
      el('span', { class: 'alert-state', text: alert.state }),
      el('span', { class: 'alert-time', text: fmt.time(alert.detectedAt) })),
    el('div', { class: 'alert-numbers', text: `observed ${fmt.int(alert.observed)} vs expected ${fmt.int(alert.expected)}${alert.assignee ? ` · assigned to ${alert.assignee}` : ''}` }),
    evidenceList('Terms', evidence.terms, (t) => t),
    evidenceList('Conversations', evidence.conversations, (c) => link(['conversations', c], c)),
    evidenceList('Authors', evidence.authors, (a) => link(['customers', a], a)),
    evidence.samples?.length
      ? el('ul', { class: 'alert-samples' }, evidence.samples.map((s) => el('li', { class: 'sample', text: s.text })))
      : null,
    alert.state === 'resolved' ? null : actions(alert, onUpdated),
  );
  return item;
}

function evidenceList(title, values, renderValue) {
  if (!values?.length) return null;
  return el('div', { class: 'evidence' }, el('span', { class: 'evidence-title', text: `${title}: ` }),
    values.slice(0, 8).flatMap((v, i) => [i > 0 ? ', ' : null, renderValue(v)]));
}

function actions(alert, onUpdated) {
  const message = el('span', { class: 'action-message', role: 'status' });
  const act = async (action, body) => {
    try {
      const updated = await api(`/api/alerts/${encodeURIComponent(alert.id)}/${action}`, { method: 'POST', body: body ?? {} });
      onUpdated(updated ?? { ...alert });
    } catch (error) {
      clear(message, `Failed: ${error.message}`);
    }
  };
  return el('div', { class: 'alert-actions' },
    alert.state === 'open' ? el('button', { type: 'button', class: 'acknowledge', text: 'Acknowledge', onclick: () => act('acknowledge') }) : null,
    el('button', { type: 'button', class: 'resolve', text: 'Resolve', onclick: () => act('resolve') }),
    el('button', {
      type: 'button', class: 'assign', text: 'Assign…',
      onclick: () => {
        const assignee = window.prompt('Assign to:', alert.assignee ?? '');
        if (assignee) act('assign', { assignee });
      },
    }),
    message);
}
