/**
 * SARIF 2.1.0 for GitHub code scanning: valid against the OASIS schema, and within GitHub's own rules
 * (artifact URIs relative to the repository's top level whatever the working directory, `%SRCROOT%` there, rules
 * with help, stable partialFingerprints, suppressions, notifications).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Rule } from '../types.js';
import type { ReportContext, Reporter } from './types.js';

/** A repository-relative URI: forward slashes, no `./`, each segment percent-encoded. */
export function artifactUri(filePath: string): string {
  return filePath
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** Where a file is for code scanning: relative to the repository root, or an absolute file URI outside it. */
function location(context: ReportContext, path: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(context.cwd, path);
  const rel = relative(context.repositoryRoot, absolute);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return { uri: artifactUri(rel.split(sep).join('/')), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(absolute).href };
}

function ruleHelp(rule: Rule, context: ReportContext): { text: string; markdown: string } {
  const markdown = context.ruleDocs.get(rule.meta.id) ?? `# ${rule.meta.id}\n\n${rule.meta.description}.\n\nSee ${context.docsUrl(rule.meta.id)}.`;
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
          const about = `See ${context.docsUrl(finding.ruleId)}.`;
          const help = rule ? ruleHelp(rule, context) : { text: `${finding.ruleId}. ${about}`, markdown: `# ${finding.ruleId}\n\n${about}` };
          ruleEntries.push({
            id: finding.ruleId,
            name: finding.ruleId.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
            shortDescription: { text: rule?.meta.description ?? finding.ruleId },
            fullDescription: { text: rule?.meta.description ?? finding.ruleId },
            help,
            helpUri: context.docsUrl(finding.ruleId),
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
                artifactLocation: location(context, report.absolutePath),
                region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: Math.max(finding.endColumn, finding.endLine === finding.line ? finding.column + 1 : 1) },
              },
            },
          ],
          partialFingerprints: { 'speclintFingerprint/v1': finding.fingerprint ?? '' },
        };
        // Set rules: the definition, the open tasks, the other document with the same number.
        if (finding.related && finding.related.length > 0) {
          result.relatedLocations = finding.related.map((r, id) => ({
            id,
            physicalLocation: {
              artifactLocation: location(context, r.filePath),
              region: { startLine: r.line, startColumn: r.column, ...(r.endLine ? { endLine: r.endLine } : {}), ...(r.endColumn && (r.endLine ?? r.line) === r.line && r.endColumn > r.column ? { endColumn: r.endColumn } : {}) },
            },
            message: { text: r.message },
          }));
        }
        if (finding.suppressed) {
          result.suppressions = [{ kind: finding.suppressed.kind, status: 'accepted', ...(finding.suppressed.justification ? { justification: finding.suppressed.justification } : {}) }];
        }
        results.push(result);
      }
    }
    const notifications = context.notifications.map((n) => ({
      level: n.level === 'note' ? 'note' : n.level,
      message: { text: n.filePath ? `${n.filePath}: ${n.message}` : n.message },
      ...(n.filePath ? { locations: [{ physicalLocation: { artifactLocation: location(context, n.filePath) } }] } : {}),
    }));
    const run: Record<string, unknown> = {
      tool: {
        driver: {
          name: 'speclint',
          version: context.version,
          semanticVersion: context.version,
          informationUri: context.homepage,
          rules: ruleEntries,
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.repositoryRoot.endsWith(sep) ? context.repositoryRoot : `${context.repositoryRoot}${sep}`).href } },
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
