import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './run-cli.js';

// A spec with one malformed task item (an error) and nothing else to report.
const BAD = '# Notes\n\nSome text.\n\n- [] write the tests\n';
const GOOD = '# Notes\n\nSome text.\n\n- [ ] write the tests\n';
const CLEAN_CONFIG = '{ "rules": { "empty-section": "off" } }';

interface JsonReport {
  version: number;
  results: Array<{ filePath: string; documentType: string | null; messages: Array<{ ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }>; errorCount: number; warningCount: number }>;
  errorCount: number;
  warningCount: number;
}

const json = (stdout: string) => JSON.parse(stdout) as JsonReport;

describe('exit codes', () => {
  it('0 when clean, 1 on errors, 2 on usage errors', () => {
    const dir = tempProject({ 'good.md': GOOD, 'bad.md': BAD, '.specrc.json': CLEAN_CONFIG });
    expect(runCli(['good.md'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(runCli(['bad.md'], { cwd: dir }).code).toBe(1);
    const usage = runCli(['--frobnicate'], { cwd: dir });
    expect([usage.code, usage.stderr]).toEqual([2, 'speclint: Unknown option --frobnicate. Run "speclint --help".\n']);
  });

  it('2 with one line for a path that does not exist', () => {
    const dir = tempProject({ 'good.md': GOOD });
    const run = runCli(['good.md', 'missing.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('missing.md: No such file or directory: missing.md');
  });

  it('--max-warnings counts warnings', () => {
    const dir = tempProject({ 'a.md': '# A\n\n## Empty\n\n## Also empty\n' });
    const base = runCli(['-f', 'json', 'a.md'], { cwd: dir });
    const warnings = json(base.stdout).warningCount;
    expect(warnings).toBeGreaterThan(0);
    expect(base.code).toBe(0);
    expect(runCli(['--max-warnings', String(warnings), 'a.md'], { cwd: dir }).code).toBe(0);
    const over = runCli(['--max-warnings', String(warnings - 1), 'a.md'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`speclint found too many warnings (maximum: ${warnings - 1}).\n`);
  });

  it('--quiet drops warnings from the report', () => {
    const dir = tempProject({ 'a.md': '# A\n\n## Empty\n\n## Also empty\n' });
    const run = runCli(['--quiet', '-f', 'json', 'a.md'], { cwd: dir });
    expect(json(run.stdout).results[0]!.messages).toEqual([]);
  });
});

describe('reports', () => {
  it('text: grouped by file, aligned, with a summary; no colour when not a TTY', () => {
    const dir = tempProject({ 'bad.md': BAD, '.specrc.json': CLEAN_CONFIG });
    const run = runCli(['bad.md'], { cwd: dir });
    expect(run.stdout).not.toContain('\u001b[');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('bad.md');
    expect(lines[1]).toMatch(/^ {2}5:1 {2}error {2}.+ {2}checkboxes$/);
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings)\n');
  });

  it('--color forces colours', () => {
    const dir = tempProject({ 'bad.md': BAD, '.specrc.json': CLEAN_CONFIG });
    expect(runCli(['--color', 'bad.md'], { cwd: dir }).stdout).toContain('\u001b[');
  });

  it('json: the documented shape, with relative paths', () => {
    const dir = tempProject({ 'docs/bad.md': BAD, 'docs/good.md': GOOD, '.specrc.json': CLEAN_CONFIG });
    const run = runCli(['-f', 'json', 'docs'], { cwd: dir });
    const report = json(run.stdout);
    expect(report.version).toBe(1);
    expect(report.results.map((r) => r.filePath)).toEqual(['docs/bad.md', 'docs/good.md']);
    expect(report.results[0]!.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn])).toEqual([['checkboxes', 'error', 5, 1, 5, 5]]);
    expect([report.errorCount, report.warningCount]).toEqual([1, 0]);
    expect(Object.keys(report.results[0]!)).toEqual(['filePath', 'documentType', 'messages', 'errorCount', 'warningCount']);
  });

  it('-o writes the report to a file and prints a summary', () => {
    const dir = tempProject({ 'bad.md': BAD, '.specrc.json': CLEAN_CONFIG });
    const run = runCli(['-f', 'json', '-o', 'out/report.json', 'bad.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('1 problem (1 error, 0 warnings) in 1 file; report written to out/report.json\n');
    expect(json(readFileSync(join(dir, 'out/report.json'), 'utf8')).errorCount).toBe(1);
  });

  it('several formats in one run: text to the terminal, JSON to a file', () => {
    const dir = tempProject({ 'bad.md': BAD, '.specrc.json': CLEAN_CONFIG });
    const run = runCli(['-f', 'text', '-f', 'json', '-o', 'r.json', 'bad.md'], { cwd: dir });
    expect(run.stdout).toContain('✖ 1 problem');
    expect(json(readFileSync(join(dir, 'r.json'), 'utf8')).results).toHaveLength(1);
  });
});

describe('files', () => {
  it('recurses into directories for .md and .markdown, honours .gitignore, skips node_modules', () => {
    const dir = tempProject({
      'docs/a.md': GOOD,
      'docs/b.markdown': GOOD,
      'docs/c.txt': BAD,
      'docs/generated/x.md': BAD,
      'docs/node_modules/pkg/readme.md': BAD,
      '.gitignore': 'docs/generated/\n',
      '.specrc.json': CLEAN_CONFIG,
    });
    const run = runCli(['-f', 'json', 'docs'], { cwd: dir });
    expect(json(run.stdout).results.map((r) => r.filePath)).toEqual(['docs/a.md', 'docs/b.markdown']);
  });

  it('honours config ignores', () => {
    const dir = tempProject({ 'docs/a.md': GOOD, 'docs/archive/old.md': BAD, '.specrc.json': '{ "ignores": ["docs/archive/**"], "rules": { "empty-section": "off" } }' });
    expect(json(runCli(['-f', 'json', '.'], { cwd: dir }).stdout).results.map((r) => r.filePath)).toEqual(['docs/a.md']);
  });

  it('explicit files: only those, whatever the extension', () => {
    const dir = tempProject({ 'a.md': GOOD, 'b.md': BAD, 'notes.txt': GOOD, '.specrc.json': CLEAN_CONFIG });
    expect(json(runCli(['-f', 'json', 'notes.txt', 'a.md'], { cwd: dir }).stdout).results.map((r) => r.filePath)).toEqual(['notes.txt', 'a.md']);
  });

  it('globs', () => {
    const dir = tempProject({ 'docs/x/a.md': GOOD, 'docs/y/b.md': GOOD, 'other/c.md': GOOD, '.specrc.json': CLEAN_CONFIG });
    expect(json(runCli(['-f', 'json', 'docs/**/*.md'], { cwd: dir }).stdout).results.map((r) => r.filePath)).toEqual(['docs/x/a.md', 'docs/y/b.md']);
  });

  it('does not loop on symlinks', () => {
    const dir = tempProject({ 'docs/a.md': GOOD, '.specrc.json': CLEAN_CONFIG });
    symlinkSync(join(dir, 'docs'), join(dir, 'docs', 'loop'));
    mkdirSync(join(dir, 'docs', 'deep'));
    symlinkSync(join(dir, 'docs', 'deep'), join(dir, 'docs', 'deep', 'self'));
    const run = runCli(['-f', 'json', 'docs'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(json(run.stdout).results.map((r) => r.filePath)).toEqual(['docs/a.md']);
  });
});

describe('stdin', () => {
  it('lints standard input under <stdin>', () => {
    const dir = tempProject({ '.specrc.json': CLEAN_CONFIG });
    const run = runCli(['--stdin', '-f', 'json'], { cwd: dir, input: BAD });
    expect(run.code).toBe(1);
    expect(json(run.stdout).results[0]!.filePath).toBe('<stdin>');
  });

  it('--stdin-filename names it and picks its config', () => {
    const dir = tempProject({ 'docs/drafts/.specrc.json': '{ "rules": { "checkboxes": "off" } }', '.specrc.json': CLEAN_CONFIG });
    const run = runCli(['--stdin', '--stdin-filename', 'docs/drafts/new.md', '-f', 'json'], { cwd: dir, input: BAD });
    expect(run.code).toBe(0);
    expect(json(run.stdout).results[0]!.filePath).toBe('docs/drafts/new.md');
  });
});

describe('fixes', () => {
  it('--fix rewrites a malformed task item and leaves clean files untouched', () => {
    const dir = tempProject({ 'bad.md': BAD, 'good.md': GOOD, '.specrc.json': CLEAN_CONFIG });
    writeFileSync(join(dir, 'good.md'), GOOD);
    const run = runCli(['--fix', 'bad.md', 'good.md'], { cwd: dir });
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'bad.md'), 'utf8')).toBe(GOOD);
  });

  it('--fix-dry-run prints the fixed text and writes nothing', () => {
    const dir = tempProject({ 'bad.md': BAD, '.specrc.json': CLEAN_CONFIG });
    const run = runCli(['--fix-dry-run', 'bad.md'], { cwd: dir });
    expect(run.stdout.startsWith(`==> bad.md (fixed) <==\n${GOOD}`)).toBe(true);
    expect(readFileSync(join(dir, 'bad.md'), 'utf8')).toBe(BAD);
  });
});

describe('information', () => {
  it('--version prints the package version', () => {
    const version = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).version;
    expect(runCli(['--version'], { cwd: tempProject({}) }).stdout).toBe(`${version}\n`);
  });

  it('--help lists the options and exit codes', () => {
    const run = runCli(['--help'], { cwd: tempProject({}) });
    expect(run.code).toBe(0);
    for (const option of ['--format', '--output-file', '--config', '--max-warnings', '--quiet', '--stdin-filename', '--print-config', 'Exit codes']) expect(run.stdout).toContain(option);
  });

  it('rules lists every rule', () => {
    const run = runCli(['rules'], { cwd: tempProject({}) });
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(13);
    expect(run.stdout).toMatch(/^required-sections +error/);
  });

  it('--verbose says which type a file got and why', () => {
    const dir = tempProject({ 'a.md': GOOD });
    expect(runCli(['--verbose', 'a.md'], { cwd: dir }).stderr).toMatch(/^a\.md: (no document type|type [\w-]+) \(.+\)\n/);
  });
});
