// The README demo: a Vercel AI SDK 7 agent reads an email carrying a prompt injection and, like a tricked
// model would, tries to send the API key to the attacker and pay the attacker's IBAN. labelflow blocks both
// from labels alone; the honest part of the task (a summary for Rita, the real invoice) goes through.
//
// Run it from the repository root:
//   node node_modules/tsx/dist/cli.mjs --conditions=@labelflow/source examples/vercel-ai/attack-demo.ts
import type { SessionEvent } from '@labelflow/core';
import { API_KEY, USER_PROMPT, runAttackAgent } from './attack-agent.js';

function labels(list: readonly string[]): string {
  return list.filter((label) => label !== 'llm').join(' ');
}

function describe(event: SessionEvent): string {
  switch (event.type) {
    case 'session-start':
      return `session ${event.sessionId.slice(0, 8)} started`;
    case 'model-call':
      return `model call: ${event.fragments} new prompt part(s) indexed; context [${labels(event.contextLabels)}]${event.influenced ? '; output influenced' : ''}`;
    case 'decision':
      return `decision ${event.toolCallId} ${event.tool}: ${event.decision.type}${event.decision.ruleIds.length > 0 ? ` (${event.decision.ruleIds.join(', ')})` : ''}`;
    case 'tool-call':
      return `executed ${event.toolCallId} ${event.tool}: ${event.status}, args ${Object.keys(event.argDigests).join(', ') || '(none)'} as digests`;
    case 'tool-result':
      return `result ${event.toolCallId} ${event.tool}: [${labels(event.labels)}]${event.redacted > 0 ? `, ${event.redacted} secret(s) replaced by handles` : ''}`;
    default:
      return event.type;
  }
}

const outcome = await runAttackAgent();

console.log('labelflow × Vercel AI SDK 7: an agent reads a prompt injection\n');
console.log(`user: ${USER_PROMPT}\n`);
console.log('Decisions (each argument with the labels the policy read):');
for (const event of outcome.events) {
  if (event.type !== 'decision') continue;
  const mark = event.decision.type === 'allow' ? 'ALLOW' : 'DENY ';
  const rules = event.decision.ruleIds.length > 0 ? `  ← ${event.decision.ruleIds.join(', ')}` : '';
  console.log(`  ${mark} ${event.tool}${rules}`);
  for (const [arg, argLabels] of Object.entries(event.argLabels)) console.log(`          ${arg}: [${labels(argLabels)}]`);
}

console.log('\nOutcome:');
console.log(`  emails sent:  ${outcome.emails.map((mail) => mail.to).join(', ') || 'none'}`);
console.log(`  payments:     ${outcome.payments.map((payment) => `${payment.amount.toFixed(2)} EUR to ${payment.iban}`).join(', ') || 'none'}`);
console.log(`  API key shown to the model: ${outcome.modelSawSecret ? 'YES' : 'never (it saw a handle)'}; the key ends in …${API_KEY.slice(-4)}`);
console.log(`  final answer: ${outcome.text}`);

console.log('\nAudit trail (session events; arguments and results appear only as digests):');
for (const event of outcome.events) console.log(`  #${String(event.seq).padStart(2)} ${describe(event)}`);
