import { commandName } from '../capabilities/command-name.js';
import { compileMatcherSet, type Matcher } from '../capabilities/compile-matcher.js';
import { parseCapabilityPattern } from '../capabilities/parse-capability-pattern.js';
import { InvalidPolicyError } from '../errors/invalid-policy-error.js';
import { DESTRUCTIVE_BINARIES, NETWORK_BINARIES } from '../shell/command-categories.js';

/** The label `shellTool` adds to calls that match its `requireApproval` patterns. */
export const SHELL_APPROVAL_LABEL = 'op:cmd:approval';

/**
 * `shellTool`'s default `requireApproval`: every network binary and every destructive one, as command patterns
 * (prefixes, as in deny lists), plus `find -delete`, `git clean` and `git reset --hard`.
 */
export const DEFAULT_SHELL_APPROVAL: readonly string[] = Object.freeze([
  ...[...NETWORK_BINARIES, ...DESTRUCTIVE_BINARIES].map((bin) => `cmd:${bin}`),
  'cmd:find:*:-delete',
  'cmd:git:clean',
  'cmd:git:reset:*:--hard',
]);

/**
 * Compiles `requireApproval` command patterns (`cmd:curl`, `cmd:git:push`) into a test over a call's
 * commands. Patterns are prefixes, as in deny lists. An invalid pattern throws `InvalidPolicyError` now,
 * at construction.
 *
 * @example
 * ```ts
 * compileApproval(['cmd:git:push'])([['git', 'push', 'origin']]); // true
 * ```
 */
export function compileApproval(patterns: readonly string[]): (commands: readonly (readonly string[])[]) => boolean {
  const issues = patterns.flatMap((pattern, index) => {
    const parsed = parseCapabilityPattern(pattern);
    if (parsed.type === 'error') return [{ path: ['requireApproval', index], code: 'invalid-pattern', message: parsed.message }];
    if (parsed.pattern.type !== 'cmd') return [{ path: ['requireApproval', index], code: 'invalid-pattern', message: `pattern \`${pattern}\` is not a command pattern: expected \`cmd:<word>[:<word>…]\`` }];
    return [];
  });
  if (issues.length > 0) throw new InvalidPolicyError({ issues, source: 'shellTool options' });
  const matchers: readonly Matcher<readonly string[]>[] = compileMatcherSet(patterns, 'deny', { homeDir: undefined, cwd: undefined }).cmd;
  return (commands) => commands.some((words) => matchers.some((matcher) => matcher.matches(normalised(words))));
}

// Patterns compare the first word as a lower-cased basename, as capability checks do.
function normalised(words: readonly string[]): readonly string[] {
  const [first = '', ...rest] = words;
  return [commandName(first), ...rest];
}
