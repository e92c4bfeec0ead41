/**
 * Baselines that hold: one repository with a user template and a proposal full of findings, baselined, then edited
 * the ways real work edits it. Every step runs the CLI in-process (src/cli/main.ts) in the same repository.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine.js';
import { git, runInProcess, tempProject } from '../cli/run-cli.js';

const TEMPLATE = `# Proposal: [Title]

**Status:** Draft | Accepted | Rejected

## Summary

Describe the change in one paragraph.

## Motivation

Why is this needed?

### Goals

- [Goal]

### Non-Goals

- [Non-goal]

## Design

Explain the design in detail.

## Alternatives

What else was considered?

## Rollout

How will this ship?
`;

// Ten findings: placeholders (three alike in one section), a malformed task, two missing sections (one named after
// a neighbour), a section out of order, template text, TBD. Two extra sections the template does not know.
const PROPOSAL = `# Proposal: Response caching

**Status:** Accepted

## Summary

Cache responses for [SERVICE_NAME] and [SERVICE_NAME] clients, owned by [TEAM].

## Design

Explain the design in detail.

The cache sits in front of [SERVICE_NAME].

- [] measure hit rate

## Motivation

Why is this needed?

### Goals

- Faster pages

## Rollout

TBD

## Appendix: Benchmarks

Numbers.

## Appendix: Glossary

Words.
`;

const CONFIG = `{
  // Proposals follow templates/proposal.md; findings recorded in the baseline do not count.
  "types": { "proposal": { "template": "templates/proposal.md" } },
  "documents": [{ "files": ["docs/proposals/*.md"], "type": "proposal" }],
  "baseline": ".speclint-baseline.json",
}
`;

const FILE = 'docs/proposals/caching.md';

interface Json { results: Array<{ filePath: string; messages: Array<{ ruleId: string; message: string; line: number }> }>; errorCount: number; warningCount: number }

describe('baselines that hold', () => {
  let dir: string;
  const edit = (path: string, change: (text: string) => string) => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
  const lint = (args: string[], cwd = dir) => runInProcess(args, { cwd });
  const reported = async (args: string[], cwd = dir) => {
    const run = await lint(['-f', 'json', ...args], cwd);
    return { code: run.code, messages: (JSON.parse(run.stdout) as Json).results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)) };
  };

  beforeAll(async () => {
    dir = tempProject({ 'templates/proposal.md': TEMPLATE, [FILE]: PROPOSAL, '.specrc.json': CONFIG, 'no-baseline.json': CONFIG.replace('  "baseline": ".speclint-baseline.json",\n', '') });
    git(dir, 'init', '-q');
    const before = await reported(['docs']);
    expect(before.messages).toHaveLength(10);
    const write = await lint(['baseline', 'docs']);
    expect([write.code, write.stdout, write.stderr]).toEqual([0, 'Wrote 10 findings to .speclint-baseline.json\n', '']);
  });

  it('stores paths relative to the baseline file, with rule, fingerprint and message', () => {
    const baseline = JSON.parse(readFileSync(join(dir, '.speclint-baseline.json'), 'utf8'));
    expect(baseline.version).toBe(2);
    expect(Object.keys(baseline.files)).toEqual([FILE]);
    expect(baseline.files[FILE].map((e: { ruleId: string }) => e.ruleId).sort()).toEqual([
      'checkboxes', 'no-placeholders', 'no-placeholders', 'no-placeholders', 'no-placeholders', 'no-placeholders',
      'no-template-text', 'required-sections', 'required-sections', 'section-order',
    ]);
  });

  it('the config key applies it: exit 0, and the summary says how many it suppressed', async () => {
    const run = await lint(['docs']);
    expect([run.code, run.stdout]).toEqual([0, '10 findings suppressed by the baseline.\n']);
  });

  it('holds when lines are added to the template (template line numbers are not part of a finding)', async () => {
    edit('templates/proposal.md', (t) => t.replace('## Summary', '<!-- Keep it short. -->\n\nRead the guide first.\n\n## Summary'));
    expect(await reported(['docs'])).toEqual({ code: 0, messages: [] });
    // The messages did change (template line 25 → 29): fingerprints made of messages would have revived these.
    const unbaselined = await reported(['-c', 'no-baseline.json', 'docs']);
    expect(unbaselined.messages).toContain('required-sections: Missing section "## Alternatives", expected after "Motivation" (proposal template line 29); --fix inserts it from the template');
  });

  it('holds when unrelated sections are reordered, and when lines are added above', async () => {
    edit(FILE, (t) => t.replace('## Appendix: Benchmarks\n\nNumbers.\n\n## Appendix: Glossary\n\nWords.\n', '## Appendix: Glossary\n\nWords.\n\n## Appendix: Benchmarks\n\nNumbers.\n'));
    edit(FILE, (t) => t.replace('## Summary\n\n', '## Summary\n\nA first paragraph.\n\nAnother one.\n\n'));
    expect(await reported(['docs'])).toEqual({ code: 0, messages: [] });
  });

  it('holds when one of several alike findings is fixed, and when a fix rewords a neighbour\'s message', async () => {
    edit(FILE, (t) => t.replace('Cache responses for [SERVICE_NAME]', 'Cache responses for the API'));
    // Moving Motivation fixes section-order and changes "Missing section Alternatives, expected after …".
    edit(FILE, (t) => t.replace('## Design\n\nExplain the design in detail.\n\nThe cache sits in front of [SERVICE_NAME].\n\n- [] measure hit rate\n\n', '').replace('## Rollout', '## Design\n\nExplain the design in detail.\n\nThe cache sits in front of [SERVICE_NAME].\n\n- [] measure hit rate\n\n## Rollout'));
    const run = await lint(['docs']);
    expect([run.code, run.stdout]).toEqual([0, '8 findings suppressed by the baseline.\n']);
  });

  it('holds when run from a subdirectory (config, baseline and paths found upward)', async () => {
    expect(await reported(['.'], join(dir, 'docs'))).toEqual({ code: 0, messages: [] });
    expect(await reported(['caching.md'], join(dir, 'docs', 'proposals'))).toEqual({ code: 0, messages: [] });
    const explicit = await lint(['--baseline', '../.speclint-baseline.json', '.'], join(dir, 'docs'));
    expect([explicit.code, explicit.stdout]).toEqual([0, '8 findings suppressed by the baseline.\n']);
  });

  it('a new finding still fails, alone', async () => {
    edit(FILE, (t) => t.replace('TBD', 'TBD, owned by [OWNER]'));
    expect(await reported(['docs'])).toEqual({ code: 1, messages: [`no-placeholders: Unfilled placeholder "[OWNER]": replace it with the real value, or add it to no-placeholders' allow list if it is meant literally`] });
  });

  it('baseline --update prunes what was fixed, says how many, and adds nothing', async () => {
    const run = await lint(['baseline', '--update', 'docs']);
    expect([run.code, run.stdout]).toEqual([0, 'Removed 2 fixed findings from .speclint-baseline.json; 8 remain.\n1 finding not in the baseline still fails: fix it, or record it with "speclint baseline".\n']);
    expect(await reported(['docs'])).toEqual({ code: 1, messages: [`no-placeholders: Unfilled placeholder "[OWNER]": replace it with the real value, or add it to no-placeholders' allow list if it is meant literally`] });
  });

  it('"speclint baseline" on part of the tree keeps the entries of the rest', async () => {
    writeFileSync(join(dir, 'docs/other.md'), '# Other\n\n- [] old item\n');
    expect((await lint(['baseline', 'docs'])).stdout).toBe('Wrote 10 findings to .speclint-baseline.json\n');
    expect((await lint(['baseline', 'docs/other.md'])).stdout).toBe('Wrote 10 findings to .speclint-baseline.json\n');
    expect(Object.keys(JSON.parse(readFileSync(join(dir, '.speclint-baseline.json'), 'utf8')).files)).toEqual(['docs/other.md', FILE]);
  });
});

describe('baseline files', () => {
  it('written without a config key, it says how later runs apply it', async () => {
    const dir = tempProject({ 'a.md': '# Notes\n\n- [] old item\n' });
    const run = await runInProcess(['baseline', '--baseline-file', 'speclint-baseline.json', '.'], { cwd: dir });
    expect(run.stdout).toBe('Wrote 1 finding to speclint-baseline.json\nLater runs apply it with --baseline speclint-baseline.json, or always once a .specrc.json says "baseline": "speclint-baseline.json" ("speclint init" writes one that does).\n');
    expect((await runInProcess(['a.md'], { cwd: dir })).code).toBe(1);
    expect((await runInProcess(['--baseline', 'speclint-baseline.json', 'a.md'], { cwd: dir })).code).toBe(0);
  });

  it('a broken baseline, or one from an older speclint, is one line and exit 2', async () => {
    const dir = tempProject({ 'a.md': '# Notes\n\n- [] old item\n', 'b.json': '{ not json', 'v1.json': '{ "version": 1, "files": {} }' });
    const broken = await runInProcess(['--baseline', 'b.json', 'a.md'], { cwd: dir });
    expect([broken.code, broken.stderr]).toEqual([2, expect.stringMatching(/^speclint: Invalid baseline .*b\.json: not valid JSON \(.*\)\n$/)]);
    const old = await runInProcess(['--baseline', 'v1.json', 'a.md'], { cwd: dir });
    expect([old.code, old.stderr]).toEqual([2, expect.stringMatching(/^speclint: Baseline .*v1\.json was written by an older speclint .*: rewrite it with "speclint baseline"\n$/)]);
  });

  it('a config baseline that does not exist yet suppresses nothing and is no error', async () => {
    const dir = tempProject({ 'a.md': '# Notes\n\n- [] old item\n', '.specrc.json': '{ "baseline": "missing.json" }' });
    const run = await runInProcess(['a.md'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([1, '']);
  });
});

describe('fingerprints', () => {
  const prints = async (text: string) => (await lintText(text)).messages.map((m) => `${m.message} ${m.fingerprint}`);

  it('tell the same placeholder apart by section, and survive fixing it elsewhere', async () => {
    const text = '# T\n\n## A\n\nOwner: [NAME]\n\n## B\n\nOwner: [NAME]\n';
    const [a, b] = await prints(text);
    expect(a).not.toBe(b);
    const onlyB = await prints(text.replace('Owner: [NAME]', 'Owner: Ada'));
    expect(onlyB).toEqual([b]);
  });

  it('do not change when the title (and its placeholder) is filled in', async () => {
    const before = await prints('# Feature: [NAME]\n\n## Notes\n\n- [] task\n');
    const after = await prints('# Feature: Invitations\n\n## Notes\n\n- [] task\n');
    expect(after).toEqual([before[1]]);
  });

  it('ignore heading numbers in the section path', async () => {
    const [before] = await prints('# T\n\n## 2. Design\n\n- [] task\n');
    const [after] = await prints('# T\n\n## 3. Design\n\n- [] task\n');
    expect(after).toBe(before);
  });
});
