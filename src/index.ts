/**
 * speclint's public API: the core (`lintText` on a text with a resolved config) and the project layer (`Speclint`:
 * files, config resolution, cache, baselines, formatters).
 */
// The core's JSON Schema validators are found by the project layer.
import './project/validators.js';
export { lintText, defaultConfig, applyFixes } from './engine.js';
export { parseDocument, parseMarkdown, codeBlockPoint } from './parse/document.js';
export { rules, rulesById } from '../rules/index.js';
export type * from './types.js';
export { Speclint, shardOf } from './project/speclint.js';
export type { LintRun, Formatter, FormatOptions, PrintableConfig } from './project/speclint.js';
export type { SpeclintOptions, FileSelection } from './project/options.js';
export type { FileConfig } from './project/lint-file.js';
export type { FileReport, Notification } from './reporters/types.js';
export { RuleTester, INLINE_TYPE_ID } from './testing/rule-tester.js';
export type { RuleTesterDefaults, ValidCase, InvalidCase, ExpectedFinding, RuleTests } from './testing/rule-tester.js';
