import type { ToolCallRequest } from './tool-call-request.js';

// Requests are built by adapters from model output, so their shape is checked by hand here: this runs on every
// tool call and must cost far less than the call itself. Any problem makes `evaluate` deny.

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Indexed loops, not `every`: `every` skips the holes of a sparse array, and a hole is not a string.
function isArrayOf<T>(value: unknown, check: (item: unknown) => item is T): value is readonly T[] {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index += 1) if (!check(value[index])) return false;
  return true;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isStringArray(value: unknown): value is readonly string[] {
  return isArrayOf(value, isString);
}

function optionalStrings(record: Record<string, unknown>, key: string): boolean {
  return !Object.hasOwn(record, key) || record[key] === undefined || isStringArray(record[key]);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isUrlInput(url: unknown): url is object {
  return isRecord(url) && typeof url['url'] === 'string' && isStringArray(url['labels']);
}

function validateArgument(name: string, value: unknown): string | undefined {
  if (!isRecord(value)) return `argument \`${name}\` is not an object`;
  if (!isStringArray(value['labels'])) return `argument \`${name}\` has no \`labels\` array of strings`;
  if (!optionalStrings(value, 'taint') || !optionalStrings(value, 'sources')) {
    return `argument \`${name}\` has a \`taint\` or \`sources\` that is not an array of strings`;
  }
  const urls = value['urls'];
  if (urls !== undefined) {
    if (!Array.isArray(urls)) return `argument \`${name}\` has \`urls\` that is not an array`;
    if (!isArrayOf(urls, isUrlInput)) return `argument \`${name}\` has a malformed entry in \`urls\``;
  }
  return undefined;
}

function validateOperation(operation: unknown): string | undefined {
  if (operation === undefined) return undefined;
  if (!isRecord(operation)) return '`operation` is not an object';
  const commands = operation['commands'];
  if (commands !== undefined && !isArrayOf(commands, isStringArray)) {
    return '`operation.commands` is not an array of word arrays';
  }
  const paths = operation['paths'];
  if (
    paths !== undefined &&
    !isArrayOf(paths, (path): path is object => isRecord(path) && (path['mode'] === 'r' || path['mode'] === 'w') && typeof path['path'] === 'string')
  ) {
    return '`operation.paths` is not an array of `{ mode, path }`';
  }
  if (!optionalStrings(operation, 'hosts')) return '`operation.hosts` is not an array of strings';
  return undefined;
}

function validateRun(run: unknown): string | undefined {
  if (run === undefined) return undefined;
  if (!isRecord(run) || !isCount(run['calls'])) return '`run.calls` is not a non-negative number';
  const byTool = run['callsByTool'];
  if (byTool !== undefined && !(isRecord(byTool) && Object.values(byTool).every(isCount))) {
    return '`run.callsByTool` is not a record of non-negative numbers';
  }
  if (run['spent'] !== undefined && !isCount(run['spent'])) return '`run.spent` is not a non-negative number';
  return undefined;
}

/**
 * Checks the shape of a request. Returns the first problem found, or `undefined` when the request is
 * well-formed.
 */
export function validateRequest(request: unknown): string | undefined {
  if (!isRecord(request)) return 'the request is not an object';
  if (typeof request['tool'] !== 'string' || request['tool'].length === 0) return 'the request has no tool name';
  if (!optionalStrings(request, 'labels')) return '`labels` is not an array of strings';
  if (!optionalStrings(request, 'controlArgs')) return '`controlArgs` is not an array of strings';
  const args = request['args'];
  if (!isRecord(args)) return '`args` is not an object';
  for (const name of Object.keys(args)) {
    const problem = validateArgument(name, args[name]);
    if (problem !== undefined) return problem;
  }
  const context = request['context'];
  if (context !== undefined) {
    if (!isRecord(context)) return '`context` is not an object';
    if (!optionalStrings(context, 'labels') || !optionalStrings(context, 'taint') || !optionalStrings(context, 'sources')) {
      return '`context` has a part that is not an array of strings';
    }
  }
  return validateOperation(request['operation']) ?? validateRun(request['run']);
}

/** Narrows an unknown value to a request after `validateRequest` found nothing wrong. */
export function isToolCallRequest(request: unknown): request is ToolCallRequest {
  return validateRequest(request) === undefined;
}
