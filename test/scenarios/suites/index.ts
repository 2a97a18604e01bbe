import type { AnySuite } from '../harness/scenario-types.js';
import { BANKING_SUITE } from './banking/index.js';
import { SLACK_SUITE } from './slack/index.js';
import { TRAVEL_SUITE } from './travel/index.js';
import { WORKSPACE_SUITE } from './workspace/index.js';

export { BANKING_SUITE, SLACK_SUITE, TRAVEL_SUITE, WORKSPACE_SUITE };

/** Every suite, in report order. */
export const SUITES: readonly AnySuite[] = [BANKING_SUITE, SLACK_SUITE, WORKSPACE_SUITE, TRAVEL_SUITE];
