/** The built binary as users and hooks run it (a real process): exit status, real stdin, the package version. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './run-cli.js';

const BAD = '# Notes\n\nSome text.\n\n- [] write the tests\n';
const GOOD = '# Notes\n\nSome text.\n\n- [ ] write the tests\n';
const CLEAN_CONFIG = '{ "rules": { "empty-section": "off" } }';
const json = (stdout: string) => JSON.parse(stdout) as { results: Array<{ filePath: string }> };

describe('the built binary (spawned)', () => {
  it('exits 0 when clean, 1 on errors, 2 on usage errors, and reads real stdin', () => {
    const dir = tempProject({ 'good.md': GOOD, 'bad.md': BAD, '.specrc.json': CLEAN_CONFIG });
    expect(runCli(['good.md'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(runCli(['bad.md'], { cwd: dir }).code).toBe(1);
    const usage = runCli(['--frobnicate'], { cwd: dir });
    expect([usage.code, usage.stderr]).toEqual([2, 'speclint: Unknown option --frobnicate. Run "speclint --help".\n']);
    const stdin = runCli(['--stdin', '-f', 'json'], { cwd: dir, input: BAD });
    expect([stdin.code, json(stdin.stdout).results[0]!.filePath]).toEqual([1, '<stdin>']);
  });

  it('--version prints the package version', () => {
    const version = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).version;
    expect(runCli(['--version'], { cwd: tempProject({}) }).stdout).toBe(`${version}\n`);
  });
});

