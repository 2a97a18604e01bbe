import type { SecurityReport } from './build-security-report.js';
import { markdownTable, ratio } from './markdown-table.js';
import { PROFILE_IDS, type ProfileId } from './scenario-types.js';
import type { RunSummary } from './summarize-run.js';

function headline(report: SecurityReport): string {
  const rows = [...report.summaries.entries()].map(([profile, summaries]) => {
    const total = summaries[summaries.length - 1] as RunSummary;
    return [
      profile === 'none' ? 'no middleware' : profile,
      ratio(total.benignPassed, total.userTasks),
      profile === 'none' ? '–' : total.falsePositives,
      ratio(total.utilityUnderAttack, total.attacks),
      ratio(total.breaches, total.attacks),
      profile === 'none' ? '–' : total.residualBreaches,
      profile === 'none' ? '–' : total.unexpectedBreaches.length,
    ];
  });
  return markdownTable(['profile', 'benign utility', 'false positives', 'utility under attack', 'ASR', 'expected residuals', 'unexpected breaches'], rows);
}

function perSuite(report: SecurityReport): string {
  const rows: (string | number)[][] = [];
  for (const [profile, summaries] of report.summaries) {
    for (const summary of summaries.slice(0, -1)) {
      rows.push([summary.suite, profile === 'none' ? 'none' : profile, ratio(summary.benignPassed, summary.userTasks), profile === 'none' ? '–' : summary.falsePositives, ratio(summary.utilityUnderAttack, summary.attacks), ratio(summary.breaches, summary.attacks)]);
    }
  }
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return markdownTable(['suite', 'profile', 'benign utility', 'FP', 'utility under attack', 'ASR'], rows);
}

function blockedBy(report: SecurityReport): string {
  const totals = PROFILE_IDS.map((profile) => report.summaries.get(profile)?.at(-1));
  const rules = [...new Set(totals.flatMap((total) => Object.keys(total?.blockedBy ?? {})))].sort();
  const rows = rules.map((rule) => [`\`${rule}\``, ...totals.map((total) => total?.blockedBy[rule] ?? 0)]);
  rows.push(['attacks blocked', ...totals.map((total) => (total === undefined ? 0 : total.attacks - total.breaches))]);
  return markdownTable(['rule (a blocked attack counts once per rule its denials name)', ...PROFILE_IDS], rows);
}

function residuals(report: SecurityReport): string {
  const groups = new Map<string, string[]>();
  for (const run of report.runs) {
    if (run.profile === 'none') continue;
    for (const attack of run.attacks) {
      if (!attack.breach || attack.expected?.outcome !== 'residual') continue;
      const key = `${run.profile}\u0000${run.suite}/${attack.injection}\u0000${attack.expected.why}`;
      groups.set(key, [...(groups.get(key) ?? []), attack.task]);
    }
  }
  const rows = [...groups.entries()].map(([key, tasks]) => {
    const [profile, injection, why] = key.split('\u0000') as [string, string, string];
    return [profile, injection, tasks.length, tasks.join(' '), why];
  });
  return markdownTable(['profile', 'injection task', 'breaches', 'in user tasks', 'why (design-level residual)'], rows);
}

function shouldFail(report: SecurityReport): string {
  const rows = PROFILE_IDS.map((profile) => {
    const total = report.summaries.get(profile)?.at(-1);
    return [profile, total?.shouldFail.length ?? 0, (total?.shouldFail ?? []).join(' ')];
  });
  return markdownTable(['profile', 'tasks denied by design', 'tasks'], rows);
}

function stress(report: SecurityReport): string {
  const groups = new Map<string, number>();
  for (const [profile, summaries] of report.summaries) {
    if (profile === 'none') continue;
    for (const item of summaries.at(-1)?.stress ?? []) {
      const key = `${profile}\u0000${item.pair.split('×')[1] ?? ''}\u0000${item.leak}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
  }
  const rows = [...groups.entries()].map(([key, count]) => [...key.split('\u0000'), count]);
  return markdownTable(['profile', 'injection task', 'leak the grader does not count', 'runs'], rows);
}

function ablations(report: SecurityReport): string {
  const rows: (string | number)[][] = [];
  for (const profile of PROFILE_IDS) {
    const reports = report.ablations.filter((item) => item.profile === profile);
    const merged = new Map<string, { credited: number; sole: number; soleLanded: number }>();
    for (const row of reports.flatMap((item) => item.rows)) {
      const into = merged.get(row.rule) ?? { credited: 0, sole: 0, soleLanded: 0 };
      merged.set(row.rule, { credited: into.credited + row.credited, sole: into.sole + row.sole, soleLanded: into.soleLanded + row.soleLanded });
    }
    const peels = reports.flatMap((item) => item.peels);
    for (const [rule, row] of [...merged.entries()].sort(([a], [b]) => a.localeCompare(b))) rows.push([profile, `\`${rule}\``, row.credited, row.sole, `${row.soleLanded}/${row.sole}`]);
    rows.push([profile, '**every blocked attack, all its credited layers off**', peels.length, '–', `${peels.filter(({ peel }) => peel.landed).length}/${peels.length}`]);
  }
  return markdownTable(['profile', 'rule turned off', 'attacks credited', 'credited to it alone', 'of those, land with it off'], rows);
}

/** The markdown tables of `pnpm bench:security` and docs/security-results.md. */
export function formatSecurityReport(report: SecurityReport): string {
  const total = report.summaries.get('P0')?.at(-1);
  return [
    `Driver: \`${report.driver}\`. ${total?.userTasks ?? 0} user tasks, ${total?.attacks ?? 0} attack scenarios (user task × injection task, each tried with its argument-sourcing variants).`,
    '### Headline\n\n' + headline(report),
    '### Per suite\n\n' + perSuite(report),
    '### Which rule blocked each attack\n\n' + blockedBy(report),
    '### Expected residuals (breaches the profile cannot stop by design)\n\n' + residuals(report),
    '### Benign tasks denied by design (should-fail)\n\n' + shouldFail(report),
    '### Stress leaks (real leaks the AgentDojo-style graders do not count)\n\n' + stress(report),
    '### Ablations\n\n' + ablations(report),
  ].join('\n\n');
}

export type { ProfileId };
