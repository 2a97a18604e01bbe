import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRecordLine, makeRecord, type LedgerRecord } from './ledger-record.js';
import { verifyLedger } from './verify-ledger.js';

function ledgerLines(count: number): string[] {
  const lines: string[] = [];
  let tail: LedgerRecord | undefined;
  for (let index = 0; index < count; index += 1) {
    tail = makeRecord({ type: 'note', sessionId: 's1', ts: 1_700_000_000_000 + index, n: index, labels: ['a', 'b'] }, tail);
    lines.push(formatRecordLine(tail));
  }
  return lines;
}

describe('verifyLedger', () => {
  it('should verify an intact ledger and report its head', () => {
    const lines = ledgerLines(5);
    const result = verifyLedger(`${lines.join('\n')}\n`);
    expect(result).toMatchObject({ ok: true, records: 5, head: { seq: 5 } });
    expect(verifyLedger('')).toEqual({ ok: true, records: 0 });
  });

  describe('tampering', () => {
    it('should name an edited record', () => {
      const lines = ledgerLines(6);
      lines[3] = (lines[3] as string).replace('"n":3', '"n":33');
      expect(verifyLedger(lines)).toMatchObject({ ok: false, line: 4, seq: 4, code: 'hash-mismatch', records: 3 });
    });

    it('should name the record after one that was edited and re-hashed', () => {
      const lines = ledgerLines(6);
      const edited = JSON.parse(lines[2] as string) as Record<string, unknown>;
      const rehashed = makeRecord({ type: 'note', sessionId: 's1', ts: edited['ts'] as string, n: 'forged' }, { seq: 2, hash: String((JSON.parse(lines[1] as string) as Record<string, unknown>)['hash']) });
      lines[2] = formatRecordLine(rehashed);
      expect(verifyLedger(lines)).toMatchObject({ ok: false, line: 4, code: 'broken-link' });
    });

    it('should name the first of two reordered records', () => {
      const lines = ledgerLines(6);
      [lines[2], lines[3]] = [lines[3] as string, lines[2] as string];
      expect(verifyLedger(lines)).toMatchObject({ ok: false, line: 3, seq: 4, code: 'broken-link' });
    });

    it('should name an inserted record', () => {
      const lines = ledgerLines(6);
      lines.splice(2, 0, lines[4] as string);
      expect(verifyLedger(lines)).toMatchObject({ ok: false, line: 3, code: 'broken-link' });
    });

    it('should name the record after a deleted one', () => {
      const lines = ledgerLines(6);
      lines.splice(2, 1);
      expect(verifyLedger(lines)).toMatchObject({ ok: false, line: 3, seq: 4, code: 'broken-link' });
    });

    it('should name a line that is not a record', () => {
      const lines = ledgerLines(3);
      lines.splice(1, 0, '');
      expect(verifyLedger(lines)).toMatchObject({ ok: false, line: 2, code: 'unparseable' });
    });

    it('should name a forged first record that does not start the chain', () => {
      const lines = ledgerLines(3);
      lines.shift();
      expect(verifyLedger(lines)).toMatchObject({ ok: false, line: 1, seq: 2, code: 'broken-link' });
    });

    it('should detect any change to any single record (property)', () => {
      const lines = ledgerLines(8);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 400 }), fc.string({ minLength: 1, maxLength: 3 }), (index, at, text) => {
          const line = lines[index] as string;
          const position = at % line.length;
          const changed = line.slice(0, position) + text + line.slice(position + 1);
          fc.pre(changed !== line);
          const copy = [...lines];
          copy[index] = changed;
          const result = verifyLedger(copy);
          return !result.ok && result.line <= index + 2 && result.line >= index + 1;
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('the end of the ledger', () => {
    it('should accept a torn last line as an unfinished record, not tampering', () => {
      const lines = ledgerLines(3);
      expect(verifyLedger(`${lines.join('\n')}\n{"seq":4,"ts":`)).toMatchObject({ ok: true, records: 3, torn: { bytes: 14 } });
    });

    it('should detect records removed from the end only against a known head', () => {
      const lines = ledgerLines(5);
      const full = verifyLedger(lines);
      if (!full.ok || full.head === undefined) throw new Error('expected a head');
      expect(verifyLedger(lines.slice(0, 4))).toMatchObject({ ok: true });
      expect(verifyLedger(lines.slice(0, 4), { head: full.head })).toMatchObject({ ok: false, code: 'head-mismatch', line: 5 });
      expect(verifyLedger(lines, { head: full.head })).toMatchObject({ ok: true });
      expect(verifyLedger(lines, { head: { seq: 5, hash: `sha256:${'1'.repeat(64)}` } })).toMatchObject({ ok: false, code: 'head-mismatch', line: 5 });
    });
  });
});
