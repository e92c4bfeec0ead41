import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, defaultConfig } from '../../src/engine.js';
import { builtinTypeSources, compileTemplate } from '../../src/templates/index.js';
import { cleanHeading } from '../../src/templates/headings.js';
import { generatedTemplatesModule } from '../../scripts/gen-templates.mjs';

const root = join(import.meta.dirname, '..', '..');
const seeds = join(root, '..', 'shared', 'seeds');
const TYPES: Record<string, string> = {
  'feature-plan': '000_47e45386563bdbb7.txt',
  'feature-spec': '001_656560509e81ce9c.txt',
  'tech-spec': '002_ddf2a5e02a30f102.txt',
  'design-doc': '003_0347ca7ea2d10b3b.txt',
  'implementation-plan': '004_2a0a541a126a2827.txt',
};

describe('built-in types', () => {
  it('ship the five seed templates, text unchanged except speclint annotations', () => {
    expect(Object.keys(builtinTypeSources()).sort()).toEqual(Object.keys(TYPES).sort());
    for (const [id, seed] of Object.entries(TYPES)) {
      const template = readFileSync(join(root, 'templates', `${id}.md`), 'utf8');
      const withoutAnnotations = template.split('\n').filter((line) => !line.startsWith('<!-- speclint:')).join('\n');
      expect(withoutAnnotations.trimEnd()).toBe(readFileSync(join(seeds, seed), 'utf8').trimEnd());
    }
  });

  it('the generated module is current with templates/', () => {
    expect(readFileSync(join(root, 'src/templates/builtin.generated.ts'), 'utf8')).toBe(generatedTemplatesModule());
  });

  for (const id of Object.keys(TYPES)) {
    it(`${id}: a fully filled spec is auto-detected and has no findings`, async () => {
      const filePath = join(root, 'fixtures', 'types', id, 'valid.md');
      const result = await lintText(readFileSync(filePath, 'utf8'), { filePath });
      expect(result.documentType).toBe(id);
      expect(result.documentTypeReason).toMatch(/^auto-detected: title matches the template and \d+ % of the template's sections and fields are present$/);
      expect(result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
    });

    it(`${id}: the raw template, linted as its own type, reports its placeholders`, async () => {
      const text = readFileSync(join(root, 'templates', `${id}.md`), 'utf8');
      const result = await lintText(text, { config: { ...defaultConfig(), forcedType: { id, reason: 'test' } } });
      expect(result.documentType).toBe(id);
      const placeholders = result.messages.filter((m) => m.ruleId === 'no-placeholders');
      expect(placeholders.length).toBeGreaterThan(5);
      expect(placeholders[0]!.line).toBe(1);
      expect(result.messages.filter((m) => m.ruleId === 'required-sections')).toEqual([]);
    });
  }

  it('compiles each template once', () => {
    const source = builtinTypeSources()['tech-spec']!;
    expect(compileTemplate({ ...source })).toBe(compileTemplate({ ...source }));
  });
});

describe('the template compiler', () => {
  const compile = (template: string) => compileTemplate({ id: 't', source: 'test', template });

  it('bracketed parts are wildcards; all-placeholder headings and numbered siblings repeat', () => {
    const type = compile('# Feature: [NAME]\n\n## Components\n\n### [Component Name]\n\ntext\n\n## Alternatives\n\n### Alternative 1: [Name]\n\n### Alternative 2: [Name]\n\n## Notes (Optional)\n\n## Extra *(optional)*\n');
    expect(type.title!.matcher.test(cleanHeading('Feature: Team Invitations'))).toBe(true);
    const byText = Object.fromEntries(type.allPatterns.map((p) => [p.text, p]));
    expect(byText['[Component Name]']!.wildcard).toBe(true);
    expect(byText['Alternative 1: [Name]']!.repeatable).toBe(true);
    expect(byText['Alternative 2: [Name]']).toBeUndefined();
    expect(byText['Notes']!.optional).toBe(true);
    expect(byText['Extra']!.optional).toBe(true);
  });

  it('metadata: choice sets become enums, date stand-ins dates, versions versions', () => {
    const type = compile('# T\n\n**Status**: Draft | Review | Approved\n**State**: {Draft, In Review, Final}\n**Type**: <Standards Track, Meta, or Informational>\n**Created**: YYYY-MM-DD\n**Updated**: {YYYY-MM-DD when the decision was last updated}\n**Version**: v[X.Y.Z]\n**Owner**: [Name]\n\n## A\n');
    expect(type.metadataFields.map((f) => [f.key, f.kind, f.values ?? null, f.optional])).toEqual([
      ['Status', 'enum', ['Draft', 'Review', 'Approved'], false],
      ['State', 'enum', ['Draft', 'In Review', 'Final'], false],
      ['Type', 'enum', ['Standards Track', 'Meta', 'Informational'], false],
      ['Created', 'date', null, false],
      ['Updated', 'date', null, false],
      ['Version', 'version', null, false],
      ['Owner', 'text', null, false],
    ]);
    expect(type.placeholderTokens).toEqual(expect.arrayContaining(['[X.Y.Z]', '[Name]']));
  });

  it('checklist annotations become status policies', () => {
    const type = compile('# T\n\n## Review\n<!-- speclint: complete-when Approved, Done -->\n- [ ] reviewed\n');
    expect(type.statusPolicies).toEqual([{ statuses: ['Approved', 'Done'], sections: ['Review'], description: 'the template requires "Review" to be complete at this status' }]);
  });
});

describe('type selection', () => {
  const config = defaultConfig();

  it('front matter type: a known id wins; an unknown one falls back to detection; `speclint: { type }` must be known', async () => {
    const known = await lintText('---\ntype: design-doc\n---\n# Anything\n', { config });
    expect([known.documentType, known.documentTypeReason]).toEqual(['design-doc', 'front matter "type: design-doc"']);
    const unknown = await lintText('---\ntype: prd\n---\n# Anything\n', { config });
    expect([unknown.documentType, unknown.messages.filter((m) => m.ruleId === 'metadata')]).toEqual([undefined, []]);
    const declared = await lintText('---\nspeclint:\n  type: prd\n---\n# Anything\n', { config });
    expect(declared.messages.filter((m) => m.ruleId === 'metadata').map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity} ${m.message}`)).toEqual([
      '3:3 metadata error Unknown document type "prd": known types are design-doc, feature-plan, feature-spec, implementation-plan, tech-spec',
    ]);
    const typo = await lintText('---\ntype: tech-spc\n---\n# Anything\n', { config });
    expect(typo.messages.filter((m) => m.ruleId === 'metadata').map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity} ${m.message}`)).toEqual([
      '2:7 metadata warn Front matter "type: tech-spc" names no document type; did you mean "tech-spec"? (to name the speclint type without ambiguity, write "speclint: { type: tech-spec }")',
    ]);
  });

  it('a document that matches no template gets the generic rules only', async () => {
    const result = await lintText('# Meeting notes\n\n## Attendees\n\nAda, Lin.\n');
    expect(result.documentType).toBeUndefined();
    expect(result.documentTypeReason).toMatch(/^auto-detection: no template matched/);
  });

  it('every fixture of a type directory is detected as that type', () => {
    const dirs = readdirSync(join(root, 'fixtures', 'types'));
    expect(dirs.sort()).toEqual(Object.keys(TYPES).sort());
  });
});

describe('--fix for required-sections', () => {
  it('inserts missing sections in template order, keeps every line, and leaves nothing missing', async () => {
    const text = readFileSync(join(root, 'fixtures/rules/required-sections/fail.md'), 'utf8');
    const fixed = await lintText(text, { fix: true });
    expect(fixed.output).toBeDefined();
    const again = await lintText(fixed.output!);
    expect(again.messages.filter((m) => m.ruleId === 'required-sections')).toEqual([]);
    const outputLines = fixed.output!.split('\n');
    let cursor = 0;
    for (const line of text.split('\n')) {
      const at = outputLines.indexOf(line, cursor);
      expect(at, `line kept in order: ${line}`).toBeGreaterThanOrEqual(0);
      cursor = at + 1;
    }
    const headings = fixed.output!.split('\n').filter((l) => /^#{2,3} /.test(l));
    expect(headings.indexOf('### Authentication')).toBeLessThan(headings.indexOf('### API Security'));
    // `## Performance Considerations` stands where the template has `## Performance Targets` (the distinctive word):
    // its subsections go under it.
    expect(headings.indexOf('## Performance Considerations')).toBeLessThan(headings.indexOf('### Response Times'));
    expect(headings.indexOf('### Response Times')).toBeLessThan(headings.indexOf('## Monitoring & Logging'));
  });
});

describe('detection signatures agree with the compiler', () => {
  it('same title, fixed headings and optional sections for every built-in template and every corpus template', async () => {
    const { detectionSignature } = await import('../../src/templates/signature.js');
    const { existsSync } = await import('node:fs');
    const { globSync } = await import('tinyglobby');
    const sources = Object.values(builtinTypeSources());
    const corpus = join(root, '..', 'shared', 'corpus');
    if (existsSync(corpus)) {
      for (const path of globSync(['*/_template.md', '*/_templates/*.md'], { cwd: corpus, absolute: true })) sources.push({ id: path, source: path, template: readFileSync(path, 'utf8') });
    }
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      const compiled = compileTemplate(source);
      const signature = detectionSignature(source);
      const fromCompiler = compiled.allPatterns.filter((p) => !p.wildcard && !p.repeatable).map((p) => `${p.heading.literal ?? p.heading.key.source}${p.optional ? ' (optional)' : ''}`);
      const fromSignature = [...[...signature.literal.values()], ...signature.patterned].map((h) => `${h.pattern.literal ?? h.pattern.key.source}${h.optional ? ' (optional)' : ''}`);
      expect([...new Set(fromSignature)].sort(), source.id).toEqual([...new Set(fromCompiler)].sort());
      expect(signature.title?.matcher.source, source.id).toBe(compiled.title?.matcher.source);
    }
  });
});
