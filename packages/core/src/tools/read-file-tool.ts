import { closeSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { isProtectedPath } from '../files/is-protected-path.js';
import { getSession } from '../session/get-session.js';
import { preparePath, recheckPath, type FileFacts, type FileToolSettings } from './file-tool-settings.js';
import type { LabelflowTool } from './labelflow-tool.js';
import { requirePrepared } from './refused-call.js';

/** What `read_file` returns. `content` holds at most `maxBytes` bytes, decoded as UTF-8. */
export interface ReadFileResult {
  readonly path: string;
  readonly content: string;
  readonly bytes: number;
  readonly truncated: boolean;
}

const METADATA = { labels: ['fs:r'], controlArgs: ['path'], output: { labels: ['src:file'] } };

/**
 * `read_file`: reads a file inside the roots. Its content is labelled `src:file` plus whatever the session
 * recorded when the file was written (file taint), and is a secret (replaced by a handle for the model) when
 * the path is protected (the policy's `danger` list must have opened it) or was written from secret data.
 */
export function readFileTool(name: string, settings: FileToolSettings): LabelflowTool<{ path: string }, ReadFileResult, FileFacts> {
  const inputSchema = z.strictObject({ path: z.string().min(1).describe('Path of the file, relative to the project root') });
  const tool: LabelflowTool<{ path: string }, ReadFileResult, FileFacts> = {
    name,
    description: 'Read a text file in the project directory.',
    inputSchema,
    metadata: METADATA,
    prepare(args, { session }) {
      const prepared = preparePath((args as { path?: unknown } | null)?.path, settings, METADATA);
      if (prepared.type === 'refused') return prepared.call;
      const { facts } = prepared;
      const recorded = [...new Set([...settings.taint.labelsOf(session, facts.path), ...settings.taint.labelsOf(session, facts.real)])];
      const secret = recorded.includes('secret') || [facts.path, facts.real].some((path) => isProtectedPath(path, 'r', settings));
      return Object.freeze({
        metadata: { ...METADATA, output: { labels: ['src:file', ...recorded, ...(secret ? ['secret'] : [])], ...(secret ? { secretPaths: ['content'] } : {}) } },
        operation: { paths: [...new Set([facts.path, facts.real])].map((path) => ({ mode: 'r' as const, path })) },
        summary: `reads ${facts.real}`,
        facts,
      });
    },
    async execute(args, { prepared }) {
      const facts = requirePrepared(name, prepared);
      // Fail closed: outside a session nothing decided this call.
      getSession();
      const resolved = recheckPath(name, args['path'], facts, settings);
      const buffer = Buffer.alloc(settings.maxBytes + 1);
      const handle = openSync(resolved.real, 'r');
      let bytes = 0;
      try {
        for (let read = -1; read !== 0 && bytes < buffer.length; bytes += read) read = readSync(handle, buffer, bytes, buffer.length - bytes, null);
      } finally {
        closeSync(handle);
      }
      const truncated = bytes > settings.maxBytes;
      const kept = Math.min(bytes, settings.maxBytes);
      return { path: resolved.relative, content: buffer.subarray(0, kept).toString('utf8'), bytes: kept, truncated };
    },
  };
  return Object.freeze(tool);
}
