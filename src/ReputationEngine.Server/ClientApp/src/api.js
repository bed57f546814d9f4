// HTTP access to the engine's API with the dashboard key (DESIGN §4.6): X-Api-Key on every request.
const storageKey = 'reputation.apiKey';

/** Takes `#key=…` from the URL into session storage and removes it from the address bar. */
export function captureKeyFromUrl() {
  const match = /^#key=([^&]*)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(storageKey, decodeURIComponent(match[1]));
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
}

export function currentKey() {
  return sessionStorage.getItem(storageKey) ?? '';
}

function askForKey(message) {
  const entered = window.prompt(message);
  if (entered) sessionStorage.setItem(storageKey, entered.trim());
  return Boolean(entered);
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: 'application/json' };
    const key = currentKey();
    if (key) headers['X-Api-Key'] = key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if ((response.status === 401 || response.status === 403) && attempt < 2) {
      if (askForKey(response.status === 401 ? 'API key for this dashboard:' : 'This key may not do that. Another API key:')) continue;
    }

    if (!response.ok) {
      let detail = response.statusText;
      try {
        const problem = await response.json();
        detail = problem.detail ?? problem.title ?? detail;
      } catch {
        // Not a problem document: keep the status text.
      }
      throw new ApiError(response.status, detail);
    }

    return response.status === 204 ? null : response.json();
  }
}

/** Like api(), but null when the resource or route does not exist (features that may not be deployed). */
export async function apiOrNull(path) {
  try {
    return await api(path);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
}
