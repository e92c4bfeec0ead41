/**
 * `speclint init --template <file>` (issue 12): registers the type, proposes a `documents` glob from where the
 * documents it detects live, ignores the template file itself, and adds to an existing .specrc.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'jsonc-parser';
import { runInProcess, tempProject } from './run-cli.js';

const TEMPLATE = '# RFC-NNNN: Title\n\n- Start Date: YYYY-MM-DD\n\n## Summary\n\n## Motivation\n\n## Design\n\n## Drawbacks\n\n## Alternatives\n';
const rfc = (n: number) => `# RFC-${n}: Thing ${n}\n\n- Start Date: 2024-01-0${n}\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n\n## Design\n\nD.\n\n## Drawbacks\n\nNone.\n\n## Alternatives\n\nA.\n`;

describe('speclint init --template', () => {
  it('registers the type, maps where its documents live, ignores the template, and the next run types them', async () => {
    const dir = tempProject({
      'docs/templates/rfc.md': TEMPLATE,
      'docs/rfcs/0001-a.md': rfc(1),
      'docs/rfcs/0002-b.md': rfc(2),
      'docs/rfcs/0003-c.md': rfc(3),
      'docs/guide.md': '# Contributor guide\n\nHow we work.\n',
    });
    const run = await runInProcess(['init', '--template', 'docs/templates/rfc.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'Created .specrc.json',
      'Registered the type "rfc" from docs/templates/rfc.md.',
      'Added docs/templates/rfc.md to "ignores": the template is the schema, not a document.',
      'Mapped "docs/rfcs/**/[0-9]*.md" to "rfc" in "documents": 3 of the 3 files it matches are detected as "rfc".',
    ]);
    const config = JSON.parse(readFileSync(join(dir, '.specrc.json'), 'utf8'));
    expect(config).toMatchObject({ ignores: ['docs/templates/rfc.md'], types: { rfc: { template: 'docs/templates/rfc.md' } }, documents: [{ files: ['docs/rfcs/**/[0-9]*.md'], type: 'rfc' }] });
    const lint = await runInProcess(['-f', 'json', '.'], { cwd: dir });
    const results = JSON.parse(lint.stdout).results as Array<{ filePath: string; documentType?: string }>;
    expect(results.map((r) => `${r.filePath} ${r.documentType ?? '-'}`)).toEqual(['docs/guide.md -', 'docs/rfcs/0001-a.md rfc', 'docs/rfcs/0002-b.md rfc', 'docs/rfcs/0003-c.md rfc']);
  });

  it('on an existing .specrc.json adds the type and keeps its comments and settings', async () => {
    const dir = tempProject({
      'templates/adr-template.md': '# ADR: [Title]\n\n## Context\n\n## Decision\n\n## Consequences\n',
      '.specrc.json': '{\n  // our settings\n  "rules": { "empty-section": "off" }\n}\n',
    });
    const run = await runInProcess(['init', '--template', 'templates/adr-template.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Updated \.specrc\.json\nRegistered the type "adr" from templates\/adr-template\.md\./);
    const text = readFileSync(join(dir, '.specrc.json'), 'utf8');
    expect(text).toContain('// our settings');
    expect(parse(text)).toMatchObject({ rules: { 'empty-section': 'off' }, types: { adr: { template: 'templates/adr-template.md' } }, ignores: ['templates/adr-template.md'] });
    const again = await runInProcess(['init', '--template', 'templates/adr-template.md'], { cwd: dir });
    expect([again.code, again.stderr.trim()]).toEqual([2, 'speclint: templates/adr-template.md is already registered as the type "adr" in .specrc.json']);
  });

  it('without a template, an existing config is never overwritten', async () => {
    const dir = tempProject({ '.specrc.json': '{}\n' });
    writeFileSync(join(dir, 'x.md'), '# X\n');
    const run = await runInProcess(['init'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, '.specrc.json'), 'utf8')).toBe('{}\n');
  });
});
