/**
 * A pull-request (or merge-request) comment: a summary, a table of findings per rule, then the findings grouped by
 * file with links to their lines (on GitHub Actions and GitLab CI, from the CI's variables).
 *
 * Two caps keep it postable: `--max-findings <n>` (default 50) lists at most n findings, errors first, and the
 * whole comment stays under GitHub's limit of 65,536 characters whatever the input (measured in UTF-8 bytes,
 * which are never fewer than characters). What is left out is counted in the last line.
 *
 * Everything from documents is escaped: the characters that start Markdown or HTML constructs (\ ` * _ [ ] < > | ~
 * & $ ! #) get a backslash, so a message holding `|`, `<details>`, `[x](y)`, `$math$` or `<!--` stays text (and
 * the raw comment, as e-mail notifications show it, stays readable); an `@name` gets a word joiner after the `@`
 * so the comment mentions nobody.
 */
import type { Finding } from '../types.js';
import { lineUrl, repositoryPath } from './locations.js';
import type { FileReport, ReportContext, Reporter } from './types.js';

export const DEFAULT_MAX_FINDINGS = 50;
/** GitHub refuses comments longer than 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/** Room kept under the limit for what a workflow adds around the report (a marker, a heading). */
const RESERVED = 1_024;
/** A message longer than this is cut: one finding must not take the whole comment. */
const MAX_MESSAGE = 400;
/** The first line, so a workflow can find and update its earlier comment instead of adding one per push. */
export const MARKER = '<!-- speclint-report -->';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Text safe in a Markdown paragraph or table cell: one line, punctuation escaped, no mentions. */
export function markdownText(text: string, max = MAX_MESSAGE): string {
  let line = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  if (line.length > max) line = `${line.slice(0, max)}…`;
  return line.replace(/[\\`*_[\]<>|~&$!#]/g, (c) => `\\${c}`).replace(/@(?=\w)/g, '@\u2060');
}

/** A code span that holds any text: a backtick fence longer than any run inside, newlines as spaces, `|` escaped. */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

interface Entry {
  report: FileReport;
  finding: Finding;
  fileIndex: number;
}

/** Appends lines while the comment stays within its budget; says no (and adds nothing) once it would not. */
class Budget {
  readonly lines: string[] = [];
  private used = 0;
  constructor(private readonly limit: number) {}
  fits(lines: string[]): boolean {
    return this.used + lines.reduce((n, line) => n + bytes(line) + 1, 0) <= this.limit;
  }
  add(lines: string[]): boolean {
    if (!this.fits(lines)) return false;
    for (const line of lines) {
      this.lines.push(line);
      this.used += bytes(line) + 1;
    }
    return true;
  }
}

function ruleCell(ruleId: string, context: ReportContext): string {
  return context.rules.has(ruleId) ? `[\`${ruleId}\`](${context.docsUrl(ruleId)})` : codeSpan(ruleId);
}

const reporter: Reporter = {
  format(reports, context) {
    const maxFindings = context.maxFindings ?? DEFAULT_MAX_FINDINGS;
    const all: Entry[] = [];
    let errors = 0;
    let warnings = 0;
    let baselined = 0;
    const perRule = new Map<string, { errors: number; warnings: number }>();
    reports.forEach((report, fileIndex) => {
      for (const finding of report.messages) {
        if (finding.suppressed) {
          if (finding.suppressed.kind === 'external') baselined++;
          continue;
        }
        all.push({ report, finding, fileIndex });
        const counts = perRule.get(finding.ruleId) ?? { errors: 0, warnings: 0 };
        if (finding.severity === 'error') {
          errors++;
          counts.errors++;
        } else {
          warnings++;
          counts.warnings++;
        }
        perRule.set(finding.ruleId, counts);
      }
    });
    const filesWithFindings = new Set(all.map((e) => e.fileIndex)).size;

    // The footer is written last but its room is kept from the start.
    const footerRoom = 600;
    const budget = new Budget(COMMENT_LIMIT - RESERVED - footerRoom);
    const headline = all.length === 0
      ? `No problems in ${plural(reports.length, 'document')}.`
      : `**${plural(errors, 'error')}** and **${plural(warnings, 'warning')}** in ${filesWithFindings} of ${plural(reports.length, 'document')}.`;
    budget.add([MARKER, '## speclint', '', headline, '']);
    if (baselined > 0) budget.add([`${plural(baselined, 'finding')} suppressed by the baseline.`, '']);

    let rulesLeftOut = 0;
    if (perRule.size > 0) {
      budget.add(['| rule | errors | warnings |', '| --- | ---: | ---: |']);
      const rows = [...perRule].sort((a, b) => b[1].errors - a[1].errors || b[1].warnings - a[1].warnings || a[0].localeCompare(b[0]));
      for (const [ruleId, counts] of rows) {
        if (!budget.add([`| ${ruleCell(ruleId, context)} | ${counts.errors} | ${counts.warnings} |`])) rulesLeftOut++;
      }
      budget.add(['']);
    }

    // Which findings to list: errors before warnings, each in file and line order; shown grouped by file.
    const chosen = [...all.filter((e) => e.finding.severity === 'error'), ...all.filter((e) => e.finding.severity !== 'error')].slice(0, Math.max(0, maxFindings));
    chosen.sort((a, b) => a.fileIndex - b.fileIndex);
    let listed = 0;
    let currentFile = -1;
    for (const entry of chosen) {
      const { report, finding } = entry;
      const opening = entry.fileIndex !== currentFile
        ? [...(currentFile === -1 ? [] : ['']), `### ${codeSpan(repositoryPath(context, report.absolutePath))}`, '', '| line | severity | message | rule |', '| ---: | --- | --- | --- |']
        : [];
      const url = lineUrl(context, report.absolutePath, finding.line);
      const position = url ? `[${finding.line}](${url})` : String(finding.line);
      const row = `| ${position} | ${finding.severity === 'error' ? 'error' : 'warning'} | ${markdownText(finding.message)} | ${ruleCell(finding.ruleId, context)} |`;
      if (!budget.add([...opening, row])) break;
      currentFile = entry.fileIndex;
      listed++;
    }
    if (listed > 0) budget.add(['']);

    const problems = context.notifications.filter((n) => n.level !== 'note');
    let noticesLeftOut = problems.length;
    if (problems.length > 0 && budget.add(['**Not checked:**', ''])) {
      for (const notice of problems) {
        if (!budget.add([`- ${notice.filePath ? `${codeSpan(notice.filePath)}: ` : ''}${markdownText(notice.message)}`])) break;
        noticesLeftOut--;
      }
      budget.add(['']);
    }

    const footer: string[] = [];
    const leftOut = all.length - listed;
    if (leftOut > 0) {
      const why = listed < chosen.length ? 'to keep this comment under GitHub\'s size limit' : `\`--max-findings ${maxFindings}\``;
      footer.push(`${plural(leftOut, 'more finding')} not listed (${why}); \`speclint\` in a terminal, or \`-f html\`, lists every one.`);
    }
    if (rulesLeftOut > 0) footer.push(`${plural(rulesLeftOut, 'more rule')} not listed in the table.`);
    if (noticesLeftOut > 0) footer.push(`${plural(noticesLeftOut, 'more file')} not checked, not listed.`);
    if (footer.length > 0) footer.push('');
    footer.push(`<sub>speclint ${markdownText(context.version, 40)}</sub>`);
    return `${[...budget.lines, ...footer].join('\n')}\n`;
  },
};

export default reporter;
