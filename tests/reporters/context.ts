/** Reports and a report context built by hand, for feeding reporters inputs no real document produces. */
import { rulesById } from '../../rules/index.js';
import type { Finding } from '../../src/types.js';
import type { FileReport, ReportContext } from '../../src/reporters/types.js';

export function context(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    cwd: '/repo',
    repositoryRoot: '/repo',
    version: '9.9.9',
    homepage: 'https://example.invalid/speclint',
    color: false,
    rules: rulesById,
    docsUrl: (id) => `https://example.invalid/docs/${id}.md`,
    ruleDocs: new Map(),
    notifications: [],
    stepSummary: false,
    ...overrides,
  };
}

export function finding(partial: Partial<Finding> & { line: number }): Finding {
  return {
    ruleId: 'no-placeholders',
    severity: 'error',
    message: 'Unfilled placeholder "[X]"',
    column: 1,
    endLine: partial.line,
    endColumn: 5,
    fingerprint: `fp-${partial.line}`,
    ...partial,
  };
}

export function fileReport(filePath: string, messages: Finding[], extra: Partial<FileReport> = {}): FileReport {
  const active = messages.filter((m) => !m.suppressed);
  return {
    filePath,
    absolutePath: `/repo/${filePath}`,
    messages,
    errorCount: active.filter((m) => m.severity === 'error').length,
    warningCount: active.filter((m) => m.severity === 'warn').length,
    fixableCount: 0,
    ...extra,
  };
}
