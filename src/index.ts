/** speclint's public API. */
export { lintText, defaultConfig, applyFixes } from './engine.js';
export { parseDocument, parseMarkdown, codeBlockPoint } from './parse/document.js';
export { rules, rulesById } from '../rules/index.js';
export type * from './types.js';
