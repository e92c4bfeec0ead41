import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { buildConfigSchema } from '../../src/config/schema.js';
import { runInProcess, tempProject } from './run-cli.js';

// In-process runs of the CLI (src/cli/main.ts): config loading is all in-process work.
const runCli = runInProcess;

const root = join(import.meta.dirname, '..', '..');

/** The effective severity of a rule for a file, as --print-config reports it. */
async function severityFor(dir: string, file: string, rule: string, extra: string[] = []): Promise<unknown> {
  const run = await runCli([...extra, '--print-config', file], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const printed = JSON.parse(run.stdout) as { rules: Record<string, unknown> };
  const setting = printed.rules[rule];
  return Array.isArray(setting) ? setting[0] : setting;
}

describe('config search places', () => {
  const places: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'x', speclint: { rules: { 'empty-section': 'off' } } }),
    '.specrc': 'rules:\n  empty-section: "off"\n',
    '.specrc.json': '{ "rules": { "empty-section": "off" } }',
    '.specrc.yaml': 'rules:\n  empty-section: "off"\n',
    '.specrc.yml': 'rules:\n  empty-section: "off"\n',
    '.specrc.js': 'export default { rules: { "empty-section": "off" } };',
    '.specrc.cjs': 'module.exports = { rules: { "empty-section": "off" } };',
    '.specrc.mjs': 'export default { rules: { "empty-section": "off" } };',
    'speclint.config.js': 'export default { rules: { "empty-section": "off" } };',
    'speclint.config.mjs': 'export default { rules: { "empty-section": "off" } };',
    'speclint.config.cjs': 'module.exports = { rules: { "empty-section": "off" } };',
  };
  for (const [name, text] of Object.entries(places)) {
    it(`finds ${name} from a file's directory upward`, async () => {
      const files: Record<string, string> = { [name]: text, 'docs/specs/a.md': '# A\n' };
      if (name.endsWith('.js') && name !== 'package.json') files['package.json'] = '{ "type": "module" }';
      const dir = tempProject(files);
      expect(await severityFor(dir, 'docs/specs/a.md', 'empty-section')).toBe('off');
    });
  }

  it('uses the recommended set when there is no config', async () => {
    const dir = tempProject({ 'a.md': '# A\n' });
    expect(await severityFor(dir, 'a.md', 'empty-section')).toBe('warn');
    expect(await severityFor(dir, 'a.md', 'no-placeholders')).toBe('error');
  });

  it('-c uses the given file and searches nothing', async () => {
    const dir = tempProject({ '.specrc.json': '{ "rules": { "empty-section": "off" } }', 'custom.json': '{ "rules": { "empty-section": "error" } }', 'a.md': '# A\n' });
    expect(await severityFor(dir, 'a.md', 'empty-section', ['-c', 'custom.json'])).toBe('error');
  });
});

describe('extends and overrides', () => {
  it('extends a relative config, and the extending file wins', async () => {
    const dir = tempProject({
      'base.json': '{ "rules": { "empty-section": "off", "valid-links": "warn" } }',
      '.specrc.json': '{ "extends": ["speclint:recommended", "./base.json"], "rules": { "valid-links": "off" } }',
      'a.md': '# A\n',
    });
    expect(await severityFor(dir, 'a.md', 'empty-section')).toBe('off');
    expect(await severityFor(dir, 'a.md', 'valid-links')).toBe('off');
  });

  it('speclint:all turns every rule to error', async () => {
    const dir = tempProject({ '.specrc.json': '{ "extends": "speclint:all" }', 'a.md': '# A\n' });
    expect(await severityFor(dir, 'a.md', 'empty-section')).toBe('error');
  });

  it('overrides apply by glob, relative to the config file', async () => {
    const dir = tempProject({
      '.specrc.json': '{ "overrides": [{ "files": ["docs/drafts/**"], "rules": { "checkboxes": "off" } }] }',
      'docs/drafts/a.md': '# A\n',
      'docs/specs/b.md': '# B\n',
    });
    expect(await severityFor(dir, 'docs/drafts/a.md', 'checkboxes')).toBe('off');
    expect(await severityFor(dir, 'docs/specs/b.md', 'checkboxes')).toBe('error');
  });

  it('a circular extends is one line, exit 2', async () => {
    const dir = tempProject({ '.specrc.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./.specrc.json" }', 'a.md': '# A\n' });
    const run = await runCli(['a.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^speclint: Invalid config .*\.json: circular "extends" \(\.specrc\.json → b\.json → \.specrc\.json\)\n$/);
  });
});

describe('invalid configs: exit 2, one line naming the file and JSON path', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['unknown rule', '{ "rules": { "no-placholders": "error" } }', /\.specrc\.json: rules\["no-placholders"\]: unknown rule "no-placholders" \(did you mean "no-placeholders"\?\)$/],
    ['unknown option', '{ "rules": { "valid-links": ["error", { "bogus": true }] } }', /\.specrc\.json: rules\["valid-links"\]\[1\]\.bogus: unknown option "bogus" for rule "valid-links"$/],
    ['bad severity', '{ "rules": { "valid-links": "fatal" } }', /\.specrc\.json: rules\["valid-links"\]: expected "off", "warn" or "error", got "fatal"$/],
    ['unknown top-level key', '{ "rulez": {} }', /\.specrc\.json: rulez: unknown key "rulez" \(did you mean "rules"\?\)$/],
    ['wrong type', '{ "ignores": "docs/**" }', /\.specrc\.json: ignores: must be array$/],
    ['unknown key in overrides', '{ "overrides": [{ "files": "x", "rule": {} }] }', /\.specrc\.json: overrides\[0\]\.rule: unknown key "rule" \(did you mean "rules"\?\)$/],
    ['misspelt key in overrides', '{ "overrides": [{ "file": "x" }] }', /\.specrc\.json: overrides\[0\]\.file: unknown key "file" \(did you mean "files"\?\)$/],
    ['misspelt key in a type', '{ "types": { "kep": { "templat": "kep.md" } } }', /\.specrc\.json: types\.kep\.templat: unknown key "templat" \(did you mean "template"\?\)$/],
    ['a type without its template', '{ "types": { "kep": {} } }', /\.specrc\.json: types\.kep: missing required key "template"$/],
    ['misspelt key in documents', '{ "documents": [{ "files": "x", "typ": "kep" }] }', /\.specrc\.json: documents\[0\]\.typ: unknown key "typ" \(did you mean "type"\?\)$/],
    ['a docsUrl without {rule}', '{ "docsUrl": "https://example.org/docs" }', /\.specrc\.json: docsUrl: expected a URL containing \{rule\}$/],
    ['invalid JSON', '{ "rules": ', /^speclint: Invalid config .*\.specrc\.json: line 1, column 12: not valid JSON: expected a value at the end of the file$/],
    ['a missing comma', '{\n  // comments are fine\n  "rules": {}\n  "ignores": []\n}', /^speclint: Invalid config .*\.specrc\.json: line 4, column 3: not valid JSON: expected "," between entries \(found '"ignores"'\)$/],
    ['invalid YAML', 'rules: [unclosed', /^speclint: Invalid config .*\.specrc: line \d+, column \d+: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]$/],
    ['a .specrc.js that throws', 'throw new Error("kaboom");', /^speclint: Cannot load config .*\.specrc\.js: kaboom$/],
  ];
  for (const [name, text, pattern] of cases) {
    it(name, async () => {
      const file = name === 'invalid YAML' ? '.specrc' : name.includes('.specrc.js') ? '.specrc.js' : '.specrc.json';
      const dir = tempProject({ [file]: text, 'a.md': '# A\n' });
      const run = await runCli(['a.md'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr.trimEnd()).toMatch(pattern);
    });
  }

  it('a config file named with -c that does not exist', async () => {
    const dir = tempProject({ 'a.md': '# A\n' });
    const run = await runCli(['-c', 'missing.json', 'a.md'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([2, `speclint: Cannot read config ${join(dir, 'missing.json')}: file not found\n`]);
  });
});

describe('JSON with comments', () => {
  it('.specrc.json and .specrc accept comments and trailing commas', async () => {
    const jsonc = '{\n  // no empty-section here\n  "rules": { "empty-section": "off", },\n  /* block */\n}\n';
    for (const name of ['.specrc.json', '.specrc']) {
      const dir = tempProject({ [name]: jsonc, 'a.md': '# A\n' });
      expect(await severityFor(dir, 'a.md', 'empty-section')).toBe('off');
    }
  });
});

describe('the shipped schema', () => {
  it('is generated from rule meta (schema/specrc.schema.json is current)', () => {
    const shipped = JSON.parse(readFileSync(join(root, 'schema', 'specrc.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(buildConfigSchema())));
  });

  it('.specrc.example.json (annotated: JSON with comments) validates against it and loads', async () => {
    const validate = new Ajv({ strict: false }).compile(buildConfigSchema());
    const example = parseJsonc(readFileSync(join(root, '.specrc.example.json'), 'utf8'));
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(example.$schema).toBe('./schema/specrc.schema.json');
    const dir = tempProject({ '.specrc.json': readFileSync(join(root, '.specrc.example.json'), 'utf8'), 'docs/templates/kep.md': '# KEP-[NUMBER]: [Title]\n\n## Summary\n', 'a.md': '# A\n' });
    expect(await severityFor(dir, 'a.md', 'empty-section')).toBe('off');
  });

  it('rejects what the loader rejects', () => {
    const validate = new Ajv({ strict: false }).compile(buildConfigSchema());
    expect(validate({ rules: { 'no-such-rule': 'error' } })).toBe(false);
  });
});
