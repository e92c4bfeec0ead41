/**
 * Whatever is in a repository: each case asserts the exit code, a one-line message where it is an error, no stack
 * trace, a bounded time, and that no file changed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject, BIN } from '../cli/run-cli.js';
import { writeFileAtomic, writeHooks } from '../../src/cli/write.js';

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
const hashTree = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.name}:${createHash('sha1').update(readFileSync(join(e.parentPath, e.name))).digest('hex')}`)
    .sort()
    .join('\n');

function lint(dir: string, args: string[]) {
  const before = hashTree(dir);
  const started = Date.now();
  const run = runCli(args, { cwd: dir });
  const seconds = (Date.now() - started) / 1000;
  noStackTrace(run.stdout + run.stderr);
  expect(hashTree(dir)).toBe(before);
  expect(seconds).toBeLessThan(60);
  return run;
}

const json = (stdout: string) => JSON.parse(stdout) as { results: Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }> };

describe('encodings and line endings', () => {
  it('a binary file named .md is skipped with a warning, exit 0', () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    const run = lint(dir, ['image.md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('warning  image.md: Skipped: binary file (contains NUL bytes)\n\n');
  });

  it('invalid UTF-8: one line, exit 2', () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'bad.md'), Buffer.concat([Buffer.from('# Title\n\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const run = lint(dir, ['bad.md']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('error  bad.md: Cannot lint: not valid UTF-8 (first bad byte at offset 12)\n\n');
  });

  it('UTF-16 LE with BOM is decoded; positions are right', () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'u16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# T\n\n- [] task\n', 'utf16le')]));
    const run = lint(dir, ['-f', 'json', 'u16.md']);
    expect(json(run.stdout).results[0]!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['checkboxes@3:1']);
  });

  it('UTF-8 BOM, CRLF and lone CR: positions are right', () => {
    const dir = tempProject({ 'bom.md': '\ufeff# [NAME]\r\n\r\n- [] task\r\n', 'cr.md': '# T\r\r- [] task\r' });
    const run = lint(dir, ['-f', 'json', 'bom.md', 'cr.md']);
    const results = json(run.stdout).results.map((r) => r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`));
    expect(results).toEqual([['no-placeholders@1:3', 'checkboxes@3:1'], ['checkboxes@3:1']]);
  });

  it('empty and whitespace-only files: nothing to report', () => {
    const dir = tempProject({ 'empty.md': '', 'blank.md': ' \n\t\n\n' });
    expect(lint(dir, ['empty.md', 'blank.md'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('size and depth', () => {
  it('a 50 MB file is skipped with a warning instead of parsed for minutes', () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'huge.md'), 'Some text in a paragraph.\n\n'.repeat(2_000_000));
    const run = lint(dir, ['huge.md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('warning  huge.md: Skipped: 51.5 MB is over the 10.0 MB limit for one document (--max-file-size)\n\n');
  });

  it('a 5 MB single line', () => {
    const dir = tempProject({ 'line.md': `# T\n\n${'word '.repeat(1_000_000)}\n` });
    expect(lint(dir, ['line.md']).code).toBe(0);
  });

  it('10,000-deep nested lists and blockquotes end with a result or one clear line', () => {
    const lists = Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    const quotes = `${'>'.repeat(10_000)} deep\n`;
    const dir = tempProject({ 'lists.md': `# T\n\n${lists}\n`, 'quotes.md': `# T\n\n${quotes}` });
    for (const file of ['lists.md', 'quotes.md']) {
      const run = lint(dir, [file]);
      expect([0, 2]).toContain(run.code);
      if (run.code === 2) expect(run.stdout.trim()).toMatch(/^error {2}\S+\.md: Cannot lint: .+$/);
    }
  });

  it('100 nested list levels are still linted, past 100 one clear line', () => {
    const nested = (levels: number) => `# T\n\n${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item [TODO_ITEM]`).join('\n')}\n`;
    const dir = tempProject({ 'deep.md': nested(100), 'deeper.md': nested(101), 'quotes.md': `# T\n\n${'> '.repeat(101)}deep\n` });
    const deep = lint(dir, ['-f', 'compact', 'deep.md']);
    expect([deep.code, deep.stdout.trim().split('\n').length]).toEqual([1, 100]);
    for (const file of ['deeper.md', 'quotes.md']) {
      const deeper = lint(dir, [file]);
      expect([deeper.code, deeper.stdout.trim()]).toEqual([2, `error  ${file}: Cannot lint: the document nests lists or quotes more than 100 levels deep`]);
    }
  });

  it('a 100,000-row table, a 1 MB code block and 5,000 headings', () => {
    const table = `| Version | Date |\n|---|---|\n${Array.from({ length: 100_000 }, (_, i) => `| 1.${i} | 2025-01-01 |`).join('\n')}\n`;
    const code = `\`\`\`json\n${'{"a": 1}\n'.repeat(1)}${' '.repeat(1_000_000)}\n\`\`\`\n`;
    const headings = Array.from({ length: 5000 }, (_, i) => `## Section ${i}\n\nText.\n`).join('\n');
    const dir = tempProject({ 'table.md': `# T\n\n${table}`, 'code.md': `# T\n\n${code}`, 'headings.md': `# T\n\n${headings}` });
    const run = lint(dir, ['-f', 'json', 'table.md', 'code.md', 'headings.md']);
    expect(json(run.stdout).results).toHaveLength(3);
  });
});

describe('paths', () => {
  it('a path that does not exist (vanished): one line, exit 2', () => {
    const dir = tempProject({ 'a.md': '# A\n\nText.\n' });
    const run = lint(dir, ['a.md', 'gone.md']);
    expect(run.code).toBe(2);
    expect([run.stdout, run.stderr]).toEqual(['', 'speclint: "gone.md" (no such file or directory) matches no Markdown file: check the path or glob, or pass --no-error-on-unmatched-pattern\n']);
  });

  it('a symlink loop and a directory named x.md', () => {
    const dir = tempProject({ 'x.md/inside.md': '# Inside\n\nText.\n' });
    symlinkSync(join(dir, 'loop.md'), join(dir, 'loop.md'));
    const walked = lint(dir, ['-f', 'json', '.']);
    expect(json(walked.stdout).results.map((r) => r.filePath)).toEqual(['x.md/inside.md']);
    const explicit = lint(dir, ['loop.md']);
    expect(explicit.code).toBe(2);
    expect(explicit.stdout).toBe('error  loop.md: Cannot read: too many levels of symbolic links\n\n');
  });

  it('spaces, quotes, newlines and non-ASCII in names are right in text, JSON, SARIF and github output', () => {
    const name = 'spécs "draft"\nv2 ✓.md';
    const dir = tempProject({ [`dir with space/${name}`]: '# T\n\n- [] task\n' });
    const text = lint(dir, ['.']);
    expect(text.stdout.split('\n')[0]).toBe(`dir with space/${name.split('\n')[0]}`);
    expect(json(lint(dir, ['-f', 'json', '.']).stdout).results[0]!.filePath).toBe(`dir with space/${name}`);
    const sarif = JSON.parse(lint(dir, ['-f', 'sarif', '.']).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('dir%20with%20space/sp%C3%A9cs%20%22draft%22%0Av2%20%E2%9C%93.md');
    expect(lint(dir, ['-f', 'github', '.']).stdout).toContain('::error file=dir with space/spécs "draft"%0Av2 ✓.md,line=3,col=1');
  });

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

describe('configs and regexes', () => {
  it('a template path that does not exist, wrong types: one line, exit 2', () => {
    const missing = tempProject({ 'a.md': '# A\n', '.specrc.json': '{ "types": { "kep": { "template": "nope.md" } } }' });
    const run = lint(missing, ['a.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^speclint: Invalid config .*\.specrc\.json: types\.kep\.template: cannot read .*nope\.md \(file not found\)\n$/);
    const wrongType = tempProject({ 'a.md': '# A\n', '.specrc.json': '{ "rules": { "valid-links": ["error", { "checkFiles": "yes" }] } }' });
    expect(lint(wrongType, ['a.md']).stderr).toBe(`speclint: Invalid config ${join(wrongType, '.specrc.json')}: rules["valid-links"][1].checkFiles: must be boolean\n`);
  });

  it('a template with no headings: one line, exit 2', () => {
    const dir = tempProject({ 'a.md': '# A\n', 'empty-template.md': 'Just prose.\n', '.specrc.json': '{ "types": { "prd": { "template": "empty-template.md" } } }' });
    const run = lint(dir, ['a.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^speclint: Invalid config .*\.specrc\.json: types\.prd\.template: .*empty-template\.md has no headings, so it describes no document type\n$/);
  });

  it('a catastrophic user regex is rejected when the config loads', () => {
    const dir = tempProject({ 'a.md': `# A\n\n${'a'.repeat(40)}!\n`, '.specrc.json': '{ "rules": { "no-placeholders": ["error", { "patterns": ["(a+)+$"] }] } }' });
    const run = lint(dir, ['a.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/rules\["no-placeholders"\]\[1\]: regular expression \/\(a\+\)\+\$\/ nests quantifiers/);
  });
});

describe('--fix', () => {
  it('an interrupted write (failure between write and rename) leaves the original intact and no temp file', () => {
    const dir = tempProject({ 'spec.md': 'original\n' });
    const target = join(dir, 'spec.md');
    writeHooks.beforeRename = () => {
      throw new Error('disk full');
    };
    try {
      expect(() => writeFileAtomic(target, 'new text\n')).toThrow('disk full');
    } finally {
      writeHooks.beforeRename = undefined;
    }
    expect(readFileSync(target, 'utf8')).toBe('original\n');
    expect(readdirSync(dir)).toEqual(['spec.md']);
  });

  it('files with nothing to fix are not written', () => {
    const dir = tempProject({ 'clean.md': '# Clean\n\nText.\n' });
    mkdirSync(join(dir, 'sub'));
    const run = lint(dir, ['--fix', 'clean.md']);
    expect(run.code).toBe(0);
  });
});
