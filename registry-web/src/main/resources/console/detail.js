// The detail panel of one component: its fields, why it is in its status (ranked causes and fixes),
// what a reload or removal would stop (impact), the kept versions with a rollback each (history),
// and who did what to it (audit). #detail[data-id] names the component shown.

import { getJson, segment } from './api.js';

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined && text !== null) {
    e.textContent = text;
  }
  return e;
}

function when(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? String(iso)
    : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

function causeItem(cause) {
  const li = element('li', cause.fix ? 'cause root' : 'cause');
  li.dataset.kind = cause.kind;
  const head = element('p', 'cause-message');
  head.append(element('span', 'kind', cause.kind), ' ', element('span', 'component', cause.component), ': ', cause.message);
  li.appendChild(head);
  if (cause.fix) {
    li.appendChild(element('p', 'fix', `Fix: ${cause.fix}`));
  }
  if (Array.isArray(cause.evidence) && cause.evidence.length) {
    const facts = element('ul', 'evidence');
    cause.evidence.forEach((fact) => facts.appendChild(element('li', null, fact)));
    li.appendChild(facts);
  }
  if (Array.isArray(cause.causes) && cause.causes.length) {
    const inner = element('ul', 'causes');
    cause.causes.forEach((c) => inner.appendChild(causeItem(c)));
    li.appendChild(inner);
  }
  return li;
}

export class DetailPanel {
  /**
   * @param {HTMLElement} root #detail
   * @param {{onAction: function(string, string, string=), onClose: function()}} handlers
   */
  constructor(root, handlers) {
    this.root = root;
    this.handlers = handlers;
    this.id = null;
    this.loads = 0;
    root.querySelector('.actions').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (button && this.id) {
        this.handlers.onAction(this.id, button.dataset.action);
      }
    });
    root.querySelector('#history-table').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-version]');
      if (button && this.id) {
        this.handlers.onAction(this.id, 'rollback', button.dataset.version);
      }
    });
    root.querySelector('#detail-close').addEventListener('click', () => this.handlers.onClose());
  }

  /** Shows a component, loading its sections in parallel; a section that fails says so in place. */
  async show(id) {
    const load = ++this.loads;
    this.id = id;
    this.root.dataset.id = id;
    this.root.dataset.loaded = 'false';
    this.root.hidden = false;
    this.root.querySelector('#detail-title').textContent = id;
    const base = `/api/components/${segment(id)}`;
    const parts = await Promise.allSettled([
      getJson(base),
      getJson(`${base}/why`),
      getJson(`${base}/impact`),
      getJson(`${base}/history`),
      getJson(`/api/audit?component=${segment(id)}`),
    ]);
    if (load !== this.loads) {
      return; // another component was chosen meanwhile
    }
    const [component, why, impact, history, audit] = parts;
    this.section(component, (c) => this.renderComponent(c), '#detail-meta');
    this.section(why, (w) => this.renderWhy(w), '#why-summary');
    this.section(impact, (i) => this.renderImpact(i), '#impact-text');
    this.section(history, (h) => this.renderHistory(h), '#history-empty');
    this.section(audit, (a) => this.renderAudit(a), '#audit-empty');
    this.root.dataset.loaded = 'true';
  }

  section(result, render, errorTarget) {
    if (result.status === 'fulfilled') {
      render(result.value);
    } else {
      const target = this.root.querySelector(errorTarget);
      target.hidden = false;
      target.classList.add('error');
      target.textContent = `Could not load: ${result.reason.message}`;
    }
  }

  hide() {
    this.loads++;
    this.id = null;
    this.root.dataset.id = '';
    this.root.hidden = true;
  }

  renderComponent(c) {
    const status = this.root.querySelector('#detail-status');
    status.textContent = c.status;
    status.dataset.status = c.status;
    const meta = this.root.querySelector('#detail-meta');
    meta.classList.remove('error');
    const parts = [c.name, c.type, c.version && `version ${c.version}`, `${c.accessCount ?? 0} accesses`];
    if (c.registeredAt) {
      parts.push(`registered ${when(c.registeredAt)}`);
    }
    meta.textContent = parts.filter(Boolean).join(' · ');
    this.root.querySelector('#action-activate').disabled = c.status === 'ACTIVE';
    this.root.querySelector('#action-deactivate').disabled = c.status !== 'ACTIVE';
  }

  renderWhy(why) {
    const summary = this.root.querySelector('#why-summary');
    summary.classList.remove('error');
    summary.textContent = why.summary || (why.healthy ? 'Healthy.' : '');
    summary.dataset.healthy = String(Boolean(why.healthy));
    const list = this.root.querySelector('#why-causes');
    list.replaceChildren();
    (why.roots || []).forEach((root) => list.appendChild(causeItem({ ...root, causes: [] })));
    if (Array.isArray(why.causes) && why.causes.length) {
      const details = element('details', 'cause-tree');
      details.appendChild(element('summary', null, 'How it comes about'));
      const tree = element('ul', 'causes');
      why.causes.forEach((c) => tree.appendChild(causeItem(c)));
      details.appendChild(tree);
      const li = element('li', 'tree-holder');
      li.appendChild(details);
      list.appendChild(li);
    }
  }

  renderImpact(ids) {
    const text = this.root.querySelector('#impact-text');
    text.classList.remove('error');
    text.dataset.count = String(ids.length);
    text.textContent = ids.length
      ? `Reloading or removing it would deactivate, in order: ${ids.join(', ')}.`
      : 'Reloading or removing it would deactivate nothing else.';
  }

  renderHistory(versions) {
    const empty = this.root.querySelector('#history-empty');
    empty.classList.remove('error');
    empty.textContent = 'No versions kept (only JARs deployed from the bundles folder are).';
    empty.hidden = versions.length > 0;
    this.root.querySelector('#action-rollback').disabled = versions.length < 2;
    const body = this.root.querySelector('#history-table').tBodies[0];
    body.replaceChildren(
      ...versions.map((v) => {
        const tr = element('tr');
        tr.dataset.version = v.version;
        tr.appendChild(element('td', 'version', v.version));
        tr.appendChild(element('td', 'stored', when(v.storedAt)));
        tr.appendChild(element('td', 'checksum', (v.checksum || '').slice(0, 12)));
        const action = element('td', 'action');
        if (v.current) {
          action.textContent = 'installed';
        } else {
          const button = element('button', null, 'Roll back to this');
          button.type = 'button';
          button.dataset.version = v.version;
          action.appendChild(button);
        }
        tr.appendChild(action);
        return tr;
      }),
    );
    this.root.querySelector('#history-table').hidden = versions.length === 0;
  }

  renderAudit(records) {
    const empty = this.root.querySelector('#audit-empty');
    empty.classList.remove('error');
    empty.textContent = 'Nothing recorded.';
    empty.hidden = records.length > 0;
    const body = this.root.querySelector('#audit-table').tBodies[0];
    body.replaceChildren(
      ...records.map((r) => {
        const tr = element('tr');
        tr.dataset.sequence = String(r.sequence);
        tr.appendChild(element('td', 'at', when(r.at)));
        tr.appendChild(element('td', 'actor', r.actor));
        tr.appendChild(element('td', 'operation', r.details ? `${r.operation} (${r.details})` : r.operation));
        tr.appendChild(element('td', r.ok ? 'ok' : 'failed', r.ok ? 'ok' : r.error || 'failed'));
        return tr;
      }),
    );
    this.root.querySelector('#audit-table').hidden = records.length === 0;
  }
}
