/**
 * The pure core: text in, findings out. No file system, no process state.
 */
import { rules as registeredRules } from '../rules/index.js';
import { setRules } from './sets/rules/index.js';
import { parseDocument } from './parse/document.js';
import { parseDirectives, applyDirectives, checkDirectives } from './directives.js';
import { recommendedRules } from './config/recommended.js';
import { builtinTypeSources, selectDocumentType } from './templates/index.js';
import { INSERTS_ALL_FROM_TEMPLATE, INSERTS_FROM_TEMPLATE, withInsertedHeadings } from './templates/match.js';
import { createHash } from 'node:crypto';
import { summarize } from './summary.js';
import type { CompiledType } from './templates/compile.js';
import type {
  Finding, Fix, LintOptions, LintResult, ReportDescriptor, ResolvedConfig, Rule, RuleContext, Section, Severity, SpecDocument,
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
  /**
   * Report disable directives that suppress nothing, at this severity (`--report-unused-disable-directives`).
   * Directives naming unknown rules are reported as warnings whatever this says.
   */
  reportUnusedDisableDirectives?: Severity;
}

export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const config = options.config ?? defaultConfig();
  const doc = parseDocument(text, options.filePath);
  const selection = selectDocumentType(doc, config);
  if (selection.isTemplate) {
    // A registered template is the schema, not a document: its stand-ins are the point.
    return { filePath: options.filePath, documentTypeReason: selection.reason, messages: [], errorCount: 0, warningCount: 0, fixableCount: 0 };
  }
  const findings: Finding[] = [];

  if (selection.problem) {
    const { ruleId, ...descriptor } = selection.problem;
    const ruleConfig = config.rules[ruleId];
    if (ruleConfig && ruleConfig.severity !== 'off') findings.push(toFinding(doc, ruleId, descriptor.severity ?? ruleConfig.severity, descriptor));
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
      documentTypeRival: selection.rival,
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
  const directives = parseDirectives(doc);
  if (directives.length > 0) {
    const used = applyDirectives(findings, directives);
    const known = new Set([...(options.rules ?? registeredRules), ...setRules].map((rule) => rule.meta.id));
    // A directive naming a set rule is applied in the project pass (src/sets/check.ts); this file alone cannot tell
    // whether it suppresses anything.
    const setRuleUnused = new Set(setRules.flatMap((rule) => ['disable', 'disable-line', 'disable-next-line', 'disable-file'].map((kind) => `unused:${kind}:${rule.meta.id}`)));
    const aboutDirectives = checkDirectives(directives, used, known, options.reportUnusedDisableDirectives).filter((f) => !setRuleUnused.has(f.key ?? ''));
    if (aboutDirectives.length > 0) {
      findings.push(...aboutDirectives);
      findings.sort(compareFindings);
    }
  }
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
  result.summary = summarize(doc, selection.type as CompiledType | undefined, findings);
  if (!selection.type && Object.values(config.types).some((t) => t.source !== 'builtin')) {
    result.untyped = selection.closest ? { closest: selection.closest } : {};
  }
  // Sections inserted from a guessed (auto-detected) type can make the document read as another type, whose own
  // fixes a second --fix would then apply: insert nothing from the template then, and say why — with or without
  // --fix, so that the message tells the truth either way. Detection reads headings, so the check needs no parse.
  const inserts = (f: Finding) => f.fix?.fromTemplate === true;
  if (selection.id && selection.reason.startsWith('auto-detected') && findings.some(inserts)) {
    const insertions = inReportOrder.filter((f) => !f.suppressed && inserts(f)).map((f) => ({ at: f.fix!.range[0], text: f.fix!.text }));
    const after = selectDocumentType(withInsertedHeadings(doc, insertions), config);
    if (after.id !== selection.id) {
      const instead = `; --fix inserts nothing: with the sections inserted the document would read as "${after.id ?? 'no type'}" — name its type (front matter speclint: { type: … }, or "documents" in config)`;
      for (const finding of findings.filter(inserts)) {
        delete finding.fix;
        finding.message = finding.message.replace(`; ${INSERTS_FROM_TEMPLATE}`, instead).replace(`; ${INSERTS_ALL_FROM_TEMPLATE}`, instead);
      }
      result.fixableCount = findings.filter((f) => !f.suppressed && f.fix).length;
    }
  }
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
  if (descriptor.key !== undefined) finding.key = descriptor.key;
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

/**
 * See Finding.fingerprint. What a baseline recognises a finding by, so it must survive every edit that leaves the
 * finding itself alone: lines added above it or to the template (no line numbers, no template line numbers),
 * sections moved around it and neighbours renamed (no neighbour names), other findings fixed (the occurrence index
 * counts only findings alike in rule, key and section path).
 */
function addFingerprints(doc: SpecDocument, findings: Finding[]): void {
  const occurrences = new Map<string, number>();
  const paths = new Map<Section, string>();
  for (const finding of findings) {
    const identity = finding.key !== undefined ? `key:${finding.key}` : `message:${fallbackKey(finding.message)}`;
    const path = sectionPathOf(doc, finding, paths);
    const alike = `${finding.ruleId}\u0000${identity}\u0000${path}`;
    const index = occurrences.get(alike) ?? 0;
    occurrences.set(alike, index + 1);
    finding.fingerprint = createHash('sha256').update(`${alike}\u0000${index}`).digest('hex').slice(0, 32);
  }
}

/**
 * For rules that give no key: the message without its numbers (line and template line numbers, counts) and
 * without every quoted name after the first (the first names the thing the finding is about; later ones name
 * neighbours: "expected after \"Summary\"", "comes after \"Goals\"").
 */
export function fallbackKey(message: string): string {
  let quoted = 0;
  return message
    .replace(/"[^"\n]*"/g, (match) => (quoted++ === 0 ? match : '""'))
    .replace(/\d+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A heading's text as a path segment: numbering and other digits, case and punctuation removed. */
export function normalizeHeadingForPath(text: string): string {
  return text.replace(/\d+/g, '').replace(/[^\p{L}\p{M}]+/gu, ' ').trim().toLowerCase();
}

/**
 * The headings above a finding, outermost first, without the document title (filling in the title's placeholder
 * must not make every other finding new). A finding on a heading line is about that heading's place in its parent
 * (a missing or misplaced section is reported at a neighbour's heading), so it takes the parent's path.
 */
function sectionPathOf(doc: SpecDocument, finding: Finding, cache: Map<Section, string>): string {
  let section: Section | undefined = doc.sectionAt(doc.offsetAt(finding.line, finding.column));
  const heading = section.heading?.position;
  if (heading && finding.line >= heading.start.line && finding.line <= heading.end.line) section = section.parent;
  if (!section) return '';
  const known = cache.get(section);
  if (known !== undefined) return known;
  const segments: string[] = [];
  for (let current: Section | undefined = section; current?.heading; current = current.parent) {
    if (current === doc.title) continue;
    segments.unshift(normalizeHeadingForPath(current.text));
  }
  const path = segments.join('\u001f');
  cache.set(section, path);
  return path;
}
