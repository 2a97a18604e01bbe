import { describe, expect, it } from 'vitest';
import { createSession } from '../session/create-session.js';
import { callTaint, createFileTaintStore } from './file-taint-store.js';

describe('createFileTaintStore', () => {
  it('should record labels per session and path, without attestations or operation labels', () => {
    const store = createFileTaintStore();
    const one = createSession({ policy: {} });
    const two = createSession({ policy: {} });
    store.record(one, '/w/a', ['untrusted', 'known', 'trusted', 'op:cmd', 'src:tool:web']);
    expect(store.labelsOf(one, '/w/a')).toEqual(['untrusted', 'src:tool:web']);
    expect(store.labelsOf(two, '/w/a')).toEqual([]);
    expect(store.labelsOf(one, '/w/b')).toEqual([]);
  });

  it('should replace on a whole-file write and join when content may have been added', () => {
    const store = createFileTaintStore();
    const session = createSession({ policy: {} });
    store.record(session, '/w/a', ['untrusted']);
    store.record(session, '/w/a', ['secret'], 'join');
    expect(store.labelsOf(session, '/w/a')).toEqual(['untrusted', 'secret']);
    store.record(session, '/w/a', []);
    expect(store.labelsOf(session, '/w/a')).toEqual([]);
  });

  it('should forget a session when it ends', () => {
    const store = createFileTaintStore();
    const session = createSession({ policy: {} });
    store.record(session, '/w/a', ['untrusted']);
    session.end();
    expect(store.labelsOf(session, '/w/a')).toEqual([]);
  });
});

describe('callTaint', () => {
  it('should give the labels the session decided for a call, without attestations', async () => {
    const session = createSession({ policy: {} });
    session.registerUserMessage('save the note to notes.md');
    await session.runToolCall({ toolName: 'fetch', toolCallId: 'page', args: {}, metadata: { labels: [], output: { labels: ['untrusted'] } } }, () => 'page text');
    await session.runToolCall({ toolName: 'save', toolCallId: 'save', args: { path: 'notes.md', content: 'page text' }, metadata: { labels: [], controlArgs: ['path'] } }, () => 'ok');
    expect(callTaint(session, 'save')).toEqual(expect.arrayContaining(['untrusted', 'src:tool:fetch']));
    expect(callTaint(session, 'save')).not.toContain('known');
    expect(callTaint(session, 'unknown-call')).toEqual([]);
  });
});
