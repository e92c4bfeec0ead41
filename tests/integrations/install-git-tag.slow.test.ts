/**
 * Installing from a git tag (`npm install github:owner/repo#tag` style), here from a tagged local release of this
 * checkout (`git+file://…#v<version>`). npm clones the tag, installs its dependencies *and* devDependencies, runs
 * `prepare` (the full build), packs the result and installs that with the runtime dependencies.
 *
 * SLOWEST suite (~1 min here, most of it npm installing the development tools): a tier of its own for issue 15.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git } from '../cli/run-cli.js';
import { makeRelease, pkg, tag, type Release } from './release-repo.js';

describe('install from a git tag', () => {
  let release: Release | undefined;
  let repo: string | undefined;

  afterAll(() => {
    for (const dir of [repo, release?.dir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds through prepare and installs a working CLI with runtime dependencies only', () => {
    release = makeRelease();
    repo = mkdtempSync(join(tmpdir(), 'speclint-gittag-'));
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'package.json'), '{ "name": "my-repo", "private": true }\n');
    const started = performance.now();
    const install = spawnSync('npm', ['install', '--save-dev', `git+${release.url}#${tag}`], {
      cwd: repo, encoding: 'utf8', timeout: 540_000,
      env: { ...process.env, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' },
    });
    const seconds = (performance.now() - started) / 1000;
    expect(install.status, install.stdout + install.stderr).toBe(0);
    console.info(`npm install from the git tag: ${seconds.toFixed(1)} s`);
    const modules = join(repo, 'node_modules');
    expect(existsSync(join(modules, 'speclint/dist/bundle/cli.js'))).toBe(true);
    for (const devOnly of ['typescript', 'esbuild', 'vitest']) expect(existsSync(join(modules, devOnly)), devOnly).toBe(false);
    expect(execFileSync(join(modules, '.bin', 'speclint'), ['--version'], { cwd: repo, encoding: 'utf8' })).toBe(`${pkg.version}\n`);
    writeFileSync(join(repo, 'a.md'), '# A\n\n```sql\nSELECT FROM;\n```\n');
    const lint = spawnSync(join(modules, '.bin', 'speclint'), ['-f', 'compact', 'a.md'], { cwd: repo, encoding: 'utf8' });
    expect([lint.status, lint.stdout]).toEqual([1, expect.stringMatching(/^a\.md:4:\d+: error: PostgreSQL: .* \(valid-sql\)\n$/)]);
  }, 600_000);
});
