/**
 * The build precompiles the schemas every run uses (ajv standalone). If a schema changes without the build, or
 * the build stops covering one, runs silently fall back to compiling with ajv: this catches it.
 */
import { describe, expect, it } from 'vitest';
import { precompiledValidator } from '../../src/schema-validators.js';
// The project layer provides the validators precompiled by the build (dist/validators).
import '../../src/project/validators.js';
import { builtinTypeSources, compileTemplate } from '../../src/templates/index.js';
import { buildConfigSchema } from '../../src/config/schema.js';
import { rules } from '../../rules/index.js';

describe('precompiled validators', () => {
  it.each(Object.keys(builtinTypeSources()))('cover the metadata schema of the built-in type %s', (id) => {
    const schema = compileTemplate(builtinTypeSources()[id]!).metadataSchema;
    expect(precompiledValidator('metadata', schema)).toBeTypeOf('function');
  });

  it('cover the config structure and every rule\'s options', () => {
    expect(precompiledValidator('config', buildConfigSchema({ rulesDetail: false }))).toBeTypeOf('function');
    for (const rule of rules) {
      if (rule.meta.optionsSchema) expect([rule.meta.id, typeof precompiledValidator('config', rule.meta.optionsSchema)]).toEqual([rule.meta.id, 'function']);
    }
  });

  it('report what ajv reports', () => {
    const schema = compileTemplate(builtinTypeSources()['design-doc']!).metadataSchema;
    const validate = precompiledValidator('metadata', schema)!;
    expect(validate({ version: 1 })).toBe(false);
    expect(validate.errors!.map((e) => e.keyword)).toEqual(expect.arrayContaining(['required', 'type']));
    expect(precompiledValidator('metadata', { type: 'object', properties: { unknown: {} } })).toBeUndefined();
  });
});
