// The components table: one row per component, sorted by id, filtered by status, type and a search.
// Each row is tr[data-id][data-status][data-type] with cells td.id, td.type, td.status, td.version,
// td.access, td.errors and td.actions (buttons with data-action).

function cell(row, className, text) {
  const td = document.createElement('td');
  td.className = className;
  if (text !== undefined) {
    td.textContent = text;
  }
  row.appendChild(td);
  return td;
}

function actionButton(action, label, id) {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.action = action;
  button.textContent = label;
  button.setAttribute('aria-label', `${label} ${id}`);
  return button;
}

export class ComponentTable {
  /**
   * @param {HTMLTableElement} table the table, its tbody filled here
   * @param {{onSelect: function(string), onAction: function(string, string)}} handlers
   */
  constructor(table, handlers) {
    this.body = table.tBodies[0];
    this.handlers = handlers;
    this.components = new Map();
    this.filter = { status: '', type: '', query: '' };
    this.selected = null;
    this.body.addEventListener('click', (event) => this.clicked(event));
  }

  clicked(event) {
    const row = event.target.closest('tr[data-id]');
    if (!row) {
      return;
    }
    const button = event.target.closest('button[data-action]');
    if (button) {
      event.stopPropagation();
      this.handlers.onAction(row.dataset.id, button.dataset.action);
    } else {
      this.handlers.onSelect(row.dataset.id);
    }
  }

  /** Replaces every row. */
  setAll(components) {
    this.components = new Map(components.map((c) => [c.id, c]));
    this.body.replaceChildren(...[...this.components.keys()].sort().map((id) => this.row(this.components.get(id))));
    this.applyFilter();
  }

  /** Adds a component's row or refreshes it in place. */
  upsert(component) {
    this.components.set(component.id, component);
    const fresh = this.row(component);
    const old = this.rowOf(component.id);
    if (old) {
      old.replaceWith(fresh);
    } else {
      const next = [...this.body.rows].find((r) => r.dataset.id > component.id);
      this.body.insertBefore(fresh, next || null);
    }
    this.applyFilter();
  }

  remove(id) {
    this.components.delete(id);
    const row = this.rowOf(id);
    if (row) {
      row.remove();
    }
    this.applyFilter();
  }

  has(id) {
    return this.components.has(id);
  }

  get(id) {
    return this.components.get(id);
  }

  /** Shows a status at once, before the component's other fields are fetched again. */
  patchStatus(id, status) {
    const component = this.components.get(id);
    if (component) {
      this.upsert({ ...component, status });
    }
  }

  rowOf(id) {
    return [...this.body.rows].find((r) => r.dataset.id === id) || null;
  }

  row(c) {
    const tr = document.createElement('tr');
    tr.dataset.id = c.id;
    tr.dataset.status = c.status;
    tr.dataset.type = c.type || '';
    if (c.id === this.selected) {
      tr.classList.add('selected');
      tr.setAttribute('aria-selected', 'true');
    }
    const idCell = cell(tr, 'id');
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'link';
    link.textContent = c.id;
    link.title = c.name && c.name !== c.id ? c.name : 'Show the details';
    idCell.appendChild(link);
    cell(tr, 'type', c.type || '');
    const status = cell(tr, 'status', c.status);
    status.dataset.status = c.status;
    cell(tr, 'version', c.version || '');
    cell(tr, 'access num', String(c.accessCount ?? 0));
    const errors = Array.isArray(c.errors) ? c.errors : [];
    const errorCell = cell(tr, 'errors num', String(errors.length));
    if (errors.length) {
      const last = errors[errors.length - 1];
      errorCell.title = `${last.at || ''} ${last.message || ''}`.trim();
      errorCell.classList.add('has-errors');
    }
    const actions = cell(tr, 'actions');
    if (c.status === 'ACTIVE') {
      actions.appendChild(actionButton('deactivate', 'Deactivate', c.id));
    } else {
      actions.appendChild(actionButton('activate', 'Activate', c.id));
    }
    return tr;
  }

  /** Sets the filter (fields left out stay as they are) and hides the rows it excludes. */
  setFilter(filter) {
    this.filter = { ...this.filter, ...filter };
    this.applyFilter();
  }

  matches(c) {
    const { status, type, query } = this.filter;
    if (status && c.status !== status) {
      return false;
    }
    if (type && c.type !== type) {
      return false;
    }
    if (!query) {
      return true;
    }
    const q = query.toLowerCase();
    return [c.id, c.name, c.version, c.type, c.moduleName, c.status]
      .filter((v) => typeof v === 'string')
      .some((v) => v.toLowerCase().includes(q));
  }

  applyFilter() {
    let shown = 0;
    for (const tr of this.body.rows) {
      const visible = this.matches(this.components.get(tr.dataset.id));
      tr.hidden = !visible;
      if (visible) {
        shown++;
      }
    }
    const count = document.getElementById('count');
    count.dataset.shown = String(shown);
    count.dataset.total = String(this.components.size);
    count.textContent = shown === this.components.size ? `(${shown})` : `(${shown} of ${this.components.size})`;
    document.getElementById('empty').hidden = shown > 0;
  }

  /** The types seen, sorted: the type filter's choices. */
  types() {
    return [...new Set([...this.components.values()].map((c) => c.type).filter(Boolean))].sort();
  }

  select(id) {
    this.selected = id;
    for (const tr of this.body.rows) {
      const on = tr.dataset.id === id;
      tr.classList.toggle('selected', on);
      if (on) {
        tr.setAttribute('aria-selected', 'true');
      } else {
        tr.removeAttribute('aria-selected');
      }
    }
  }
}
