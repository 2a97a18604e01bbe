export * from './errors/index.js';
export * from './labels/index.js';
export * from './policy/index.js';
export * from './evaluate/index.js';
export * from './capabilities/index.js';
export * from './text/index.js';
