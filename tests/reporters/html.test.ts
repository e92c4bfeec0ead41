/**
 * -f html without a browser: the page is one file with nothing to fetch, every value from a document is escaped
 * or travels as JSON that cannot end its block, the CSP hashes match the inline style and script, and the CLI
 * passes the source lines the excerpts show (from the file, from standard input, from --fix-dry-run).
 * The page in a real browser: html.slow.test.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import html, { pageData, scriptJson, type PageData } from '../../src/reporters/html.js';
import { sourceLinesFor } from '../../src/reporters/excerpts.js';
import { runInProcess, tempProject } from '../cli/run-cli.js';
import { context, fileReport, finding } from './context.js';

const HOSTILE_PATH = 'docs/</script><script>alert(1)</script> "q" \'s\' & <!--.md';
const HOSTILE_MESSAGE = 'Bad </script><img src=x onerror=alert(1)> \u2028 "quoted"\nsecond line <!-- c -->';

function dataOf(page: string): PageData {
  const match = /<script type="application\/json" id="speclint-data">([^<]*)<\/script>/.exec(page);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as PageData;
}

describe('html reporter', () => {
  it('is one page with nothing to fetch: inline style and script, a CSP that allows only them', () => {
    const page = html.format([fileReport('a.md', [finding({ line: 1 })])], context());
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page).not.toMatch(/<link rel="stylesheet"|<script src=|@import|url\(|@font-face/);
    expect(page.match(/\s(?:src|href)="([^"]*)"/g)).toEqual([' href="data:,"', ' href="https://example.invalid/speclint"']);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    const hash = (text: string) => `&#39;sha256-${createHash('sha256').update(text).digest('base64')}&#39;`;
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">`);
  });

  it('escapes file names and messages: in the HTML as entities, in the data as JSON that cannot end its block', () => {
    const report = fileReport(HOSTILE_PATH, [finding({ line: 2, message: HOSTILE_MESSAGE })]);
    const page = html.format([report], context({ notifications: [{ level: 'error', message: 'Cannot read <b>', filePath: HOSTILE_PATH }] }));
    // Only the page's own two scripts; the hostile text never opens or closes an element.
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<!-- c');
    expect(page).toContain('<span class="path">docs/&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;s&#39; &amp; &lt;!--.md</span>: Cannot read &lt;b&gt;</li>');
    const data = dataOf(page);
    expect(data.documents[0]![0]).toBe(HOSTILE_PATH);
    expect(data.findings[0]![6]).toBe(HOSTILE_MESSAGE);
    expect(scriptJson('</script><!--&\u2028')).toBe('"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028"');
  });

  it('carries per document its type, title, status, date and completeness, and per finding its rule', () => {
    const summary = { title: 'Auth', status: 'Draft', date: '2024-05-01', sections: { required: 8, present: 6 }, placeholders: 2, tasks: { total: 5, checked: 3, items: [] }, headings: [], links: [], ids: { defined: [], referenced: [] } };
    const reports = [
      fileReport('docs/auth.md', [finding({ line: 4 }), finding({ line: 9, ruleId: 'empty-section', severity: 'warn', message: 'Empty' }), finding({ line: 12, suppressed: { kind: 'external' } })], { documentType: 'feature-spec', summary }),
      fileReport('docs/ok.md', [], { summary: { placeholders: 0, tasks: { total: 0, checked: 0, items: [] }, headings: [], links: [], ids: { defined: [], referenced: [] } } }),
    ];
    const data = pageData(reports, context());
    expect(data.documents).toEqual([
      ['docs/auth.md', 'feature-spec', 'Auth', 'Draft', '2024-05-01', 6, 8, 2, 3, 5, 1, 1],
      ['docs/ok.md', null, null, null, null, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(data.rules.map((r) => r[0])).toEqual(['no-placeholders', 'empty-section']);
    expect(data.rules[0]![2]).toBe('https://example.invalid/docs/no-placeholders.md');
    expect(data.findings).toEqual([[0, 4, 1, 4, 0, 0, 'Unfilled placeholder "[X]"'], [0, 9, 1, 9, 1, 1, 'Empty']]);
    const page = html.format(reports, context());
    expect(page).toContain('<span class="n" id="count-errors">1</span>error</li>');
    expect(page).toContain('<span class="n" id="count-warnings">1</span>warning</li>');
    expect(page).toContain('<span class="n" id="count-sections">6/8</span>required sections present</li>');
    expect(page).toContain('<span class="n" id="count-baselined">1</span>suppressed by the baseline</li>');
  });

  it('keeps the lines around each finding, cut to a readable length', () => {
    const text = ['# T', 'one', 'two', 'three [X]', 'four', 'five', 'six', 'seven', `${'x'.repeat(400)}`, 'nine'].join('\r\n');
    const lines = sourceLinesFor([fileReport('a.md', [finding({ line: 4 }), finding({ line: 9 }), finding({ line: 1, suppressed: { kind: 'inSource' } })])], () => text).get('/repo/a.md')!;
    expect([...lines.keys()]).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lines.get(4)).toBe('three [X]');
    expect(lines.get(9)).toBe(`${'x'.repeat(300)}…`);
  });

  it('the CLI passes the source of files, of standard input and of --fix-dry-run output', async () => {
    const dir = tempProject({ 'docs/a.md': '# A [SERVICE_NAME]\n\nText.\n', 'docs/b.md': '# B\n\n- [] task\n' });
    const fixable = { 'docs/c.md': '# C [SERVICE_NAME]\n\n- [] task\n' };
    const files = dataOf((await runInProcess(['-f', 'html', 'docs'], { cwd: dir })).stdout);
    expect(files.sources).toEqual([[[1, '# A [SERVICE_NAME]'], [2, ''], [3, 'Text.']], [[1, '# B'], [2, ''], [3, '- [] task'], [4, '']]]);
    const stdin = dataOf((await runInProcess(['-f', 'html', '--stdin', '--stdin-filename', 'docs/a.md'], { cwd: dir, input: '# Other [OTHER_NAME]\n' })).stdout);
    expect(stdin.sources).toEqual([[[1, '# Other [OTHER_NAME]'], [2, '']]]);
    // The findings left after fixing point into the fixed text, not the file: "- [ ]" on line 3.
    const fixDir = tempProject(fixable);
    const dry = await runInProcess(['-f', 'html', '--fix-dry-run', 'docs/c.md'], { cwd: fixDir });
    expect(dry.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(dataOf(dry.stdout).sources).toEqual([[[1, '# C [SERVICE_NAME]'], [2, ''], [3, '- [ ] task']]]);
  });
});
