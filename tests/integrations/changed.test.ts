/**
 * `--changed` and `--only-changed-lines` against a real git repository with a base and a feature branch (in-process
 * runs of the CLI; one repository for the file).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, runInProcess, tempProject } from '../cli/run-cli.js';

const OLD = '# Notes\n\n- [] old item\n';

describe('--changed', () => {
  let dir: string;
  const files = async (args: string[]) => {
    const run = await runInProcess(['-f', 'json', ...args], { cwd: dir });
    return (JSON.parse(run.stdout) as { results: Array<{ filePath: string; messages: Array<{ line: number }> }> }).results;
  };

  beforeAll(() => {
    dir = tempProject({ 'docs/unchanged.md': OLD, 'docs/changed.md': '# A\n\nText.\n\n- [] old item\n', 'notes.txt': 'x' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'feature');
  });

  it('with nothing changed, says so and exits 0', async () => {
    const run = await runInProcess(['--changed'], { cwd: dir });
    expect(run).toEqual({ code: 0, stdout: '', stderr: expect.stringMatching(/^speclint: no Markdown files changed against main \(merge base [0-9a-f]{12}\); nothing to lint\n$/) });
  });

  it('lints only Markdown files changed against the merge base, plus untracked ones', async () => {
    writeFileSync(join(dir, 'docs/changed.md'), '# A\n\nText, edited.\n\n- [] old item\n- [] new item\n');
    writeFileSync(join(dir, 'docs/new.md'), '# New\n\nText.\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'change');
    writeFileSync(join(dir, 'docs/untracked.md'), '# U\n\n- [] untracked item\n');
    expect((await files(['--changed'])).map((r) => r.filePath)).toEqual(['docs/changed.md', 'docs/new.md', 'docs/untracked.md']);
    expect(await files(['--changed=main', 'docs'])).toHaveLength(3);
    const bad = await runInProcess(['--changed=nope'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, 'speclint: --changed: unknown git ref "nope"\n']);
  });

  it('--only-changed-lines keeps the findings on lines the change touches (all of a new file)', async () => {
    const results = await files(['--changed', '--only-changed-lines']);
    expect(results.map((r) => [r.filePath, r.messages.map((m) => m.line)])).toEqual([
      ['docs/changed.md', [6]],
      ['docs/new.md', []],
      ['docs/untracked.md', [3]],
    ]);
    const code = (await runInProcess(['--changed', '--only-changed-lines', 'docs/changed.md'], { cwd: dir })).code;
    expect(code).toBe(1);
    const alone = await runInProcess(['--only-changed-lines', 'docs'], { cwd: dir });
    expect([alone.code, alone.stderr]).toEqual([2, 'speclint: --only-changed-lines needs --changed[=<ref>]: it keeps the findings on the lines that change touches\n']);
  });
});
