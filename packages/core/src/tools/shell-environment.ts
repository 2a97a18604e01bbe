import { homedir } from 'node:os';

// Enough for programs to run and find each other; nothing that holds credentials.
const KEPT = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'USER', 'LOGNAME', 'TMPDIR', 'TZ'];

/**
 * The environment `shellTool` gives commands unless told otherwise: `PATH`, `HOME`, locale, user and temporary
 * directory from the current process, and `TERM=dumb`. API keys and tokens in the process environment are not
 * passed on, so `env`, `printenv` or `$OPENAI_API_KEY` in a command cannot reveal them.
 *
 * @example
 * ```ts
 * defaultShellEnvironment({ PATH: '/usr/bin', OPENAI_API_KEY: 'sk-…' }); // { PATH: '/usr/bin', HOME: '/home/u', TERM: 'dumb' }
 * ```
 */
export function defaultShellEnvironment(source: Readonly<Record<string, string | undefined>> = process.env): Record<string, string> {
  const env: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of KEPT) {
    const value = source[name];
    if (typeof value === 'string') env[name] = value;
  }
  env['PATH'] ??= '/usr/local/bin:/usr/bin:/bin';
  env['HOME'] ??= safeHomedir();
  env['TERM'] = 'dumb';
  return { ...env };
}

function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    // No passwd entry: commands get `/` as their home rather than none.
    return '/';
  }
}
