import type { Collector, InvocationContext } from './analysis-collector.js';
import { isDangerousVariable } from './dangerous-variable.js';
import { resolveInvocation } from './resolve-invocation.js';
import type { Command, Redirect, Script, Word } from './shell-syntax.js';
import { evaluateWord, type ShellWord } from './shell-word.js';
import { uncertain } from './uncertain-syntax.js';

const DEVICE_SOCKET = /^\/dev\/(?:tcp|udp)\//u;

/**
 * Walks a parsed script: every pipeline, every command, every substitution (they run too), collecting what
 * `analyzeCommand` reports. `context.input` is the input of the script's first commands (a pipe into
 * `( … )` or `sh -c`).
 */
export function walkScript(script: Script, context: InvocationContext, collector: Collector): void {
  script.pipelines.forEach((pipeline, index) => {
    pipeline.commands.forEach((command, position) => {
      if (position > 0) collector.operators.push(pipeline.operators[position - 1] as string);
      walkCommand(command, position > 0 ? { scope: context.scope, input: 'pipe' } : context, collector);
    });
    const operator = script.operators[index];
    if (operator !== undefined) collector.operators.push(operator);
  });
}

function walkCommand(command: Command, context: InvocationContext, collector: Collector): void {
  if (command.type === 'loop') {
    for (const item of command.items ?? []) evaluate(item, context, collector);
    return;
  }
  if (command.type === 'subshell') {
    walkScript(command.body, applyRedirects(command.redirects, context, collector), collector);
    return;
  }
  for (const assignment of command.assignments) {
    if (isDangerousVariable(assignment.name)) uncertain(`assigning \`${assignment.name}\` changes which program runs or what it executes`);
    const [value] = evaluate(assignment.value, context, collector);
    collector.assignments.push({ name: assignment.name, value: value ?? { source: '', value: '', glob: undefined, home: false } });
  }
  const inner = applyRedirects(command.redirects, context, collector);
  const [first, ...rest] = command.words;
  if (first === undefined) return;
  const names = evaluate(first, context, collector);
  // bash brace-expands a command name into several words (`{rm,-rf,/}`); sh runs it literally.
  if (names.length !== 1) uncertain(`the command name \`${first.source}\` is a brace expansion`);
  resolveInvocation([...names, ...rest.flatMap((word) => evaluate(word, context, collector))], inner, collector);
}

/** Evaluates a word, walking the substitutions inside it first (they run before the command does). */
function evaluate(word: Word, context: InvocationContext, collector: Collector): ShellWord[] {
  for (const part of word.parts) {
    if (part.type !== 'substitution') continue;
    collector.substitutions.push({ kind: part.kind, source: part.source });
    walkScript(part.script, { scope: context.scope, input: 'none' }, collector);
  }
  const words = evaluateWord(word, context.scope.variables);
  collector.words.push(...words);
  return words;
}

function applyRedirects(redirects: readonly Redirect[], context: InvocationContext, collector: Collector): InvocationContext {
  let result = context;
  for (const redirect of redirects) {
    collector.operators.push(`${redirect.fd ?? ''}${redirect.op}`);
    if (redirect.op === '<<' || redirect.op === '<<-' || redirect.op === '<<<') {
      const body = redirect.op === '<<<' ? redirect.target : redirect.heredoc?.body;
      if (body === undefined) uncertain(`a here-document (\`${redirect.op}${redirect.target.source}\`) has no body`);
      const [value] = evaluate(body, context, collector);
      collector.redirects.push(Object.freeze({ op: redirect.op, fd: redirect.fd, target: value as ShellWord, mode: 'data' as const }));
      result = { ...result, input: 'here-document', stdinBody: value as ShellWord, stdinFile: undefined };
      continue;
    }
    const targets = evaluate(redirect.target, context, collector);
    const [target] = targets;
    if (target === undefined || targets.length > 1) uncertain(`redirection \`${redirect.op} ${redirect.target.source}\` names more than one file`);
    if (target.value === undefined) uncertain(`redirection target \`${target.source}\` is computed at run time`);
    const dup = (redirect.op === '<&' || redirect.op === '>&') && /^(?:\d+|-)$/u.test(target.value);
    const mode = dup ? 'dup' : redirect.op === '<' || redirect.op === '<&' ? 'r' : redirect.op === '<>' ? 'rw' : 'w';
    collector.redirects.push(Object.freeze({ op: redirect.op, fd: redirect.fd, target, mode }));
    if (mode === 'dup') continue;
    // bash opens a network connection for `/dev/tcp/host/port`; sh opens a file: the two shells disagree.
    if (DEVICE_SOCKET.test(target.value)) uncertain(`redirection to \`${target.value}\` opens a network connection in bash and a file in sh`);
    collector.files.push(Object.freeze({ bin: redirect.op, word: target, mode }));
    if (mode === 'r') result = { ...result, input: 'file', stdinFile: target, stdinBody: undefined };
  }
  return result;
}
