// Builds DOM nodes. Every piece of text goes through textContent: data from mentions is never parsed as HTML.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A link inside the single-page app (routes live in the URL fragment). */
export function link(route, text) {
  return el('a', { href: `#/${route.map(encodeURIComponent).join('/')}`, text });
}

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

export const fmt = {
  int: (n) => integer.format(n ?? 0),
  compact: (n) => compact.format(n ?? 0),
  sentiment: (n) => (n > 0 ? '+' : '') + decimal.format(n ?? 0),
  percent: (n) => `${integer.format((n ?? 0) * 100)} %`,
  time: (t) => (t ? new Date(t).toLocaleTimeString('en-GB') : '–'),
  dateTime: (t) => (t ? new Date(t).toLocaleString('en-GB') : '–'),
  /** "1 share", "12 shares". */
  count: (n, noun) => `${integer.format(n ?? 0)} ${noun}${(n ?? 0) === 1 ? '' : 's'}`,
};

export function sentimentClass(value) {
  return value <= -0.2 ? 'negative' : value >= 0.2 ? 'positive' : 'neutral';
}

/** Runs fn at most once per interval, and once more after the last call (so the newest state is shown). */
export function throttle(fn, intervalMs) {
  let last = 0;
  let timer = null;
  return (...args) => {
    const wait = last + intervalMs - Date.now();
    if (wait <= 0 && !timer) {
      last = Date.now();
      fn(...args);
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        fn(...args);
      }, Math.max(wait, 0));
    }
  };
}
