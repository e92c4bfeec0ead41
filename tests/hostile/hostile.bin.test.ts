/** Hostile cases that need a real process: another user's permissions (setpriv). */
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempProject } from '../cli/run-cli.js';
import { noStackTrace } from './lint-safely.js';

describe('paths', () => {
  it.skipIf(spawnSync('setpriv', ['--version']).status !== 0)('unreadable files and directories (as an unprivileged user)', () => {
    const dir = tempProject({ 'ok.md': '# A\n\nText.\n', 'secret.md': '# S\n', 'locked/inner.md': '# I\n' });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'ok.md'), 0o644);
    chmodSync(join(dir, 'secret.md'), 0o000);
    chmodSync(join(dir, 'locked'), 0o000);
    const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    noStackTrace(run.stdout + run.stderr);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('error  locked: Cannot read directory: permission denied');
    expect(run.stdout).toContain('error  secret.md: Cannot read file: permission denied');
    chmodSync(join(dir, 'locked'), 0o755);
  });
});
