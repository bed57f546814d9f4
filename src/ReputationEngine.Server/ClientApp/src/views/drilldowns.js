// Conversation and customer drill-downs (GET /api/conversations/{id}, /api/customers/{id}).
import { api } from '../api.js';
import { el, clear, link, fmt, sentimentClass } from '../dom.js';

export async function conversationView(root, hub, id) {
  clear(root, crumbs(), el('h1', { text: `Conversation ${id}` }));
  const c = await api(`/api/conversations/${encodeURIComponent(id)}`);
  root.append(
    facts([
      ['State', c.state],
      ['Assignee', c.assignee ?? '–'],
      ['Topics', c.topics?.length ? c.topics.map((t) => link(['topics', t], t)) : '–'],
      ['Messages', fmt.int(c.messages)],
      ['Shares', fmt.int(c.shares)],
      ['Forecast final shares', fmt.int(c.forecastFinalShares)],
      ['Participants', fmt.int(c.participants)],
      ['Reach', fmt.compact(c.reach)],
      ['Sentiment', el('span', { class: sentimentClass(c.averageSentiment), text: fmt.sentiment(c.averageSentiment) })],
      ['First response', c.firstResponseSeconds == null ? 'no brand reply yet' : `${fmt.int(c.firstResponseSeconds)} s`],
      ['Started by', c.rootAuthorId ? link(['customers', c.rootAuthorId], c.rootAuthorId) : '–'],
      ['Started', fmt.dateTime(c.startedAt)],
      ['Last activity', fmt.dateTime(c.lastActivityAt)],
    ]));
  return () => {};
}

export async function customerView(root, hub, id) {
  clear(root, crumbs(), el('h1', { text: `Customer ${id}` }));
  const c = await api(`/api/customers/${encodeURIComponent(id)}`);
  root.append(
    facts([
      ['Name', c.name ?? '–'],
      ['Segment', c.segment],
      ['Why', c.segmentReasons?.length ? c.segmentReasons.join('; ') : '–'],
      ['Influence', fmt.compact(c.influence)],
      ['Followers', fmt.compact(c.followers)],
      ['Mentions', `${fmt.int(c.mentions)} (${fmt.int(c.positiveMentions)} positive, ${fmt.int(c.negativeMentions)} negative)`],
      ['Sentiment', el('span', { class: sentimentClass(c.averageSentiment), text: fmt.sentiment(c.averageSentiment) })],
      ['Topics', c.topics?.length ? c.topics.map((t) => link(['topics', t], t)) : '–'],
    ]),
    el('h2', { text: 'Recent mentions' }),
    el('ul', { class: 'mentions' }, (c.recentMentions ?? []).map((m) => el('li', { class: `mention ${m.label ?? ''}`, dataset: { mentionId: m.id } },
      el('div', { class: 'meta' }, fmt.dateTime(m.createdAt), ' · ', link(['conversations', m.conversationId], m.conversationId)),
      el('p', { class: 'text', text: m.text })))));
  return () => {};
}

function crumbs() {
  return el('nav', { class: 'crumbs' }, el('a', { href: '#/', text: 'All topics' }), ' · ', el('button', { type: 'button', class: 'link', text: 'Back', onclick: () => history.back() }));
}

function facts(rows) {
  return el('dl', { class: 'facts' }, rows.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', {}, value)]));
}
