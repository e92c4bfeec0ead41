/**
 * `speclint --watch` as a child process: the first report, a changed file's new report, a config change, and Ctrl-C
 * (SIGINT) ending it with the last report's exit code.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/speclint.js');
const CLEAN = '# Caching\n\n## Summary\n\nWe cache build outputs.\n';

interface Watched {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once the output (stdout or stderr) has grown past `from` and matches. */
  until: (pattern: RegExp, stream?: 'stdout' | 'stderr') => Promise<void>;
  exit: Promise<number | null>;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'speclint-watch-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function start(dir: string, args: string[]): Watched {
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  const out = { stdout: '', stderr: '' };
  const listeners = new Set<() => void>();
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]!.on('data', (chunk: Buffer) => {
      out[stream] += chunk.toString();
      for (const listener of [...listeners]) listener();
    });
  }
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out.stdout,
    stderr: () => out.stderr,
    exit,
    until: (pattern, stream = 'stderr') => new Promise((resolve) => {
      const check = () => {
        if (pattern.test(out[stream])) {
          listeners.delete(check);
          resolve();
        }
      };
      listeners.add(check);
      check();
    }),
  };
}

/** The number of times the watcher has drawn a report. */
const draws = (watched: Watched) => (watched.stderr().match(/speclint is watching/g) ?? []).length;

describe('speclint --watch', () => {
  it('re-lints a changed file, follows a config change, and exits 1 on Ctrl-C with findings on screen', async () => {
    const dir = project({ 'docs/a.md': CLEAN, 'docs/b.md': CLEAN });
    const watched = start(dir, ['docs', '--watch', '-f', 'compact']);
    await watched.until(/watching 2 files for changes/);
    expect(watched.stdout()).toBe('');

    writeFileSync(join(dir, 'docs/a.md'), `${CLEAN}\nOwner: TBD\n`);
    await watched.until(/docs\/a\.md:7:8: error: Unfinished-text marker "TBD"/, 'stdout');
    await watched.until(/(?:watching[\s\S]*){2}/);
    expect(draws(watched)).toBe(2);

    // A config turning the rule off applies without a restart.
    writeFileSync(join(dir, '.specrc.json'), JSON.stringify({ rules: { 'no-placeholders': 'off' } }));
    await watched.until(/(?:watching[\s\S]*){3}/);
    writeFileSync(join(dir, '.specrc.json'), JSON.stringify({ rules: { 'no-placeholders': 'error' } }));
    await watched.until(/(?:watching[\s\S]*){4}/);
    const lastDraw = watched.stdout().split('\n').filter(Boolean).at(-1);
    expect(lastDraw).toMatch(/docs\/a\.md:7:8: error: Unfinished-text marker "TBD"/);

    watched.child.kill('SIGINT');
    expect(await watched.exit).toBe(1);
    expect(watched.stderr()).toMatch(/stopped watching\n$/);
  });

  it('exits 0 on Ctrl-C once the findings are fixed', async () => {
    const dir = project({ 'a.md': `${CLEAN}\nOwner: TBD\n` });
    const watched = start(dir, ['a.md', '--watch']);
    await watched.until(/watching 1 file for changes/);
    expect(watched.stdout()).toMatch(/1 problem/);
    writeFileSync(join(dir, 'a.md'), CLEAN);
    await watched.until(/(?:watching[\s\S]*){2}/);
    watched.child.kill('SIGINT');
    expect(await watched.exit).toBe(0);
  });

  it('refuses --fix (a fix would trigger its own re-lint)', async () => {
    const dir = project({ 'a.md': CLEAN });
    const watched = start(dir, ['a.md', '--watch', '--fix']);
    expect(await watched.exit).toBe(2);
    expect(watched.stderr()).toMatch(/--watch .* cannot be combined with --stdin, --fix/);
  });
});
