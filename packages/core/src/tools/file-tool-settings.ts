import type { FileTaintStore } from '../files/file-taint-store.js';
import { resolveToolPath, type ResolvedToolPath } from '../files/resolve-tool-path.js';
import type { ToolMetadata } from '../policy/policy-schema.js';
import type { PreparedCall } from './labelflow-tool.js';
import { refusedCall } from './refused-call.js';
import { ToolRefusedError } from './tool-refused-error.js';

/** What every file tool is configured with. */
export interface FileToolSettings {
  readonly root: string;
  readonly roots: readonly string[];
  readonly homeDir: string | undefined;
  readonly maxBytes: number;
  readonly taint: FileTaintStore;
}

/** The facts of a prepared file call: the path as given and where it resolved. */
export interface FileFacts {
  readonly input: string;
  readonly path: string;
  readonly real: string;
  readonly relative: string;
}

/** The path of a file tool call, resolved inside the roots, or the refused call that explains why not. */
export function preparePath(
  input: unknown,
  settings: FileToolSettings,
  metadata: ToolMetadata,
): { readonly type: 'inside'; readonly facts: FileFacts } | { readonly type: 'refused'; readonly call: PreparedCall<FileFacts> } {
  if (typeof input !== 'string' || input === '') return { type: 'refused', call: refusedCall({ reason: 'the arguments do not match the tool: `path` must be a non-empty string', metadata }) };
  const resolved = resolveToolPath(input, settings);
  if (resolved.type === 'outside') return { type: 'refused', call: refusedCall({ reason: resolved.reason, metadata }) };
  return { type: 'inside', facts: { input, path: resolved.path, real: resolved.real, relative: resolved.relative } };
}

/**
 * Resolves the path again right before acting and refuses when it no longer leads to the file that was
 * checked (the path argument changed, or a symbolic link was swapped in between).
 */
export function recheckPath(tool: string, input: unknown, facts: FileFacts, settings: FileToolSettings): Extract<ResolvedToolPath, { type: 'inside' }> {
  if (input !== facts.input) throw new ToolRefusedError({ tool, reason: 'the path changed after it was checked' });
  const resolved = resolveToolPath(facts.input, settings);
  if (resolved.type === 'outside' || resolved.real !== facts.real) throw new ToolRefusedError({ tool, reason: `the path \`${facts.input}\` no longer leads to the file that was checked` });
  return resolved;
}
