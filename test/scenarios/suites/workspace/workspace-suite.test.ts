import { describeSuiteSecurity } from '../../harness/describe-suite-security.js';
import { WORKSPACE_SUITE } from './index.js';

describeSuiteSecurity(WORKSPACE_SUITE);
