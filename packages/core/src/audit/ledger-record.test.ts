import { describe, expect, it } from 'vitest';
import { formatRecordLine, GENESIS_HASH, hashRecord, makeRecord, parseRecordLine, toJsonValue } from './ledger-record.js';

const TS = Date.UTC(2026, 0, 2, 3, 4, 5);

describe('toJsonValue', () => {
  it('should keep a value shared by two fields and cut only real cycles', () => {
    const shared = ['untrusted', 'src:tool:read_inbox'];
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(toJsonValue({ to: shared, cc: shared })).toEqual({ cc: shared, to: shared });
    expect(toJsonValue(cyclic)).toEqual({ a: 1, self: '[cycle]' });
  });

  it('should turn exotic values into JSON and drop undefined', () => {
    expect(toJsonValue({ n: Number.NaN, b: 3n, f: () => 1, u: undefined, d: new Date(TS) })).toEqual({ b: '3n', d: '2026-01-02T03:04:05.000Z', f: '[function]', n: 'NaN' });
  });
});

describe('makeRecord', () => {
  it('should number, link and hash the first record to the genesis hash', () => {
    const record = makeRecord({ type: 'note', sessionId: 's1', ts: TS, detail: 'x' }, undefined);
    expect(record).toMatchObject({ seq: 1, ts: '2026-01-02T03:04:05.000Z', sessionId: 's1', type: 'note', detail: 'x', prev: GENESIS_HASH });
    expect(record.hash).toBe(hashRecord(record));
  });

  it('should link to the tail and ignore entry fields that the ledger owns', () => {
    const first = makeRecord({ type: 'note', sessionId: 's1', ts: TS }, undefined);
    const second = makeRecord({ type: 'note', sessionId: 's1', ts: TS, seq: 99, prev: 'forged', hash: 'forged' }, first);
    expect(second).toMatchObject({ seq: 2, prev: first.hash });
    expect(second.hash).toBe(hashRecord(second));
  });

  it('should record an unreadable time as the epoch rather than fail', () => {
    expect(makeRecord({ type: 'note', sessionId: 's', ts: 'not a time' }, undefined).ts).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('formatRecordLine and parseRecordLine', () => {
  it('should round-trip a record so that it still matches its hash, `__proto__` keys included', () => {
    const record = makeRecord({ type: 'decision', sessionId: 's1', ts: TS, argLabels: JSON.parse('{"__proto__":["llm"],"to":["known"]}') as unknown }, undefined);
    const line = formatRecordLine(record);
    expect(line.startsWith('{"seq":1,"ts":')).toBe(true);
    expect(line.endsWith(`"hash":"${record.hash}"}`)).toBe(true);
    const parsed = parseRecordLine(line);
    expect(parsed).toBeDefined();
    expect(hashRecord(parsed as Record<string, unknown>)).toBe(record.hash);
    expect(Object.keys(parsed?.['argLabels'] as object)).toEqual(['__proto__', 'to']);
  });

  it.each([['not json'], ['[]'], ['{"seq":0,"ts":"t","sessionId":"s","type":"x","prev":"p","hash":"h"}'], ['{"seq":1}']])('should reject %s', (line) => {
    expect(parseRecordLine(line)).toBeUndefined();
  });
});
