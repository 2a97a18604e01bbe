import { describeSuiteSecurity } from '../../harness/describe-suite-security.js';
import { TRAVEL_SUITE } from './index.js';

describeSuiteSecurity(TRAVEL_SUITE);
