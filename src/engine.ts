/**
 * The pure core: text in, findings out. No file system, no process state.
 */
import { rules as registeredRules } from '../rules/index.js';
import { parseDocument } from './parse/document.js';
import { parseDirectives, applyDirectives } from './directives.js';
import { recommendedRules } from './config/recommended.js';
import { builtinTypeSources, selectDocumentType } from './templates/index.js';
import { createHash } from 'node:crypto';
import type {
  Finding, Fix, LintOptions, LintResult, ReportDescriptor, ResolvedConfig, Rule, RuleContext, Severity, SpecDocument,
} from './types.js';

let defaultConfigCache: ResolvedConfig | undefined;

/** The config used when none is given: `speclint:recommended` with the built-in document types. */
export function defaultConfig(): ResolvedConfig {
  defaultConfigCache ??= { rules: recommendedRules(), types: builtinTypeSources(), settings: {} };
  return defaultConfigCache;
}

export interface LintTextOptions extends LintOptions {
  /** Compute `output` with every safe fix applied. */
  fix?: boolean;
  /** Rules to run instead of the registered ones (tests and plugins). */
  rules?: readonly Rule[];
}

export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const config = options.config ?? defaultConfig();
  const doc = parseDocument(text, options.filePath);
  const selection = selectDocumentType(doc, config);
  const findings: Finding[] = [];

  if (selection.problem) {
    const { ruleId, ...descriptor } = selection.problem;
    const ruleConfig = config.rules[ruleId];
    if (ruleConfig && ruleConfig.severity !== 'off') findings.push(toFinding(doc, ruleId, ruleConfig.severity, descriptor));
  }

  for (const rule of options.rules ?? registeredRules) {
    const ruleConfig = config.rules[rule.meta.id];
    if (!ruleConfig || ruleConfig.severity === 'off') continue;
    if (rule.meta.requiresType && !selection.type) continue;
    const severity = ruleConfig.severity;
    const context: RuleContext = {
      doc,
      options: { ...(rule.meta.defaultOptions ?? {}), ...ruleConfig.options },
      documentType: selection.type,
      settings: config.settings,
      fileExists: options.fileExists,
      readFile: options.readFile,
      report: (descriptor) => {
        findings.push(toFinding(doc, rule.meta.id, descriptor.severity ?? severity, descriptor));
      },
    };
    try {
      await rule.check(context);
    } catch (error) {
      // One broken rule must not take the file down: report it where users will see it.
      findings.push({
        ruleId: rule.meta.id, severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1,
        message: `Rule "${rule.meta.id}" failed on this file: ${(error as Error).message ?? String(error)}`,
      });
    }
  }

  // Fixes apply in the order rules reported them: insertions at one offset keep the template's order.
  const inReportOrder = [...findings];
  findings.sort(compareFindings);
  applyDirectives(findings, parseDirectives(doc));
  addFingerprints(doc, findings);

  const active = findings.filter((f) => !f.suppressed);
  const result: LintResult = {
    filePath: options.filePath,
    documentType: selection.id,
    documentTypeReason: selection.reason,
    messages: findings,
    errorCount: active.filter((f) => f.severity === 'error').length,
    warningCount: active.filter((f) => f.severity === 'warn').length,
    fixableCount: active.filter((f) => f.fix).length,
  };
  if (options.fix) {
    const output = applyFixes(doc, inReportOrder.filter((f) => !f.suppressed && f.fix).map((f) => f.fix!));
    if (output !== undefined) result.output = output;
  }
  return result;
}

/** By position, then rule; a rule's findings at one position keep the order it reported them (sort is stable). */
export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

function toFinding(doc: SpecDocument, ruleId: string, severity: Severity, descriptor: ReportDescriptor): Finding {
  let line = 1;
  let column = 1;
  let endLine: number | undefined;
  let endColumn: number | undefined;
  if (descriptor.range) {
    ({ line, column } = descriptor.range.start);
    ({ line: endLine, column: endColumn } = descriptor.range.end);
  } else if (descriptor.node?.position) {
    ({ line, column } = descriptor.node.position.start);
    ({ line: endLine, column: endColumn } = descriptor.node.position.end);
  }
  if (descriptor.line !== undefined) {
    line = descriptor.line;
    column = descriptor.column ?? 1;
    endLine = descriptor.endLine;
    endColumn = descriptor.endColumn;
  }
  const maxLine = Math.max(1, doc.lineStarts.length);
  line = clamp(line, 1, maxLine);
  endLine = clamp(endLine ?? line, line, maxLine);
  column = Math.max(1, column);
  endColumn = Math.max(endLine === line ? column : 1, endColumn ?? column);
  const finding: Finding = { ruleId, severity, message: descriptor.message, line, column, endLine, endColumn };
  if (descriptor.fix) finding.fix = descriptor.fix;
  return finding;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Apply non-overlapping fixes (first wins, like ESLint). Returns undefined when nothing changed.
 * Fix offsets are in the BOM-stripped text; the BOM is put back.
 */
export function applyFixes(doc: SpecDocument, fixes: Fix[]): string | undefined {
  if (fixes.length === 0) return undefined;
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < cursor) continue;
    output += doc.text.slice(cursor, start) + fix.text;
    cursor = end;
  }
  output += doc.text.slice(cursor);
  if (output === doc.text) return undefined;
  return (doc.hadBom ? '\ufeff' : '') + output;
}

/** See Finding.fingerprint. Line numbers stay out of it so that inserting lines above changes nothing. */
function addFingerprints(doc: SpecDocument, findings: Finding[]): void {
  const occurrences = new Map<string, number>();
  for (const finding of findings) {
    const lineText = doc.lineText(finding.line).trim().replace(/\s+/g, ' ');
    const key = `${finding.ruleId}\u0000${finding.message}\u0000${lineText}`;
    const index = occurrences.get(key) ?? 0;
    occurrences.set(key, index + 1);
    finding.fingerprint = createHash('sha256').update(`${key}\u0000${index}`).digest('hex').slice(0, 32);
  }
}
