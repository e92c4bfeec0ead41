import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, tempProject } from '../cli/run-cli.js';

// In-process runs (src/cli/main.ts); worker processes still run the built worker (dist/bundle/worker.js).
const runCli = runInProcess;

const spec = (i: number) => `# Spec ${i}\n\n## Overview\n\nText for spec ${i}.\n\n- [] task ${i}\n\n\`\`\`json\n{"id": ${i},}\n\`\`\`\n`;

describe('--cache', () => {
  it('reuses results for unchanged files and relints changed files and changed configs', async () => {
    const dir = tempProject({ 'a.md': spec(1), 'b.md': spec(2) });
    const first = (await runCli(['--cache', '-f', 'json', '.'], { cwd: dir }));
    expect(existsSync(join(dir, '.speclintcache'))).toBe(true);
    const second = (await runCli(['--cache', '-f', 'json', '.'], { cwd: dir }));
    expect(second.stdout).toBe(first.stdout);

    // Poison the cached result of a.md: a hit must come from the cache, not from a new lint.
    const cache = JSON.parse(readFileSync(join(dir, '.speclintcache'), 'utf8'));
    const entry = Object.entries(cache.entries).find(([path]) => path.endsWith('a.md'))![1] as { result: { messages: Array<{ message: string }> } };
    entry.result.messages[0]!.message = 'from the cache';
    writeFileSync(join(dir, '.speclintcache'), JSON.stringify(cache));
    expect((await runCli(['--cache', '-f', 'json', 'a.md'], { cwd: dir })).stdout).toContain('from the cache');

    writeFileSync(join(dir, 'a.md'), spec(3));
    expect((await runCli(['--cache', '-f', 'json', 'a.md'], { cwd: dir })).stdout).not.toContain('from the cache');

    writeFileSync(join(dir, '.specrc.json'), '{ "rules": { "checkboxes": "off" } }');
    const afterConfig = JSON.parse((await runCli(['--cache', '-f', 'json', 'b.md'], { cwd: dir })).stdout);
    expect(afterConfig.results[0].messages.map((m: { ruleId: string }) => m.ruleId)).not.toContain('checkboxes');
  });

  it('a corrupt cache file is ignored, not fatal', async () => {
    const dir = tempProject({ 'a.md': spec(1), '.speclintcache': '{ corrupt' });
    const run = (await runCli(['--cache', 'a.md'], { cwd: dir }));
    expect([run.code, run.stderr]).toEqual([1, '']);
  });
});

describe('worker processes', () => {
  it('give the same report as linting in-process, in the same order', async () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`docs/${String(i).padStart(2, '0')}.md`, spec(i)]));
    const dir = tempProject(files);
    const inProcess = (await runCli(['--threads', '0', '-f', 'json', 'docs'], { cwd: dir }));
    const threaded = (await runCli(['--threads', '2', '-f', 'json', 'docs'], { cwd: dir }));
    expect(threaded.stdout).toBe(inProcess.stdout);
    expect(JSON.parse(threaded.stdout).results).toHaveLength(40);
  });

  it('a broken config a worker finds is the same one-line error and exit 2 as in-process', async () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`docs/${String(i).padStart(2, '0')}.md`, spec(i)]));
    const dir = tempProject({ ...files, 'docs/.specrc.json': '{ "rules": { "no-placeholders": "loud" } }' });
    const inProcess = (await runCli(['--threads', '0', 'docs'], { cwd: dir }));
    const inWorkers = (await runCli(['--threads', '2', 'docs'], { cwd: dir }));
    expect(inProcess.code).toBe(2);
    expect(inProcess.stderr.trim().split('\n')).toHaveLength(1);
    expect([inWorkers.code, inWorkers.stderr, inWorkers.stdout]).toEqual([inProcess.code, inProcess.stderr, inProcess.stdout]);
  });

  it('--fix in workers writes the same files as in-process', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`docs/${String(i).padStart(2, '0')}.md`, spec(i)]));
    const inProcess = tempProject(files);
    const inWorkers = tempProject(files);
    (await runCli(['--threads', '0', '--fix', 'docs'], { cwd: inProcess }));
    (await runCli(['--threads', '2', '--fix', 'docs'], { cwd: inWorkers }));
    const read = (dir: string) => Object.keys(files).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(read(inWorkers)).toEqual(read(inProcess));
    expect(read(inWorkers)).not.toEqual(Object.values(files));
  });
});

describe('--shard', () => {
  it('splits the files into disjoint slices that cover them all', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`docs/${i}.md`, `# Doc ${i}\n\nText.\n`]));
    const dir = tempProject(files);
    const slice = async (i: number) => (JSON.parse((await runCli(['--shard', `${i}/3`, '-f', 'json', 'docs'], { cwd: dir })).stdout).results as Array<{ filePath: string }>).map((r) => r.filePath);
    const all = [await slice(1), await slice(2), await slice(3)];
    expect(all.flat().sort()).toEqual(Object.keys(files).sort());
    expect(new Set(all.flat()).size).toBe(20);
    expect(await slice(1)).toEqual(all[0]);
  });
});
