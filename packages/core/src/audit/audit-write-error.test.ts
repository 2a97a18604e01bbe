import { describe, expect, it } from 'vitest';
import { LabelflowError } from '../errors/labelflow-error.js';
import { AuditWriteError } from './audit-write-error.js';

describe('AuditWriteError', () => {
  it('should be recognised by marker, name the ledger and keep the cause', () => {
    const cause = new Error('EACCES');
    const error = new AuditWriteError({ location: '/tmp/audit.jsonl', reason: 'permission denied', cause });
    expect(AuditWriteError.isInstance(error)).toBe(true);
    expect(LabelflowError.isInstance(error)).toBe(true);
    expect(AuditWriteError.isInstance(new Error('x'))).toBe(false);
    expect(error.message).toBe('cannot append to the audit ledger `/tmp/audit.jsonl`: permission denied');
    expect(error.cause).toBe(cause);
    expect(error.location).toBe('/tmp/audit.jsonl');
  });
});
