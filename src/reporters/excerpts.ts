/**
 * The source lines a report shows around each finding. Pure: the caller gives each report's text (the CLI reads
 * the file, or passes standard input or the --fix-dry-run output). Only the lines near findings are kept, each cut
 * to a readable length, so a report on a large tree carries kilobytes of source, not the tree.
 */
import type { FileReport } from './types.js';

/** Lines shown before the finding's first line and after its last. */
export const EXCERPT_CONTEXT = 2;
/** A finding that spans more lines shows its first lines only. */
export const EXCERPT_MAX_SPAN = 8;
/** Longer lines are cut (a minified table row or a base64 image would otherwise fill the page). */
export const EXCERPT_MAX_LINE = 300;

/** Splits as mdast counts lines: LF, CRLF and a lone CR each end a line. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

export function sourceLinesFor(reports: readonly FileReport[], textOf: (report: FileReport) => string | undefined): Map<string, Map<number, string>> {
  const result = new Map<string, Map<number, string>>();
  for (const report of reports) {
    const findings = report.messages.filter((m) => !m.suppressed);
    if (findings.length === 0) continue;
    const text = textOf(report);
    if (text === undefined) continue;
    const lines = splitLines(text);
    const kept = new Map<number, string>();
    for (const finding of findings) {
      const last = Math.min(finding.endLine, finding.line + EXCERPT_MAX_SPAN - 1);
      const from = Math.max(1, finding.line - EXCERPT_CONTEXT);
      const to = Math.min(lines.length, last + EXCERPT_CONTEXT);
      for (let line = from; line <= to; line++) {
        if (kept.has(line)) continue;
        const content = lines[line - 1]!;
        kept.set(line, content.length > EXCERPT_MAX_LINE ? `${content.slice(0, EXCERPT_MAX_LINE)}…` : content);
      }
    }
    result.set(report.absolutePath, new Map([...kept].sort((a, b) => a[0] - b[0])));
  }
  return result;
}
