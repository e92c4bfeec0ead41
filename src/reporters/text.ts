/** Stylish text: findings grouped by file, aligned columns, a summary line; colour only when asked (TTY). */
import pc from 'picocolors';
import type { Reporter } from './types.js';

const reporter: Reporter = {
  format(reports, context) {
    const c = pc.createColors(context.color);
    const lines: string[] = [];
    let errors = 0;
    let warnings = 0;
    let fixable = 0;
    for (const report of reports) {
      const messages = report.messages.filter((m) => !m.suppressed);
      if (messages.length === 0) continue;
      errors += report.errorCount;
      warnings += report.warningCount;
      fixable += report.fixableCount;
      lines.push(c.underline(report.filePath));
      const rows = messages.map((m) => [
        `${m.line}:${m.column}`,
        m.severity === 'error' ? 'error' : 'warning',
        m.message.replace(/\s*[\r\n]+\s*/g, ' '),
        m.ruleId,
      ]);
      const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
      for (const [position, severity, message, ruleId] of rows) {
        const paint = severity === 'error' ? c.red : c.yellow;
        lines.push(`  ${c.dim(position!.padEnd(widths[0]!))}  ${paint(severity!.padEnd(widths[1]!))}  ${message!.padEnd(widths[2]!)}  ${c.dim(ruleId!)}`);
      }
      lines.push('');
    }
    for (const notice of context.notifications) {
      const where = notice.filePath ? `${notice.filePath}: ` : '';
      lines.push(`${notice.level === 'error' ? c.red('error') : c.yellow(notice.level)}  ${where}${notice.message}`);
    }
    if (context.notifications.length > 0) lines.push('');
    const total = errors + warnings;
    if (total > 0) {
      const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
      lines.push((errors > 0 ? c.red : c.yellow)(c.bold(summary)));
      if (fixable > 0) lines.push(c.dim(`  ${fixable} problem${fixable === 1 ? '' : 's'} potentially fixable with --fix.`));
    }
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  },
};

export default reporter;
