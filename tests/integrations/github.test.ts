import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/reporters/github.js';
import { git, runInProcess, tempProject } from '../cli/run-cli.js';

// In-process runs of the CLI (src/cli/main.ts).
const runCli = runInProcess;

describe('github annotations', () => {
  it('escape %, CR and LF in messages, and also : and , in properties', async () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('docs/a:b,c%.md')).toBe('docs/a%3Ab%2Cc%25.md');
  });

  it('one workflow command per finding with file, position and title', async () => {
    const dir = tempProject({ 'docs/a, b: c.md': '# A\n\n- [] task\n' });
    const run = await runCli(['-f', 'github', '.'], { cwd: dir });
    expect(run.stdout).toBe('::error file=docs/a%2C b%3A c.md,line=3,col=1,endLine=3,endColumn=5,title=speclint (checkboxes)::Malformed task item "- []": write "- [ ]" (--fix does it)\n');
  });

  it('shows 10 errors and 10 warnings first, then says how many more and where', async () => {
    const errors = Array.from({ length: 12 }, (_, i) => `- [] task ${i}`).join('\n');
    const warnings = Array.from({ length: 11 }, (_, i) => `## Empty ${i}`).join('\n\n');
    const dir = tempProject({ 'a.md': `# A\n\n${errors}\n\n${warnings}\n` });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const run = await runCli(['-f', 'github', 'a.md'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 10).every((l) => l.startsWith('::error '))).toBe(true);
    expect(lines.slice(10, 20).every((l) => l.startsWith('::warning '))).toBe(true);
    expect(lines[20]).toBe('::notice title=speclint::3 more findings than GitHub shows as annotations (10 errors and 10 warnings per step): listed below in the job log, and counted in the step summary; upload SARIF to see every one in code scanning.');
    expect(lines.slice(21)).toHaveLength(3);
    expect(lines[21]).toMatch(/^a\.md:\d+:1: error: Malformed task item/);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('## speclint\n\n12 errors and 11 warnings in 1 of 1 file.');
    expect(markdown).toContain('| [`checkboxes`](https://github.com/speclint/speclint/blob/v0.1.0/docs/rules/checkboxes.md) | 12 | 0 |');
    expect(markdown).toContain('| [`empty-section`](https://github.com/speclint/speclint/blob/v0.1.0/docs/rules/empty-section.md) | 0 | 11 |');
  });

  it('annotation paths are relative to the repository root when run from a subdirectory', async () => {
    const dir = tempProject({ 'docs/a.md': '# A\n\n- [] task\n' });
    git(dir, 'init', '-q');
    const run = await runCli(['-f', 'github', 'a.md'], { cwd: join(dir, 'docs') });
    expect(run.stdout).toMatch(/^::error file=docs\/a\.md,line=3,/);
  });
});
