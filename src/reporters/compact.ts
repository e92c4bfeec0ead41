/** One line per finding (`path:line:column: severity: message (rule)`), nothing else: for hooks and editors. */
import type { Reporter } from './types.js';

const reporter: Reporter = {
  format(reports, context) {
    const lines: string[] = [];
    for (const report of reports) {
      for (const m of report.messages) {
        if (m.suppressed) continue;
        lines.push(`${report.filePath}:${m.line}:${m.column}: ${m.severity === 'error' ? 'error' : 'warning'}: ${m.message.replace(/\s*[\r\n]+\s*/g, ' ')} (${m.ruleId})`);
      }
    }
    for (const n of context.notifications) lines.push(`${n.filePath ?? 'speclint'}: ${n.level}: ${n.message}`);
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  },
};

export default reporter;
