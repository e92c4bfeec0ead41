/**
 * JSON Schema validators, for metadata (all errors, with formats) and for config (first error). The schemas every
 * run uses — the built-in types' metadata schemas, the config structure, the rules' options — were compiled at
 * build time by ajv standalone (scripts/gen-validators.mjs) and are found by their JSON; ajv itself loads only
 * for a schema a user brings, or when running from source before a build.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv';
import { packageRoot } from './package-root.js';

type Kind = 'metadata' | 'config';
type PrecompiledModule = { index: Record<string, string> } & Record<string, ValidateFunction>;

// Plain require, not import: the config loader is synchronous, and ajv stays out of the bundle's start-up path.
const requireModule = createRequire(import.meta.url);
const modules = new Map<Kind, PrecompiledModule | null>();
const instances = new Map<Kind, AjvInstance>();
const compiled = new WeakMap<object, ValidateFunction>();

export function precompiledValidator(kind: Kind, schema: object): ValidateFunction | undefined {
  let module = modules.get(kind);
  if (module === undefined) {
    try {
      module = requireModule(join(packageRoot(), 'dist', 'validators', `${kind}.cjs`)) as PrecompiledModule;
    } catch {
      module = null;
    }
    modules.set(kind, module);
  }
  const name = module?.index[JSON.stringify(schema)];
  return name ? module![name] : undefined;
}

function ajvFor(kind: Kind): AjvInstance {
  let ajv = instances.get(kind);
  if (!ajv) {
    const { Ajv } = requireModule('ajv') as typeof import('ajv');
    ajv = new Ajv({ allErrors: kind === 'metadata', strict: false });
    if (kind === 'metadata') (requireModule('ajv-formats') as (ajv: AjvInstance) => void)(ajv);
    instances.set(kind, ajv);
  }
  return ajv;
}

/** The validator for a schema: precompiled when the build made one, else compiled once per schema object. */
export function schemaValidator(kind: Kind, schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = precompiledValidator(kind, schema) ?? ajvFor(kind).compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
