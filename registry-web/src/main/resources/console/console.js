// The console page: the components table kept live by the event stream, the dependency graph, the
// detail panel, and the actions. Reading needs nothing; every change carries the bearer token the
// user gives once per tab (api.js). Everything shown is set through textContent, never as HTML.

import { ApiError, NoTokenError, authorization, change, getJson, segment, token } from './api.js';
import { DetailPanel } from './detail.js';
import { EventStream } from './events.js';
import { GraphView } from './graph.js';
import { ComponentTable } from './table.js';
import { askToken, confirmAction, hideMessage, showMessage, updateTokenButton } from './ui.js';

const VERBS = { activate: 'Activate', deactivate: 'Deactivate', rollback: 'Roll back' };
const DONE = { activate: 'activated', deactivate: 'deactivated', rollback: 'rolled back' };

/** How long changes to one component are gathered before its row is fetched again. */
const REFRESH_DELAY_MS = 50;
/** How long graph changes are gathered before it is drawn again. */
const GRAPH_DELAY_MS = 300;

const table = new ComponentTable(document.getElementById('components'), { onSelect: select, onAction: act });
const graph = new GraphView(document.getElementById('graph'), { onSelect: select });
const detail = new DetailPanel(document.getElementById('detail'), { onAction: act, onClose: () => select(null) });

/** A phone-sized screen: the details come below the table, so choosing a row scrolls to them. */
const narrow = window.matchMedia('(max-width: 760px)');

function select(id) {
  table.select(id);
  graph.select(id);
  if (id) {
    detail.show(id);
    if (narrow.matches) {
      document.getElementById('detail').scrollIntoView({ block: 'start' });
    }
    history.replaceState(null, '', `#${encodeURIComponent(id)}`);
  } else {
    detail.hide();
    history.replaceState(null, '', location.pathname);
  }
}

// --- loading -------------------------------------------------------------------------------------

function fillTypeFilter() {
  const select = document.getElementById('filter-type');
  const chosen = select.value;
  const options = [new Option('all', '')];
  table.types().forEach((type) => options.push(new Option(type, type)));
  select.replaceChildren(...options);
  select.value = table.types().includes(chosen) ? chosen : '';
}

async function loadComponents() {
  table.setAll(await getJson('/api/components'));
  fillTypeFilter();
}

async function loadGraph() {
  const error = document.getElementById('graph-error');
  if (!GraphView.available()) {
    error.hidden = false;
    error.textContent = 'The graph library (console/lib/cytoscape.min.js) did not load.';
    return;
  }
  try {
    graph.draw(await getJson('/api/graph?format=json'));
    error.hidden = true;
  } catch (e) {
    error.hidden = false;
    error.textContent = `Could not load the graph: ${e.message}`;
  }
}

let graphTimer = null;

function redrawGraphSoon() {
  clearTimeout(graphTimer);
  graphTimer = setTimeout(loadGraph, GRAPH_DELAY_MS);
}

// One fetch at a time is what counts per component: an answer older than the latest request is dropped.
const refreshes = new Map();
let refreshTimer = null;
const refreshPending = new Set();

async function refreshComponent(id) {
  const ticket = (refreshes.get(id) || 0) + 1;
  refreshes.set(id, ticket);
  try {
    const component = await getJson(`/api/components/${segment(id)}`);
    if (refreshes.get(id) !== ticket) {
      return;
    }
    const known = table.has(id);
    if (!known && component.type === 'system') {
      // the container's own bundles are in the graph, not in the table (as in GET /api/components)
      graph.setStatus(id, component.status);
      return;
    }
    table.upsert(component);
    if (!known) {
      fillTypeFilter();
      redrawGraphSoon();
    } else if (!graph.setStatus(id, component.status)) {
      redrawGraphSoon();
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && refreshes.get(id) === ticket) {
      table.remove(id);
      redrawGraphSoon();
      if (detail.id === id) {
        select(null);
      }
    }
  }
  if (detail.id === id) {
    detail.show(id);
  }
}

function refreshSoon(id) {
  refreshPending.add(id);
  if (refreshTimer === null) {
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      const ids = [...refreshPending];
      refreshPending.clear();
      ids.forEach(refreshComponent);
    }, REFRESH_DELAY_MS);
  }
}

// --- the event stream ----------------------------------------------------------------------------

const live = document.getElementById('live');

function setLive(state, text) {
  live.dataset.state = state;
  live.textContent = text;
}

function onStatus(event) {
  let change;
  try {
    change = JSON.parse(event.data);
  } catch {
    return;
  }
  live.dataset.sequence = String(change.sequence ?? event.lastEventId);
  if (!change.id) {
    return;
  }
  if (change.to) {
    // shown at once; the row's other fields (accesses, errors, version) follow from the fetch
    table.patchStatus(change.id, change.to);
    graph.setStatus(change.id, change.to);
  }
  refreshSoon(change.id);
}

function listen() {
  let wasLive = false;
  let lost = false;
  const stream = new EventStream('/api/events', {
    headers: authorization,
    onEvent: (event) => {
      if (event.type === 'status') {
        onStatus(event);
      } else if (event.type === 'reset') {
        // the changes missed while disconnected are no longer kept: read everything again
        reloadAll();
      }
    },
    onState: (state, status) => {
      if (state === 'live') {
        setLive('live', 'live');
        if (lost) {
          // resumed with Last-Event-ID, but a container restarted meanwhile numbers afresh: read again
          lost = false;
          reloadAll();
        }
        wasLive = true;
      } else if (state === 'offline') {
        lost = wasLive;
        const refused = status === 401 || status === 403;
        setLive('offline', refused ? 'needs the token' : 'offline');
      } else {
        setLive('connecting', wasLive ? 'reconnecting' : 'connecting');
      }
    },
  });
  stream.start();
}

async function reloadAll() {
  try {
    await loadComponents();
  } catch (e) {
    if (e instanceof ApiError && e.refusedToken) {
      // reading is open on loopback only: from another machine it needs the token as well
      token.clear();
      updateTokenButton();
      showMessage('error', `Reading was refused (HTTP ${e.status}: ${e.message}).`);
      if (await askToken('Reading from another machine needs the token too.')) {
        hideMessage();
        return reloadAll();
      }
      return undefined;
    }
    showMessage('error', `Could not load the components: ${e.message}`);
  }
  await loadGraph();
  if (detail.id) {
    detail.show(detail.id);
  }
  return undefined;
}

// --- changes ---------------------------------------------------------------------------------------

/**
 * Sends a change with the kept token, asking for one when none is kept. A 401 or 403 forgets the
 * token, says so, and asks again; cancelling the form sends nothing.
 *
 * @returns {Promise<{sent: boolean, value?: *}>}
 */
async function withToken(send) {
  let refused = null;
  for (;;) {
    if (!token.get()) {
      const reason = refused
        ? `The token was refused (${refused}). Enter the token again, from STORAGE/http.token.`
        : undefined;
      const given = await askToken(reason);
      if (!given) {
        if (!refused) {
          showMessage('info', 'No token given: nothing was sent, nothing changed.');
        }
        return { sent: false };
      }
    }
    try {
      return { sent: true, value: await send() };
    } catch (e) {
      if (e instanceof NoTokenError) {
        continue; // forgotten in the meantime: ask
      }
      if (e instanceof ApiError && e.refusedToken) {
        token.clear();
        updateTokenButton();
        refused = `HTTP ${e.status}: ${e.message}`;
        showMessage('error', `Refused (${refused}). Nothing was changed. Enter the token again.`);
        continue;
      }
      showMessage('error', e.status ? `HTTP ${e.status}: ${e.message}` : e.message);
      return { sent: false };
    }
  }
}

async function question(id, action, version) {
  if (version) {
    return `Roll ${id} back to version ${version}?`;
  }
  const text = `${VERBS[action]} ${id}?`;
  const component = table.get(id);
  if (action === 'deactivate' && component) {
    const activeDependents = (component.dependents || []).filter((d) => table.get(d)?.status === 'ACTIVE');
    if (activeDependents.length) {
      return `${text} Active components depend on it: ${activeDependents.join(', ')}.`;
    }
  }
  if (action === 'rollback') {
    try {
      const impact = await getJson(`/api/components/${segment(id)}/impact`);
      if (impact.length) {
        return `${text} The reload deactivates, in order: ${impact.join(', ')}.`;
      }
    } catch {
      // the question goes without the preview
    }
  }
  return text;
}

async function act(id, action, version) {
  if (!VERBS[action]) {
    return;
  }
  if (!(await confirmAction(await question(id, action, version), VERBS[action]))) {
    return;
  }
  const path = `/api/components/${segment(id)}/${action}`;
  const result = await withToken(() => change('POST', path, version ? { version } : undefined));
  if (!result.sent) {
    return;
  }
  const to = action === 'rollback' && result.value && result.value.version ? ` to version ${result.value.version}` : '';
  showMessage('ok', `${id} ${DONE[action]}${to}.`);
  await refreshComponent(id);
}

// --- wiring ----------------------------------------------------------------------------------------

document.getElementById('filter-status').addEventListener('change', (e) => table.setFilter({ status: e.target.value }));
document.getElementById('filter-type').addEventListener('change', (e) => table.setFilter({ type: e.target.value }));
const search = document.getElementById('search');
for (const type of ['input', 'change']) {
  search.addEventListener(type, () => table.setFilter({ query: search.value.trim() }));
}
document.getElementById('graph-fit').addEventListener('click', () => graph.fit());
document.getElementById('graph-system').addEventListener('change', (e) => graph.setShowSystem(e.target.checked));

async function start() {
  listen(); // first, so that no change between the first read and the stream is missed
  await reloadAll();
  document.body.dataset.loaded = 'true';
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && table.has(wanted)) {
    select(wanted);
  }
}

start();
