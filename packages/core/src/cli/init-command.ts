import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ensureStateDir, STATE_DIR } from '../audit/state-dir.js';
import { presets } from '../policy/presets.js';
import { DEFAULT_SIG_DIR } from '../signing/signature-record.js';
import { DEFAULT_KEY_DIR, loadSigningKey } from '../signing/signing-key.js';
import type { CliOutput } from './cli-io.js';
import { CliExit, EXIT } from './exit-codes.js';

/** The `$schema` a new policy file points at: the JSON Schema shipped with the package. */
export const POLICY_SCHEMA_REF = './node_modules/@labelflow/core/policy.schema.json';

type PresetName = keyof typeof presets;

/** `labelflow init`: a policy file, `.labelflow/` with its `.gitignore`, and a signing key. */
export function registerInit(program: Command, out: CliOutput): void {
  program
    .command('init')
    .description('create a policy file, the .labelflow/ folder (with a .gitignore) and a signing key')
    .option('--policy <file>', 'policy file to create', 'labelflow.policy.json')
    .option('--preset <name>', 'preset to start from: production, development or sandbox', 'development')
    .option('--force', 'overwrite an existing policy file')
    .option('--json', 'print the result as JSON')
    .action((options: { policy: string; preset: string; force?: boolean; json?: boolean }) => {
      if (!Object.hasOwn(presets, options.preset)) throw new CliExit(EXIT.usage, `unknown preset \`${options.preset}\`: use production, development or sandbox`);
      const created: string[] = [];
      const kept: string[] = [];
      const stateDir = out.path(STATE_DIR);
      const hadState = existsSync(join(stateDir, '.gitignore'));
      ensureStateDir(stateDir);
      (hadState ? kept : created).push(`${STATE_DIR}/.gitignore`);
      const sigDir = out.path(DEFAULT_SIG_DIR);
      if (!existsSync(sigDir)) {
        mkdirSync(sigDir, { recursive: true });
        created.push(`${DEFAULT_SIG_DIR}/`);
      }
      const hadKey = existsSync(join(out.path(DEFAULT_KEY_DIR), 'signing.key'));
      const { keyId } = loadSigningKey({ cwd: out.cwd });
      (hadKey ? kept : created).push(`${DEFAULT_KEY_DIR}/signing.key`);

      const policyPath = out.path(options.policy);
      if (existsSync(policyPath) && options.force !== true) kept.push(options.policy);
      else {
        const { name: _name, ...preset } = presets[options.preset as PresetName];
        const policy = { $schema: POLICY_SCHEMA_REF, description: `started from the labelflow ${options.preset} preset`, ...preset, tools: {} };
        writeFileSync(policyPath, `${JSON.stringify(policy, null, 2)}\n`);
        created.push(options.policy);
      }
      if (options.json === true) {
        out.json({ created, kept, keyId });
        return;
      }
      for (const item of created) out.line(`created ${item}`);
      for (const item of kept) out.line(`kept    ${item} (already there)`);
      out.line(`signing key ${keyId}`);
      out.line(`next: describe your tools in ${options.policy}, then run \`labelflow policy check ${options.policy}\``);
    });
}
