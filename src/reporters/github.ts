/**
 * GitHub Actions workflow commands (`::error file=…::…`). GitHub shows 10 errors and 10 warnings per step, so
 * those come first, then one line saying how many more there are; with GITHUB_STEP_SUMMARY set, a Markdown
 * summary (a table per file, counts per rule) is appended to that file.
 */
import { appendFileSync } from 'node:fs';
import type { Finding } from '../types.js';
import type { FileReport, Reporter } from './types.js';

const PER_KIND = 10;

/** Escaping of the message part, as @actions/core does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of property values: also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(report: FileReport, finding: Finding): string {
  const kind = finding.severity === 'error' ? 'error' : 'warning';
  const properties = [
    `file=${escapeProperty(report.filePath)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(`speclint (${finding.ruleId})`)}`,
  ];
  return `::${kind} ${properties.join(',')}::${escapeData(finding.message)}`;
}

function summary(reports: FileReport[]): string {
  const withFindings = reports.filter((r) => r.messages.some((m) => !m.suppressed));
  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  const lines = ['## speclint', '', `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} in ${withFindings.length} of ${reports.length} file${reports.length === 1 ? '' : 's'}.`, ''];
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  for (const report of withFindings) {
    const perRule = new Map<string, { errors: number; warnings: number }>();
    for (const m of report.messages) {
      if (m.suppressed) continue;
      const entry = perRule.get(m.ruleId) ?? { errors: 0, warnings: 0 };
      if (m.severity === 'error') entry.errors++;
      else entry.warnings++;
      perRule.set(m.ruleId, entry);
    }
    lines.push(`### \`${cell(report.filePath)}\``, '', '| rule | errors | warnings |', '| --- | ---: | ---: |');
    for (const [rule, counts] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`| \`${rule}\` | ${counts.errors} | ${counts.warnings} |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

const reporter: Reporter = {
  format(reports, context) {
    type Entry = { report: FileReport; finding: Finding };
    const errors: Entry[] = [];
    const warnings: Entry[] = [];
    for (const report of reports) {
      for (const finding of report.messages) {
        if (finding.suppressed) continue;
        (finding.severity === 'error' ? errors : warnings).push({ report, finding });
      }
    }
    const shown = [...errors.slice(0, PER_KIND), ...warnings.slice(0, PER_KIND)];
    const rest = [...errors.slice(PER_KIND), ...warnings.slice(PER_KIND)];
    const lines = shown.map(({ report, finding }) => command(report, finding));
    if (rest.length > 0) {
      const where = context.env.GITHUB_STEP_SUMMARY ? 'listed below in the job log, and counted in the step summary' : 'listed below in the job log';
      lines.push(`::notice title=speclint::${escapeData(`${rest.length} more finding${rest.length === 1 ? '' : 's'} than GitHub shows as annotations (10 errors and 10 warnings per step): ${where}; upload SARIF to see every one in code scanning.`)}`);
      // Plain lines, not workflow commands: the runner would swallow commands it no longer shows.
      for (const { report, finding } of rest) {
        lines.push(`${report.filePath}:${finding.line}:${finding.column}: ${finding.severity === 'error' ? 'error' : 'warning'}: ${finding.message.replace(/\s*[\r\n]+\s*/g, ' ')} (${finding.ruleId})`);
      }
    }
    for (const notice of context.notifications) {
      const kind = notice.level === 'error' ? 'error' : notice.level === 'warning' ? 'warning' : 'notice';
      lines.push(`::${kind} ${notice.filePath ? `file=${escapeProperty(notice.filePath)},` : ''}title=speclint::${escapeData(notice.message)}`);
    }
    const summaryPath = context.env.GITHUB_STEP_SUMMARY;
    if (summaryPath) appendFileSync(summaryPath, summary(reports));
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  },
};

export default reporter;
