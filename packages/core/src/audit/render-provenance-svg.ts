import type { ProvenanceGraph, ProvenanceNode } from './build-provenance-graph.js';

const COLUMN = 200;
const ROW = 120;
const NODE_WIDTH = 172;
const NODE_HEIGHT = 58;
const MARGIN = 24;

/** Escapes text for HTML and SVG (element content and attribute values alike). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => `&#${char.charCodeAt(0)};`);
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

interface Placed {
  readonly node: ProvenanceNode;
  readonly x: number;
  readonly y: number;
}

/**
 * Places nodes on a grid: decided calls left to right in the order they happened (row 1), each call's result
 * under it (row 2), and the origins of their arguments (user prompt, app values, model-made…) above the first
 * call that used them (row 0).
 */
function layout(graph: ProvenanceGraph): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  const originColumns = new Set<number>();
  const resultColumns = new Set<number>();
  let column = 0;
  const at = (node: ProvenanceNode, col: number, row: number) => placed.set(node.id, { node, x: MARGIN + col * COLUMN, y: MARGIN + row * ROW });
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  for (const node of graph.nodes) {
    if (node.kind === 'decision') {
      at(node, column, 1);
      for (const edge of graph.edges) {
        const from = byId.get(edge.from);
        if (edge.to !== node.id || from === undefined || placed.has(from.id) || from.kind === 'tool-result') continue;
        let col = column;
        while (originColumns.has(col)) col += 1;
        originColumns.add(col);
        at(from, col, 0);
      }
      column += 1;
    } else if (node.kind === 'tool-result') {
      const producer = graph.edges.find((edge) => edge.kind === 'result' && edge.to === node.id);
      const above = producer === undefined ? undefined : placed.get(producer.from);
      let col = above === undefined ? Math.max(0, column - 1) : (above.x - MARGIN) / COLUMN;
      while (resultColumns.has(col)) col += 1;
      resultColumns.add(col);
      at(node, col, 2);
      column = Math.max(column, col + 1);
    }
  }
  for (const node of graph.nodes) if (!placed.has(node.id)) at(node, column++, 0);
  return placed;
}

function nodeClass(node: ProvenanceNode): string {
  if (node.kind !== 'decision') return `node ${node.kind}${node.labels.includes('untrusted') ? ' untrusted' : ''}`;
  return `node decision ${node.decision === 'deny' ? 'denied' : node.decision === 'require-approval' ? 'approval' : 'allowed'}`;
}

function renderNode({ node, x, y }: Placed): string {
  const heading = node.kind === 'decision' ? `${node.decision === 'deny' ? 'DENIED' : node.decision === 'allow' ? 'allowed' : 'approval'} · ${node.title}` : node.title;
  const detail = node.kind === 'decision' ? (node.decision === 'deny' ? (node.ruleIds ?? []).join(', ') : (node.toolCallId ?? '')) : node.labels.filter((label) => label !== 'trusted').join(', ');
  const tip = [node.title, node.toolCallId, node.labels.join(', '), (node.ruleIds ?? []).join(', ')].filter((part) => part !== undefined && part !== '').join('\n');
  return [
    `<g class="${nodeClass(node)}" data-id="${escapeHtml(node.id)}"${node.toolCallId === undefined ? '' : ` data-tool-call-id="${escapeHtml(node.toolCallId)}"`}>`,
    `<title>${escapeHtml(tip)}</title>`,
    `<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8"/>`,
    `<text x="${x + 10}" y="${y + 23}" class="heading">${escapeHtml(clip(heading, 24))}</text>`,
    `<text x="${x + 10}" y="${y + 43}" class="detail">${escapeHtml(clip(detail, 28))}</text>`,
    '</g>',
  ].join('');
}

/**
 * Renders a provenance graph as an inline SVG: nodes for the origins of data, tool results and decided calls,
 * edges from each argument's origins to the call (labelled with the argument) and from each call to its
 * result. Denied calls are drawn in red with `DENIED` and the rules that fired.
 */
export function renderProvenanceSvg(graph: ProvenanceGraph): string {
  const placed = layout(graph);
  const width = Math.max(...[...placed.values()].map((item) => item.x + NODE_WIDTH + MARGIN), 320);
  const height = Math.max(...[...placed.values()].map((item) => item.y + NODE_HEIGHT + MARGIN), 140);
  const edges = graph.edges.flatMap((edge) => {
    const from = placed.get(edge.from);
    const to = placed.get(edge.to);
    if (from === undefined || to === undefined) return [];
    const [x1, y1] = from.y < to.y ? [from.x + NODE_WIDTH / 2, from.y + NODE_HEIGHT] : [from.x + NODE_WIDTH / 2, from.y];
    const [x2, y2] = from.y < to.y ? [to.x + NODE_WIDTH / 2, to.y] : [to.x + NODE_WIDTH / 2, to.y + NODE_HEIGHT];
    const bend = (y2 - y1) / 2;
    const denied = to.node.decision === 'deny' ? ' into-denied' : '';
    const path = `<path class="edge ${edge.kind}${edge.inferred ? ' inferred' : ''}${denied}" d="M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}" marker-end="url(#arrow)"/>`;
    const label = edge.label === undefined ? '' : `<text class="edge-label" x="${(x1 + x2) / 2 + 4}" y="${(y1 + y2) / 2}">${escapeHtml(clip(edge.label, 16))}</text>`;
    return [path + label];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="provenance" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="provenance graph">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    ...edges,
    ...[...placed.values()].map(renderNode),
    '</svg>',
  ].join('\n');
}
