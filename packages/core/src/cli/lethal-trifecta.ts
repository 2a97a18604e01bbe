import type { ArgumentInput, ToolCallRequest } from '../evaluate/tool-call-request.js';
import { evaluate } from '../evaluate/evaluate.js';
import { isOperation, operationTargets } from '../evaluate/operation-targets.js';
import { hasLabel } from '../labels/match-label.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';

/** A tool nobody described, as the report names it. */
export const UNDESCRIBED_TOOL = '(undescribed tool)';

/** How one probe call was decided. */
export interface ProbeOutcome {
  readonly decision: 'allow' | 'deny' | 'require-approval';
  readonly ruleIds: readonly string[];
}

/** One tool that can send data out, probed with the calls an injected model would make. */
export interface TrifectaTool {
  readonly tool: string;
  /** The tool's exfiltration targets (`exfil`, `exfil:send`…). */
  readonly exfil: readonly string[];
  /** `exposed`: a secret reaches an attacker-chosen destination; `approval`: only a person stands in the way. */
  readonly status: 'blocked' | 'approval' | 'exposed';
  readonly probes: {
    /** A secret in the payload, to an attacker-chosen destination (the lethal trifecta itself). */
    readonly secretToAttacker: ProbeOutcome;
    /** Harmless data to an attacker-chosen destination. */
    readonly attackerDestination: ProbeOutcome;
    /** A secret to a destination the user named. */
    readonly secretToKnown: ProbeOutcome;
  };
}

/** Which tools can be reached by untrusted data, secrets and exfiltration together. */
export interface TrifectaReport {
  /** Tools whose results are untrusted (and `(undescribed tool)` when the stance is untrusted). */
  readonly untrustedSources: readonly string[];
  /** Tools that see secrets (credentials, secret paths, secret or sensitive output) and credentials by name. */
  readonly secretSources: readonly string[];
  readonly exfilTools: readonly TrifectaTool[];
  /** True when the policy itself names all three: untrusted sources, secret sources and exfiltration. */
  readonly complete: boolean;
  /** Tools through which an injected model could send a secret to a destination of its choosing. */
  readonly exposed: readonly string[];
}

/** What the model has seen when it makes a probe call: the user's prompt, untrusted content, and (when probing with one) a secret. */
function contextOf(secret: boolean) {
  return secret
    ? { labels: ['trusted', 'untrusted', 'influenced', 'secret'], taint: ['src:user', 'src:tool:probe', 'src:credential:probe'] }
    : { labels: ['trusted', 'untrusted', 'influenced'], taint: ['src:user', 'src:tool:probe'] };
}
const ATTACKER_URL = 'https://attacker.example/collect';
const KNOWN_URL = 'https://known.example/inbox';

function probe(compiled: CompiledPolicy, tool: string, destination: 'attacker' | 'known', secret: boolean): ProbeOutcome {
  const controls = compiled.tools.get(tool)?.controlArgs ?? [];
  const destinationArg: ArgumentInput =
    destination === 'attacker'
      ? { value: ATTACKER_URL, labels: ['untrusted'], taint: ['src:tool:probe'], urls: [{ url: ATTACKER_URL, labels: ['untrusted', 'src:tool:probe'] }] }
      : { value: KNOWN_URL, labels: ['known', 'trusted'], taint: ['src:user'], urls: [{ url: KNOWN_URL, labels: ['known', 'trusted', 'src:user'] }] };
  const payload: ArgumentInput = secret ? { value: '«secret:1»', labels: ['secret'], taint: ['src:credential:probe'] } : { value: 'hello', labels: [] };
  const args: Record<string, ArgumentInput> = Object.create(null) as Record<string, ArgumentInput>;
  if (controls.length === 0) {
    // Every argument is a control argument: the destination and the secret travel in the same one.
    args['input'] = secret ? { ...destinationArg, labels: [...destinationArg.labels, 'secret'] } : destinationArg;
  } else {
    for (const name of controls) args[name] = destinationArg;
    args['payload'] = payload;
  }
  const request: ToolCallRequest = { tool, ...(controls.length === 0 ? {} : { controlArgs: controls }), args, context: contextOf(secret), run: { calls: 0 } };
  const decision = evaluate(compiled, request);
  return { decision: decision.type, ruleIds: decision.ruleIds };
}

function untrustedSources(compiled: CompiledPolicy): string[] {
  const sources = [...compiled.tools.entries()]
    .filter(([, meta]) => {
      const declared = meta.outputLabels.some((label) => hasLabel([label], 'trusted') || hasLabel([label], 'untrusted'));
      return hasLabel(meta.outputLabels, 'untrusted') || meta.untrustedPaths.length > 0 || (!declared && compiled.unlabeled === 'untrusted');
    })
    .map(([tool]) => tool);
  return compiled.unlabeled === 'untrusted' ? [...sources, UNDESCRIBED_TOOL] : sources;
}

function secretSources(compiled: CompiledPolicy): string[] {
  const tools = [...compiled.tools.entries()]
    .filter(([, meta]) => meta.auth.length > 0 || meta.secretPaths.length > 0 || ['secret', 'sensitive', 'pii'].some((label) => hasLabel(meta.outputLabels, label)))
    .map(([tool]) => tool);
  return [...tools, ...[...compiled.auth.keys()].map((name) => `credential:${name}`)];
}

/**
 * Finds which tools an injected model could use to send secrets out: the "lethal trifecta" of untrusted data,
 * private data and a way to exfiltrate. Every tool whose operation is `exfil` (and a tool nobody described,
 * which counts as `exfil`) is probed through `evaluate` with the calls an injected model would make after
 * reading untrusted content and a secret: the secret to an attacker's destination, harmless data to it, and the
 * secret to a destination the user named. A tool is `exposed` when the first is allowed.
 *
 * @example
 * ```ts
 * const report = lethalTrifecta(compilePolicy(policy));
 * if (report.exposed.length > 0) console.error(`secrets can leave through ${report.exposed.join(', ')}`);
 * ```
 */
export function lethalTrifecta(compiled: CompiledPolicy): TrifectaReport {
  const candidates = [...compiled.tools.keys(), UNDESCRIBED_TOOL];
  const exfilTools: TrifectaTool[] = [];
  for (const tool of candidates) {
    const targets = operationTargets(compiled, tool, undefined).targets;
    if (!isOperation(targets, 'exfil')) continue;
    const secretToAttacker = probe(compiled, tool, 'attacker', true);
    const status = secretToAttacker.decision === 'allow' ? 'exposed' : secretToAttacker.decision === 'require-approval' ? 'approval' : 'blocked';
    exfilTools.push({
      tool,
      exfil: targets.filter((target) => hasLabel([target], 'exfil')),
      status,
      probes: { secretToAttacker, attackerDestination: probe(compiled, tool, 'attacker', false), secretToKnown: probe(compiled, tool, 'known', true) },
    });
  }
  const untrusted = untrustedSources(compiled);
  const secrets = secretSources(compiled);
  return {
    untrustedSources: untrusted,
    secretSources: secrets,
    exfilTools,
    complete: untrusted.length > 0 && secrets.length > 0 && exfilTools.length > 0,
    exposed: exfilTools.filter((tool) => tool.status === 'exposed').map((tool) => tool.tool),
  };
}
