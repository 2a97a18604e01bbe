import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy/compile-policy.js';
import { argumentViews } from './argument-views.js';

const COMPILED = compilePolicy({ tools: { send: { controlArgs: ['to'] } } });
const CONTEXT = { labels: ['untrusted', 'pii'], taint: ['src:tool:crm'] };

describe('argumentViews', () => {
  it('should read control arguments by their grounded labels and payload arguments with the context', () => {
    const { views, controlDeclared } = argumentViews(COMPILED, {
      tool: 'send',
      args: { to: { value: 'a@b.io', labels: ['known'] }, body: { value: 'hi', labels: [] } },
      context: CONTEXT,
    });
    expect(controlDeclared).toBe(true);
    const [to, body] = views;
    expect(to).toMatchObject({ control: true, grounded: ['known'], sensitivity: ['known'], flow: ['known'] });
    expect(body).toMatchObject({ control: false, grounded: [], sensitivity: ['pii'], flow: ['untrusted', 'pii', 'src:tool:crm'] });
  });

  it('should read every argument both ways when no control arguments are declared', () => {
    const { views } = argumentViews(COMPILED, { tool: 'other', args: { x: { value: 1, labels: ['known'] } }, context: CONTEXT });
    expect(views[0]).toMatchObject({ control: true, grounded: ['known'], sensitivity: ['known', 'pii'] });
  });

  it('should add URLs found in the value that the caller did not ground, with no labels', () => {
    const { views } = argumentViews(COMPILED, {
      tool: 'send',
      args: { body: { value: { text: 'see https://A.io/x and https://b.io' }, labels: [], urls: [{ url: 'https://a.io/x', labels: ['known'] }] } },
    });
    expect(views[0]?.urls).toEqual([
      { url: 'https://a.io/x', labels: ['known'] },
      { url: 'https://b.io', labels: [] },
    ]);
  });

  it('should mark empty values', () => {
    const { views } = argumentViews(COMPILED, { tool: 'send', args: { to: { value: [], labels: [] }, cc: { labels: [] } } });
    expect(views.map((view) => view.empty)).toEqual([true, false]);
  });
});
