/**
 * Whatever is in a repository: each case asserts the exit code, a one-line message where it is an error, no stack
 * trace, a bounded time, and that no file changed. Large inputs are in hostile.slow.test.ts; unreadable files (a
 * process of another user) in hostile.bin.test.ts.
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../cli/run-cli.js';
import { writeFileAtomic, writeHooks } from '../../src/project/write.js';
import { json, lint } from './lint-safely.js';

describe('encodings and line endings', () => {
  it('a binary file named .md is skipped with a warning, exit 0', async () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    const run = await lint(dir, ['image.md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('warning  image.md: Skipped: binary file (contains NUL bytes)\n\n');
  });

  it('invalid UTF-8: one line, exit 2', async () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'bad.md'), Buffer.concat([Buffer.from('# Title\n\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const run = await lint(dir, ['bad.md']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('error  bad.md: Cannot lint: not valid UTF-8 (first bad byte at offset 12)\n\n');
  });

  it('UTF-16 LE with BOM is decoded; positions are right', async () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'u16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# T\n\n- [] task\n', 'utf16le')]));
    const run = await lint(dir, ['-f', 'json', 'u16.md']);
    expect(json(run.stdout).results[0]!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['checkboxes@3:1']);
  });

  it('UTF-8 BOM, CRLF and lone CR: positions are right', async () => {
    const dir = tempProject({ 'bom.md': '\ufeff# [NAME]\r\n\r\n- [] task\r\n', 'cr.md': '# T\r\r- [] task\r' });
    const run = await lint(dir, ['-f', 'json', 'bom.md', 'cr.md']);
    const results = json(run.stdout).results.map((r) => r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`));
    expect(results).toEqual([['no-placeholders@1:3', 'checkboxes@3:1'], ['checkboxes@3:1']]);
  });

  it('empty and whitespace-only files: nothing to report', async () => {
    const dir = tempProject({ 'empty.md': '', 'blank.md': ' \n\t\n\n' });
    expect(await lint(dir, ['empty.md', 'blank.md'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('depth', () => {
  it('100 nested list levels are still linted, past 100 one clear line', async () => {
    const nested = (levels: number) => `# T\n\n${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item [TODO_ITEM]`).join('\n')}\n`;
    const dir = tempProject({ 'deep.md': nested(100), 'deeper.md': nested(101), 'quotes.md': `# T\n\n${'> '.repeat(101)}deep\n` });
    const deep = await lint(dir, ['-f', 'compact', 'deep.md']);
    expect([deep.code, deep.stdout.trim().split('\n').length]).toEqual([1, 100]);
    for (const file of ['deeper.md', 'quotes.md']) {
      const deeper = await lint(dir, [file]);
      expect([deeper.code, deeper.stdout.trim()]).toEqual([2, `error  ${file}: Cannot lint: the document nests lists or quotes more than 100 levels deep`]);
    }
  });
});

describe('paths', () => {
  it('a path that does not exist (vanished): one line, exit 2', async () => {
    const dir = tempProject({ 'a.md': '# A\n\nText.\n' });
    const run = await lint(dir, ['a.md', 'gone.md']);
    expect(run.code).toBe(2);
    expect([run.stdout, run.stderr]).toEqual(['', 'speclint: "gone.md" (no such file or directory) matches no Markdown file: check the path or glob, or pass --no-error-on-unmatched-pattern\n']);
  });

  it('a symlink loop and a directory named x.md', async () => {
    const dir = tempProject({ 'x.md/inside.md': '# Inside\n\nText.\n' });
    symlinkSync(join(dir, 'loop.md'), join(dir, 'loop.md'));
    const walked = await lint(dir, ['-f', 'json', '.']);
    expect(json(walked.stdout).results.map((r) => r.filePath)).toEqual(['x.md/inside.md']);
    const explicit = await lint(dir, ['loop.md']);
    expect(explicit.code).toBe(2);
    expect(explicit.stdout).toBe('error  loop.md: Cannot read: too many levels of symbolic links\n\n');
  });

  it('spaces, quotes, newlines and non-ASCII in names are right in text, JSON, SARIF and github output', async () => {
    const name = 'spécs "draft"\nv2 ✓.md';
    const dir = tempProject({ [`dir with space/${name}`]: '# T\n\n- [] task\n' });
    const text = await lint(dir, ['.']);
    expect(text.stdout.split('\n')[0]).toBe(`dir with space/${name.split('\n')[0]}`);
    expect(json((await lint(dir, ['-f', 'json', '.'])).stdout).results[0]!.filePath).toBe(`dir with space/${name}`);
    const sarif = JSON.parse((await lint(dir, ['-f', 'sarif', '.'])).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('dir%20with%20space/sp%C3%A9cs%20%22draft%22%0Av2%20%E2%9C%93.md');
    expect((await lint(dir, ['-f', 'github', '.'])).stdout).toContain('::error file=dir with space/spécs "draft"%0Av2 ✓.md,line=3,col=1');
  });
});

describe('configs and regexes', () => {
  it('a template path that does not exist, wrong types: one line, exit 2', async () => {
    const missing = tempProject({ 'a.md': '# A\n', '.specrc.json': '{ "types": { "kep": { "template": "nope.md" } } }' });
    const run = await lint(missing, ['a.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^speclint: Invalid config .*\.specrc\.json: types\.kep\.template: cannot read .*nope\.md \(file not found\)\n$/);
    const wrongType = tempProject({ 'a.md': '# A\n', '.specrc.json': '{ "rules": { "valid-links": ["error", { "checkFiles": "yes" }] } }' });
    expect((await lint(wrongType, ['a.md'])).stderr).toBe(`speclint: Invalid config ${join(wrongType, '.specrc.json')}: rules["valid-links"][1].checkFiles: must be boolean\n`);
  });

  it('a template with no headings: one line, exit 2', async () => {
    const dir = tempProject({ 'a.md': '# A\n', 'empty-template.md': 'Just prose.\n', '.specrc.json': '{ "types": { "prd": { "template": "empty-template.md" } } }' });
    const run = await lint(dir, ['a.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^speclint: Invalid config .*\.specrc\.json: types\.prd\.template: .*empty-template\.md has no headings, so it describes no document type\n$/);
  });

  it('a catastrophic user regex is rejected when the config loads', async () => {
    const dir = tempProject({ 'a.md': `# A\n\n${'a'.repeat(40)}!\n`, '.specrc.json': '{ "rules": { "no-placeholders": ["error", { "patterns": ["(a+)+$"] }] } }' });
    const run = await lint(dir, ['a.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/rules\["no-placeholders"\]\[1\]: regular expression \/\(a\+\)\+\$\/ nests quantifiers/);
  });
});

describe('--fix', () => {
  it('an interrupted write (failure between write and rename) leaves the original intact and no temp file', async () => {
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

  it('files with nothing to fix are not written', async () => {
    const dir = tempProject({ 'clean.md': '# Clean\n\nText.\n' });
    mkdirSync(join(dir, 'sub'));
    const run = await lint(dir, ['--fix', 'clean.md']);
    expect(run.code).toBe(0);
  });
});
