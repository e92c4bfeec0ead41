/**
 * The project layer's public API (src/project/speclint.ts), in-process: what an editor server, a watcher or a
 * script builds on. Config is resolved once per file and shared by every step of a run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Speclint, type SpeclintOptions } from '../../src/index.js';
import { ConfigLoader } from '../../src/config/load.js';
import { tempProject } from '../cli/run-cli.js';

const BAD = '# Notes\n\nText.\n\n- [] task\n';
const GOOD = '# Notes\n\nText.\n\n- [ ] task\n';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Speclint', () => {
  it('lintFiles: one result per file in path order, and notifications for what could not be checked', async () => {
    const dir = tempProject({ 'docs/b.md': BAD, 'docs/a.md': GOOD, 'docs/skip/x.md': BAD, '.specrc.json': '{ "ignores": ["docs/skip"] }' });
    writeFileSync(join(dir, 'docs/bin.md'), Buffer.from([0x89, 0x00, 0x01]));
    const run = await new Speclint({ cwd: dir }).lintFiles(['docs']);
    expect(run.results.map((r) => [r.filePath, r.errorCount])).toEqual([['docs/a.md', 0], ['docs/b.md', 1]]);
    expect(run.notifications).toEqual([{ level: 'warning', message: 'Skipped: binary file (contains NUL bytes)', filePath: 'docs/bin.md' }]);
    expect(run.ignored).toEqual([join(dir, 'docs/skip/x.md')]);
  });

  it('resolves each file\'s config once, whatever the run needs it for (ignores, cache, lint, baseline)', async () => {
    const dir = tempProject({ 'a.md': BAD, 'sub/b.md': BAD, 'sub/.specrc.json': '{ "baseline": "base.json" }' });
    const resolveFor = vi.spyOn(ConfigLoader.prototype, 'resolveFor');
    const speclint = new Speclint({ cwd: dir, cache: { location: '.cache', strategy: 'content' } });
    const run = await speclint.lintFiles(['.']);
    await speclint.applyBaselines(run.results);
    await speclint.writeBaselines(run.results, { update: false });
    // Once per file, and once for the working directory, whose config holds the `sets` the set pass reads.
    expect(resolveFor.mock.calls.map(([path]) => path).sort()).toEqual([join(dir, 'a.md'), join(dir, 'speclint.md'), join(dir, 'sub/b.md')]);
  });

  it('lintText: a text linted as a path would be (its config), without reading or writing the file', async () => {
    const dir = tempProject({ 'docs/.specrc.json': '{ "rules": { "checkboxes": "off" } }' });
    const speclint = new Speclint({ cwd: dir, fix: true });
    const inDocs = await speclint.lintText(BAD, { filePath: 'docs/new.md' });
    const atRoot = await speclint.lintText(BAD);
    expect([inDocs.results[0]!.filePath, inDocs.results[0]!.errorCount]).toEqual(['docs/new.md', 0]);
    expect([atRoot.results[0]!.filePath, atRoot.results[0]!.errorCount]).toEqual(['<stdin>', 1]);
  });

  it('loadFormatter: pure text from results; an unknown name is a usage error', async () => {
    const dir = tempProject({ 'a.md': BAD });
    const speclint = new Speclint({ cwd: dir });
    const { results } = await speclint.lintFiles(['a.md']);
    const sarif = JSON.parse((await speclint.loadFormatter('sarif')).format(results));
    expect(sarif.runs[0].tool.driver.rules[0].help.markdown).toMatch(/^# checkboxes/);
    expect((await speclint.loadFormatter('compact')).format(results)).toBe('a.md:5:1: error: Malformed task item "- []": write "- [ ]" (--fix does it) (checkboxes)\n');
    await expect(speclint.loadFormatter('xml')).rejects.toThrow('unknown format "xml"');
  });

  it('options are plain data: what a worker process receives is what the parent was given', () => {
    const options: SpeclintOptions = {
      cwd: '/repo', configFile: 'c.json', forcedType: 'kep', fix: true, fixDryRun: false, cache: { location: '.c', strategy: 'metadata' },
      threads: 2, maxFileBytes: 1024, reportUnusedDisableDirectives: 'warn', errorOnUnmatchedPattern: false, baseline: 'b.json',
    };
    expect(JSON.parse(JSON.stringify(new Speclint(options).options))).toEqual(options);
  });

  it('calculateConfigForFile: the config file, rules, types and ignores that apply', async () => {
    const dir = tempProject({ 'docs/.specrc.json': '{ "rules": { "checkboxes": "warn" }, "ignores": ["old"] }' });
    const speclint = new Speclint({ cwd: dir });
    const config = await speclint.calculateConfigForFile('docs/a.md');
    const severity = (setting: unknown) => (Array.isArray(setting) ? setting[0] : setting);
    expect([config.configFile, severity(config.rules.checkboxes), config.ignored]).toEqual([join(dir, 'docs/.specrc.json'), 'warn', false]);
    expect((await speclint.calculateConfigForFile('docs/old/a.md')).ignored).toBe(true);
  });
});
