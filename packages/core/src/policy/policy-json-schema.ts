import { z } from 'zod';
import { policySchema } from './policy-schema.js';

/**
 * The JSON Schema (draft 2020-12) of a policy file, for editors: point a policy's `$schema` at the
 * `@labelflow/core/policy.schema.json` file generated from it. Checks the schema cannot express (pattern syntax,
 * unconstrained authorizations) are made by `parsePolicy`.
 *
 * @example
 * ```ts
 * writeFileSync('policy.schema.json', JSON.stringify(policyJsonSchema(), null, 2));
 * ```
 */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(policySchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'labelflow policy',
    description: 'A labelflow policy: which labelled data may flow into which tool calls.',
  };
}
