import type { CompiledLayer } from '../policy/compiled-policy.js';
import type { ArgumentViews } from './argument-views.js';
import { violation, type Violation } from './decision.js';
import type { RunCounters } from './tool-call-request.js';

function amountOf(value: unknown): number | undefined {
  const amount = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(amount) && amount >= 0 ? amount : undefined;
}

/**
 * Checks one layer's limits against the run so far (`run` counts calls already allowed and executed). Fails
 * closed: without run counters, or with a spend argument that is not a non-negative number, the call is denied.
 */
export function checkLimits(
  layer: CompiledLayer,
  tool: string,
  run: RunCounters | undefined,
  { views }: ArgumentViews,
): Violation[] {
  const limits = layer.limits;
  if (limits === undefined) return [];
  if (run === undefined) {
    // Fail closed: a limit cannot be enforced without knowing what the run has already done.
    return [violation({ ruleId: 'limits', reason: 'run counters are missing, so limits cannot be checked', suggestion: 'evaluate calls through a session, which counts them' })];
  }
  const found: Violation[] = [];
  if (limits.maxCalls !== undefined && run.calls + 1 > limits.maxCalls) {
    found.push(violation({ ruleId: 'limits.maxCalls', reason: `the run may make at most ${limits.maxCalls} tool calls`, suggestion: 'raise `limits.maxCalls` or split the task', target: `tool:${tool}` }));
  }
  const perTool = limits.maxCallsPerTool.get(tool);
  const callsOfTool = run.callsByTool !== undefined && Object.hasOwn(run.callsByTool, tool) ? (run.callsByTool[tool] ?? 0) : 0;
  if (perTool !== undefined && callsOfTool + 1 > perTool) {
    found.push(violation({ ruleId: 'limits.maxCallsPerTool', reason: `the run may call this tool at most ${perTool} times`, suggestion: `raise \`limits.maxCallsPerTool.${tool}\``, target: `tool:${tool}` }));
  }
  const spendArg = limits.spend?.tools.get(tool);
  if (limits.spend !== undefined && spendArg !== undefined) {
    const view = views.find((candidate) => candidate.name === spendArg);
    const amount = amountOf(view?.value);
    if (amount === undefined) {
      // Fail closed: an amount that is not a number could be any amount.
      found.push(violation({ ruleId: 'limits.spend', reason: 'the spend amount is not a non-negative number', suggestion: `pass a number in \`${spendArg}\``, args: [spendArg] }));
    } else if ((run.spent ?? 0) + amount > limits.spend.max) {
      found.push(violation({ ruleId: 'limits.spend', reason: `the run may spend at most ${limits.spend.max}`, suggestion: 'raise `limits.spend.max` or spend less', args: [spendArg] }));
    }
  }
  return found;
}
