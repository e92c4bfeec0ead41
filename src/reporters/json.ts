import type { Reporter } from './types.js';

/** The stable JSON format of docs/json-format.md (version 1). */
const reporter: Reporter = {
  format(reports, context) {
    let errorCount = 0;
    let warningCount = 0;
    const results = reports.map((report) => {
      errorCount += report.errorCount;
      warningCount += report.warningCount;
      return {
        filePath: report.filePath,
        documentType: report.documentType ?? null,
        // Why that type, or none (then `untyped.closest` names the type that came closest, when the config has its own).
        ...(report.documentTypeReason ? { documentTypeReason: report.documentTypeReason } : {}),
        ...(report.untyped ? { untyped: report.untyped } : {}),
        messages: report.messages.filter((m) => !m.suppressed).map((m) => ({
          ruleId: m.ruleId, severity: m.severity, message: m.message,
          line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn,
          // Set rules: the other places the finding is about (docs/sets.md).
          ...(m.related && m.related.length > 0 ? { related: m.related } : {}),
        })),
        errorCount: report.errorCount,
        warningCount: report.warningCount,
        // --fix-dry-run: the text with fixes applied (ESLint's `output`); absent otherwise.
        ...(report.output !== undefined ? { output: report.output } : {}),
      };
    });
    // The spec sets found (docs/sets.md), when the run looked for them.
    const sets = context?.sets ? { sets: context.sets } : {};
    return `${JSON.stringify({ version: 1, results, errorCount, warningCount, ...sets }, null, 2)}\n`;
  },
};

export default reporter;
