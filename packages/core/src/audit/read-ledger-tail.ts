import { fstatSync, readSync } from 'node:fs';

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/** The end of a ledger file: its last whole line, and where a torn (unterminated) line starts, if any. */
export interface FileTail {
  /** The last newline-terminated line, without the newline; undefined for a file without one. */
  readonly lastLine: string | undefined;
  /** The offset just after the last newline: where a torn line starts, when `torn` is set. */
  readonly wholeEnd: number;
  /** Bytes after the last newline: a record a writer did not finish. */
  readonly torn: Buffer | undefined;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const count = readSync(fd, buffer, read, length - read, position + read);
    if (count === 0) break;
    read += count;
  }
  return buffer.subarray(0, read);
}

/** The offset of the last newline before `end`, or -1. Reads backwards in chunks, so a long ledger costs little. */
function lastNewlineBefore(fd: number, end: number): number {
  let position = end;
  while (position > 0) {
    const start = Math.max(0, position - CHUNK);
    const chunk = readAt(fd, start, position - start);
    const index = chunk.lastIndexOf(NEWLINE);
    if (index !== -1) return start + index;
    position = start;
  }
  return -1;
}

/**
 * Reads the end of an open ledger file: the last whole line (what the next record links to) and any torn bytes
 * after it. Only the tail is read, however long the ledger is.
 */
export function readLedgerTail(fd: number): FileTail {
  const size = fstatSync(fd).size;
  if (size === 0) return { lastLine: undefined, wholeEnd: 0, torn: undefined };
  const lastNewline = lastNewlineBefore(fd, size);
  const wholeEnd = lastNewline + 1;
  const torn = wholeEnd < size ? readAt(fd, wholeEnd, size - wholeEnd) : undefined;
  if (lastNewline === -1) return { lastLine: undefined, wholeEnd: 0, torn };
  const lineStart = lastNewlineBefore(fd, lastNewline) + 1;
  const lastLine = readAt(fd, lineStart, lastNewline - lineStart).toString('utf8');
  return { lastLine, wholeEnd, torn };
}
