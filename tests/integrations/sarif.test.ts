import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { git, runInProcess, tempProject } from '../cli/run-cli.js';

// In-process runs of the CLI (src/cli/main.ts).
const runCli = runInProcess;

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
// CommonJS: the class is the module and its `default` (TypeScript sees only the latter under NodeNext).
const validate = new AjvDraft04.default({ strict: false, allErrors: true }).compile(schema);

const SPEC = '# Notes for [SERVICE_NAME]\n\n<!-- speclint-disable-next-line checkboxes -- legacy list -->\n- [] suppressed item\n- [] reported item\n\n```json\n{"a": 1,}\n```\n';

interface Sarif {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: Array<Record<string, any>> } };
    results: Array<Record<string, any>>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<Record<string, any>> }>;
    automationDetails?: { id: string };
  }>;
}

async function sarifFor(files: Record<string, string>, args: string[] = []): Promise<{ sarif: Sarif; dir: string }> {
  const dir = tempProject(files);
  const run = await runCli(['-f', 'sarif', ...args, '.'], { cwd: dir });
  expect(run.stderr).toBe('');
  return { sarif: JSON.parse(run.stdout) as Sarif, dir };
}

describe('SARIF', () => {
  it('validates against the official SARIF 2.1.0 schema', async () => {
    const { sarif } = await sarifFor({ 'docs/my spec.md': SPEC, 'docs/ok.md': '# Fine\n\nText.\n' });
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.version).toBe('2.1.0');
  });

  it('meets GitHub code scanning rules: driver, rules with help, relative URIs, regions', async () => {
    const { sarif } = await sarifFor({ 'docs/my spec.md': SPEC }, ['--sarif-category', 'specs']);
    const run = sarif.runs[0]!;
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    expect(run.tool.driver).toMatchObject({ name: 'speclint', version, semanticVersion: version, informationUri: expect.stringMatching(/^https:\/\//) });
    const ruleIds = run.tool.driver.rules.map((r) => r.id);
    expect(ruleIds).toEqual(['no-placeholders', 'checkboxes', 'valid-json']);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.fullDescription.text).toBeTruthy();
      expect(rule.help.markdown).toMatch(new RegExp(`^# ${rule.id}\\n`));
      expect(rule.help.text).toBeTruthy();
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      expect(Array.isArray(rule.properties.tags)).toBe(true);
    }
    const first = run.results[0]!;
    expect(first).toMatchObject({ ruleId: 'no-placeholders', ruleIndex: 0, level: 'error', message: { text: 'Unfilled placeholder "[SERVICE_NAME]": replace it with the real value, or add it to no-placeholders\' allow list if it is meant literally' } });
    expect(first.locations).toHaveLength(1);
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'docs/my%20spec.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 13, endLine: 1, endColumn: 27 },
    });
    expect(run.automationDetails).toEqual({ id: 'specs/' });
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('lists suppressed findings with suppressions[] and the justification', async () => {
    const { sarif } = await sarifFor({ 'a.md': SPEC });
    const checkboxes = sarif.runs[0]!.results.filter((r) => r.ruleId === 'checkboxes');
    expect(checkboxes.map((r) => [r.locations[0].physicalLocation.region.startLine, r.suppressions ?? null])).toEqual([
      [4, [{ kind: 'inSource', status: 'accepted', justification: 'legacy list' }]],
      [5, null],
    ]);
  });

  it('partialFingerprints are stable across runs and when lines are inserted above', async () => {
    const prints = async (text: string) => (await sarifFor({ 'a.md': text })).sarif.runs[0]!.results.map((r) => r.partialFingerprints['speclintFingerprint/v1']);
    const before = await prints(SPEC);
    expect(await prints(SPEC)).toEqual(before);
    expect(await prints(SPEC.replace('\n\n', '\n\nA new paragraph.\n\nAnd another.\n\n'))).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
  });

  it('reports files it could not read as notifications and marks the run unsuccessful', async () => {
    const dir = tempProject({ 'good.md': '# Good\n\nText.\n' });
    writeFileSync(join(dir, 'bad.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    const run = await runCli(['-f', 'sarif', 'good.md', 'bad.md'], { cwd: dir });
    expect(run.code).toBe(2);
    const sarif = JSON.parse(run.stdout) as Sarif;
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
    expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications[0]).toMatchObject({ level: 'error', message: { text: expect.stringMatching(/^bad\.md: Cannot lint: not valid UTF-8/) } });
  });

  it('text to the terminal and SARIF to a file in one run', async () => {
    const dir = tempProject({ 'a.md': SPEC });
    const run = await runCli(['-f', 'text', '-f', 'sarif', '-o', 'out/speclint.sarif', 'a.md'], { cwd: dir });
    expect(run.stdout).toContain('✖');
    expect(validate(JSON.parse(readFileSync(join(dir, 'out/speclint.sarif'), 'utf8')))).toBe(true);
  });

  it('URIs are relative to the git top level and %SRCROOT% is there, whatever the working directory', async () => {
    const dir = tempProject({ 'docs/specs/a.md': SPEC, 'README.md': '# Project\n\nText.\n' });
    git(dir, 'init', '-q');
    const fromTop = JSON.parse((await runCli(['-f', 'sarif', 'docs'], { cwd: dir })).stdout) as Sarif;
    const fromBelow = JSON.parse((await runCli(['-f', 'sarif', '.'], { cwd: join(dir, 'docs', 'specs') })).stdout) as Sarif;
    for (const sarif of [fromTop, fromBelow]) {
      const run = sarif.runs[0]! as Sarif['runs'][number] & { originalUriBaseIds: Record<string, { uri: string }> };
      expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`${pathToFileURL(dir).href}/`);
      expect(new Set(run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri))).toEqual(new Set(['docs/specs/a.md']));
      expect(validate(sarif)).toBe(true);
    }
    expect(fromBelow.runs[0]!.results.map((r) => r.partialFingerprints['speclintFingerprint/v1'])).toEqual(fromTop.runs[0]!.results.map((r) => r.partialFingerprints['speclintFingerprint/v1']));
  });
});
