/**
 * Config validation with messages a user can act on: the file, the JSON path, what was expected, and a
 * "did you mean" for misspelt keys (at every depth: `types.kep.templat`, `overrides[0].file`) and rule ids.
 * Unknown keys are found by walking the config alongside its JSON Schema, so a key added to the schema is known
 * here without more code. ajv checks the whole schema as the final word.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { rules as fileRules, rulesById } from '../../rules/index.js';
import { setRules } from '../sets/rules/index.js';
import { validateSetsConfig } from '../sets/schema.js';
import { ConfigError, hint } from '../errors.js';
import { buildConfigSchema } from './schema.js';
import { schemaValidator } from '../schema-validators.js';
// The config's own validators (precompiled at build time) are found by the project layer.
import '../project/validators.js';

/** File rules and set rules: both are configured under `rules`. */
const rules = [...fileRules, ...setRules];
const setRulesById = new Map(setRules.map((rule) => [rule.meta.id, rule]));

let fullValidator: ValidateFunction | undefined;
let structure: SchemaNode | undefined;

const SEVERITIES = new Set<unknown>(['off', 'warn', 'error', 0, 1, 2]);

type Path = Array<string | number>;

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode | SchemaNode[];
}

export function jsonPath(segments: Path): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`))
    .join('');
}

function fail(file: string, path: Path, message: string): never {
  throw new ConfigError(`Invalid config ${file}: ${path.length ? `${jsonPath(path)}: ` : ''}${message}`);
}

const describe = (value: unknown) => (Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : JSON.stringify(value));
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Unknown keys, depth first in document order, against the schema's closed objects. */
function checkKeys(schema: SchemaNode, value: unknown, file: string, path: Path): void {
  if (isPlainObject(value)) {
    const properties = schema.properties ?? {};
    if (schema.additionalProperties === false) {
      for (const key of Object.keys(value)) {
        if (!(key in properties)) fail(file, [...path, key], `unknown key "${key}"${hint(key, Object.keys(properties))}`);
      }
    }
    for (const [key, child] of Object.entries(value)) {
      const childSchema = properties[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (childSchema) checkKeys(childSchema, child, file, [...path, key]);
    }
  } else if (Array.isArray(value) && schema.items && !Array.isArray(schema.items)) {
    value.forEach((item, i) => checkKeys(schema.items as SchemaNode, item, file, [...path, i]));
  }
}

export function validateConfigFile(data: unknown, file: string): void {
  if (!isPlainObject(data)) fail(file, [], `expected an object, got ${describe(data)}`);
  const config = data;
  // Rule settings are checked rule by rule below (with their own did-you-mean); the structure schema leaves them open.
  structure ??= buildConfigSchema({ rulesDetail: false }) as SchemaNode;
  checkKeys(structure, config, file, []);
  if (config.rules !== undefined) validateRules(config.rules, file, ['rules']);
  if (Array.isArray(config.overrides)) {
    config.overrides.forEach((override, i) => {
      if (isPlainObject(override) && 'rules' in override) validateRules(override.rules, file, ['overrides', i, 'rules']);
    });
  }
  fullValidator ??= schemaValidator('config', buildConfigSchema({ rulesDetail: false }));
  if (!fullValidator(config)) fail(file, pointerToPath(fullValidator.errors![0]!.instancePath), ajvMessage(fullValidator.errors![0]!));
  // Regexes of `sets.collections` (JSON Schema cannot tell a valid one).
  const setsProblem = validateSetsConfig(config.sets)[0];
  if (setsProblem) throw new ConfigError(`Invalid config ${file}: ${setsProblem}`);
}

function validateRules(value: unknown, file: string, path: Path): void {
  if (!isPlainObject(value)) fail(file, path, `expected an object of rule settings, got ${describe(value)}`);
  for (const [id, setting] of Object.entries(value)) {
    const rule = rulesById.get(id) ?? setRulesById.get(id);
    const at = [...path, id];
    if (!rule) fail(file, at, `unknown rule "${id}"${hint(id, rules.map((r) => r.meta.id))}`);
    const [severity, options, ...rest] = Array.isArray(setting) ? setting : [setting];
    if (!SEVERITIES.has(severity)) {
      fail(file, Array.isArray(setting) ? [...at, 0] : at, `expected "off", "warn" or "error", got ${describe(severity)}`);
    }
    if (rest.length > 0) fail(file, at, 'expected [severity] or [severity, options]');
    if (options === undefined) continue;
    const optionsPath = [...at, 1];
    if (!isPlainObject(options)) fail(file, optionsPath, `expected an options object, got ${describe(options)}`);
    const schema = rule.meta.optionsSchema as (SchemaNode & { additionalProperties?: unknown }) | undefined;
    if (schema?.properties && schema.additionalProperties === false) {
      for (const key of Object.keys(options)) {
        if (!(key in schema.properties)) fail(file, [...optionsPath, key], `unknown option "${key}" for rule "${id}"${hint(key, Object.keys(schema.properties))}`);
      }
    }
    if (schema) {
      const validate = schemaValidator('config', schema);
      if (!validate(options)) {
        const error = validate.errors![0]!;
        fail(file, [...optionsPath, ...pointerToPath(error.instancePath)], ajvMessage(error));
      }
    }
    const problem = 'validateOptions' in rule ? rule.validateOptions?.(options) : undefined;
    if (problem) fail(file, optionsPath, problem);
  }
}

function pointerToPath(pointer: string): Path {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((segment) => {
    const unescaped = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(unescaped) ? Number(unescaped) : unescaped;
  });
}

function ajvMessage(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `expected one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `missing required key "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'oneOf':
      return 'expected a string or an array of strings';
    case 'pattern':
      return `${error.instancePath.endsWith('/docsUrl') ? 'expected a URL containing {rule}' : `must match ${(error.params as { pattern: string }).pattern}`}`;
    default:
      return error.message ?? 'invalid value';
  }
}
