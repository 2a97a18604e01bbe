import type { ToolMetadata } from '@labelflow/core';
import type { RunRegistry } from './run-registry.js';
import type { TicketBridge } from './ticket-bridge.js';
import type { ToolDescription } from './tool-description.js';

/** A tool `lf.tools()` wrapped: what labelflow knows about it, and whether labelflow executes it. */
export interface WrappedTool {
  readonly description: ToolDescription;
  /** False for tools the provider or the client executes: labelflow can only decide those. */
  readonly executes: boolean;
}

/** What the parts of one `labelflow()` instance share. */
export interface AdapterContext {
  readonly registry: RunRegistry;
  readonly tickets: TicketBridge;
  /** Tool objects returned by `lf.tools()`. */
  readonly wrapped: WeakMap<object, WrappedTool>;
  /** Metadata given beside the tools (`labelflow({ tools })`), by tool name. */
  readonly beside: ReadonlyMap<string, ToolMetadata>;
  readonly onDeny: 'result' | 'throw';
}
