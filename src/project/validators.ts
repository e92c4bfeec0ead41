/**
 * The JSON Schema validators the core uses (src/schema-validators.ts), provided from here because finding them
 * takes the package root. The schemas every run uses — the built-in types' metadata schemas, the config structure,
 * the rules' options — were compiled at build time by ajv standalone (scripts/gen-validators.mjs) into
 * dist/validators/*.cjs and are found by their JSON; ajv itself loads only for a schema a user brings, or when
 * running from source before a build. Importing this module provides them.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv';
import { useSchemaValidators, type SchemaKind } from '../schema-validators.js';
import { packageRoot } from './package-root.js';

type PrecompiledModule = { index: Record<string, string> } & Record<string, ValidateFunction>;

// Plain require, not import: the config loader is synchronous, and ajv stays out of the bundle's start-up path.
const requireModule = createRequire(import.meta.url);
const modules = new Map<SchemaKind, PrecompiledModule | null>();
const instances = new Map<SchemaKind, AjvInstance>();

function precompiled(kind: SchemaKind, schema: object): ValidateFunction | undefined {
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

function compile(kind: SchemaKind, schema: object): ValidateFunction {
  let ajv = instances.get(kind);
  if (!ajv) {
    const { Ajv } = requireModule('ajv') as typeof import('ajv');
    ajv = new Ajv({ allErrors: kind === 'metadata', strict: false });
    if (kind === 'metadata') (requireModule('ajv-formats') as (ajv: AjvInstance) => void)(ajv);
    instances.set(kind, ajv);
  }
  return ajv.compile(schema);
}

useSchemaValidators({ precompiled, compile });
