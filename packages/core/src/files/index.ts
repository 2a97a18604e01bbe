export { callTaint, createFileTaintStore, defaultFileTaintStore, type FileTaintStore } from './file-taint-store.js';
export { globFiles } from './glob-files.js';
export { isProtectedPath } from './is-protected-path.js';
export { realPath } from './real-path.js';
export { resolveToolPath, type ResolvedToolPath, type ToolPathOptions } from './resolve-tool-path.js';
