// ReputationEngine dashboard: a small single-page app; routes live in the URL fragment (#/topics/acme).
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { captureKeyFromUrl, api } from './api.js';
import { el, clear } from './dom.js';
import { DashboardHub } from './hub.js';
import { overview } from './views/overview.js';
import { topicView } from './views/topic.js';
import { conversationView, customerView } from './views/drilldowns.js';

const routes = {
  topics: topicView,
  conversations: conversationView,
  customers: customerView,
};

const hub = new DashboardHub();
const root = document.getElementById('app');
const status = document.getElementById('connection');
let leave = () => {};

async function show() {
  leave();
  leave = () => {};
  const [, name, id] = window.location.hash.replace(/^#\/?/, '/').split('/').map(decodeURIComponent);
  try {
    const view = routes[name];
    leave = (await (view && id ? view(root, hub, id) : overview(root, hub))) ?? (() => {});
  } catch (error) {
    clear(root, el('nav', { class: 'crumbs' }, el('a', { href: '#/', text: 'All topics' })), el('p', { class: 'error', text: error.message }));
  }
}

hub.onStatus((state) => {
  status.textContent = state;
  status.className = `connection ${state}`;
  document.body.dataset.connection = state;
});

async function boot() {
  captureKeyFromUrl();
  // One authenticated call first, so a missing key is asked for before the hub connects with it.
  await api('/api/topics');
  window.addEventListener('hashchange', show);
  await show();
  let wasLive = false;
  hub.onStatus((state) => {
    // After a reconnect (server restart) reload the view: changes made while away were not pushed.
    if (state === 'live' && wasLive) show();
    if (state === 'live') wasLive = true;
  });
  await hub.start();
}

boot().catch((error) => clear(root, el('p', { class: 'error', text: `Cannot reach the engine: ${error.message}` })));
