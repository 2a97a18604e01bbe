import type { WhyArgument, WhyReport, WhySource } from '../audit/why-tool-call.js';

function describeSource(source: WhySource): string {
  switch (source.type) {
    case 'tool-result':
      return `tool result ${source.toolCallId} (${source.tool}, record #${source.seq}): ${source.labels.join(', ') || 'no labels'}${source.inferred ? ' [inferred from provenance]' : ''}`;
    case 'user':
      return 'the user prompt (trusted)';
    case 'system':
      return 'the system instructions (trusted)';
    case 'app':
      return 'a value the app labelled';
    case 'credential':
      return `credential \`${source.name}\` (secret)`;
    case 'model':
      return `the model: found in nothing it was shown${source.influenced ? ', made after it read untrusted content (influenced)' : ''}`;
    case 'fragment':
      return `fragment ${source.id}`;
    default:
      return `${source.label} (no record of it in this session)`;
  }
}

function argumentLines(arg: WhyArgument, indent: string): string[] {
  const role = arg.control === undefined ? '' : arg.control ? ' (control)' : ' (payload)';
  const lines = [`${indent}argument \`${arg.name}\`${role}: ${arg.labels.join(', ') || '(no labels)'}`];
  if (arg.sources.length === 0) lines.push(`${indent}  ← no recorded origin`);
  for (const source of arg.sources) {
    lines.push(`${indent}  ← ${describeSource(source)}`);
    if (source.type === 'tool-result') for (const inner of source.arguments ?? []) lines.push(...argumentLines(inner, `${indent}      `));
  }
  return lines;
}

/** `labelflow audit why` as text. */
export function formatWhy(report: WhyReport): string {
  const decision = report.decision.type === 'deny' ? 'DENIED' : report.decision.type === 'allow' ? 'allowed' : 'needs approval';
  const lines = [
    `tool call ${report.toolCallId}: ${report.tool} ${decision} (${report.decision.code})`,
    `  session ${report.sessionId}, record #${report.seq}, ${report.ts}`,
  ];
  if (report.decision.ruleIds.length > 0) lines.push(`  rules: ${report.decision.ruleIds.join(', ')}`);
  for (const reason of report.decision.reasons) lines.push(`  reason: ${reason}`);
  if (report.guards.length > 0) lines.push(`  guards: ${report.guards.join(', ')}`);
  if (report.liftedBy !== undefined) lines.push(`  denial lifted by guard ${report.liftedBy}`);
  for (const approval of report.approvals) lines.push(`  approval: ${approval.approved ? 'approved' : 'refused'} (${approval.by})`);
  lines.push(report.execution === undefined ? '  not executed' : `  executed: ${report.execution.status} in ${report.execution.durationMs.toFixed(1)}ms`);
  if (report.result !== undefined) lines.push(`  result labels: ${report.result.labels.join(', ') || '(none)'}`);
  for (const arg of report.arguments) lines.push(...argumentLines(arg, '  '));
  if (report.otherSessions.length > 0) lines.push(`  (the id also appears in session${report.otherSessions.length === 1 ? '' : 's'} ${report.otherSessions.join(', ')}: use --session)`);
  return lines.join('\n');
}
