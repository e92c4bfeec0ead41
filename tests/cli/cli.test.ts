/**
 * The command line, run in-process (`runInProcess`, src/cli/main.ts). The few cases about the process itself (exit
 * status, real stdin, --version of the built package) spawn the built binary: binary.bin.test.ts.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, tempProject } from './run-cli.js';
import textReporter from '../../src/reporters/text.js';
import type { FileReport, ReportContext } from '../../src/reporters/types.js';

// A spec with one malformed task item (an error) and nothing else to report.
const BAD = '# Notes\n\nSome text.\n\n- [] write the tests\n';
const GOOD = '# Notes\n\nSome text.\n\n- [ ] write the tests\n';
const CLEAN_CONFIG = '{ "rules": { "empty-section": "off" } }';
const WARNINGS = '# A\n\n## Empty\n\n## Also empty\n';

interface JsonReport {
  version: number;
  results: Array<{ filePath: string; documentType: string | null; messages: Array<{ ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }>; errorCount: number; warningCount: number; output?: string }>;
  errorCount: number;
  warningCount: number;
}

const json = (stdout: string) => JSON.parse(stdout) as JsonReport;
const cli = runInProcess;

describe('exit codes', () => {
  it('--max-warnings counts warnings', async () => {
    const dir = tempProject({ 'a.md': WARNINGS });
    const base = await cli(['-f', 'json', 'a.md'], { cwd: dir });
    const warnings = json(base.stdout).warningCount;
    expect(warnings).toBeGreaterThan(0);
    expect(base.code).toBe(0);
    expect((await cli(['--max-warnings', String(warnings), 'a.md'], { cwd: dir })).code).toBe(0);
    const over = await cli(['--max-warnings', String(warnings - 1), 'a.md'], { cwd: dir });
    expect([over.code, over.stderr]).toEqual([1, `speclint found too many warnings (maximum: ${warnings - 1}).\n`]);
  });

  it('--fail-on: warning fails on any finding, never always passes, a bad value is a usage error', async () => {
    const dir = tempProject({ 'warn.md': WARNINGS, 'bad.md': BAD });
    expect((await cli(['warn.md'], { cwd: dir })).code).toBe(0);
    expect((await cli(['--fail-on', 'warning', 'warn.md'], { cwd: dir })).code).toBe(1);
    expect((await cli(['--fail-on', 'never', 'bad.md'], { cwd: dir })).code).toBe(0);
    const bad = await cli(['--fail-on', 'sometimes', 'bad.md'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, 'speclint: --fail-on expects "error", "warning" or "never", got "sometimes"\n']);
  });

  it('--quiet drops warnings from the report', async () => {
    const dir = tempProject({ 'a.md': WARNINGS });
    expect(json((await cli(['--quiet', '-f', 'json', 'a.md'], { cwd: dir })).stdout).results[0]!.messages).toEqual([]);
  });
});

describe('no silent green', () => {
  it('a path that does not exist, an empty directory or a glob that matches nothing: exit 2, one line', async () => {
    const dir = tempProject({ 'good.md': GOOD, 'empty/notes.txt': 'x' });
    const missing = await cli(['good.md', 'missing.md'], { cwd: dir });
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([2, '', 'speclint: "missing.md" (no such file or directory) matches no Markdown file: check the path or glob, or pass --no-error-on-unmatched-pattern\n']);
    const empty = await cli(['empty'], { cwd: dir });
    expect([empty.code, empty.stderr]).toEqual([2, 'speclint: "empty" matches no Markdown file: check the path or glob, or pass --no-error-on-unmatched-pattern\n']);
    const glob = await cli(['docs/**/*.md', 'spec/*.md'], { cwd: dir });
    expect([glob.code, glob.stderr]).toEqual([2, 'speclint: "docs/**/*.md", "spec/*.md" match no Markdown file: check the path or glob, or pass --no-error-on-unmatched-pattern\n']);
  });

  it('--no-error-on-unmatched-pattern lints what matched, and nothing at all is exit 0', async () => {
    const dir = tempProject({ 'bad.md': BAD, 'empty/notes.txt': 'x' });
    expect((await cli(['--no-error-on-unmatched-pattern', 'bad.md', 'missing.md'], { cwd: dir })).code).toBe(1);
    expect(await cli(['--no-error-on-unmatched-pattern', 'empty'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('reports', () => {
  it('text: grouped by file, aligned, with a summary and a docs link per rule; no colour when not a terminal', async () => {
    const dir = tempProject({ 'bad.md': BAD, '.specrc.json': CLEAN_CONFIG });
    const run = await cli(['bad.md'], { cwd: dir });
    expect(run.stdout).not.toContain('\u001b[');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('bad.md');
    expect(lines[1]).toMatch(/^ {2}5:1 {2}error {2}.+ {2}checkboxes$/);
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings)\n  1 problem potentially fixable with --fix.\n\nRule docs:\n  checkboxes  https://github.com/speclint/speclint/blob/v0.1.0/docs/rules/checkboxes.md\n');
  });

  it('--stats counts findings per rule', async () => {
    const dir = tempProject({ 'a.md': `${BAD}\n## Empty\n` });
    const run = await cli(['--stats', 'a.md'], { cwd: dir });
    expect(run.stdout).toMatch(/\nFindings per rule:\n {2}checkboxes {5}1 error, 0 warnings {2}https:\/\/\S+\/checkboxes\.md\n {2}empty-section {2}0 errors, 1 warning {2}https:\/\/\S+\/empty-section\.md\n$/);
  });

  it('a config docsUrl points the links at a mirror', async () => {
    const dir = tempProject({ 'bad.md': BAD, '.specrc.json': '{ "docsUrl": "https://docs.internal/speclint/{version}/{rule}.html" }' });
    expect((await cli(['bad.md'], { cwd: dir })).stdout).toContain('  checkboxes  https://docs.internal/speclint/0.1.0/checkboxes.html\n');
    const sarif = JSON.parse((await cli(['-f', 'sarif', 'bad.md'], { cwd: dir })).stdout);
    expect(sarif.runs[0].tool.driver.rules[0].helpUri).toBe('https://docs.internal/speclint/0.1.0/checkboxes.html');
  });

  it('colour: --color and --no-color, else FORCE_COLOR, else NO_COLOR, else a terminal', async () => {
    const dir = tempProject({ 'bad.md': BAD });
    const coloured = async (args: string[], env: Record<string, string>, isTTY = false) => (await runInProcess([...args, 'bad.md'], { cwd: dir, env, isTTY })).stdout.includes('\u001b[');
    expect(await coloured(['--color'], {})).toBe(true);
    expect(await coloured([], { FORCE_COLOR: '1' })).toBe(true);
    expect(await coloured([], { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(await coloured([], { NO_COLOR: '1' }, true)).toBe(false);
    expect(await coloured(['--no-color'], { FORCE_COLOR: '1' })).toBe(false);
    expect(await coloured([], {}, true)).toBe(true);
    expect(await coloured([], {})).toBe(false);
  });

  it('json: the documented shape, with relative paths', async () => {
    const dir = tempProject({ 'docs/bad.md': BAD, 'docs/good.md': GOOD, '.specrc.json': CLEAN_CONFIG });
    const report = json((await cli(['-f', 'json', 'docs'], { cwd: dir })).stdout);
    expect(report.version).toBe(1);
    expect(report.results.map((r) => r.filePath)).toEqual(['docs/bad.md', 'docs/good.md']);
    expect(report.results[0]!.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn])).toEqual([['checkboxes', 'error', 5, 1, 5, 5]]);
    expect([report.errorCount, report.warningCount]).toEqual([1, 0]);
    expect(Object.keys(report.results[0]!)).toEqual(['filePath', 'documentType', 'documentTypeReason', 'messages', 'errorCount', 'warningCount']);
  });

  it('-o writes the report to a file and prints a summary; several formats in one run', async () => {
    const dir = tempProject({ 'bad.md': BAD, '.specrc.json': CLEAN_CONFIG });
    const run = await cli(['-f', 'json', '-o', 'out/report.json', 'bad.md'], { cwd: dir });
    expect([run.code, run.stdout]).toEqual([1, '1 problem (1 error, 0 warnings) in 1 file; report written to out/report.json\n']);
    expect(json(readFileSync(join(dir, 'out/report.json'), 'utf8')).errorCount).toBe(1);
    const both = await cli(['-f', 'text', '-f', 'json', '-o', 'r.json', 'bad.md'], { cwd: dir });
    expect(both.stdout).toContain('✖ 1 problem');
    expect(json(readFileSync(join(dir, 'r.json'), 'utf8')).results).toHaveLength(1);
  });

  it('the text summary counts files that matched no document type', () => {
    const report = (untyped: boolean): FileReport => ({
      filePath: 'a.md', absolutePath: '/r/a.md', messages: [], errorCount: 0, warningCount: 0, fixableCount: 0,
      ...(untyped ? { untyped: { closest: { id: 'kep', score: 0.3, threshold: 0.5 } } } : {}),
    });
    const context = { color: false, notifications: [], docsUrl: (id: string) => id } as unknown as ReportContext;
    expect(textReporter.format([report(true), report(true), report(false)], context)).toBe('2 files matched no document type (--verbose shows the closest type of each).\n');
  });
});

describe('files', () => {
  it('recurses into directories for .md and .markdown, honours .gitignore, skips node_modules', async () => {
    const dir = tempProject({
      'docs/a.md': GOOD,
      'docs/b.markdown': GOOD,
      'docs/c.txt': BAD,
      'docs/generated/x.md': BAD,
      'docs/node_modules/pkg/readme.md': BAD,
      '.gitignore': 'docs/generated/\n',
      '.specrc.json': CLEAN_CONFIG,
    });
    expect(json((await cli(['-f', 'json', 'docs'], { cwd: dir })).stdout).results.map((r) => r.filePath)).toEqual(['docs/a.md', 'docs/b.markdown']);
  });

  it('honours config ignores', async () => {
    const dir = tempProject({ 'docs/a.md': GOOD, 'docs/archive/old.md': BAD, '.specrc.json': '{ "ignores": ["docs/archive/**"], "rules": { "empty-section": "off" } }' });
    expect(json((await cli(['-f', 'json', '.'], { cwd: dir })).stdout).results.map((r) => r.filePath)).toEqual(['docs/a.md']);
  });

  it('explicit files: only those, whatever the extension', async () => {
    const dir = tempProject({ 'a.md': GOOD, 'b.md': BAD, 'notes.txt': GOOD, '.specrc.json': CLEAN_CONFIG });
    expect(json((await cli(['-f', 'json', 'notes.txt', 'a.md'], { cwd: dir })).stdout).results.map((r) => r.filePath)).toEqual(['notes.txt', 'a.md']);
  });

  it('globs', async () => {
    const dir = tempProject({ 'docs/x/a.md': GOOD, 'docs/y/b.md': GOOD, 'other/c.md': GOOD, '.specrc.json': CLEAN_CONFIG });
    expect(json((await cli(['-f', 'json', 'docs/**/*.md'], { cwd: dir })).stdout).results.map((r) => r.filePath)).toEqual(['docs/x/a.md', 'docs/y/b.md']);
  });

  it('does not loop on symlinks', async () => {
    const dir = tempProject({ 'docs/a.md': GOOD, '.specrc.json': CLEAN_CONFIG });
    symlinkSync(join(dir, 'docs'), join(dir, 'docs', 'loop'));
    mkdirSync(join(dir, 'docs', 'deep'));
    symlinkSync(join(dir, 'docs', 'deep'), join(dir, 'docs', 'deep', 'self'));
    const run = await cli(['-f', 'json', 'docs'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(json(run.stdout).results.map((r) => r.filePath)).toEqual(['docs/a.md']);
  });
});

describe('stdin', () => {
  it('--stdin-filename names it and picks its config', async () => {
    const dir = tempProject({ 'docs/drafts/.specrc.json': '{ "rules": { "checkboxes": "off" } }', '.specrc.json': CLEAN_CONFIG });
    const run = await cli(['--stdin', '--stdin-filename', 'docs/drafts/new.md', '-f', 'json'], { cwd: dir, input: BAD });
    expect(run.code).toBe(0);
    expect(json(run.stdout).results[0]!.filePath).toBe('docs/drafts/new.md');
  });
});

describe('fixes', () => {
  it('--fix rewrites a malformed task item and leaves clean files untouched', async () => {
    const dir = tempProject({ 'bad.md': BAD, 'good.md': GOOD, '.specrc.json': CLEAN_CONFIG });
    const run = await cli(['--fix', 'bad.md', 'good.md'], { cwd: dir });
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'bad.md'), 'utf8')).toBe(GOOD);
  });

  it('--fix-dry-run prints the fixed text and the problems that remain, and writes nothing', async () => {
    const text = `${BAD}\n## Empty\n`;
    const dir = tempProject({ 'bad.md': text });
    const run = await cli(['--fix-dry-run', 'bad.md'], { cwd: dir });
    const fixed = text.replace('- []', '- [ ]');
    expect(run.stdout.startsWith(`==> bad.md (fixed) <==\n${fixed}bad.md\n`)).toBe(true);
    expect(run.stdout).toMatch(/ 7:1 {2}warning {2}Section "Empty" is empty.*empty-section\n/);
    expect(run.stdout).not.toContain('checkboxes');
    expect([run.code, readFileSync(join(dir, 'bad.md'), 'utf8')]).toEqual([0, text]);
    const asJson = json((await cli(['--fix-dry-run', '-f', 'json', 'bad.md'], { cwd: dir })).stdout);
    expect(asJson.results[0]!.output).toBe(fixed);
    expect(asJson.results[0]!.messages.map((m) => m.ruleId)).toEqual(['empty-section']);
  });
});

describe('the project home', () => {
  it('is named once, in package.json: src/package-info.generated.ts is current with it', async () => {
    const { generatedPackageInfoModule } = await import('../../scripts/gen-package-info.mjs');
    expect(readFileSync(join(import.meta.dirname, '..', '..', 'src/package-info.generated.ts'), 'utf8')).toBe(generatedPackageInfoModule());
  });
});

describe('information', () => {
  it('--help and "speclint help" list the commands, options and exit codes', async () => {
    const dir = tempProject({});
    const help = await cli(['--help'], { cwd: dir });
    expect(help.code).toBe(0);
    for (const option of ['--format', '--output-file', '--config', '--max-warnings', '--fail-on', '--quiet', '--stats', '--stdin-filename', '--print-config', '--no-error-on-unmatched-pattern', '--report-unused-disable-directives', 'baseline --update', 'Exit codes']) expect(help.stdout).toContain(option);
    expect(await cli(['help'], { cwd: dir })).toEqual(help);
  });

  it('rules lists every rule; rules <id> prints its documentation and where it is online', async () => {
    const dir = tempProject({});
    const list = await cli(['rules'], { cwd: dir });
    // 13 file rules, then the 10 set rules (docs/sets.md).
    expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(13 + 10);
    expect(list.stdout).toMatch(/^required-sections +error/);
    const page = await cli(['rules', 'checkboxes'], { cwd: dir });
    const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'rules', 'checkboxes.md'), 'utf8');
    expect(page.stdout).toBe(`${docs.endsWith('\n') ? docs : `${docs}\n`}\nOnline: https://github.com/speclint/speclint/blob/v0.1.0/docs/rules/checkboxes.md\n`);
    const coloured = await runInProcess(['rules', 'checkboxes'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[1m\u001b[4mcheckboxes\u001b[24m\u001b[22m');
    const unknown = await cli(['rules', 'checkbox'], { cwd: dir });
    expect([unknown.code, unknown.stderr]).toEqual([2, 'speclint: unknown rule "checkbox" (did you mean "checkboxes"?); "speclint rules" lists them\n']);
  });

  it('--verbose names, for a file that matched no type of the config, the closest one, its score and the threshold', async () => {
    const { untypedDetail } = await import('../../src/cli/main.js');
    const report = { filePath: 'a.md', absolutePath: '/r/a.md', messages: [], errorCount: 0, warningCount: 0, fixableCount: 0 };
    expect(untypedDetail({ ...report, untyped: { closest: { id: 'kep', score: 0.333, threshold: 0.5 } } })).toBe('; closest type kep, score 0.33 below the threshold 0.5');
    expect(untypedDetail({ ...report, untyped: {} })).toBe('; no type of the config came close');
    expect(untypedDetail(report)).toBe('');
  });

  it('--verbose says which type a file got and why', async () => {
    const dir = tempProject({ 'a.md': GOOD });
    expect((await cli(['--verbose', 'a.md'], { cwd: dir })).stderr).toMatch(/^a\.md: (no document type|type [\w-]+) \(.+\)\n/);
  });
});

describe('directives', () => {
  it('a directive naming an unknown rule is a warning with a did-you-mean', async () => {
    const dir = tempProject({ 'a.md': '# Notes\n\nText.\n\n<!-- speclint-disable-next-line checkbox -->\n- [] task\n' });
    const report = json((await cli(['-f', 'json', 'a.md'], { cwd: dir })).stdout);
    expect(report.results[0]!.messages.map((m) => [m.ruleId, m.severity, m.line, m.message])).toEqual([
      ['directives', 'warn', 5, 'Unknown rule "checkbox" in speclint-disable-next-line (did you mean "checkboxes"?): it suppresses nothing; `speclint rules` lists the rule ids'],
      ['checkboxes', 'error', 6, 'Malformed task item "- []": write "- [ ]" (--fix does it)'],
    ]);
  });

  it('--report-unused-disable-directives reports directives (and rules in them) that suppress nothing', async () => {
    const dir = tempProject({
      'a.md': '# Notes\n\nText.\n\n<!-- speclint-disable-next-line checkboxes, valid-json -->\n- [] task\n\n<!-- speclint-disable-line -->\nFine.\n',
    });
    expect(json((await cli(['-f', 'json', 'a.md'], { cwd: dir })).stdout).results[0]!.messages).toEqual([]);
    const run = await cli(['--report-unused-disable-directives', '-f', 'json', 'a.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(json(run.stdout).results[0]!.messages.map((m) => [m.severity, m.line, m.message])).toEqual([
      ['error', 5, 'Unused speclint-disable-next-line directive (no problems were reported from "valid-json"): remove "valid-json" from it'],
      ['error', 8, 'Unused speclint-disable-line directive (no problems were reported here): remove it'],
    ]);
    const asWarnings = await cli(['--report-unused-disable-directives-severity', 'warn', 'a.md'], { cwd: dir });
    expect(asWarnings.code).toBe(0);
    expect(asWarnings.stdout).toContain('  directives  https://github.com/speclint/speclint/blob/v0.1.0/docs/configuration.md#inline-directives\n');
  });
});

describe('writes', () => {
  it('a report file that cannot be written is one line and exit 2', async () => {
    const dir = tempProject({ 'bad.md': BAD });
    writeFileSync(join(dir, 'out'), 'a file, not a directory');
    const run = await cli(['-f', 'json', '-o', 'out/report.json', 'bad.md'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([2, 'speclint: Cannot write out/report.json: EEXIST\n']);
  });
});
