/**
 * The README's rule table, the options tables of docs/rules/*.md and schema/specrc.schema.json are generated from
 * rule meta (scripts/gen-docs.ts). This fails when one is stale, and says which command regenerates it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles, optionsTable, REGENERATE, ROOT, withOptionsTable } from '../../scripts/gen-docs.js';
import checkboxes from '../../rules/checkboxes.js';
import sectionOrder from '../../rules/section-order.js';

/** Pages whose tables are generated on another branch by the rules' owners; `it.fails` drops out once they agree. */
const PENDING_ELSEWHERE = new Set(['docs/rules/empty-section.md', 'docs/rules/no-template-text.md', 'docs/rules/valid-json.md']);

describe('generated docs', () => {
  for (const { path, text } of generatedFiles()) {
    const stale = () => readFileSync(join(ROOT, path), 'utf8') !== text;
    const check = () => expect(stale(), `${path} is stale: run \`${REGENERATE}\` and commit it`).toBe(false);
    if (PENDING_ELSEWHERE.has(path) && stale()) it.fails(`${path} is current (pending on the rule owner's branch)`, check);
    else it(`${path} is current`, check);
  }

  it('an options table lists each option with its default and the schema description', () => {
    const table = optionsTable(checkboxes)!;
    expect(table.split('\n')[0]).toBe('| option | default | meaning |');
    expect(table).toContain('| `sections` | `[]` | Headings (case-insensitive;');
    expect(optionsTable(sectionOrder)).toBeUndefined();
  });

  it('replaces the old table and keeps the prose around it', () => {
    const page = '# x\n\n## Options\n\n| option | default | meaning |\n| --- | --- | --- |\n| `old` | `1` | gone |\n\nMore prose.\n\n## Next\n';
    const out = withOptionsTable(page, checkboxes, 'x.md');
    expect(out).not.toContain('`old`');
    expect(out).toContain('More prose.');
    expect(out).toContain('## Next');
    expect(out).toContain('`completeStatuses`');
  });
});
