import { InvalidPolicyError } from '@labelflow/core';
import { tool } from '@langchain/core/tools';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeTool } from './describe-tool.js';

function withMetadata(metadata: Record<string, unknown> | undefined) {
  return tool(async () => 'x', { name: 'send_email', description: 'd', schema: z.object({}), ...(metadata === undefined ? {} : { metadata }) });
}

describe('describeTool', () => {
  it('should read metadata.labelflow', () => {
    expect(describeTool(withMetadata({ labelflow: { labels: ['exfil:send'], controlArgs: ['to'] } }))).toEqual({ metadata: { labels: ['exfil:send'], controlArgs: ['to'] } });
  });

  it('should describe nothing for a tool without labelflow metadata', () => {
    expect(describeTool(withMetadata(undefined))).toEqual({});
    expect(describeTool(withMetadata({ other: 1 }))).toEqual({});
    expect(describeTool(undefined)).toEqual({});
  });

  it('should throw on a malformed description, naming the tool and the path', () => {
    const broken = withMetadata({ labelflow: { labels: 'exfil:send' } });

    expect(() => describeTool(broken)).toThrow(InvalidPolicyError);
    expect(() => describeTool(broken)).toThrow(/send_email.*labelflow\.labels/u);
  });

  it('should throw on a malformed MCP source', () => {
    expect(() => describeTool(withMetadata({ labelflowMcp: { server: 'github' } }))).toThrow(/labelflowMcp/u);
  });

  it('should not read inherited keys', () => {
    expect(describeTool(withMetadata(Object.create({ labelflow: { labels: [] } }) as Record<string, unknown>))).toEqual({});
  });

  it('should see metadata replaced after a first read', () => {
    const target = withMetadata({ labelflow: { labels: [] } });
    describeTool(target);
    target.metadata = { labelflow: { labels: ['exfil'] } };

    expect(describeTool(target).metadata?.labels).toEqual(['exfil']);
  });
});
