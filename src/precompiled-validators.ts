/**
 * JSON Schema validators compiled at build time by ajv standalone (scripts/gen-validators.mjs), found by the JSON
 * of their schema: the built-in types' metadata schemas, the config structure and the rules' options. With them
 * a run needs ajv only for schemas a user brings. Absent (running from source before a build), every schema
 * compiles at run time as before.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { packageRoot } from './package-root.js';

type PrecompiledModule = { index: Record<string, string> } & Record<string, ValidateFunction>;

const requireModule = createRequire(import.meta.url);
const modules = new Map<string, PrecompiledModule | null>();

export function precompiledValidator(kind: 'metadata' | 'config', schema: object): ValidateFunction | undefined {
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
