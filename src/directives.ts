/**
 * Inline directives in HTML comments:
 *   <!-- speclint-disable [rule, rule] [-- reason] -->      until speclint-enable (or end of file)
 *   <!-- speclint-enable [rule, rule] -->
 *   <!-- speclint-disable-line [rules] -->                 the comment's own line(s)
 *   <!-- speclint-disable-next-line [rules] -->            the line after the comment
 *   <!-- speclint-disable-file [rules] -->                 the whole file
 */
import type { Finding, SpecDocument } from './types.js';

type Kind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: Kind;
  /** Empty means every rule. */
  rules: string[];
  reason?: string;
  line: number;
  endLine: number;
  column: number;
}

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
    });
  }
  return directives;
}

const applies = (directive: Directive, ruleId: string) => directive.rules.length === 0 || directive.rules.includes(ruleId);

/** Marks findings that a directive suppresses (they stay in the list with `suppressed`, for SARIF). */
export function applyDirectives(findings: Finding[], directives: Directive[]): void {
  if (directives.length === 0) return;
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
    if (suppressedBy) finding.suppressed = { kind: 'inSource', justification: suppressedBy.reason };
  }
}
