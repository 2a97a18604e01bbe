export { labelflowMiddleware, type LabelflowMiddlewareOptions } from './labelflow-middleware.js';
export { wrapTool, wrapTools, isWrappedTool, type WrapToolOptions } from './wrap-tool.js';
export { LabelflowCallbackHandler, type LabelflowCallbackHandlerOptions } from './labelflow-callback-handler.js';
export { createThreadSessions, type LabelflowOptions, type SessionInfo, type ThreadSessions } from './create-thread-sessions.js';
export { labelMcpTools, type LabelMcpToolsOptions } from './label-mcp-tools.js';
export { mcpSourceLabels, type McpSource } from './mcp-source.js';
export { describeTool, type ToolDescription } from './describe-tool.js';
export { refusedToolMessage } from './refused-tool-message.js';
export type { ApprovalAnswer, ApprovalInterrupt } from './approval-interrupt.js';
