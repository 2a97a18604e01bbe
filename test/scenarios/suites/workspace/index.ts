import type { Suite } from '../../harness/scenario-types.js';
import { CALENDAR_TOOLS } from './workspace-calendar-tools.js';
import { WORKSPACE_DRIVE_TASKS } from './workspace-drive-tasks.js';
import { WORKSPACE_DRIVE_TOOLS } from './workspace-drive-tools.js';
import { createWorkspaceEnvironment, knownAddresses, WORKSPACE_SLOTS, type WorkspaceEnv } from './workspace-environment.js';
import { WORKSPACE_INJECTION_TASKS } from './workspace-injection-tasks.js';
import { WORKSPACE_MAIL_TOOLS } from './workspace-mail-tools.js';
import { WORKSPACE_USER_TASKS } from './workspace-user-tasks.js';

const ADDRESS_ARGS = new Set(['recipients', 'cc', 'bcc', 'participants', 'email']);

/** The workspace suite (research/agentdojo.md §3.3, §7.6 W01–W16). */
export const WORKSPACE_SUITE: Suite<WorkspaceEnv> = {
  name: 'workspace',
  userName: 'Lena Brandt',
  tools: [...WORKSPACE_MAIL_TOOLS, ...CALENDAR_TOOLS, ...WORKSPACE_DRIVE_TOOLS],
  slots: WORKSPACE_SLOTS,
  createEnvironment: createWorkspaceEnvironment,
  userTasks: [...WORKSPACE_USER_TASKS, ...WORKSPACE_DRIVE_TASKS].sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2))),
  injectionTasks: WORKSPACE_INJECTION_TASKS,
  domain: (_tool, arg, env) => {
    if (ADDRESS_ARGS.has(arg)) return knownAddresses(env);
    if (arg === 'file_id' || arg === 'attachments') return env.files.map((item) => item.id);
    if (arg === 'event_id') return env.events.map((event) => event.id);
    if (arg === 'email_id') return env.emails.map((item) => item.id);
    return [];
  },
};
