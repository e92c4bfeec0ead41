import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../cli/run-cli.js';

const OLD = '# Notes\n\n- [] old item\n';

describe('baselines', () => {
  it('only new findings fail; findings survive lines inserted above; fixed ones drop out on rewrite', () => {
    const dir = tempProject({ 'a.md': OLD });
    const write = runCli(['baseline', '--baseline-file', 'speclint-baseline.json', '.'], { cwd: dir });
    expect([write.code, write.stdout]).toEqual([0, 'Wrote 1 finding to speclint-baseline.json\n']);
    const baseline = JSON.parse(readFileSync(join(dir, 'speclint-baseline.json'), 'utf8'));
    expect(Object.keys(baseline.files)).toEqual(['a.md']);
    expect(baseline.files['a.md'][0]).toMatchObject({ ruleId: 'checkboxes', count: 1 });

    writeFileSync(join(dir, 'a.md'), `# Notes\n\nA new paragraph above.\n\n- [] old item\n`);
    expect(runCli(['--baseline', 'speclint-baseline.json', 'a.md'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });

    writeFileSync(join(dir, 'a.md'), `# Notes\n\n- [] old item\n- [] new item\n`);
    const withNew = runCli(['--baseline', 'speclint-baseline.json', '-f', 'json', 'a.md'], { cwd: dir });
    expect(withNew.code).toBe(1);
    expect(JSON.parse(withNew.stdout).results[0].messages.map((m: { line: number }) => m.line)).toEqual([4]);

    writeFileSync(join(dir, 'a.md'), '# Notes\n\n- [ ] fixed item\n');
    expect(runCli(['baseline', '--baseline-file', 'speclint-baseline.json', '.'], { cwd: dir }).stdout).toBe('Wrote 0 findings to speclint-baseline.json\n');
    expect(JSON.parse(readFileSync(join(dir, 'speclint-baseline.json'), 'utf8')).files).toEqual({});
  });

  it('a broken baseline file is one line and exit 2', () => {
    const dir = tempProject({ 'a.md': OLD, 'b.json': '{ not json' });
    const run = runCli(['--baseline', 'b.json', 'a.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^speclint: Invalid baseline .*b\.json: not valid JSON/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('--changed', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

  it('lints only Markdown files changed against the merge base, plus untracked ones', () => {
    const dir = tempProject({ 'docs/unchanged.md': OLD, 'docs/changed.md': '# A\n\nText.\n', 'notes.txt': 'x' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(dir, 'docs/changed.md'), '# A\n\n- [] new item\n');
    writeFileSync(join(dir, 'docs/new.md'), '# New\n\nText.\n');
    git(dir, 'commit', '-q', '-am', 'change');
    writeFileSync(join(dir, 'docs/untracked.md'), '# U\n\nText.\n');
    const run = runCli(['--changed', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(run.stdout).results.map((r: { filePath: string }) => r.filePath)).toEqual(['docs/changed.md', 'docs/new.md', 'docs/untracked.md']);
    const explicit = runCli(['--changed=main', '-f', 'json', 'docs'], { cwd: dir });
    expect(JSON.parse(explicit.stdout).results).toHaveLength(3);
    const bad = runCli(['--changed=nope'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, 'speclint: --changed: unknown git ref "nope"\n']);
  });
});
