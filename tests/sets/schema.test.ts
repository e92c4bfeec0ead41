/** The `sets` config fragment: a valid JSON Schema that accepts the documented shapes and rejects the rest. */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { setRules, setsConfigSchema, validateSetsConfig } from '../../src/sets/index.js';

describe('sets config schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(setsConfigSchema);

  it('accepts the documented config', () => {
    const config = {
      auto: { kiro: false },
      sets: [{ name: 'features', root: 'docs/features/*', spec: 'prd.md', plan: ['design.md'], tasks: 'tasks.md', supporting: '**/*.md' }],
      collections: [{ name: 'adr', files: 'docs/adr/*.md', filePattern: '^(\\d+)-', titlePattern: ['^ADR-(\\d+)'], fields: ['adr'], index: false }],
      coverage: { stories: 100, requirements: 80, tasksDone: 0 },
    };
    expect(validate(config)).toBe(true);
    expect(validate({ auto: false })).toBe(true);
  });

  it('rejects unknown keys, missing globs and out-of-range thresholds', () => {
    expect(validate({ sets: [{ root: 'x' }] })).toBe(false);
    expect(validate({ collections: [{ index: 'README.md' }] })).toBe(false);
    expect(validate({ coverage: { stories: 120 } })).toBe(false);
    expect(validate({ sest: [] })).toBe(false);
  });

  it('reports invalid regexes with their JSON path', () => {
    expect(validateSetsConfig({ collections: [{ files: '*.md', filePattern: ['^(\\d+)-', '(['] }] })).toEqual([
      expect.stringMatching(/^sets\.collections\[0\]\.filePattern\[1\]: not a valid regular expression/),
    ]);
    expect(validateSetsConfig({})).toEqual([]);
  });

  it('every set rule options schema compiles and accepts its defaults', () => {
    for (const rule of setRules) {
      if (!rule.meta.optionsSchema) continue;
      expect(ajv.validate(rule.meta.optionsSchema, rule.meta.defaultOptions ?? {}), rule.meta.id).toBe(true);
    }
  });
});
