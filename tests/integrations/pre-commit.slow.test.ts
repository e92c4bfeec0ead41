/**
 * The hook with the real pre-commit (installed by .ci/run; skipped, with a visible reason, where it is missing).
 * A user repository points at the project's home URL, which git sends to a tagged local release of this checkout;
 * `pre-commit install-hooks` is the first install (timed), `git commit` runs the hook on the staged files only.
 *
 * Slow-ish (~5-10 s: a clone and a few commits); one repository for the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../cli/run-cli.js';
import { home, makeRelease, tag, type Release } from './release-repo.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
if (!hasPreCommit) console.warn('pre-commit is not installed: the pre-commit hook test is skipped (.ci/run installs it with apt)');

const BAD = '# Notes\n\nSome text.\n\n- [] write the tests\n';
const GOOD = '# Notes\n\nSome text.\n\n- [ ] write the tests\n';

describe.skipIf(!hasPreCommit)('pre-commit hook (real pre-commit)', () => {
  let release: Release;
  let repo: string;
  let cache: string;
  let env: NodeJS.ProcessEnv;
  let installMs = 0;
  const commit = (message: string) => spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });

  beforeAll(() => {
    release = makeRelease();
    repo = mkdtempSync(join(tmpdir(), 'speclint-precommit-'));
    cache = mkdtempSync(join(tmpdir(), 'speclint-precommit-cache-'));
    env = {
      ...process.env, ...release.gitEnv, PRE_COMMIT_HOME: cache, NO_COLOR: '1',
      GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t',
    };
    git(repo, 'init', '-q');
    writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${home}\n    rev: ${tag}\n    hooks:\n      - id: speclint\n`);
    const started = performance.now();
    const install = spawnSync('pre-commit', ['install-hooks'], { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });
    installMs = performance.now() - started;
    expect(install.status, install.stdout + install.stderr).toBe(0);
    expect(spawnSync('pre-commit', ['install'], { cwd: repo, env, encoding: 'utf8' }).status).toBe(0);
  }, 120_000);

  afterAll(() => {
    for (const dir of [repo, cache, release?.dir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('installs from the tag in well under 20 s (a clone; nothing to npm install or build)', () => {
    expect(installMs).toBeLessThan(20_000);
    console.info(`pre-commit first install (install-hooks): ${(installMs / 1000).toFixed(1)} s`);
  });

  it('a commit of a good spec passes; unstaged and untracked bad files are not linted', () => {
    writeFileSync(join(repo, 'good.md'), GOOD);
    writeFileSync(join(repo, 'untracked.md'), BAD);
    git(repo, 'add', 'good.md', '.pre-commit-config.yaml');
    const result = commit('good');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/speclint\.+Passed/);
  }, 60_000);

  it('a commit of a bad spec fails with one compact line per finding', () => {
    writeFileSync(join(repo, 'bad.md'), BAD);
    git(repo, 'add', 'bad.md');
    const result = commit('bad');
    expect(result.status).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/speclint\.+Failed/);
    expect(output).toContain('bad.md:5:1: error: Malformed task item "- []": write "- [ ]" (--fix does it) (checkboxes)');
    expect(output).not.toContain('untracked.md');
    expect(output).not.toMatch(/✖|problems? \(/);
  }, 60_000);
});
