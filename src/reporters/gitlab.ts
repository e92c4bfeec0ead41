/**
 * GitLab Code Quality: the JSON array GitLab reads from a job's `artifacts:reports:codequality` (a subset of the
 * Code Climate spec): `description`, `check_name`, `fingerprint`, `severity`, `location.path` (relative to the
 * repository, no `./`) and `location.lines.begin`. GitLab shows the findings in the merge request widget and diff,
 * and compares them with the target branch's report by fingerprint: new ones are "introduced", gone ones "fixed".
 *
 * Fingerprints come from the engine's stable fingerprint (rule, key or message without numbers, section path,
 * occurrence), which does not change when lines are inserted above a finding; the file's repository path is hashed
 * in because the engine's fingerprint is per file, and GitLab needs it unique across the whole report.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';
import { repositoryPath } from './locations.js';
import type { Reporter } from './types.js';

/** GitLab's scale is info, minor, major, critical, blocker: errors rank above warnings in the widget. */
const severityOf = (severity: Finding['severity']) => (severity === 'error' ? 'major' : 'minor');

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end?: number } };
}

const reporter: Reporter = {
  format(reports, context) {
    const issues: CodeQualityIssue[] = [];
    for (const report of reports) {
      const path = repositoryPath(context, report.absolutePath);
      const occurrences = new Map<string, number>();
      for (const finding of report.messages) {
        if (finding.suppressed) continue;
        // Without an engine fingerprint (an old cache entry), the rule, message and occurrence stand in: never the line.
        let identity = finding.fingerprint;
        if (!identity) {
          const alike = `${finding.ruleId}\u0000${finding.message}`;
          const index = occurrences.get(alike) ?? 0;
          occurrences.set(alike, index + 1);
          identity = `${alike}\u0000${index}`;
        }
        issues.push({
          description: `${finding.message} (${finding.ruleId})`,
          check_name: finding.ruleId,
          fingerprint: hash('speclint', path, identity),
          severity: severityOf(finding.severity),
          location: { path, lines: { begin: finding.line, ...(finding.endLine > finding.line ? { end: finding.endLine } : {}) } },
        });
      }
    }
    // A file that could not be read is a problem in the merge request too, not only a line on the job log.
    for (const notice of context.notifications) {
      if (!notice.filePath || notice.level === 'note') continue;
      const path = repositoryPath(context, notice.filePath);
      issues.push({
        description: notice.message,
        check_name: 'speclint',
        fingerprint: hash('speclint-notification', path, notice.message),
        severity: notice.level === 'error' ? 'major' : 'minor',
        location: { path, lines: { begin: 1 } },
      });
    }
    return `${JSON.stringify(issues, null, 2)}\n`;
  },
};

export default reporter;
