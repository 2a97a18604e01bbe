import { mkdirSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { z } from 'zod';
import { callTaint } from '../files/file-taint-store.js';
import { getSession } from '../session/get-session.js';
import { preparePath, recheckPath, type FileFacts, type FileToolSettings } from './file-tool-settings.js';
import type { LabelflowTool } from './labelflow-tool.js';
import { refusedCall, requirePrepared } from './refused-call.js';

/** What `write_file` returns. */
export interface WriteFileResult {
  readonly path: string;
  readonly bytes: number;
}

const METADATA = { labels: ['fs:w', 'destructive'], controlArgs: ['path'] };

/**
 * `write_file`: writes (replaces) a text file inside the roots, creating its directories. It is `destructive`
 * (an untrusted path is refused by `no-untrusted-destructive`), protected paths need a `danger` opt-in, and
 * the labels of the data written are recorded so a later read of the file carries them.
 */
export function writeFileTool(name: string, settings: FileToolSettings): LabelflowTool<{ path: string; content: string }, WriteFileResult, FileFacts> {
  const inputSchema = z.strictObject({
    path: z.string().min(1).describe('Path of the file, relative to the project root'),
    content: z.string().describe('The whole new content of the file'),
  });
  const tool: LabelflowTool<{ path: string; content: string }, WriteFileResult, FileFacts> = {
    name,
    description: 'Write (replace) a text file in the project directory.',
    inputSchema,
    metadata: METADATA,
    prepare(args) {
      const content = (args as { content?: unknown } | null)?.content;
      if (typeof content !== 'string') return refusedCall<FileFacts>({ reason: 'the arguments do not match the tool: `content` must be a string', metadata: METADATA });
      if (Buffer.byteLength(content) > settings.maxBytes) return refusedCall<FileFacts>({ reason: `the content is larger than ${settings.maxBytes} bytes`, metadata: METADATA });
      const prepared = preparePath((args as { path?: unknown }).path, settings, METADATA);
      if (prepared.type === 'refused') return prepared.call;
      const { facts } = prepared;
      return Object.freeze({
        metadata: METADATA,
        operation: { paths: [...new Set([facts.path, facts.real])].map((path) => ({ mode: 'w' as const, path })) },
        summary: `writes ${Buffer.byteLength(content)} bytes to ${facts.real}`,
        facts,
      });
    },
    async execute(args, { toolCallId, prepared }) {
      const facts = requirePrepared(name, prepared);
      const session = getSession();
      const resolved = recheckPath(name, args['path'], facts, settings);
      const content = String(args['content']);
      mkdirSync(posix.dirname(resolved.real), { recursive: true });
      writeFileSync(resolved.real, content);
      // The file now holds exactly this call's data: its labels replace whatever was recorded before.
      settings.taint.record(session, resolved.real, callTaint(session, toolCallId), 'replace');
      return { path: resolved.relative, bytes: Buffer.byteLength(content) };
    },
  };
  return Object.freeze(tool);
}
