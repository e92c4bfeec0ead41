/**
 * One self-contained HTML page for a docs tree, for people who do not read CI logs: per document its type,
 * status, completeness (required sections present, placeholders left, boxes checked) and findings; the findings
 * by file or by rule, each with its source lines; sortable, and filterable by text, rule, severity and type.
 *
 * Self-contained: the style sheet, the script (html-client.ts) and the data are inline; fonts are the system's; a
 * Content-Security-Policy with the hashes of the inline style and script forbids every request (and any other
 * script), so the page works from a CI artifact or a mail attachment and cannot call out.
 *
 * The data travels as one JSON block with `<`, `>` and `&` escaped, so no file name or message can end the block;
 * the script writes it into the page as text only. Summary counts are written into the HTML too, so the essentials
 * read without JavaScript.
 */
import { createHash } from 'node:crypto';
import { htmlClient } from './html-client.js';
import { HTML_STYLE } from './html-style.js';
import type { FileReport, ReportContext, Reporter } from './types.js';

/** The page's data. Tuples, not objects: a tree of thousands of documents would otherwise repeat its keys. */
export interface PageData {
  version: string;
  /** Rules that reported: id, description, docs URL. Findings point into it. */
  rules: Array<[id: string, description: string, url: string]>;
  documents: Array<[path: string, type: string | null, title: string | null, status: string | null, date: string | null, sectionsPresent: number, sectionsRequired: number, placeholders: number, tasksChecked: number, tasksTotal: number, errors: number, warnings: number]>;
  /** Severity 0 is error, 1 warning. */
  findings: Array<[documentIndex: number, line: number, column: number, endLine: number, severity: 0 | 1, ruleIndex: number, message: string]>;
  /** Per document, the source lines around its findings (line, text), or null when none were given. */
  sources: Array<Array<[line: number, text: string]> | null>;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON that cannot end its <script> block or open a comment in it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function pageData(reports: readonly FileReport[], context: ReportContext): PageData {
  const ruleIndex = new Map<string, number>();
  const data: PageData = { version: context.version, rules: [], documents: [], findings: [], sources: [] };
  reports.forEach((report, documentIndex) => {
    const summary = report.summary;
    data.documents.push([
      report.filePath,
      report.documentType ?? null,
      summary?.title ?? null,
      summary?.status ?? null,
      summary?.date ?? null,
      summary?.sections?.present ?? 0,
      summary?.sections?.required ?? 0,
      summary?.placeholders ?? 0,
      summary?.tasks.checked ?? 0,
      summary?.tasks.total ?? 0,
      report.errorCount,
      report.warningCount,
    ]);
    for (const finding of report.messages) {
      if (finding.suppressed) continue;
      let index = ruleIndex.get(finding.ruleId);
      if (index === undefined) {
        index = data.rules.length;
        ruleIndex.set(finding.ruleId, index);
        data.rules.push([finding.ruleId, context.rules.get(finding.ruleId)?.meta.description ?? '', context.docsUrl(finding.ruleId)]);
      }
      data.findings.push([documentIndex, finding.line, finding.column, finding.endLine, finding.severity === 'error' ? 0 : 1, index, finding.message]);
    }
    const lines = context.sourceLines?.get(report.absolutePath);
    data.sources.push(lines && lines.size > 0 ? [...lines] : null);
  });
  return data;
}

const sortable = (key: string, label: string, numeric = false) => `<th${numeric ? ' class="num"' : ''}><button type="button" data-sort="${key}">${label}</button></th>`;

const reporter: Reporter = {
  needsSourceLines: true,
  format(reports, context) {
    const data = pageData(reports, context);
    const errors = data.findings.filter((f) => f[4] === 0).length;
    const warnings = data.findings.length - errors;
    const withFindings = new Set(data.findings.map((f) => f[0])).size;
    const typed = reports.filter((r) => r.documentType).length;
    const present = reports.reduce((n, r) => n + (r.summary?.sections?.present ?? 0), 0);
    const required = reports.reduce((n, r) => n + (r.summary?.sections?.required ?? 0), 0);
    const placeholders = reports.reduce((n, r) => n + (r.summary?.placeholders ?? 0), 0);
    const baselined = reports.reduce((n, r) => n + r.messages.filter((m) => m.suppressed?.kind === 'external').length, 0);
    const notices = context.notifications;

    // A bundler or loader that keeps function names (esbuild's keepNames, as tsx runs it) wraps nested functions in
    // calls to its `__name` helper, which the page does not have: the stand-in keeps the embedded text runnable.
    const script = `(() => {\nconst __name = (target) => target;\n(${htmlClient.toString()})();\n})();`;
    const style = HTML_STYLE;
    // The script is code of this package, never data; a `</script` in it would be a bug of the build.
    if (/<\/script/i.test(script)) throw new Error('html report: the client script contains "</script"');
    const policy = `default-src 'none'; style-src ${sha256(style)}; script-src ${sha256(script)}; img-src data:; base-uri 'none'; form-action 'none'`;
    const card = (id: string, n: number, label: string, tone = '') => `<li class="${tone}"><span class="n" id="${id}">${n}</span>${escapeHtml(label)}</li>`;
    const title = `speclint report: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(reports.length, 'document')}`;

    const html = [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`,
      '<meta name="referrer" content="no-referrer">',
      `<title>${escapeHtml(title)}</title>`,
      '<link rel="icon" href="data:,">',
      `<style>${style}</style>`,
      '</head>',
      '<body>',
      '<header>',
      '<h1>speclint report</h1>',
      `<p class="subtitle">${escapeHtml(`${plural(reports.length, 'document')} checked by speclint ${context.version}`)}</p>`,
      '<ul class="cards">',
      card('count-documents', reports.length, 'documents'),
      card('count-with-findings', withFindings, 'with findings'),
      card('count-errors', errors, errors === 1 ? 'error' : 'errors', errors > 0 ? 'error' : ''),
      card('count-warnings', warnings, warnings === 1 ? 'warning' : 'warnings', warnings > 0 ? 'warn' : ''),
      card('count-typed', typed, 'of a document type'),
      ...(required > 0 ? [`<li><span class="n" id="count-sections">${present}/${required}</span>required sections present</li>`] : []),
      card('count-placeholders', placeholders, 'placeholders left', placeholders > 0 ? 'warn' : ''),
      ...(baselined > 0 ? [card('count-baselined', baselined, 'suppressed by the baseline')] : []),
      '</ul>',
      ...(notices.length > 0
        ? ['<ul class="notices">', ...notices.map((n) => `<li><span class="${n.level === 'error' ? 'error' : 'warn'}">${escapeHtml(n.level)}</span> ${n.filePath ? `<span class="path">${escapeHtml(n.filePath)}</span>: ` : ''}${escapeHtml(n.message)}</li>`), '</ul>']
        : []),
      '</header>',
      '<noscript><p>The tables of this report need JavaScript; the counts above are complete.</p></noscript>',
      '<section id="controls" aria-label="Filters">',
      '<label>Search<input type="search" id="filter-text" placeholder="file, message, rule, title…" autocomplete="off"></label>',
      '<label>Rule<select id="filter-rule"><option value="">all rules</option></select></label>',
      '<label>Severity<select id="filter-severity"><option value="">all</option><option value="error">errors</option><option value="warning">warnings</option></select></label>',
      '<label>Document type<select id="filter-type"><option value="">all types</option></select></label>',
      '<label>Group findings by<select id="group-by"><option value="file">file</option><option value="rule">rule</option><option value="none">nothing</option></select></label>',
      '<button type="button" id="filter-clear">Clear filters</button>',
      '</section>',
      '<section id="documents-section">',
      '<h2>Documents</h2>',
      '<p class="shown" id="documents-shown"></p>',
      '<table id="documents"><thead><tr>',
      sortable('path', 'Document'), sortable('type', 'Type'), sortable('status', 'Status'), sortable('sections', 'Sections', true),
      sortable('placeholders', 'Placeholders', true), sortable('tasks', 'Tasks done', true), sortable('errors', 'Errors', true), sortable('warnings', 'Warnings', true),
      '</tr></thead><tbody></tbody></table>',
      '</section>',
      '<section id="findings-section">',
      '<h2>Findings</h2>',
      '<p class="shown" id="findings-shown"></p>',
      '<table id="findings"><thead><tr>',
      sortable('location', 'Location'), sortable('severity', 'Severity'), sortable('rule', 'Rule'), sortable('message', 'Message'), '<th><span class="muted">Source</span></th>',
      '</tr></thead><tbody></tbody></table>',
      '</section>',
      '<section id="rules-section">',
      '<h2>Rules</h2>',
      '<table id="rules"><thead><tr><th>Rule</th><th>What it checks</th><th class="num">Errors</th><th class="num">Warnings</th><th>Docs</th></tr></thead><tbody></tbody></table>',
      '</section>',
      `<footer>${escapeHtml(`Generated by speclint ${context.version}.`)} <a href="${escapeHtml(context.homepage)}" rel="noopener noreferrer">${escapeHtml(context.homepage)}</a></footer>`,
      `<script type="application/json" id="speclint-data">${scriptJson(data)}</script>`,
      `<script>${script}</script>`,
      '</body>',
      '</html>',
      '',
    ];
    return html.join('\n');
  },
};

export default reporter;
