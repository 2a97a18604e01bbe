import type { Command } from 'commander';
import { formatIssuePath } from '../errors/invalid-policy-error.js';
import { compilePolicy } from '../policy/compile-policy.js';
import { lintPolicy } from '../policy/lint-policy.js';
import { safeParsePolicy } from '../policy/parse-policy.js';
import type { CliOutput } from './cli-io.js';
import { CliExit, EXIT } from './exit-codes.js';
import { lethalTrifecta, type ProbeOutcome, type TrifectaReport } from './lethal-trifecta.js';

function probeText(outcome: ProbeOutcome): string {
  return `${outcome.decision}${outcome.ruleIds.length === 0 ? '' : ` (${outcome.ruleIds.join(', ')})`}`;
}

function printTrifecta(out: CliOutput, report: TrifectaReport): void {
  out.line('lethal trifecta (untrusted data + secrets + a way out):');
  out.line(`  untrusted data from: ${report.untrustedSources.join(', ') || 'nothing the policy names'}`);
  out.line(`  secrets from:        ${report.secretSources.join(', ') || 'nothing the policy names (app values marked secret() still count)'}`);
  if (report.exfilTools.length === 0) out.line('  ways out:            none');
  for (const tool of report.exfilTools) {
    const status = tool.status === 'exposed' ? 'EXPOSED' : tool.status;
    out.line(`  ${tool.tool} [${tool.exfil.join(', ')}]: ${status}`);
    out.line(`      secret → attacker's destination: ${probeText(tool.probes.secretToAttacker)}`);
    out.line(`      data → attacker's destination:   ${probeText(tool.probes.attackerDestination)}`);
    out.line(`      secret → destination the user named: ${probeText(tool.probes.secretToKnown)}`);
  }
  if (report.exposed.length > 0) out.line(`  an injected model could send secrets out through ${report.exposed.join(', ')}: turn on no-secret-exfil, or describe these tools`);
}

/** `labelflow policy check <file>`: schema errors with paths, lint warnings and the lethal-trifecta report. */
export function registerPolicy(program: Command, out: CliOutput): void {
  const policy = program.command('policy').description('work with policy files');
  policy
    .command('check <file>')
    .description('validate a policy (JSON): schema errors with paths, lint warnings, and which tools untrusted data, secrets and exfiltration reach together')
    .option('--strict', 'fail on warnings too')
    .option('--json', 'print the result as JSON')
    .action((file: string, options: { strict?: boolean; json?: boolean }) => {
      if (/\.ya?ml$/iu.test(file)) throw new CliExit(EXIT.usage, 'policy files are read as JSON; convert the YAML file to JSON first');
      const parsed = safeParsePolicy(out.readText(file, 'policy file'));
      if (!parsed.success) {
        if (options.json === true) out.json({ file, valid: false, errors: parsed.issues, warnings: [], trifecta: null });
        else {
          out.line(`policy ${file}: INVALID (${parsed.issues.length} error${parsed.issues.length === 1 ? '' : 's'})`);
          for (const issue of parsed.issues) out.line(`  ${formatIssuePath(issue.path)}: ${issue.message}`);
        }
        throw new CliExit(EXIT.failed, '');
      }
      const { warnings } = lintPolicy(parsed.policy);
      const report = lethalTrifecta(compilePolicy(parsed.policy));
      const failed = report.exposed.length > 0 || (options.strict === true && warnings.length > 0);
      if (options.json === true) out.json({ file, valid: true, errors: [], warnings, trifecta: report });
      else {
        out.line(`policy ${file}: valid${warnings.length === 0 ? '' : `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`}`);
        for (const warning of warnings) out.line(`  warning ${formatIssuePath(warning.path)}: ${warning.message}`);
        printTrifecta(out, report);
      }
      if (failed) throw new CliExit(EXIT.failed, '');
    });
}
