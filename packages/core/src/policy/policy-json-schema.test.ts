import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema } from './policy-json-schema.js';

describe('policyJsonSchema', () => {
  it('should describe every top-level section and forbid unknown keys', () => {
    const schema = policyJsonSchema();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const properties = schema['properties'] as Record<string, unknown>;
    expect(Object.keys(properties)).toEqual(
      expect.arrayContaining(['defaults', 'operations', 'labels', 'capabilities', 'urls', 'tools', 'auth', 'authorizations', 'limits', 'requireApproval', 'locked']),
    );
    expect(schema['additionalProperties']).toBe(false);
  });

  it('should match the published policy.schema.json (run `npm run schema` after changing the schema)', () => {
    const published = JSON.parse(readFileSync(new URL('../../policy.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(published).toEqual(policyJsonSchema());
  });
});
