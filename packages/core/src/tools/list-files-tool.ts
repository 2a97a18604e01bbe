import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { getSession } from '../session/get-session.js';
import { preparePath, recheckPath, type FileFacts, type FileToolSettings } from './file-tool-settings.js';
import type { LabelflowTool } from './labelflow-tool.js';
import { requirePrepared } from './refused-call.js';

/** What `list_files` returns: at most 1,000 entries. */
export interface ListFilesResult {
  readonly path: string;
  readonly entries: readonly { readonly name: string; readonly type: 'file' | 'directory' | 'symlink' | 'other' }[];
  readonly truncated: boolean;
}

const MAX_ENTRIES = 1000;
const METADATA = { labels: ['fs:r'], controlArgs: ['path'], output: { labels: ['src:file'] } };

/** `list_files`: lists a directory inside the roots (names and types, not contents). */
export function listFilesTool(name: string, settings: FileToolSettings): LabelflowTool<{ path?: string | undefined }, ListFilesResult, FileFacts> {
  const inputSchema = z.strictObject({ path: z.string().min(1).optional().describe('Directory to list, relative to the project root (default: the root)') });
  const tool: LabelflowTool<{ path?: string | undefined }, ListFilesResult, FileFacts> = {
    name,
    description: 'List the files in a directory of the project.',
    inputSchema,
    metadata: METADATA,
    prepare(args) {
      const prepared = preparePath((args as { path?: unknown } | null)?.path ?? '.', settings, METADATA);
      if (prepared.type === 'refused') return prepared.call;
      const { facts } = prepared;
      return Object.freeze({
        metadata: METADATA,
        operation: { paths: [...new Set([facts.path, facts.real])].map((path) => ({ mode: 'r' as const, path })) },
        summary: `lists ${facts.real}`,
        facts,
      });
    },
    async execute(args, { prepared }) {
      const facts = requirePrepared(name, prepared);
      // Fail closed: outside a session nothing decided this call.
      getSession();
      const resolved = recheckPath(name, args['path'] ?? '.', facts, settings);
      const all = readdirSync(resolved.real, { withFileTypes: true });
      const entries = all.slice(0, MAX_ENTRIES).map((entry) => ({
        name: entry.name,
        type: entry.isFile() ? ('file' as const) : entry.isDirectory() ? ('directory' as const) : entry.isSymbolicLink() ? ('symlink' as const) : ('other' as const),
      }));
      return { path: resolved.relative, entries, truncated: all.length > MAX_ENTRIES };
    },
  };
  return Object.freeze(tool);
}
