/**
 * Issue 12, class 4: a required-sections message says "--fix inserts …" only when --fix would. For an auto-detected
 * type the engine checks, with and without --fix alike, whether the inserted sections would make the document read
 * as another type; the check reads the inserted headings without parsing the document again.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText } from '../../src/engine.js';
import { parseDocument } from '../../src/parse/document.js';
import { selectDocumentType } from '../../src/templates/index.js';
import { withInsertedHeadings } from '../../src/templates/match.js';
import type { ResolvedConfig } from '../../src/types.js';

// Type a asks for four subsections under Plan; type b has the same four at the top level, with a title form.
const a = '# [Title]\n\n## Summary\n\n[s]\n\n## Goals\n\n[g]\n\n## Plan\n\n### Alpha\n\n[a]\n\n### Beta\n\n[b]\n\n### Gamma\n\n[c]\n\n### Delta\n\n[d]\n';
const b = '# Plan: [Title]\n\n## Summary\n\n[s]\n\n## Alpha\n\n[a]\n\n## Beta\n\n[b]\n\n## Gamma\n\n[c]\n\n## Delta\n\n[d]\n\n## Epsilon\n\n[e]\n';
const config: ResolvedConfig = {
  ...defaultConfig(),
  rules: { 'required-sections': { severity: 'error', options: {} } },
  types: { a: { id: 'a', template: a, source: 'a.md' }, b: { id: 'b', template: b, source: 'b.md' } },
};
const flips = '# Plan: Search\n\n## Summary\n\nS.\n\n## Goals\n\nG.\n\n## Plan\n\nP.\n';

describe('the insertion message tells the truth without --fix', () => {
  it('says --fix inserts nothing when the inserted sections would make the document read as another type', async () => {
    for (const fix of [false, true]) {
      const result = await lintText(flips, { config, fix });
      expect(result.documentType).toBe('a');
      expect(result.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
        '11:1 Section "Plan" has none of the 4 subsections the a template puts under it ("### Alpha", "### Beta" and 2 more, template line 13 under "## Plan"): add each under its own heading; --fix inserts nothing: with the sections inserted the document would read as "b" — name its type (front matter speclint: { type: … }, or "documents" in config)',
      ]);
      expect(result.fixableCount).toBe(0);
      expect(result.output).toBeUndefined();
    }
  });

  it('says --fix inserts them, and does, when the type holds', async () => {
    const holds = { ...config, types: { a: config.types.a! } };
    const result = await lintText(flips, { config: holds });
    expect(result.messages.map((m) => m.message)).toEqual([expect.stringMatching(/: add each under its own heading; --fix inserts them from the template$/)]);
    const fixed = await lintText(flips, { config: holds, fix: true });
    expect(fixed.output).toBe('# Plan: Search\n\n## Summary\n\nS.\n\n## Goals\n\nG.\n\n## Plan\n\nP.\n\n### Alpha\n\n[a]\n\n### Beta\n\n[b]\n\n### Gamma\n\n[c]\n\n### Delta\n\n[d]\n');
  });

  it('reads the inserted headings as a parse of the fixed text would, code fences aside', () => {
    const doc = parseDocument(flips);
    const insertion = '\n### Alpha\n\n```\n# not a heading\n```\n\n### Beta\n';
    const virtual = withInsertedHeadings(doc, [{ at: flips.length, text: insertion }]);
    const parsed = parseDocument(flips + insertion);
    expect(virtual.sections.map((s) => `${s.level} ${s.text}`)).toEqual(parsed.sections.map((s) => `${s.level} ${s.text}`));
    expect(selectDocumentType(virtual, config).id).toBe(selectDocumentType(parsed, config).id);
  });
});
