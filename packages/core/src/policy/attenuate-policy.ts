import { PolicyWideningError } from '../errors/policy-widening-error.js';
import type { PolicyIssue } from '../errors/invalid-policy-error.js';
import { matchesLabel } from '../labels/match-label.js';
import { compilePolicy, type CompileOptions } from './compile-policy.js';
import { isCompiledPolicy, type CompiledLayer, type CompiledPolicy } from './compiled-policy.js';
import { parsePolicy } from './parse-policy.js';
import type { Policy } from './policy-schema.js';

type Dimension = 'tool' | 'cmd' | 'fs:r' | 'fs:w' | 'host' | 'url';

function dimensionOf(pattern: string): Dimension | undefined {
  if (pattern.startsWith('tool:')) return 'tool';
  if (pattern === 'cmd' || pattern.startsWith('cmd:')) return 'cmd';
  if (pattern.startsWith('fs:r:')) return 'fs:r';
  if (pattern.startsWith('fs:w:') || pattern.startsWith('fs:rw:')) return 'fs:w';
  return undefined;
}

function globToRegExp(glob: string): RegExp {
  // In file globs `*` stays inside one path segment and only `**` crosses `/`; elsewhere `*` is any run.
  const isPath = glob.startsWith('fs:');
  const escape = (text: string) => text.replace(/[.+^${}()|[\]\\?]/gu, '\\$&');
  const source = glob
    .split('**')
    .map((part) => escape(part).replace(/\\\?/gu, isPath ? '[^/]' : '.').replace(/\*/gu, isPath ? '[^/]*' : '.*'))
    .join('.*');
  return new RegExp(`^${source}$`, 'u');
}

/** True when `child` starts with the URL prefix `parent` at a path boundary (`/pub` covers `/pub/x`, not `/public`). */
function coversUrlPrefix(parent: string, child: string): boolean {
  if (!child.startsWith(parent)) return false;
  const next = child.charAt(parent.length);
  return parent.endsWith('/') || next === '' || next === '/' || next === '?' || next === '#';
}

/**
 * Conservative coverage: the parent pattern's glob, read as text, matches the child pattern's text (the child's
 * wildcards taken literally). It may call a real narrowing a widening, never the reverse.
 */
function covers(parent: string, child: string): boolean {
  if (parent === child) return true;
  if (/^https?:\/\//u.test(parent)) return coversUrlPrefix(parent, child);
  // A child's `**` may cross directories, so only a parent `**` covers it: stand it in with a `/`.
  const literalChild = parent.startsWith('fs:') ? child.replaceAll('**', '\u0000/\u0000') : child;
  if (globToRegExp(parent).test(literalChild)) return true;
  // `cmd:echo` in an allow list means echo with any arguments.
  if (/^cmd:[^:*]+$/u.test(parent) && child.startsWith(`${parent}:`)) return true;
  if (/^https?:\/\//u.test(parent)) return coversUrlPrefix(parent, child);
  return false;
}

function allowPatterns(policy: Policy): { dimension: Dimension; pattern: string; path: (string | number)[] }[] {
  const found: { dimension: Dimension; pattern: string; path: (string | number)[] }[] = [];
  policy.capabilities?.allow?.forEach((pattern, index) => {
    const dimension = dimensionOf(pattern);
    if (dimension !== undefined) found.push({ dimension, pattern, path: ['capabilities', 'allow', index] });
  });
  policy.capabilities?.fs?.read?.forEach((glob, index) => found.push({ dimension: 'fs:r', pattern: `fs:r:${glob}`, path: ['capabilities', 'fs', 'read', index] }));
  policy.capabilities?.fs?.write?.forEach((glob, index) => found.push({ dimension: 'fs:w', pattern: `fs:w:${glob}`, path: ['capabilities', 'fs', 'write', index] }));
  policy.capabilities?.network?.allow?.forEach((host, index) => found.push({ dimension: 'host', pattern: host, path: ['capabilities', 'network', 'allow', index] }));
  policy.urls?.allow?.forEach((url, index) => found.push({ dimension: 'url', pattern: url, path: ['urls', 'allow', index] }));
  return found;
}

function checkAllowLists(parent: CompiledLayer, child: Policy, issues: PolicyIssue[]): void {
  const parentPatterns = allowPatterns(parent.policy);
  for (const entry of allowPatterns(child)) {
    const sameDimension = parentPatterns.filter((candidate) =>
      candidate.dimension === entry.dimension || (entry.dimension === 'fs:r' && candidate.dimension === 'fs:w'),
    );
    // URLs: a parent without `urls.allow` allows no exceptions at all, so any child entry widens it.
    const constrained = entry.dimension === 'url' || sameDimension.length > 0;
    if (!constrained) continue;
    const toText = (pattern: string) => (entry.dimension === 'fs:r' ? pattern.replace(/^fs:(w|rw):/u, 'fs:r:') : pattern.replace(/^fs:rw:/u, 'fs:w:'));
    if (!sameDimension.some((candidate) => covers(toText(candidate.pattern), toText(entry.pattern)))) {
      issues.push({ path: entry.path, code: 'widens-allow', message: `\`${entry.pattern}\` is not allowed by the parent policy` });
    }
  }
}

function checkDanger(parent: CompiledLayer, child: Policy, issues: PolicyIssue[]): void {
  const opened = parent.policy.capabilities?.danger ?? [];
  child.capabilities?.danger?.forEach((pattern, index) => {
    if (!opened.some((candidate) => covers(candidate, pattern))) {
      issues.push({ path: ['capabilities', 'danger', index], code: 'widens-danger', message: `\`${pattern}\` opens a dangerous capability the parent policy keeps closed` });
    }
  });
}

function checkLabelAllows(parent: CompiledLayer, child: Policy, issues: PolicyIssue[]): void {
  for (const key of Object.keys(child.labels ?? {})) {
    const allow = child.labels?.[key]?.allow ?? [];
    const related = parent.labelRules.filter((rule) => rule.deny.length > 0 && (matchesLabel(rule.key, key) || matchesLabel(key, rule.key)));
    allow.forEach((target, index) => {
      for (const rule of related) {
        if (!(rule.allow ?? []).some((entry) => matchesLabel(entry, target))) {
          issues.push({ path: ['labels', key, 'allow', index], code: 'widens-label-allow', message: `\`${target}\` would let \`${key}\` reach an operation the parent denies for \`${rule.key}\`` });
          return;
        }
      }
    });
  }
}

function checkAuthorizations(parent: CompiledLayer, child: Policy, issues: PolicyIssue[]): void {
  const parentAllow = parent.authorizations;
  if (parentAllow === undefined || child.authorizations === undefined) return;
  for (const tool of Object.keys(child.authorizations.allow)) {
    const parentEntry = parentAllow.get(tool);
    const childEntry = child.authorizations.allow[tool];
    if (parentEntry === undefined) {
      issues.push({ path: ['authorizations', 'allow', tool], code: 'widens-authorizations', message: `tool \`${tool}\` is not authorized by the parent policy` });
    } else if (parentEntry !== true && childEntry === true) {
      issues.push({ path: ['authorizations', 'allow', tool], code: 'widens-authorizations', message: `tool \`${tool}\` has pinned arguments in the parent policy; \`true\` would drop them` });
    }
  }
}

/**
 * Tool descriptions are shared by every layer, so a child may only make them stricter: it may add operation
 * labels and untrusted or secret paths, but not describe a tool its parent leaves undescribed (that would lift
 * the strict reading of undescribed tools), add control arguments (payload arguments are read more leniently),
 * or declare output `trusted` / `known`.
 */
function checkTools(parent: CompiledPolicy, child: Policy, issues: PolicyIssue[]): void {
  for (const tool of Object.keys(child.tools ?? {})) {
    const entry = child.tools?.[tool];
    const known = parent.tools.get(tool);
    if (known === undefined) {
      issues.push({ path: ['tools', tool], code: 'widens-tools', message: `tool \`${tool}\` is undescribed in the parent policy, which treats it as consequential; describe it in the parent instead` });
      continue;
    }
    entry?.controlArgs?.forEach((arg, index) => {
      if (!known.controlArgs.includes(arg)) {
        issues.push({ path: ['tools', tool, 'controlArgs', index], code: 'widens-tools', message: `\`${arg}\` would become a control argument, so rules would stop reading it with the context` });
      }
    });
    entry?.output?.labels?.forEach((label, index) => {
      if (label === 'trusted' || label === 'known' || label.startsWith('known:') || label.startsWith('trusted:')) {
        issues.push({ path: ['tools', tool, 'output', 'labels', index], code: 'widens-tools', message: `\`${label}\` would make the tool's output vouch for values the parent does not trust` });
      }
    });
  }
}

function checkScalars(parent: CompiledPolicy, child: Policy, issues: PolicyIssue[]): void {
  if (parent.locked && child.locked === false) {
    issues.push({ path: ['locked'], code: 'widens-locked', message: 'the parent policy is locked; a child cannot unlock it' });
  }
  if (parent.unlabeled === 'untrusted' && child.defaults?.unlabeled === 'trusted') {
    issues.push({ path: ['defaults', 'unlabeled'], code: 'widens-stance', message: 'the parent treats unlabeled values as `untrusted`; a child cannot trust them' });
  }
  const limits = child.limits;
  if (limits === undefined) return;
  for (const layer of parent.layers) {
    const parentLimits = layer.limits;
    if (parentLimits === undefined) continue;
    if (limits.maxCalls !== undefined && parentLimits.maxCalls !== undefined && limits.maxCalls > parentLimits.maxCalls) {
      issues.push({ path: ['limits', 'maxCalls'], code: 'widens-limit', message: `\`${limits.maxCalls}\` is above the parent's limit of ${parentLimits.maxCalls}` });
    }
    for (const [tool, max] of Object.entries(limits.maxCallsPerTool ?? {})) {
      const parentMax = parentLimits.maxCallsPerTool.get(tool);
      if (parentMax !== undefined && max > parentMax) {
        issues.push({ path: ['limits', 'maxCallsPerTool', tool], code: 'widens-limit', message: `\`${max}\` is above the parent's limit of ${parentMax}` });
      }
    }
    if (limits.spend !== undefined && parentLimits.spend !== undefined && limits.spend.max > parentLimits.spend.max) {
      issues.push({ path: ['limits', 'spend', 'max'], code: 'widens-limit', message: `\`${limits.spend.max}\` is above the parent's limit of ${parentLimits.spend.max}` });
    }
  }
}

/**
 * Narrows a parent policy with a child policy (a scope, a sub-agent, a task). The result allows a call only if
 * both allow it. A child that tries to widen its parent (allow what the parent does not, open a danger the
 * parent keeps closed, relax a tool description, raise a limit, unlock, trust unlabeled values, authorize more tools) is refused with a
 * `PolicyWideningError` listing every attempt.
 *
 * @example
 * ```ts
 * const parent = compilePolicy({ capabilities: { allow: ['tool:read_*', 'tool:send_email'] } });
 * const child = attenuatePolicy(parent, { capabilities: { allow: ['tool:read_inbox'] } }); // fine
 * attenuatePolicy(parent, { capabilities: { allow: ['tool:*'] } }); // throws PolicyWideningError
 * ```
 */
export function attenuatePolicy(
  parent: Policy | CompiledPolicy,
  child: Policy,
  options: CompileOptions = {},
): CompiledPolicy {
  const compiledParent = isCompiledPolicy(parent) ? parent : compilePolicy(parent, options);
  const parsedChild = parsePolicy(child);
  const issues: PolicyIssue[] = [];
  checkScalars(compiledParent, parsedChild, issues);
  checkTools(compiledParent, parsedChild, issues);
  for (const layer of compiledParent.layers) {
    checkAllowLists(layer, parsedChild, issues);
    checkDanger(layer, parsedChild, issues);
    checkLabelAllows(layer, parsedChild, issues);
    checkAuthorizations(layer, parsedChild, issues);
  }
  const unique = [...new Map(issues.map((issue) => [`${issue.path.join('.')}\u0000${issue.code}`, issue])).values()];
  if (unique.length > 0) throw new PolicyWideningError({ issues: unique });
  return compilePolicy([compiledParent, parsedChild], options);
}
