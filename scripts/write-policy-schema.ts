// Regenerates packages/core/policy.schema.json from the zod schema (`npm run schema`).
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../packages/core/src/index.js';

const target = new URL('../packages/core/policy.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
