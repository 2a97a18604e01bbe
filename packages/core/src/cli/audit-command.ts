import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createFileLedgerStore, DEFAULT_LEDGER_PATH } from '../audit/file-ledger-store.js';
import { ledgerHistory } from '../audit/ledger-history.js';
import { listBlessed } from '../audit/list-blessed.js';
import { listSigned } from '../audit/list-signed.js';
import { readLedger } from '../audit/read-ledger.js';
import { renderAuditReport } from '../audit/render-audit-report.js';
import { verifyLedger } from '../audit/verify-ledger.js';
import { whyToolCall } from '../audit/why-tool-call.js';
import type { LedgerStore } from '../audit/ledger-store.js';
import type { CliOutput } from './cli-io.js';
import { CliExit, EXIT } from './exit-codes.js';
import { formatRecord } from './format-record.js';
import { formatWhy } from './format-why.js';

interface LedgerOption {
  readonly ledger: string;
  readonly json?: boolean;
}

function openLedger(out: CliOutput, path: string): LedgerStore {
  if (!existsSync(out.path(path))) throw new CliExit(EXIT.notFound, `no audit ledger at \`${path}\` (records appear once a session runs with createAuditLedger)`);
  return createFileLedgerStore({ path, cwd: out.cwd });
}

function count(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new CliExit(EXIT.usage, `expected a whole number, got \`${text}\``);
  return value;
}

function parseHead(text: string): { seq: number; hash: string } {
  const match = /^(\d+):(sha256:[0-9a-f]{64})$/u.exec(text);
  if (match === null) throw new CliExit(EXIT.usage, 'expected --expect-head <seq>:sha256:<hex>, as `audit verify` prints it');
  return { seq: Number(match[1]), hash: match[2] as string };
}

/** `labelflow audit …`: tail, why, verify, history, signed, blessed and report. */
export function registerAudit(program: Command, out: CliOutput): void {
  const audit = program.command('audit').description('read and check the audit ledger');
  const withLedger = (command: Command) => command.option('--ledger <file>', 'the ledger file', DEFAULT_LEDGER_PATH).option('--json', 'print the result as JSON');

  withLedger(audit.command('tail').description('print the last records').option('-n, --lines <count>', 'how many', '20')).action((options: LedgerOption & { lines: string }) => {
    const records = ledgerHistory(readLedger(openLedger(out, options.ledger)).records, { limit: count(options.lines) });
    if (options.json === true) out.json(records);
    else for (const record of records) out.line(formatRecord(record));
  });

  withLedger(audit.command('why <toolCallId>').description("explain a tool call: its decision and where each argument's labels came from").option('--session <id>', 'the session, when several used the id').option('--depth <count>', 'how many tool calls back to follow', '2')).action(
    (toolCallId: string, options: LedgerOption & { session?: string; depth: string }) => {
      const { records } = readLedger(openLedger(out, options.ledger));
      const report = whyToolCall(records, toolCallId, { depth: count(options.depth), ...(options.session === undefined ? {} : { sessionId: options.session }) });
      if (report === undefined) throw new CliExit(EXIT.notFound, `no decision for tool call \`${toolCallId}\` in the ledger`);
      if (options.json === true) out.json(report);
      else out.line(formatWhy(report));
    },
  );

  withLedger(audit.command('verify').description('check the hash chain; name the first edited, reordered, inserted or removed record').option('--expect-head <seq:hash>', 'also check the ledger still reaches this head (detects removal from the end)')).action(
    (options: LedgerOption & { expectHead?: string }) => {
      const result = verifyLedger(openLedger(out, options.ledger), options.expectHead === undefined ? {} : { head: parseHead(options.expectHead) });
      if (options.json === true) out.json(result);
      else if (result.ok) {
        out.line(`ledger ${options.ledger}: verified, ${result.records} records`);
        if (result.head !== undefined) out.line(`head ${result.head.seq}:${result.head.hash}`);
        if (result.torn !== undefined) out.line(`note: ${result.torn.bytes} bytes of an unfinished record at the end (a writer stopped mid-write); the next append removes them and records a repair`);
      } else out.line(`ledger ${options.ledger}: DOES NOT VERIFY at line ${result.line}${result.seq === undefined ? '' : ` (record ${result.seq})`}: ${result.reason}`);
      if (!result.ok) throw new CliExit(EXIT.failed, '');
    },
  );

  withLedger(
    audit
      .command('history')
      .description('list records, oldest first')
      .option('--session <id>', 'only this session')
      .option('--type <type...>', 'only these record types (decision, tool-call, sign…)')
      .option('--tool <name>', 'only this tool')
      .option('--limit <count>', 'only the last <count>'),
  ).action((options: LedgerOption & { session?: string; type?: string[]; tool?: string; limit?: string }) => {
    const records = ledgerHistory(readLedger(openLedger(out, options.ledger)).records, {
      ...(options.session === undefined ? {} : { sessionId: options.session }),
      ...(options.type === undefined ? {} : { type: options.type }),
      ...(options.tool === undefined ? {} : { tool: options.tool }),
      ...(options.limit === undefined ? {} : { limit: count(options.limit) }),
    });
    if (options.json === true) out.json(records);
    else for (const record of records) out.line(formatRecord(record));
  });

  withLedger(audit.command('signed').description('templates signed, with their last verification')).action((options: LedgerOption) => {
    const entries = listSigned(readLedger(openLedger(out, options.ledger)).records);
    if (options.json === true) out.json(entries);
    else for (const entry of entries) out.line(`${entry.name} by ${entry.signedBy} at ${entry.signedAt} ${entry.hash}${entry.lastVerify === undefined ? '' : `; last verify: ${entry.lastVerify.verified ? 'ok' : `FAILED (${entry.lastVerify.reason ?? ''})`}`}`);
  });

  withLedger(audit.command('blessed').description('labels removed by privileged guards')).action((options: LedgerOption) => {
    const entries = listBlessed(readLedger(openLedger(out, options.ledger)).records);
    if (options.json === true) out.json(entries);
    else for (const entry of entries) out.line(`#${entry.seq} ${entry.sessionId} ${entry.target}: -${entry.remove.join(', ')}${entry.add.length === 0 ? '' : ` +${entry.add.join(', ')}`} by ${entry.by}`);
  });

  audit
    .command('report')
    .description('write the run as a self-contained HTML page: a provenance graph with denials highlighted')
    .requiredOption('--html <file>', 'where to write the page')
    .option('--ledger <file>', 'the ledger file', DEFAULT_LEDGER_PATH)
    .option('--session <id>', 'only this session')
    .option('--title <text>', 'page title')
    .action((options: { html: string; ledger: string; session?: string; title?: string }) => {
      const store = openLedger(out, options.ledger);
      const html = renderAuditReport(readLedger(store).records, {
        verification: verifyLedger(store),
        ...(options.session === undefined ? {} : { sessionId: options.session }),
        ...(options.title === undefined ? {} : { title: options.title }),
      });
      try {
        writeFileSync(out.path(options.html), html);
      } catch (error) {
        throw new CliExit(EXIT.error, `cannot write \`${options.html}\`: ${error instanceof Error ? error.message : String(error)}`);
      }
      out.line(`wrote ${options.html}`);
    });
}
