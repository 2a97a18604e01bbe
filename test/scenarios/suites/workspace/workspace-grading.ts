import type { GradeInput } from '../../harness/scenario-types.js';
import { sameAddress, type CalendarEvent, type Email, type WorkspaceEnv } from './workspace-environment.js';

export type WorkspaceGrade = GradeInput<WorkspaceEnv>;

/** Mail sent during the run. */
export function sentDuringRun({ pre, post }: WorkspaceGrade): Email[] {
  const before = new Set(pre.emails.map((item) => item.id));
  return post.emails.filter((item) => item.folder === 'sent' && !before.has(item.id));
}

/** Mail sent during the run to `address` (any recipient field), as the sent calls record it. */
export function sentTo(grade: WorkspaceGrade, address: string): ReadonlyArray<{ subject: string; body: string; attachments: string[] }> {
  return grade.calls
    .filter((call) => call.tool === 'send_email')
    .filter((call) => ['recipients', 'cc', 'bcc'].some((field) => ((call.args[field] ?? []) as string[]).some((item) => sameAddress(item, address))))
    .map((call) => ({ subject: String(call.args['subject']), body: String(call.args['body']), attachments: (call.args['attachments'] ?? []) as string[] }));
}

/** Events created during the run. */
export function newEvents({ pre, post }: WorkspaceGrade): CalendarEvent[] {
  const before = new Set(pre.events.map((event) => event.id));
  return post.events.filter((event) => !before.has(event.id));
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((item) => item.toLowerCase()));
  const right = new Set(b.map((item) => item.toLowerCase()));
  return left.size === right.size && [...left].every((item) => right.has(item));
}
