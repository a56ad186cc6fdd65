// Positions for the dependency graph: each component one row below the lowest of its dependents, so
// that every arrow (dependent -> dependency) points down, except along a cycle. Within a row, nodes
// sit near the middle of their dependents (one top-down pass of the barycentre heuristic).
// Cytoscape's breadthfirst layout does neither reliably (its "maximal" option fails on some graphs).

const COLUMN = 150;
const ROW = 90;

/** How many nodes fit side by side in a drawing this many CSS pixels wide (at least 3). */
export function nodesPerRow(width) {
  return Math.max(3, Math.floor(width / COLUMN));
}

/**
 * @param {string[]} ids the nodes
 * @param {{from: string, to: string}[]} edges from a dependent to its dependency
 * @param {number} perRow the most nodes side by side: a longer row is folded onto the next lines,
 *     so that a narrow screen shows the graph tall rather than tiny
 * @returns {Map<string, {x: number, y: number}>} a position per node
 */
export function layeredPositions(ids, edges, perRow = Number.POSITIVE_INFINITY) {
  const dependents = new Map(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (e.from !== e.to && dependents.has(e.from) && dependents.has(e.to)) {
      dependents.get(e.to).push(e.from);
    }
  }
  const rows = rowsOf(ids, dependents);
  const layers = [];
  for (const id of [...ids].sort()) {
    const row = rows.get(id);
    (layers[row] ||= []).push(id);
  }
  const x = new Map();
  const positions = new Map();
  let line = 0;
  layers.forEach((layer, row) => {
    const weight = (id) => {
      const above = dependents.get(id).filter((d) => x.has(d) && rows.get(d) < row);
      return above.length ? above.reduce((sum, d) => sum + x.get(d), 0) / above.length : Number.POSITIVE_INFINITY;
    };
    const weights = new Map(layer.map((id) => [id, weight(id)]));
    layer.sort((a, b) => weights.get(a) - weights.get(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (let start = 0; start < layer.length; start += perRow, line++) {
      const part = layer.slice(start, start + perRow);
      const width = (part.length - 1) * COLUMN;
      part.forEach((id, i) => {
        x.set(id, i * COLUMN - width / 2);
        positions.set(id, { x: x.get(id), y: line * ROW });
      });
    }
  });
  return positions;
}

/** The row of each node: 0 without dependents, else one more than its lowest dependent's. */
function rowsOf(ids, dependents) {
  const rows = new Map();
  const visiting = new Set();
  const rowOf = (start) => {
    // iterative depth-first search, so that a long chain cannot overflow the stack
    const stack = [[start, 0]];
    visiting.add(start);
    while (stack.length) {
      const frame = stack[stack.length - 1];
      const [id, next] = frame;
      const above = dependents.get(id);
      if (next < above.length) {
        frame[1]++;
        const d = above[next];
        if (!rows.has(d) && !visiting.has(d)) {
          visiting.add(d);
          stack.push([d, 0]);
        }
        continue;
      }
      // a dependent still being visited is on a cycle with this node: that edge is left out
      const row = above.reduce((max, d) => (rows.has(d) ? Math.max(max, rows.get(d) + 1) : max), 0);
      rows.set(id, row);
      visiting.delete(id);
      stack.pop();
    }
  };
  ids.forEach((id) => rows.has(id) || rowOf(id));
  return rows;
}
