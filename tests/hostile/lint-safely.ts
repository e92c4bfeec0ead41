/** What every hostile case checks: no stack trace, no file changed, a bounded time. */
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runInProcess } from '../cli/run-cli.js';

export const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
export const hashTree = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.name}:${createHash('sha1').update(readFileSync(join(e.parentPath, e.name))).digest('hex')}`)
    .sort()
    .join('\n');

/** The CLI in-process (src/cli/main.ts `run`): the same code as the binary, without a process start per case. */
export async function lint(dir: string, args: string[], limitSeconds = 20) {
  const before = hashTree(dir);
  const started = Date.now();
  const run = await runInProcess(args, { cwd: dir });
  const seconds = (Date.now() - started) / 1000;
  noStackTrace(run.stdout + run.stderr);
  expect(hashTree(dir)).toBe(before);
  expect(seconds).toBeLessThan(limitSeconds);
  return run;
}

export const json = (stdout: string) => JSON.parse(stdout) as { results: Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }> };

