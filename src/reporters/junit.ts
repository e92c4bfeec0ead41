/**
 * JUnit XML, as Jenkins (junit plugin), GitLab (`artifacts:reports:junit`) and GitHub test-report actions read it;
 * valid against Jenkins' junit-10.xsd (fixtures/junit/).
 *
 * One <testsuite> per document, one failing <testcase> per finding, one passing <testcase> for a clean document:
 * a document is what a person fixes, so "3 failed of 40" reads as documents and findings, and the suite carries
 * the file (`file` is allowed on <testsuite>, not on <testcase>, by the schema). Grouping by rule instead would
 * fold a rule's findings in different files into one suite whose cases differ only by file, and a clean document
 * would not appear at all.
 *
 * `classname` is the document's path without its extension: Jenkins splits a class name at its last dot into
 * package and class, so `docs/a.md` would become class "md" of package "docs/a". The test name is the rule and
 * the message, without the line, so CI systems that compare runs (GitLab's merge request widget, Jenkins' test
 * history) see the same test when lines move; the line is in the failure text. Repeated names get " (2)", " (3)".
 * Suppressed findings are left out, as in the JSON report; files that could not be read are <error>s.
 */
import type { Finding } from '../types.js';
import type { FileReport, Reporter } from './types.js';

/**
 * XML 1.0 cannot hold most C0 controls, lone surrogates or U+FFFE/U+FFFF even as character references: they
 * become U+FFFD, so a stray control character in a document cannot make the whole report unreadable.
 */
function xmlChars(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what is being replaced
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Attribute values: newlines and tabs as character references, or the parser would turn them into spaces. */
export function xmlAttribute(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function xmlText(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

const className = (filePath: string) => filePath.replace(/\.(md|markdown)$/i, '');
const severityWord = (finding: Finding) => (finding.severity === 'error' ? 'error' : 'warning');

function suite(report: FileReport, docsUrl: (ruleId: string) => string): string[] {
  const findings = report.messages.filter((m) => !m.suppressed);
  const classname = xmlAttribute(className(report.filePath));
  const lines = [`  <testsuite name="${xmlAttribute(report.filePath)}" tests="${Math.max(1, findings.length)}" failures="${findings.length}" errors="0" skipped="0" time="0" file="${xmlAttribute(report.filePath)}">`];
  if (findings.length === 0) {
    lines.push(`    <testcase name="speclint" classname="${classname}" time="0"/>`);
  }
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const base = `${finding.ruleId}: ${finding.message.replace(/\s*[\r\n]+\s*/g, ' ')}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const name = count === 1 ? base : `${base} (${count})`;
    const where = `${report.filePath}:${finding.line}:${finding.column}`;
    const body = `${where}: ${severityWord(finding)}: ${finding.message}\nRule: ${finding.ruleId} (${docsUrl(finding.ruleId)})`;
    lines.push(
      `    <testcase name="${xmlAttribute(name)}" classname="${classname}" time="0">`,
      `      <failure type="${xmlAttribute(finding.ruleId)}" message="${xmlAttribute(`${severityWord(finding)} at line ${finding.line}: ${finding.message}`)}">${xmlText(body)}</failure>`,
      '    </testcase>',
    );
  }
  lines.push('  </testsuite>');
  return lines;
}

const reporter: Reporter = {
  format(reports, context) {
    const body: string[] = [];
    let tests = 0;
    let failures = 0;
    for (const report of reports) {
      const findings = report.messages.filter((m) => !m.suppressed).length;
      tests += Math.max(1, findings);
      failures += findings;
      body.push(...suite(report, context.docsUrl));
    }
    const problems = context.notifications.filter((n) => n.level !== 'note');
    if (problems.length > 0) {
      // Files speclint could not check: errors of the run, not findings in a document.
      body.push(`  <testsuite name="speclint" tests="${problems.length}" failures="0" errors="${problems.length}" skipped="0" time="0">`);
      for (const notice of problems) {
        const name = notice.filePath ?? 'speclint';
        body.push(
          `    <testcase name="${xmlAttribute(name)}" classname="speclint" time="0">`,
          `      <error type="${notice.level}" message="${xmlAttribute(notice.message)}">${xmlText(`${notice.filePath ? `${notice.filePath}: ` : ''}${notice.message}`)}</error>`,
          '    </testcase>',
        );
      }
      body.push('  </testsuite>');
      tests += problems.length;
    }
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="speclint" tests="${tests}" failures="${failures}" errors="${problems.length}" time="0">`,
      ...body,
      '</testsuites>',
      '',
    ].join('\n');
  },
};

export default reporter;
