import { homedir } from 'node:os';
import type { CapabilitiesConfig, CompiledCapabilities } from './capability-types.js';
import { compileHostMatchers, compileMatcherSet, type MatcherSet } from './compile-matcher.js';
import { DEFAULT_DANGER_PATTERNS } from './default-danger.js';
import type { PathContext } from './expand-path.js';

/**
 * Compiles a policy's `capabilities` section once, for `checkCapabilities` to use on every call. It never throws:
 * a pattern that does not parse (the schema should have refused it) matches nothing in `allow` and `danger` and
 * everything in `deny`. `fs.read` and `fs.write` entries become `fs:r:` and `fs:w:` allow patterns.
 *
 * @param options.homeDir What `~` expands to (default `os.homedir()`).
 * @param options.cwd What relative globs and paths resolve against (default `process.cwd()`).
 * @example
 * ```ts
 * const compiled = compileCapabilities({ allow: ['cmd:git:*'], deny: ['cmd:git:push'] }, { cwd: '/work/app' });
 * checkCapabilities(compiled, { tool: 'shell', commands: [['git', 'push']] })?.ruleId; // 'capabilities.deny'
 * ```
 */
export function compileCapabilities(
  config: CapabilitiesConfig | undefined,
  { homeDir = tryOrUndefined(homedir), cwd = tryOrUndefined(() => process.cwd()) }: { homeDir?: string; cwd?: string } = {},
): CompiledCapabilities {
  const paths: PathContext = Object.freeze({ homeDir, cwd });
  const allow = [
    ...listOf(config?.allow),
    ...listOf(config?.fs?.read).map((glob) => `fs:r:${glob}`),
    ...listOf(config?.fs?.write).map((glob) => `fs:w:${glob}`),
  ];
  const rules = Object.freeze({
    paths,
    danger: defaultDanger(paths),
    optIn: compileMatcherSet(listOf(config?.danger), 'opt-in', paths),
    deny: compileMatcherSet(listOf(config?.deny), 'deny', paths),
    allow: compileMatcherSet(allow, 'allow', paths),
    hostDeny: compileHostMatchers(listOf(config?.network?.deny), 'deny'),
    hostAllow: compileHostMatchers(listOf(config?.network?.allow), 'allow'),
  });
  return Object.freeze({ rules });
}

// The built-in danger list is the same for every policy with the same home and working directory, and compiling
// its globs is most of the cost of compiling a policy: compile it once per pair.
const dangerCache = new Map<string, MatcherSet>();

function defaultDanger(paths: PathContext): MatcherSet {
  const key = `${paths.homeDir ?? '\u0000'}\u0001${paths.cwd ?? '\u0000'}`;
  let set = dangerCache.get(key);
  if (set === undefined) {
    set = compileMatcherSet(DEFAULT_DANGER_PATTERNS, 'danger', paths);
    if (dangerCache.size > 64) dangerCache.clear();
    dangerCache.set(key, set);
  }
  return set;
}

function listOf(value: readonly unknown[] | undefined): readonly string[] {
  // A non-string entry stays in the list as a string no parser accepts (it starts with NUL), so it fails closed
  // like any other invalid pattern instead of vanishing.
  return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : `\u0000${typeof item}`)) : [];
}

// `os.homedir()` and `process.cwd()` can throw (no passwd entry, deleted directory); an unknown base then
// makes `~` and relative globs fail closed instead of breaking compilation.
function tryOrUndefined(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
