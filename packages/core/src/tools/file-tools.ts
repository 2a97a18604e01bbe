import { homedir } from 'node:os';
import { defaultFileTaintStore, type FileTaintStore } from '../files/file-taint-store.js';
import type { FileToolSettings } from './file-tool-settings.js';
import { listFilesTool } from './list-files-tool.js';
import { readFileTool } from './read-file-tool.js';
import { writeFileTool } from './write-file-tool.js';

/** Options of `fileTools`. */
export interface FileToolsOptions {
  /** Relative paths resolve against it (default `process.cwd()`). */
  readonly root?: string;
  /** Every path must lead inside one of these, after symbolic links (default `[root]`). */
  readonly roots?: readonly string[];
  /** Largest file read or written, in bytes (default 1 MiB). */
  readonly maxBytes?: number;
  /** What `~` means in paths (default `os.homedir()`). */
  readonly homeDir?: string;
  readonly taint?: FileTaintStore;
}

/**
 * File tools for agents, keyed by tool name: `read_file`, `write_file` and `list_files`. Paths are normalised
 * (`~`, `..`, repeated separators, symbolic links) and refused outside the roots; protected files
 * (`~/.ssh/**`, `**\/.env*`, shell start-up files for writes…) need the policy's `danger` list; reads are
 * labelled `src:file` (and `secret` for protected files) and carry the labels of the data a file was written
 * from in this session.
 *
 * @example
 * ```ts
 * const tools = fileTools({ root: '/work/app' });
 * await runTool({ session, tool: tools.read_file, toolCallId: 'call_1', args: { path: 'README.md' } });
 * ```
 */
export function fileTools({
  root = process.cwd(),
  roots = [root],
  maxBytes = 1_048_576,
  homeDir = safeHomedir(),
  taint = defaultFileTaintStore,
}: FileToolsOptions = {}) {
  const settings: FileToolSettings = Object.freeze({ root, roots: Object.freeze([...roots]), homeDir, maxBytes, taint });
  // Keyed by tool name, so the set can be handed to a framework that names tools by key.
  return Object.freeze({
    read_file: readFileTool('read_file', settings),
    write_file: writeFileTool('write_file', settings),
    list_files: listFilesTool('list_files', settings),
  });
}

function safeHomedir(): string | undefined {
  try {
    return homedir();
  } catch {
    // Unknown home: paths starting with `~` are refused.
    return undefined;
  }
}
