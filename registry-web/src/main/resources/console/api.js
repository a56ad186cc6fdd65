// The registry's HTTP API as the page uses it: JSON reads, and changes that carry the bearer token.
// The token lives in sessionStorage: it stays with this tab, survives a reload, and is never put in a
// URL or a cookie (so no other page can ride it). Once kept it goes with reads too: reading is open
// on loopback, but needs it from another machine.

const TOKEN_KEY = 'happyos.registry.token';

/** An answer other than 2xx, or no answer: status 0 when the container could not be reached. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }

  /** True for 401 (no token) and 403 (a wrong one). */
  get refusedToken() {
    return this.status === 401 || this.status === 403;
  }
}

/** Thrown by a change attempted while no token is kept; nothing has been sent. */
export class NoTokenError extends Error {
  constructor() {
    super('No token given: nothing was sent, nothing changed.');
    this.name = 'NoTokenError';
  }
}

export const token = {
  get() {
    const value = sessionStorage.getItem(TOKEN_KEY);
    return value && value.trim() ? value.trim() : null;
  },
  set(value) {
    sessionStorage.setItem(TOKEN_KEY, value.trim());
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

/** The Authorization header when a token is kept, else nothing. */
export function authorization() {
  const bearer = token.get();
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

/** Encodes one path segment (ids may hold dots, and never slashes that should stay). */
export function segment(value) {
  return encodeURIComponent(value);
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json', ...authorization() };
  if (method !== 'GET' && !headers.Authorization) {
    throw new NoTokenError();
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
    });
  } catch (e) {
    throw new ApiError(0, `The container did not answer (${e.message}).`);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const reason = json && typeof json.error === 'string' ? json.error : response.statusText || 'no reason given';
    throw new ApiError(response.status, reason);
  }
  return json;
}

/** GET a JSON document. */
export function getJson(path) {
  return request('GET', path);
}

/** POST (or another changing method) with the kept token; rejects with NoTokenError when there is none. */
export function change(method, path, body) {
  return request(method, path, body);
}
