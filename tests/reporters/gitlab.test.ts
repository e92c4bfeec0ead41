/**
 * -f gitlab: GitLab's Code Quality artifact. Exact bytes for a small tree, validity against the JSON Schema written
 * from GitLab's documentation (fixtures/gitlab), fingerprints unique in the report and unchanged when lines move,
 * paths relative to the repository whatever directory speclint runs in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import gitlab, { type CodeQualityIssue } from '../../src/reporters/gitlab.js';
import { git, runInProcess, tempProject } from '../cli/run-cli.js';
import { context, fileReport, finding } from './context.js';

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'fixtures/gitlab/code-quality.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

const SPEC = '# Notes for [SERVICE_NAME]\n\n- [] reported item\n\nSee [SERVICE_NAME] again.\n';

async function issuesFor(dir: string, args: string[] = ['.'], cwd = dir): Promise<CodeQualityIssue[]> {
  const run = await runInProcess(['-f', 'gitlab', ...args], { cwd });
  expect(run.stderr).toBe('');
  const issues = JSON.parse(run.stdout) as CodeQualityIssue[];
  expect(validate(issues), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return issues;
}

describe('gitlab reporter', () => {
  it('writes the documented fields, errors as major and warnings as minor', async () => {
    const dir = tempProject({ 'docs/a.md': SPEC, 'docs/b.md': '# B\n\n## Empty\n\n## Next\n\nText.\n' });
    const run = await runInProcess(['-f', 'gitlab', 'docs'], { cwd: dir });
    const issues = JSON.parse(run.stdout) as CodeQualityIssue[];
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.description])).toEqual([
      ['no-placeholders', 'major', 'docs/a.md', 1, `Unfilled placeholder "[SERVICE_NAME]": replace it with the real value, or add it to no-placeholders' allow list if it is meant literally (no-placeholders)`],
      ['checkboxes', 'major', 'docs/a.md', 3, 'Malformed task item "- []": write "- [ ]" (--fix does it) (checkboxes)'],
      ['no-placeholders', 'major', 'docs/a.md', 5, `Unfilled placeholder "[SERVICE_NAME]": replace it with the real value, or add it to no-placeholders' allow list if it is meant literally (no-placeholders)`],
      ['empty-section', 'minor', 'docs/b.md', 3, 'Section "Empty" is empty: write its content, or remove the heading (empty-section)'],
    ]);
    expect(validate(issues), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(run.stdout).toBe(`${JSON.stringify(issues, null, 2)}\n`);
    expect(run.stdout.startsWith('[\n  {\n    "description": "Unfilled placeholder \\"[SERVICE_NAME]\\": replace it with the real value, or add it to no-placeholders\' allow list if it is meant literally (no-placeholders)",\n    "check_name": "no-placeholders",\n    "fingerprint": "')).toBe(true);
    expect(issues.every((i) => /^[0-9a-f]{32}$/.test(i.fingerprint))).toBe(true);
  });

  it('fingerprints are unique across the report, also for the same finding in two files', async () => {
    const dir = tempProject({ 'a.md': SPEC, 'b.md': SPEC });
    const issues = await issuesFor(dir);
    expect(issues).toHaveLength(6);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(6);
  });

  it('fingerprints do not change when lines are inserted above, so GitLab does not see the findings as new', async () => {
    const dir = tempProject({ 'a.md': SPEC });
    const before = await issuesFor(dir);
    writeFileSync(join(dir, 'a.md'), SPEC.replace('\n\n- []', '\n\nAn added paragraph.\n\nAnother one.\n\n- []'));
    const after = await issuesFor(dir);
    expect(after.map((i) => i.location.lines.begin)).toEqual([1, 7, 9]);
    expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
  });

  it('paths are relative to the repository root when speclint runs in a subdirectory', async () => {
    const dir = tempProject({ 'docs/specs/a.md': SPEC });
    git(dir, 'init', '-q');
    const issues = await issuesFor(dir, ['specs'], join(dir, 'docs'));
    expect(issues.map((i) => i.location.path)).toEqual(['docs/specs/a.md', 'docs/specs/a.md', 'docs/specs/a.md']);
  });

  it('leaves out suppressed findings; reports files that could not be read at line 1', async () => {
    const dir = tempProject({ 'a.md': '<!-- speclint-disable-next-line checkboxes -->\n- [] item\n', 'bad.md': '' });
    writeFileSync(join(dir, 'bad.md'), Buffer.from([0x23, 0x20, 0xff, 0x0a]));
    const run = await runInProcess(['-f', 'gitlab', '.'], { cwd: dir });
    const issues = JSON.parse(run.stdout) as CodeQualityIssue[];
    expect(validate(issues)).toBe(true);
    expect(issues.map((i) => [i.check_name, i.location.path, i.location.lines.begin, i.severity, i.description])).toEqual([
      ['speclint', 'bad.md', 1, 'major', 'Cannot lint: not valid UTF-8 (first bad byte at offset 2)'],
    ]);
    expect(run.code).toBe(2);
  });

  it('an empty report is an empty array; the schema rejects what GitLab would not read', () => {
    expect(gitlab.format([], context())).toBe('[]\n');
    const good = JSON.parse(gitlab.format([fileReport('docs/x.md', [finding({ line: 4, endLine: 6 })])], context()));
    expect(good[0].location).toEqual({ path: 'docs/x.md', lines: { begin: 4, end: 6 } });
    expect(validate(good)).toBe(true);
    expect(validate([{ ...good[0], severity: 'error' }])).toBe(false);
    expect(validate([{ ...good[0], location: { path: './docs/x.md', lines: { begin: 4 } } }])).toBe(false);
    expect(validate([{ ...good[0], location: { path: 'docs/x.md' } }])).toBe(false);
    const { fingerprint: _, ...withoutFingerprint } = good[0];
    expect(validate([withoutFingerprint])).toBe(false);
  });
});
