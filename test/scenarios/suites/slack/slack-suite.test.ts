import { describeSuiteSecurity } from '../../harness/describe-suite-security.js';
import { SLACK_SUITE } from './index.js';

describeSuiteSecurity(SLACK_SUITE);
