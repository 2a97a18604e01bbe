import type { Suite } from '../../harness/scenario-types.js';
import { createSlackEnvironment, SLACK_SLOTS, type SlackEnv } from './slack-environment.js';
import { SLACK_INJECTION_TASKS } from './slack-injection-tasks.js';
import { SLACK_TOOLS } from './slack-tools.js';
import { SLACK_USER_TASKS } from './slack-user-tasks.js';

/** The Slack suite (research/agentdojo.md §3.2, §7.6 S01–S11). */
export const SLACK_SUITE: Suite<SlackEnv> = {
  name: 'slack',
  userName: 'Priya',
  tools: SLACK_TOOLS,
  slots: SLACK_SLOTS,
  createEnvironment: createSlackEnvironment,
  userTasks: SLACK_USER_TASKS,
  injectionTasks: SLACK_INJECTION_TASKS,
  domain: (_tool, arg, env) => {
    if (arg === 'user' || arg === 'recipient') return env.users;
    if (arg === 'channel') return env.channels;
    if (arg === 'user_email') return Object.values(env.emails);
    if (arg === 'url') return Object.keys(env.web);
    return [];
  },
};
