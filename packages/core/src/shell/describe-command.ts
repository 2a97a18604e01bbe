import type { ParsedCommand } from './command-analysis.js';
import type { CommandPath } from './command-paths.js';

/**
 * A one-line description of an analysed command for people approving it: the programs it runs (and through
 * what), the hosts it reaches, and the files it reads and writes.
 *
 * @example
 * ```ts
 * describeCommand(parsed, paths); // 'runs `cat ~/notes.txt`, `curl -d @- https://a.io` · network: a.io · reads /home/u/notes.txt'
 * ```
 */
export function describeCommand(analysis: ParsedCommand, paths: readonly CommandPath[] = []): string {
  const runs = analysis.invocations.map((invocation) => `\`${invocation.words.join(' ')}\`${invocation.via.length > 0 ? ` (via ${invocation.via.join(' → ')})` : ''}`);
  const parts = [`runs ${runs.join(', ')}`];
  const hosts = [...new Set(analysis.destinations.map((destination) => destination.host ?? '(unknown host)'))];
  if (hosts.length > 0) parts.push(`network: ${hosts.join(', ')}`);
  const reads = [...new Set(paths.filter((path) => path.mode === 'r').map((path) => path.path))];
  const writes = [...new Set(paths.filter((path) => path.mode === 'w').map((path) => path.path))];
  if (reads.length > 0) parts.push(`reads ${reads.slice(0, 8).join(', ')}${reads.length > 8 ? ` and ${reads.length - 8} more` : ''}`);
  if (writes.length > 0) parts.push(`writes ${writes.slice(0, 8).join(', ')}${writes.length > 8 ? ` and ${writes.length - 8} more` : ''}`);
  return parts.join(' · ');
}
