/**
 * SARIF 2.1.0 for GitHub code scanning: valid against the OASIS schema, and within GitHub's own rules
 * (relative artifact URIs, rules with help, stable partialFingerprints, suppressions, notifications).
 */
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../package-root.js';
import { REPOSITORY_URL } from '../rule-helpers.js';
import type { Finding, Rule } from '../types.js';
import type { Reporter } from './types.js';

/** A repository-relative URI: forward slashes, no `./`, each segment percent-encoded. */
export function artifactUri(filePath: string): string {
  return filePath
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function ruleHelp(rule: Rule): { text: string; markdown: string } {
  let markdown: string;
  try {
    markdown = readFileSync(join(packageRoot(), 'docs', 'rules', `${rule.meta.id}.md`), 'utf8');
  } catch {
    markdown = `# ${rule.meta.id}\n\n${rule.meta.description}.\n\nSee ${rule.meta.docsUrl}.`;
  }
  const text = markdown
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^#+\s*/gm, '')
    .replace(/[`*]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, markdown };
}

const level = (severity: Finding['severity']) => (severity === 'error' ? 'error' : 'warning');

const reporter: Reporter = {
  format(reports, context) {
    const reported = new Map<string, number>();
    const ruleEntries: object[] = [];
    const results: object[] = [];
    for (const report of reports) {
      for (const finding of report.messages) {
        let ruleIndex = reported.get(finding.ruleId);
        if (ruleIndex === undefined) {
          ruleIndex = ruleEntries.length;
          reported.set(finding.ruleId, ruleIndex);
          const rule = context.rules.get(finding.ruleId);
          const help = rule ? ruleHelp(rule) : { text: finding.ruleId, markdown: finding.ruleId };
          ruleEntries.push({
            id: finding.ruleId,
            name: finding.ruleId.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
            shortDescription: { text: rule?.meta.description ?? finding.ruleId },
            fullDescription: { text: rule?.meta.description ?? finding.ruleId },
            help,
            helpUri: rule?.meta.docsUrl ?? REPOSITORY_URL,
            defaultConfiguration: { level: rule && rule.meta.defaultSeverity !== 'off' ? level(rule.meta.defaultSeverity) : 'warning' },
            properties: { tags: ['documentation', ...(rule?.meta.tags ?? [])] },
          });
        }
        const result: Record<string, unknown> = {
          ruleId: finding.ruleId,
          ruleIndex,
          level: level(finding.severity),
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(report.filePath), uriBaseId: '%SRCROOT%' },
                region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: Math.max(finding.endColumn, finding.endLine === finding.line ? finding.column + 1 : 1) },
              },
            },
          ],
          partialFingerprints: { 'speclintFingerprint/v1': finding.fingerprint ?? '' },
        };
        if (finding.suppressed) {
          result.suppressions = [{ kind: finding.suppressed.kind, status: 'accepted', ...(finding.suppressed.justification ? { justification: finding.suppressed.justification } : {}) }];
        }
        results.push(result);
      }
    }
    const notifications = context.notifications.map((n) => ({
      level: n.level === 'note' ? 'note' : n.level,
      message: { text: n.filePath ? `${n.filePath}: ${n.message}` : n.message },
      ...(n.filePath ? { locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(n.filePath), uriBaseId: '%SRCROOT%' } } }] } : {}),
    }));
    const run: Record<string, unknown> = {
      tool: {
        driver: {
          name: 'speclint',
          version: context.version,
          semanticVersion: context.version,
          informationUri: REPOSITORY_URL,
          rules: ruleEntries,
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : `${context.cwd}${sep}`).href } },
      invocations: [{ executionSuccessful: !context.notifications.some((n) => n.level === 'error'), toolExecutionNotifications: notifications }],
      results,
      columnKind: 'utf16CodeUnits',
    };
    if (context.sarifCategory) run.automationDetails = { id: context.sarifCategory.endsWith('/') ? context.sarifCategory : `${context.sarifCategory}/` };
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [run],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

export default reporter;
