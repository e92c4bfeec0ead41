/**
 * Inline directives in HTML comments:
 *   <!-- speclint-disable [rule, rule] [-- reason] -->      until speclint-enable (or end of file)
 *   <!-- speclint-enable [rule, rule] -->
 *   <!-- speclint-disable-line [rules] -->                 the comment's own line(s)
 *   <!-- speclint-disable-next-line [rules] -->            the line after the comment
 *   <!-- speclint-disable-file [rules] -->                 the whole file
 *
 * Besides suppressing, directives are checked themselves (ESLint's behaviour): a rule name nobody registered is a
 * warning with a did-you-mean, and with `--report-unused-disable-directives` a disable directive (or one rule it
 * names) that suppressed nothing is reported, so stale opt-outs do not pile up.
 */
import { didYouMean } from './errors.js';
import type { Finding, Severity, SpecDocument } from './types.js';

type Kind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: Kind;
  /** Empty means every rule. */
  rules: string[];
  reason?: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
}

/** The rule id of findings about directives themselves (they are not a rule one configures). */
export const DIRECTIVES_RULE_ID = 'directives';

const DIRECTIVE = /^speclint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)([\s\S]*)$/;

export function parseDirectives(doc: SpecDocument): Directive[] {
  const directives: Directive[] = [];
  for (const comment of doc.htmlComments) {
    const m = DIRECTIVE.exec(comment.body);
    if (!m) continue;
    const [listPart, ...reasonParts] = m[2]!.split(/\s--\s|\s--$|^--\s/);
    const reason = reasonParts.join(' -- ').trim() || undefined;
    const rules = (listPart ?? '').split(/[\s,]+/).map((r) => r.trim()).filter(Boolean);
    directives.push({
      kind: m[1] as Kind,
      rules,
      reason,
      line: comment.range.start.line,
      endLine: comment.range.end.line,
      column: comment.range.start.column,
      endColumn: comment.range.end.column,
    });
  }
  return directives;
}

const applies = (directive: Directive, ruleId: string) => directive.rules.length === 0 || directive.rules.includes(ruleId);

/** Which rules each directive actually suppressed (for unused-directive reports). */
export type DirectiveUse = Map<Directive, Set<string>>;

/** Marks findings that a directive suppresses (they stay in the list with `suppressed`, for SARIF). */
export function applyDirectives(findings: Finding[], directives: Directive[]): DirectiveUse {
  const used: DirectiveUse = new Map();
  if (directives.length === 0) return used;
  const ordered = [...directives].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const finding of findings) {
    if (finding.suppressed) continue;
    let suppressedBy: Directive | undefined;
    // Range directives: the last disable/enable at or before the finding's line decides, per rule.
    for (const directive of ordered) {
      if (directive.kind === 'disable-file' && applies(directive, finding.ruleId)) suppressedBy = directive;
    }
    if (!suppressedBy) {
      let state: Directive | undefined;
      for (const directive of ordered) {
        if (directive.line > finding.line) break;
        if (!applies(directive, finding.ruleId)) continue;
        if (directive.kind === 'disable') state = directive;
        else if (directive.kind === 'enable') state = undefined;
      }
      suppressedBy = state;
    }
    if (!suppressedBy) {
      suppressedBy = ordered.find((d) =>
        applies(d, finding.ruleId) &&
        ((d.kind === 'disable-line' && finding.line >= d.line && finding.line <= d.endLine) ||
          (d.kind === 'disable-next-line' && finding.line === d.endLine + 1)));
    }
    if (suppressedBy) {
      finding.suppressed = { kind: 'inSource', justification: suppressedBy.reason };
      let rules = used.get(suppressedBy);
      if (!rules) used.set(suppressedBy, (rules = new Set()));
      rules.add(finding.ruleId);
    }
  }
  return used;
}

/**
 * Findings about the directives: unknown rule names (always, as warnings) and, when `unusedSeverity` is given,
 * disable directives that suppressed nothing. Rule names that are unknown are not also reported as unused.
 */
export function checkDirectives(
  directives: Directive[],
  used: DirectiveUse,
  knownRuleIds: ReadonlySet<string>,
  unusedSeverity: Severity | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const at = (d: Directive) => ({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn });
  for (const directive of directives) {
    const name = `speclint-${directive.kind}`;
    const unknown = directive.rules.filter((id) => !knownRuleIds.has(id));
    for (const id of unknown) {
      const suggestion = didYouMean(id, knownRuleIds);
      findings.push({
        ruleId: DIRECTIVES_RULE_ID,
        severity: 'warn',
        message: `Unknown rule "${id}" in ${name}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: it suppresses nothing; \`speclint rules\` lists the rule ids`,
        key: `unknown:${id}`,
        ...at(directive),
      });
    }
    if (!unusedSeverity || directive.kind === 'enable') continue;
    const suppressed = used.get(directive);
    if (directive.rules.length === 0) {
      if (!suppressed) {
        findings.push({
          ruleId: DIRECTIVES_RULE_ID,
          severity: unusedSeverity,
          message: `Unused ${name} directive (no problems were reported here): remove it`,
          key: `unused:${directive.kind}:*`,
          ...at(directive),
        });
      }
      continue;
    }
    for (const id of directive.rules) {
      if (!knownRuleIds.has(id) || suppressed?.has(id)) continue;
      findings.push({
        ruleId: DIRECTIVES_RULE_ID,
        severity: unusedSeverity,
        message: `Unused ${name} directive (no problems were reported from "${id}"): remove "${id}" from it`,
        key: `unused:${directive.kind}:${id}`,
        ...at(directive),
      });
    }
  }
  return findings;
}
