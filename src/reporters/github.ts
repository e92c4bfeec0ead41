/**
 * GitHub Actions workflow commands (`::error file=…::…`). GitHub shows 10 errors and 10 warnings per step, so
 * those come first, then one line saying how many more there are. `file=` is relative to the repository's top
 * level (where GitHub resolves it), whatever directory speclint ran in. The job summary (a table per file, counts
 * per rule) is returned by `stepSummary`; the CLI appends it to $GITHUB_STEP_SUMMARY.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from '../types.js';
import type { FileReport, ReportContext, Reporter } from './types.js';

const PER_KIND = 10;

/** Escaping of the message part, as @actions/core does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of property values: also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A path as GitHub resolves annotation files: relative to the repository root. */
function repositoryPath(context: ReportContext, path: string): string {
  const rel = relative(context.repositoryRoot, resolve(context.cwd, path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

function command(report: FileReport, finding: Finding, context: ReportContext): string {
  const kind = finding.severity === 'error' ? 'error' : 'warning';
  const properties = [
    `file=${escapeProperty(repositoryPath(context, report.absolutePath))}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(`speclint (${finding.ruleId})`)}`,
  ];
  return `::${kind} ${properties.join(',')}::${escapeData(finding.message)}`;
}

function summary(reports: FileReport[], context: ReportContext): string {
  const withFindings = reports.filter((r) => r.messages.some((m) => !m.suppressed));
  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  const baselined = reports.reduce((n, r) => n + r.messages.filter((m) => m.suppressed?.kind === 'external').length, 0);
  const lines = ['## speclint', '', `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} in ${withFindings.length} of ${reports.length} file${reports.length === 1 ? '' : 's'}.`, ''];
  if (baselined > 0) lines.push(`${baselined} finding${baselined === 1 ? '' : 's'} suppressed by the baseline.`, '');
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
    for (const [rule, counts] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) {
      const name = context.rules.has(rule) ? `[\`${rule}\`](${context.docsUrl(rule)})` : `\`${rule}\``;
      lines.push(`| ${name} | ${counts.errors} | ${counts.warnings} |`);
    }
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
    const lines = shown.map(({ report, finding }) => command(report, finding, context));
    if (rest.length > 0) {
      const where = context.stepSummary ? 'listed below in the job log, and counted in the step summary' : 'listed below in the job log';
      lines.push(`::notice title=speclint::${escapeData(`${rest.length} more finding${rest.length === 1 ? '' : 's'} than GitHub shows as annotations (10 errors and 10 warnings per step): ${where}; upload SARIF to see every one in code scanning.`)}`);
      // Plain lines, not workflow commands: the runner would swallow commands it no longer shows.
      for (const { report, finding } of rest) {
        lines.push(`${repositoryPath(context, report.absolutePath)}:${finding.line}:${finding.column}: ${finding.severity === 'error' ? 'error' : 'warning'}: ${finding.message.replace(/\s*[\r\n]+\s*/g, ' ')} (${finding.ruleId})`);
      }
    }
    for (const notice of context.notifications) {
      const kind = notice.level === 'error' ? 'error' : notice.level === 'warning' ? 'warning' : 'notice';
      lines.push(`::${kind} ${notice.filePath ? `file=${escapeProperty(repositoryPath(context, notice.filePath))},` : ''}title=speclint::${escapeData(notice.message)}`);
    }
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  },
  stepSummary(reports, context) {
    return summary(reports, context);
  },
};

export default reporter;
