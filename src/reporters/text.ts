/**
 * Stylish text: findings grouped by file, aligned columns, then a summary: the counts, what --fix could do, what
 * the baseline suppressed, files that matched no document type, and a docs link for every rule that reported
 * (with --stats, its counts). Colour only when asked (a terminal, FORCE_COLOR, --color).
 */
import pc from 'picocolors';
import type { Reporter } from './types.js';

/** Related locations a text row names before "+N more". */
const RELATED_SHOWN = 2;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const reporter: Reporter = {
  format(reports, context) {
    const c = pc.createColors(context.color);
    const lines: string[] = [];
    let errors = 0;
    let warnings = 0;
    let fixable = 0;
    let suppressedByBaseline = 0;
    let untyped = 0;
    const perRule = new Map<string, { errors: number; warnings: number }>();
    for (const report of reports) {
      if (report.untyped) untyped++;
      for (const m of report.messages) if (m.suppressed?.kind === 'external') suppressedByBaseline++;
      const messages = report.messages.filter((m) => !m.suppressed);
      if (messages.length === 0) continue;
      errors += report.errorCount;
      warnings += report.warningCount;
      fixable += report.fixableCount;
      lines.push(c.underline(report.filePath));
      const rows = messages.map((m) => {
        const counts = perRule.get(m.ruleId) ?? { errors: 0, warnings: 0 };
        if (m.severity === 'error') counts.errors++;
        else counts.warnings++;
        perRule.set(m.ruleId, counts);
        return [`${m.line}:${m.column}`, m.severity === 'error' ? 'error' : 'warning', m.message.replace(/\s*[\r\n]+\s*/g, ' '), m.ruleId];
      });
      const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
      rows.forEach(([position, severity, message, ruleId], i) => {
        const paint = severity === 'error' ? c.red : c.yellow;
        lines.push(`  ${c.dim(position!.padEnd(widths[0]!))}  ${paint(severity!.padEnd(widths[1]!))}  ${message!.padEnd(widths[2]!)}  ${c.dim(ruleId!)}`);
        // Set rules: where else the finding points, briefly (the JSON and SARIF reports list every place).
        const related = messages[i]!.related ?? [];
        const shown = related.slice(0, RELATED_SHOWN).map((r) => `${r.filePath}:${r.line} ${r.message}`);
        if (related.length > RELATED_SHOWN) shown.push(`+${related.length - RELATED_SHOWN} more`);
        if (shown.length > 0) lines.push(c.dim(`  ${' '.repeat(widths[0]!)}  ↳ ${shown.join('; ')}`));
      });
      lines.push('');
    }
    for (const notice of context.notifications) {
      const where = notice.filePath ? `${notice.filePath}: ` : '';
      lines.push(`${notice.level === 'error' ? c.red('error') : c.yellow(notice.level)}  ${where}${notice.message}`);
    }
    if (context.notifications.length > 0) lines.push('');
    const total = errors + warnings;
    if (total > 0) {
      const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
      lines.push((errors > 0 ? c.red : c.yellow)(c.bold(summary)));
      if (fixable > 0) lines.push(c.dim(`  ${plural(fixable, 'problem')} potentially fixable with --fix.`));
    }
    const indent = total > 0 ? '  ' : '';
    if (suppressedByBaseline > 0) lines.push(c.dim(`${indent}${plural(suppressedByBaseline, 'finding')} suppressed by the baseline.`));
    if (untyped > 0) {
      lines.push(c.dim(`${indent}${untyped} file${untyped === 1 ? '' : 's'} matched no document type (--verbose shows the closest type of each).`));
    }
    if (perRule.size > 0) {
      const ids = [...perRule.keys()].sort();
      const idWidth = Math.max(...ids.map((id) => id.length));
      if (context.stats) {
        const counts = ids.map((id) => `${plural(perRule.get(id)!.errors, 'error')}, ${plural(perRule.get(id)!.warnings, 'warning')}`);
        const countWidth = Math.max(...counts.map((text) => text.length));
        lines.push('', 'Findings per rule:');
        ids.forEach((id, i) => lines.push(`  ${id.padEnd(idWidth)}  ${counts[i]!.padEnd(countWidth)}  ${c.dim(context.docsUrl(id))}`));
      } else {
        lines.push('', 'Rule docs:');
        for (const id of ids) lines.push(`  ${id.padEnd(idWidth)}  ${c.dim(context.docsUrl(id))}`);
      }
    }
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  },
};

export default reporter;
