/**
 * -f markdown: the pull-request comment. Exact bytes for a small tree, --max-findings and what it says it left
 * out, links to lines on GitHub Actions and GitLab CI, escaping of what documents hold, and GitHub's limit of
 * 65,536 characters whatever the input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import markdown, { COMMENT_LIMIT, codeSpan, markdownText } from '../../src/reporters/markdown.js';
import type { Finding } from '../../src/types.js';
import { runInProcess, tempProject } from '../cli/run-cli.js';
import { context, fileReport, finding } from './context.js';

const root = join(import.meta.dirname, '..', '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const docs = (rule: string) => `https://github.com/speclint/speclint/blob/v${version}/docs/rules/${rule}.md`;
const escapedVersion = version.replace(/[\\`*_[\]<>|~&$!#]/g, (c) => `\\${c}`);

const SPEC = '# Notes for [SERVICE_NAME]\n\n- [] reported item\n\n## Empty\n\n## Next\n\nText.\n';

describe('markdown reporter', () => {
  it('writes a summary, a table per rule and the findings per file', async () => {
    const dir = tempProject({ 'docs/a.md': SPEC, 'docs/ok.md': '# Fine\n\nText.\n' });
    const run = await runInProcess(['-f', 'markdown', 'docs'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe([
      '<!-- speclint-report -->',
      '## speclint',
      '',
      '**2 errors** and **1 warning** in 1 of 2 documents.',
      '',
      '| rule | errors | warnings |',
      '| --- | ---: | ---: |',
      `| [\`checkboxes\`](${docs('checkboxes')}) | 1 | 0 |`,
      `| [\`no-placeholders\`](${docs('no-placeholders')}) | 1 | 0 |`,
      `| [\`empty-section\`](${docs('empty-section')}) | 0 | 1 |`,
      '',
      '### `docs/a.md`',
      '',
      '| line | severity | message | rule |',
      '| ---: | --- | --- | --- |',
      `| 1 | error | Unfilled placeholder "\\[SERVICE\\_NAME\\]": replace it with the real value, or add it to no-placeholders' allow list if it is meant literally | [\`no-placeholders\`](${docs('no-placeholders')}) |`,
      `| 3 | error | Malformed task item "- \\[\\]": write "- \\[ \\]" (--fix does it) | [\`checkboxes\`](${docs('checkboxes')}) |`,
      `| 5 | warning | Section "Empty" is empty: write its content, or remove the heading | [\`empty-section\`](${docs('empty-section')}) |`,
      '',
      `<sub>speclint ${escapedVersion}</sub>`,
      '',
    ].join('\n'));
  });

  it('says there is nothing to fix when there is nothing', async () => {
    const dir = tempProject({ 'ok.md': '# Fine\n\nText.\n' });
    const run = await runInProcess(['-f', 'markdown', '.'], { cwd: dir });
    expect(run.stdout).toBe(`<!-- speclint-report -->\n## speclint\n\nNo problems in 1 document.\n\n<sub>speclint ${escapedVersion}</sub>\n`);
  });

  it('--max-findings lists that many, errors first, and counts the rest', async () => {
    // a.md: a warning (line 3) before an error (line 7); b.md: an error.
    const dir = tempProject({ 'a.md': '# A\n\n## Empty\n\n## Next\n\n- [] x\n', 'b.md': '# B\n\n- [] one\n' });
    const run = await runInProcess(['-f', 'markdown', '--max-findings', '2', '.'], { cwd: dir });
    const listed = run.stdout.split('\n').filter((line) => /^(### |\| \d+ \|)/.test(line)).map((line) => line.split(' | ').slice(0, 2).join(' | '));
    expect(listed).toEqual(['### `a.md`', '| 7 | error', '### `b.md`', '| 3 | error']);
    expect(run.stdout).toContain('\n1 more finding not listed (`--max-findings 2`); `speclint` in a terminal, or `-f html`, lists every one.\n');
    const none = await runInProcess(['-f', 'markdown', '--max-findings', '0', '.'], { cwd: dir });
    expect(none.stdout).not.toContain('### ');
    expect(none.stdout).toContain('\n3 more findings not listed (`--max-findings 0`)');
    const bad = await runInProcess(['-f', 'markdown', '--max-findings', 'many', '.'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, 'speclint: --max-findings expects an integer ≥ 0, got "many"\n']);
  });

  it('links lines to the commit on GitHub Actions and on GitLab CI, paths from the repository root', async () => {
    const dir = tempProject({ 'docs/my spec.md': '# T\n\n- [] x\n' });
    const github = await runInProcess(['-f', 'markdown', 'docs'], { cwd: dir, env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc123' } });
    expect(github.stdout).toContain('| [3](https://github.com/o/r/blob/abc123/docs/my%20spec.md#L3) | error |');
    const gitlab = await runInProcess(['-f', 'markdown', 'docs'], { cwd: dir, env: { CI_PROJECT_URL: 'https://gitlab.example/g/p/', CI_COMMIT_SHA: 'def456' } });
    expect(gitlab.stdout).toContain('| [3](https://gitlab.example/g/p/-/blob/def456/docs/my%20spec.md#L3) | error |');
  });

  it('keeps what documents hold as text: tables, HTML, links, math, mentions, backticks in paths', () => {
    expect(markdownText('a | b <details><summary>x</summary> [l](http://x) $x$ @octocat ~~s~~ \\ & #1\nnext')).toBe(
      'a \\| b \\<details\\>\\<summary\\>x\\</summary\\> \\[l\\](http://x) \\$x\\$ @\u2060octocat \\~\\~s\\~\\~ \\\\ \\& \\#1 next',
    );
    expect(codeSpan('docs/a`b``c|d.md')).toBe('```docs/a`b``c\\|d.md```');
    expect(codeSpan('`start')).toBe('`` `start ``');
    const text = markdown.format([fileReport('docs/<img src=x onerror=alert(1)>.md', [finding({ line: 2, message: '</table><script>x</script>' })])], context());
    expect(text).toContain('### `docs/<img src=x onerror=alert(1)>.md`');
    expect(text).toContain('| 2 | error | \\</table\\>\\<script\\>x\\</script\\> |');
  });

  it('stays under GitHub\'s 65,536 characters whatever the input, and says what it left out', () => {
    const longPath = `${'deeply/nested/'.repeat(40)}spec.md`;
    const reports = Array.from({ length: 400 }, (_, file) => {
      const messages: Finding[] = Array.from({ length: 250 }, (_, i) => finding({
        line: i + 1,
        ruleId: `rule-${i % 60}`,
        severity: i % 3 === 0 ? 'warn' : 'error',
        message: `Ünïcödé 😀 message ${'with a lot of text | and <html> '.repeat(30)}`,
      }));
      return fileReport(`${longPath.replace('spec', `spec-${file}`)}`, messages);
    });
    for (const maxFindings of [50, 100_000]) {
      const text = markdown.format(reports, context({ maxFindings }));
      expect(text.length).toBeLessThan(COMMENT_LIMIT);
      expect(Buffer.byteLength(text)).toBeLessThan(COMMENT_LIMIT);
      const listed = text.split('\n').filter((line) => /^\| \d+ \|/.test(line)).length;
      expect(listed).toBeGreaterThan(0);
      expect(listed).toBeLessThanOrEqual(maxFindings);
      const why = maxFindings === 50 ? '`--max-findings 50`' : 'to keep this comment under GitHub\'s size limit';
      expect(text).toContain(`\n${100_000 - listed} more findings not listed (${why}); \`speclint\` in a terminal, or \`-f html\`, lists every one.\n`);
    }
  });
});
