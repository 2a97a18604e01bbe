import type { Suite } from '../../harness/scenario-types.js';
import { BANKING_SLOTS, createBankingEnvironment, knownAccounts, type BankingEnv } from './banking-environment.js';
import { BANKING_INJECTION_TASKS } from './banking-injection-tasks.js';
import { BANKING_TOOLS } from './banking-tools.js';
import { BANKING_USER_TASKS } from './banking-user-tasks.js';

/** The banking suite (research/agentdojo.md §3.1, §7.6 B01–B11). */
export const BANKING_SUITE: Suite<BankingEnv> = {
  name: 'banking',
  userName: 'Nadia Okafor',
  tools: BANKING_TOOLS,
  slots: BANKING_SLOTS,
  createEnvironment: createBankingEnvironment,
  userTasks: BANKING_USER_TASKS,
  injectionTasks: BANKING_INJECTION_TASKS,
  domain: (tool, arg, env) => {
    if (arg === 'recipient') return knownAccounts(env);
    if (arg === 'id') return env.scheduled.map((item) => item.id);
    if (tool === 'update_user_info') return [env.user[arg as 'street']].filter((value) => value !== undefined);
    return [];
  },
};
