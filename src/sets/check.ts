/**
 * The project pass: every set rule over the sets and the per-file summaries. Pure (no file system), deterministic
 * (findings sorted by file, position, rule), and it never needs a document's text.
 */
import { createHash } from 'node:crypto';
import { applyDirectives, type Directive } from '../directives.js';
import type { DocumentSummary, ResolvedRuleConfig } from '../types.js';
import { linkResolver, type SetRule, type SetRuleContext } from './context.js';
import { setRules } from './rules/index.js';
import type { CheckSetsOptions, CrossFinding, SpecSet } from './types.js';

export type SummaryMap = ReadonlyMap<string, DocumentSummary> | Readonly<Record<string, DocumentSummary>>;

function asMap(summaries: SummaryMap): ReadonlyMap<string, DocumentSummary> {
  return summaries instanceof Map ? summaries : new Map(Object.entries(summaries as Record<string, DocumentSummary>));
}

/** The default config of a set rule: its default severity and options. */
export function defaultSetRuleConfig(rule: SetRule): ResolvedRuleConfig {
  return { severity: rule.meta.defaultSeverity, options: { ...(rule.meta.defaultOptions ?? {}) } };
}

/**
 * Runs the set rules. `summaries` must hold the summary of every set member (a member without one is skipped) and
 * may hold other documents (supersede links reach across sets). Findings carry `related` locations, a `key` and a
 * `fingerprint`; those an inline directive of their file suppresses are kept, marked `suppressed`, as the core does.
 */
export function checkSets(sets: readonly SpecSet[], summaries: SummaryMap, options: CheckSetsOptions = {}, rules: readonly SetRule[] = setRules): CrossFinding[] {
  const map = asMap(summaries);
  const resolve = linkResolver(map.keys());
  const findings: CrossFinding[] = [];
  for (const rule of rules) {
    const configFor = (filePath: string): ResolvedRuleConfig => options.ruleConfig?.(rule.meta.id, filePath) ?? defaultSetRuleConfig(rule);
    const context: SetRuleContext = {
      sets,
      summaries: map,
      options: (filePath) => ({ ...(rule.meta.defaultOptions ?? {}), ...configFor(filePath).options }),
      enabled: (filePath) => configFor(filePath).severity !== 'off',
      resolve,
      report: (report) => {
        const config = configFor(report.filePath);
        if (config.severity === 'off') return;
        const line = Math.max(1, report.line);
        const column = Math.max(1, report.column);
        const endLine = Math.max(line, report.endLine ?? line);
        findings.push({
          ruleId: rule.meta.id,
          severity: config.severity,
          message: report.message,
          filePath: report.filePath,
          line,
          column,
          endLine,
          endColumn: Math.max(endLine === line ? column : 1, report.endColumn ?? column),
          key: report.key,
          related: report.related ?? [],
        });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      // One broken rule must not take the run down: say so where users look, on the first set member.
      const first = sets.find((s) => s.members.length > 0)?.members[0]?.path;
      if (first) {
        findings.push({
          ruleId: rule.meta.id, severity: 'error', message: `Rule "${rule.meta.id}" failed: ${(error as Error).message ?? String(error)}`,
          filePath: first, line: 1, column: 1, endLine: 1, endColumn: 1, key: 'rule-failed', related: [],
        });
      }
    }
  }
  findings.sort(compareCrossFindings);
  applySetDirectives(findings, map);
  addCrossFingerprints(findings);
  return findings;
}

export function compareCrossFindings(a: CrossFinding, b: CrossFinding): number {
  return (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0) || a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Inline directives of the file a finding lands in, as the file's summary recorded them. */
export function applySetDirectives(findings: CrossFinding[], summaries: ReadonlyMap<string, DocumentSummary>): void {
  const byFile = new Map<string, CrossFinding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.filePath) ?? [];
    list.push(finding);
    byFile.set(finding.filePath, list);
  }
  for (const [path, list] of byFile) {
    const directives = summaries.get(path)?.directives;
    if (directives && directives.length > 0) applyDirectives(list, directives as Directive[]);
  }
}

/**
 * A fingerprint from the rule, the file, the key and the occurrence among findings alike in all three: stable
 * across edits that move lines (keys never hold line numbers).
 */
function addCrossFingerprints(findings: CrossFinding[]): void {
  const occurrences = new Map<string, number>();
  for (const finding of findings) {
    const alike = `${finding.ruleId}\u0000${finding.filePath}\u0000key:${finding.key}`;
    const index = occurrences.get(alike) ?? 0;
    occurrences.set(alike, index + 1);
    finding.fingerprint = createHash('sha256').update(`${finding.ruleId}\u0000key:${finding.key}\u0000${index}`).digest('hex').slice(0, 32);
  }
}
