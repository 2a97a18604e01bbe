// An agent with tools from an MCP server reads an issue carrying an injection. labelflow labels what the
// server returns (`src:mcp:github:get_issue`, `untrusted`), blocks the deletion and the planted link, and lets
// the honest comment through.
//
// Run it from the repository root:
//   node node_modules/tsx/dist/cli.mjs --conditions=@labelflow/source examples/vercel-ai/mcp-demo.ts
import { USER_PROMPT, runMcpAgent } from './mcp-agent.js';

const outcome = await runMcpAgent();

console.log('labelflow × Vercel AI SDK 7 × MCP: an agent reads an injected issue\n');
console.log(`user: ${USER_PROMPT}\n`);
for (const event of outcome.events) {
  if (event.type === 'tool-result') console.log(`  result   ${event.tool}: [${event.taint.join(' ')}]`);
  if (event.type !== 'decision') continue;
  const rules = event.decision.ruleIds.length > 0 ? `  ← ${event.decision.ruleIds.join(', ')}` : '';
  console.log(`  ${event.decision.type === 'allow' ? 'ALLOW' : 'DENY '}    ${event.tool}${rules}`);
}
console.log('\nOutcome:');
console.log(`  repositories deleted: ${outcome.deleted.join(', ') || 'none'}`);
console.log(`  comments posted:      ${outcome.comments.map((comment) => JSON.stringify(comment.body)).join(', ') || 'none'}`);
