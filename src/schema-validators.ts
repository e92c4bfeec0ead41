/**
 * JSON Schema validators, for metadata (all errors, with formats) and for config (first error). The core does not
 * find or load them itself (no file system, no package root): the project layer provides a source once
 * (src/project/validators.ts: the validators precompiled at build time by ajv standalone, and ajv for a schema a
 * user brings), and rules ask for a schema's validator here.
 */
import type { ValidateFunction } from 'ajv';

export type SchemaKind = 'metadata' | 'config';

export interface SchemaValidatorSource {
  /** The validator compiled at build time for exactly this schema, if there is one. */
  precompiled(kind: SchemaKind, schema: object): ValidateFunction | undefined;
  /** Compiles a schema at run time (ajv, with formats for metadata). */
  compile(kind: SchemaKind, schema: object): ValidateFunction;
}

let source: SchemaValidatorSource | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** Called by the project layer (and by anyone embedding the core) before linting. */
export function useSchemaValidators(provided: SchemaValidatorSource): void {
  source = provided;
}

export function precompiledValidator(kind: SchemaKind, schema: object): ValidateFunction | undefined {
  return source?.precompiled(kind, schema);
}

/** The validator for a schema: precompiled when the build made one, else compiled once per schema object. */
export function schemaValidator(kind: SchemaKind, schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    if (!source) throw new Error('no JSON Schema validators were provided: import speclint (src/index.ts) or src/project/validators.ts first');
    validate = source.precompiled(kind, schema) ?? source.compile(kind, schema);
    compiled.set(schema, validate);
  }
  return validate;
}
