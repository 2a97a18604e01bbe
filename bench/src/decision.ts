// Decision latency for a realistic policy (≈100 rules, 20 tools) and a 10-argument call: `evaluate` alone on a
// request already grounded, and `session.checkToolCall` (grounding, secrets scan, evaluation, history and events),
// for a call that is allowed and one that is denied. Single calls are timed, interleaved, and reported as p50/p99.
import { createSession, evaluate, type Session } from '@labelflow/core';
import { benchPolicy } from './agent-loops.js';
import { HOSTILE_MAIL, POLICY, SYSTEM_PROMPT, TOOLS, USER_MESSAGE, countRules, nextCallId, tenArgumentCall, tenArgumentRequest, toolOutput } from './fixtures.js';
import { formatMs, formatRatio, medianRatio, sampleEach, slug, summarize, table, type BenchReport } from './harness.js';

export interface DecisionOptions {
  readonly warmup: number;
  readonly samples: number;
  /** Tool results (≈1 KB each) the session has seen before the call is checked. */
  readonly results: number;
}

export const DECISION_DEFAULTS: DecisionOptions = { warmup: 2_000, samples: 20_000, results: 10 };

/** A session in the middle of a run: the user's task, a hostile mail, contacts, and `results` other tool results. */
export async function midRunSession(results: number): Promise<Session> {
  const session = createSession({ policy: benchPolicy() });
  session.recordModelCall({
    parts: [
      { key: 'system', role: 'system', content: SYSTEM_PROMPT },
      { key: 'user:0', role: 'user', content: USER_MESSAGE },
    ],
  });
  const record = (toolName: string, result: unknown) => session.recordToolResult({ toolCallId: nextCallId(), toolName, result });
  record('read_inbox', [HOSTILE_MAIL, ...(toolOutput('read_inbox', 1024, 1) as unknown[])]);
  record('list_contacts', toolOutput('list_contacts', 1024, 2));
  const names = Object.keys(TOOLS).filter((name) => TOOLS[name]?.output !== undefined);
  for (let index = 0; index < results; index += 1) {
    const name = names[index % names.length] as string;
    record(name, toolOutput(name, 1024, 100 + index));
  }
  // Steady state: the first lookup that misses the trusted tier indexes every pending result; do it now.
  await session.checkToolCall({ toolName: 'read_email', toolCallId: nextCallId(), args: { id: 'MSG-warm-up' } });
  return session;
}

export async function benchDecision(options: DecisionOptions = DECISION_DEFAULTS): Promise<BenchReport> {
  const policy = benchPolicy();
  const requests = { allow: tenArgumentRequest(false), deny: tenArgumentRequest(true) };
  const calls = { allow: tenArgumentCall(false), deny: tenArgumentCall(true) };
  let session = await midRunSession(options.results);
  let used = 0;
  // A long-lived session accumulates history and counters; a fresh one every 1,000 checks keeps the state a mid-run one.
  const rotate = async () => {
    used += 1;
    if (used % 1_000 === 0) session = await midRunSession(options.results);
  };
  const check = (kind: 'allow' | 'deny') => session.checkToolCall({ toolName: 'send_email', toolCallId: nextCallId(), args: calls[kind] });

  // What each path decides, so the timings are known to be of the decisions they claim.
  const decided = {
    evaluateAllow: evaluate(policy, requests.allow),
    evaluateDeny: evaluate(policy, requests.deny),
    checkAllow: (await check('allow')).decision,
    checkDeny: (await check('deny')).decision,
  };

  const times = await sampleEach(
    [
      { name: 'evaluate, allow', run: () => evaluate(policy, requests.allow) },
      { name: 'evaluate, deny', run: () => evaluate(policy, requests.deny) },
      { name: 'checkToolCall, allow', run: () => check('allow') },
      { name: 'checkToolCall, deny', run: () => check('deny') },
    ],
    { ...options, between: rotate },
  );
  const names = ['evaluate, allow', 'evaluate, deny', 'checkToolCall, allow', 'checkToolCall, deny'];
  const metrics: Record<string, number> = { 'decision.rules': countRules(POLICY), 'decision.tools': Object.keys(TOOLS).length, 'decision.arguments': Object.keys(calls.allow).length };
  const rows = names.map((name) => {
    const summary = summarize(times[name] as number[]);
    const key = slug(name);
    metrics[`decision.${key}.p50Ms`] = summary.p50;
    metrics[`decision.${key}.p99Ms`] = summary.p99;
    return [name, formatMs(summary.p50), formatMs(summary.p99), formatMs(summary.mean), `${Math.round(1000 / summary.mean).toLocaleString('en-US')}/s`];
  });
  const groundingShare = medianRatio(times['checkToolCall, allow'] as number[], times['evaluate, allow'] as number[]);
  metrics['decision.checkOverEvaluate'] = groundingShare;
  const text = [
    `Policy: ${metrics['decision.rules']} rules (built-in rules, operations, \`labels\` targets, capability and network patterns, URL exceptions, limits, approvals), ` +
      `${metrics['decision.tools']} tools; the call: \`send_email\` with ${metrics['decision.arguments']} arguments (e-mails, arrays, a 1 KB body with a URL, numbers, ids). ` +
      `The session has seen the user's task and ${options.results + 2} tool results of ≈1 KB. ${options.samples.toLocaleString('en-US')} samples per row after ${options.warmup.toLocaleString('en-US')} warm-up, interleaved.`,
    '',
    table(['operation', 'p50', 'p99', 'mean', 'throughput'], rows),
    '',
    `Decisions: evaluate ${decided.evaluateAllow.type} / ${decided.evaluateDeny.type} (${decided.evaluateDeny.ruleIds.join(', ')}); ` +
      `checkToolCall ${decided.checkAllow.type} / ${decided.checkDeny.type} (${decided.checkDeny.ruleIds.join(', ')}). ` +
      `checkToolCall (allow) costs ${formatRatio(groundingShare)} evaluate (allow), median of per-sample ratios.`,
  ].join('\n');
  return {
    title: 'Decision latency',
    text,
    metrics: {
      ...metrics,
      'decision.evaluateAllowIsAllow': Number(decided.evaluateAllow.type === 'allow'),
      'decision.evaluateDenyIsDeny': Number(decided.evaluateDeny.type === 'deny'),
      'decision.checkAllowIsAllow': Number(decided.checkAllow.type === 'allow'),
      'decision.checkDenyIsDeny': Number(decided.checkDeny.type === 'deny'),
    },
  };
}
