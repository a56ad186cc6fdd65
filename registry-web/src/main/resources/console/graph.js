// The dependency graph, drawn with Cytoscape.js (console/lib/cytoscape.min.js, served from the bundle).
// An edge goes from a dependent to its dependency, as in GET /api/graph?format=json. Cycles are drawn
// in red; the selected component's direct dependencies and dependents are highlighted.
//
// For tests and scripts the container carries what is drawn: #graph[data-nodes][data-edges]
// [data-cycles][data-selected][data-dependencies][data-dependents], data-ready="true" once drawn,
// and what the API gave: [data-all-nodes][data-all-edges] (with the system components).

import { layeredPositions, nodesPerRow } from './layers.js';

const COLORS = {
  ACTIVE: '#15803d',
  REGISTERED: '#2563eb',
  DISCOVERED: '#64748b',
  INACTIVE: '#a16207',
  ERROR: '#b91c1c',
};

function statusStyles() {
  return Object.entries(COLORS).map(([status, color]) => ({
    selector: `node[status = "${status}"]`,
    style: { 'background-color': color },
  }));
}

const STYLE = [
  {
    selector: 'node',
    style: {
      label: 'data(id)',
      'background-color': '#94a3b8',
      width: 18,
      height: 18,
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#1e293b',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': 1,
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  ...statusStyles(),
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
    },
  },
  { selector: 'edge[origin = "explicit"]', style: { 'line-style': 'dashed' } },
  { selector: 'node.in-cycle', style: { 'border-width': 3, 'border-color': '#dc2626' } },
  { selector: 'edge.cycle', style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', width: 2.5 } },
  { selector: '.faded', style: { opacity: 0.3 } },
  { selector: 'node.dependency', style: { 'border-width': 4, 'border-color': '#ea580c' } },
  { selector: 'node.dependent', style: { 'border-width': 4, 'border-color': '#7c3aed' } },
  { selector: 'edge.dependency', style: { 'line-color': '#ea580c', 'target-arrow-color': '#ea580c', width: 3 } },
  { selector: 'edge.dependent', style: { 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed', width: 3 } },
  {
    selector: 'node.chosen',
    style: { 'border-width': 5, 'border-color': '#0f172a', width: 24, height: 24, 'font-weight': 'bold' },
  },
];

export class GraphView {
  /**
   * @param {HTMLElement} container the element Cytoscape draws into
   * @param {{onSelect: function(string)}} handlers
   */
  constructor(container, handlers) {
    this.container = container;
    this.handlers = handlers;
    this.cy = null;
    this.graph = null;
    this.perRow = 0;
    this.selected = null;
    this.showSystem = false;
    // a phone turned, a window resized: fit the drawing to the container's new size
    let timer = null;
    new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => this.resized(), 100);
    }).observe(container);
  }

  /** True when the library is loaded (it is a classic script before the page's modules). */
  static available() {
    return typeof window.cytoscape === 'function';
  }

  /** Shows or hides the components of type system (the container's own bundles), drawing again. */
  setShowSystem(show) {
    this.showSystem = show;
    if (this.graph) {
      this.draw(this.graph);
    }
  }

  /**
   * Draws the graph afresh from GET /api/graph?format=json, keeping the selection. Components of
   * type system are left out unless asked for; data-all-nodes and data-all-edges count them too.
   */
  draw(graph) {
    this.graph = graph;
    const inCycle = new Map();
    (graph.cycles || []).forEach((cycle, index) => cycle.forEach((id) => inCycle.set(id, index)));
    const shown = graph.nodes.filter((n) => this.showSystem || n.type !== 'system');
    const nodes = shown.map((n) => ({
      group: 'nodes',
      data: { id: n.id, status: n.status, type: n.type || '' },
      classes: inCycle.has(n.id) ? 'in-cycle' : '',
    }));
    const known = new Set(shown.map((n) => n.id));
    const edges = graph.edges
      .filter((e) => known.has(e.from) && known.has(e.to))
      .map((e, index) => ({
      group: 'edges',
      data: { id: `edge-${index}`, source: e.from, target: e.to, origin: e.origin || 'declared' },
      classes: inCycle.has(e.from) && inCycle.get(e.from) === inCycle.get(e.to) ? 'cycle' : '',
      }));
    this.perRow = nodesPerRow(this.container.clientWidth);
    const positions = layeredPositions(
      nodes.map((n) => n.data.id),
      edges.map((e) => ({ from: e.data.source, to: e.data.target })),
      this.perRow,
    );
    if (this.cy) {
      this.cy.destroy();
    }
    this.cy = window.cytoscape({
      container: this.container,
      elements: [...nodes, ...edges],
      style: STYLE,
      layout: { name: 'preset', positions: (node) => positions.get(node.id()), fit: true, padding: 16 },
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    this.cy.on('tap', 'node', (event) => this.handlers.onSelect(event.target.id()));
    const dataset = this.container.dataset;
    dataset.nodes = String(this.cy.nodes().length);
    dataset.edges = String(this.cy.edges().length);
    dataset.allNodes = String(graph.nodes.length);
    dataset.allEdges = String(graph.edges.length);
    dataset.system = String(this.showSystem);
    dataset.cycles = String((graph.cycles || []).length);
    dataset.ready = 'true';
    this.highlight(this.selected);
  }

  has(id) {
    return this.cy !== null && this.cy.getElementById(id).nonempty();
  }

  /** Recolours one node; returns false when the graph does not hold it (then it needs drawing again). */
  setStatus(id, status) {
    if (!this.has(id)) {
      return false;
    }
    this.cy.getElementById(id).data('status', status);
    return true;
  }

  select(id) {
    this.selected = id;
    this.highlight(id);
  }

  highlight(id) {
    const dataset = this.container.dataset;
    dataset.selected = id || '';
    if (!this.cy) {
      return;
    }
    this.cy.elements().removeClass('chosen dependency dependent faded');
    const node = id ? this.cy.getElementById(id) : null;
    if (!node || node.empty()) {
      dataset.dependencies = '0';
      dataset.dependents = '0';
      return;
    }
    const dependencies = node.outgoers();
    const dependents = node.incomers();
    this.cy.elements().not(node.union(dependencies).union(dependents)).addClass('faded');
    node.addClass('chosen');
    dependencies.addClass('dependency');
    dependents.addClass('dependent');
    dataset.dependencies = String(dependencies.nodes().length);
    dataset.dependents = String(dependents.nodes().length);
  }

  /** Lays the graph out again when as many nodes no longer fit side by side, else fits it. */
  resized() {
    if (this.graph && this.perRow !== nodesPerRow(this.container.clientWidth)) {
      this.draw(this.graph);
    } else {
      this.fit();
    }
  }

  fit() {
    if (this.cy) {
      this.cy.resize();
      this.cy.fit(undefined, 16);
    }
  }
}
