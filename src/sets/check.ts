/**
 * The project pass: every set rule over the sets and the per-file summaries. Pure (no file system), deterministic
 * (findings sorted by file, position, rule), and it never needs a document's text.
 */
import { createHash } from 'node:crypto';
import { applyDirectives, DIRECTIVES_RULE_ID, type Directive } from '../directives.js';
import type { DocumentSummary, ResolvedRuleConfig, Severity } from '../types.js';
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

/** What the set pass says about the directives of its files (see setDirectiveFindings). */
export interface SetDirectiveOutcome {
  /** `--report-unused-disable-directives`: directives naming a set rule that suppressed no set finding. */
  unused: CrossFinding[];
  /**
   * Directives naming no rule (every rule) that suppressed a set finding: the per-file pass, which cannot see set
   * findings, called them unused; the project layer drops that finding.
   */
  usedByEveryRule: Array<{ filePath: string; line: number; column: number }>;
}

/**
 * The set rules' part of checking directives. The per-file pass knows the set rules' names (so a directive naming
 * one is no unknown rule) but not whether it suppresses anything: only the set pass can tell. For each of `paths`
 * (the files of the run), the directives in its summary are applied to the set findings that land in it (a copy,
 * findings are not changed); a set rule a directive names and suppresses nothing with is reported at `severity`.
 */
export function setDirectiveFindings(findings: readonly CrossFinding[], summaries: SummaryMap, paths: Iterable<string>, severity: Severity | undefined): SetDirectiveOutcome {
  const map = asMap(summaries);
  const setRuleIds = new Set(setRules.map((rule) => rule.meta.id));
  const byFile = new Map<string, CrossFinding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.filePath) ?? [];
    list.push({ ...finding, suppressed: undefined });
    byFile.set(finding.filePath, list);
  }
  const outcome: SetDirectiveOutcome = { unused: [], usedByEveryRule: [] };
  for (const path of paths) {
    const directives = map.get(path)?.directives as Directive[] | undefined;
    if (!directives || directives.length === 0) continue;
    const used = applyDirectives(byFile.get(path) ?? [], directives);
    for (const directive of directives) {
      if (directive.kind === 'enable') continue;
      const suppressed = used.get(directive);
      if (directive.rules.length === 0) {
        if (suppressed) outcome.usedByEveryRule.push({ filePath: path, line: directive.line, column: directive.column });
        continue;
      }
      if (!severity) continue;
      for (const id of directive.rules) {
        if (!setRuleIds.has(id) || suppressed?.has(id)) continue;
        const name = `speclint-${directive.kind}`;
        outcome.unused.push({
          ruleId: DIRECTIVES_RULE_ID,
          severity,
          message: `Unused ${name} directive (no problems were reported from "${id}"): remove "${id}" from it`,
          filePath: path, line: directive.line, column: directive.column, endLine: directive.endLine, endColumn: directive.endColumn,
          key: `unused:${directive.kind}:${id}`,
          related: [],
        });
      }
    }
  }
  outcome.unused.sort(compareCrossFindings);
  addCrossFingerprints(outcome.unused);
  return outcome;
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
