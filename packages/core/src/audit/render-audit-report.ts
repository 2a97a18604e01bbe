import { buildProvenanceGraph } from './build-provenance-graph.js';
import type { LedgerRecord } from './ledger-record.js';
import { asDecision } from './record-views.js';
import { escapeHtml, renderProvenanceSvg } from './render-provenance-svg.js';
import type { LedgerVerification } from './verify-ledger.js';

/** Options of `renderAuditReport`. */
export interface AuditReportOptions {
  readonly title?: string;
  /** Only this session's records. */
  readonly sessionId?: string;
  /** The ledger's verification, shown at the top. */
  readonly verification?: LedgerVerification;
  /** When the report was made (default now). */
  readonly generatedAt?: Date;
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1d1d1f; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
.meta { color: #555; } .ok { color: #1b5e20; font-weight: 600; } .bad { color: #b71c1c; font-weight: 600; }
.graph { overflow: auto; border: 1px solid #ddd; border-radius: 8px; background: #fafafa; }
.node rect { fill: #fff; stroke: #777; stroke-width: 1.2; }
.node.user rect, .node.system rect { fill: #e8f5e9; stroke: #2e7d32; }
.node.app rect, .node.credential rect { fill: #fff8e1; stroke: #f9a825; }
.node.model rect { fill: #f3e5f5; stroke: #7b1fa2; }
.node.tool-result rect { fill: #e3f2fd; stroke: #1565c0; }
.node.tool-result.untrusted rect { fill: #fff3e0; stroke: #ef6c00; }
.node.decision.allowed rect { fill: #e8f5e9; stroke: #1b5e20; }
.node.decision.approval rect { fill: #fffde7; stroke: #f57f17; }
.node.decision.denied rect { fill: #ffebee; stroke: #c62828; stroke-width: 3; }
.node.decision.denied .heading { fill: #b71c1c; }
.heading { font-weight: 600; font-size: 13px; } .detail { font-size: 11px; fill: #444; }
.edge { fill: none; stroke: #888; stroke-width: 1.4; } .edge.inferred { stroke-dasharray: 5 4; }
.edge.into-denied { stroke: #c62828; } .edge-label { font-size: 11px; fill: #333; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
tr.denied td { background: #ffebee; } tr.denied td.decision { color: #b71c1c; font-weight: 700; }
code { font: 12px ui-monospace, monospace; }
.legend span { display: inline-block; margin-right: 14px; }
`;

function verificationLine(verification: LedgerVerification | undefined): string {
  if (verification === undefined) return '';
  if (verification.ok) {
    const torn = verification.torn === undefined ? '' : `; ${verification.torn.bytes} bytes of an unfinished record at the end`;
    return `<p class="ok">ledger verified: ${verification.records} records, hash chain intact${escapeHtml(torn)}</p>`;
  }
  return `<p class="bad">ledger does NOT verify: ${escapeHtml(verification.reason)}</p>`;
}

function decisionRows(records: readonly LedgerRecord[], sessionId: string | undefined): string {
  return records
    .map(asDecision)
    .filter((record) => record !== undefined && (sessionId === undefined || record.sessionId === sessionId))
    .map((record) => {
      if (record === undefined) return '';
      const args = Object.keys(record.argLabels)
        .map((name) => `<code>${escapeHtml(name)}</code>: ${escapeHtml((record.argLabels[name] ?? []).join(', '))}`)
        .join('<br>');
      const denied = record.decision.type === 'deny';
      return `<tr class="${denied ? 'denied' : record.decision.type}"><td>${record.seq}</td><td><code>${escapeHtml(record.toolCallId)}</code></td><td>${escapeHtml(record.tool)}</td><td class="decision">${denied ? 'DENIED' : escapeHtml(record.decision.type)}</td><td>${escapeHtml(record.decision.ruleIds.join(', '))}</td><td>${escapeHtml(record.decision.reasons.join('; '))}</td><td>${args}</td></tr>`;
    })
    .join('\n');
}

/**
 * Renders an audit ledger as one self-contained HTML page: the run as a provenance graph (inline SVG: where each
 * argument's labels came from, which calls were allowed and which denied, denials in red) and a table of every
 * decision. No script, no external resource, and a Content-Security-Policy that forbids loading any: the page
 * makes no network request.
 *
 * @example
 * ```ts
 * const { records } = readLedger(store);
 * writeFileSync('report.html', renderAuditReport(records, { verification: verifyLedger(store) }));
 * ```
 */
export function renderAuditReport(records: readonly LedgerRecord[], { title = 'labelflow audit report', sessionId, verification, generatedAt = new Date() }: AuditReportOptions = {}): string {
  const graph = buildProvenanceGraph(records, sessionId === undefined ? {} : { sessionId });
  const denied = graph.nodes.filter((node) => node.decision === 'deny').length;
  const calls = graph.nodes.filter((node) => node.kind === 'decision').length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">generated ${escapeHtml(generatedAt.toISOString())} · ${records.length} records · sessions: ${escapeHtml(graph.sessions.join(', ') || 'none')} · <span class="summary">${calls} tool calls decided, <strong class="${denied > 0 ? 'bad' : 'ok'}">${denied} denied</strong></span></p>
${verificationLine(verification)}
<h2>Provenance</h2>
<p class="legend"><span>green: trusted origin</span><span>orange: untrusted tool result</span><span>purple: model-made</span><span>red: denied call</span><span>dashed: inferred from provenance labels</span></p>
<div class="graph">
${renderProvenanceSvg(graph)}
</div>
<h2>Decisions</h2>
<table class="decisions">
<thead><tr><th>seq</th><th>tool call</th><th>tool</th><th>decision</th><th>rules</th><th>reasons</th><th>argument labels</th></tr></thead>
<tbody>
${decisionRows(records, sessionId)}
</tbody>
</table>
</body>
</html>
`;
}
