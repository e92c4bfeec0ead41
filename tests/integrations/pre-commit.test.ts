/**
 * The hook with the real pre-commit: `pre-commit try-repo` installs speclint from this repository the way users
 * get it (npm pack of a commit), then runs it on a temporary git repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

describe.skipIf(!hasPreCommit)('pre-commit hook (real pre-commit try-repo)', () => {
  let repo: string;
  let hookRepo: string;
  let home: string;

  beforeAll(() => {
    // try-repo needs a git repository: snapshot the working tree (without node_modules/dist) as one commit.
    hookRepo = mkdtempSync(join(tmpdir(), 'speclint-hook-'));
    cpSync(root, hookRepo, { recursive: true, filter: (src) => !/[/\\](node_modules|dist|\.git)([/\\]|$)/.test(src.slice(root.length)) });
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-q', '-m', 'snapshot');
    repo = mkdtempSync(join(tmpdir(), 'speclint-precommit-'));
    home = mkdtempSync(join(tmpdir(), 'speclint-precommit-home-'));
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'bad.md'), '# Notes\n\nSome text.\n\n- [] write the tests\n');
    writeFileSync(join(repo, 'good.md'), '# Notes\n\nSome text.\n\n- [ ] write the tests\n');
    git(repo, 'add', '-A');
  }, 600_000);

  afterAll(() => {
    for (const dir of [repo, hookRepo, home]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const tryRepo = (file: string) =>
    spawnSync('pre-commit', ['try-repo', hookRepo, 'speclint', '--files', file], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1' },
    });

  it('fails on a bad spec and prints the finding', () => {
    const result = tryRepo('bad.md');
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('bad.md:5:1: error: Malformed task item "- []": write "- [ ]" (checkboxes)');
    expect(result.stdout).not.toMatch(/✖|problems? \(/);
  }, 600_000);

  it('passes on a good spec', () => {
    const result = tryRepo('good.md');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/speclint\.+Passed/);
  }, 600_000);
});
