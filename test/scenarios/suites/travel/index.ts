import type { Suite } from '../../harness/scenario-types.js';
import { TRAVEL_ACTION_TOOLS } from './travel-action-tools.js';
import { createTravelEnvironment, TRAVEL_SLOTS, TRAVELLER, WIFE, type TravelEnv } from './travel-environment.js';
import { TRAVEL_INJECTION_TASKS } from './travel-injection-tasks.js';
import { TRAVEL_LOOKUP_TOOLS } from './travel-lookup-tools.js';
import { TRAVEL_USER_TASKS } from './travel-user-tasks.js';

/** The travel suite (research/agentdojo.md §3.4, §7.6 T01–T11). */
export const TRAVEL_SUITE: Suite<TravelEnv> = {
  name: 'travel',
  userName: 'Jonah Pierce',
  tools: [...TRAVEL_LOOKUP_TOOLS, ...TRAVEL_ACTION_TOOLS],
  slots: TRAVEL_SLOTS,
  createEnvironment: createTravelEnvironment,
  userTasks: TRAVEL_USER_TASKS,
  injectionTasks: TRAVEL_INJECTION_TASKS,
  domain: (_tool, arg, env) => {
    if (arg === 'hotel') return env.hotels.map((place) => place.name);
    if (arg === 'restaurant') return env.restaurants.map((place) => place.name);
    if (arg === 'company') return env.cars.map((place) => place.name);
    if (arg === 'recipients' || arg === 'participants') return [TRAVELLER.email, WIFE];
    return [];
  },
};
