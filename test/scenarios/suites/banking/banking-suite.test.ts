import { describeSuiteSecurity } from '../../harness/describe-suite-security.js';
import { BANKING_SUITE } from './index.js';

describeSuiteSecurity(BANKING_SUITE);
