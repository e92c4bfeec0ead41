/**
 * The config file's JSON Schema. The rules section is generated from each rule's meta, so a rule's options are
 * described once. `npm run build` writes it to schema/specrc.schema.json (shipped; editors complete with it).
 */
import { rules } from '../../rules/index.js';
import { setRules } from '../sets/rules/index.js';
import { setsConfigSchema } from '../sets/schema.js';

const severity = { enum: ['off', 'warn', 'error', 0, 1, 2], description: 'off | warn | error' };

function ruleSettingSchema(optionsSchema: Record<string, unknown> | undefined, description: string) {
  return {
    description,
    oneOf: [
      severity,
      { type: 'array', items: [severity], minItems: 1, maxItems: 1 },
      { type: 'array', items: [severity, optionsSchema ?? { type: 'object' }], minItems: 2, maxItems: 2 },
    ],
  };
}

export function rulesSchema() {
  const properties: Record<string, unknown> = {};
  // Set rules (src/sets) are configured like file rules: one `rules` section, overrides apply where a finding lands.
  for (const rule of [...rules, ...setRules]) properties[rule.meta.id] = ruleSettingSchema(rule.meta.optionsSchema, rule.meta.description);
  return { type: 'object', properties, additionalProperties: false };
}

const stringOrStrings = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

/**
 * The keys of one user document type (`types.<id>`). Add a key here and in the loader: the schema, the editor
 * completion and the unknown-key check (with its did-you-mean) follow from this object.
 */
export const typeProperties: Record<string, Record<string, unknown>> = {
  template: { type: 'string', description: 'The Markdown template that defines the type (relative to this config file).' },
  schema: { type: 'string', description: 'A JSON Schema file for the metadata, replacing the one compiled from the template.' },
  optionalSections: { type: 'array', items: { type: 'string' }, description: 'Template headings that may be left out.' },
  aliases: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'Template heading → other headings accepted in its place.' },
  since: {
    type: 'object',
    additionalProperties: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    description: 'Template heading → ISO date: the section is required only for documents dated (Created, Date, …) on or after it.',
  },
};

/**
 * `rulesDetail: false` leaves rule settings as plain objects: the loader checks those itself, rule by rule (one
 * small schema per configured rule), and compiling every rule's schema on each run cost ~140 ms of start-up.
 */
export function buildConfigSchema({ rulesDetail = true }: { rulesDetail?: boolean } = {}) {
  const rulesSection = rulesDetail ? rulesSchema() : { type: 'object' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/speclint/speclint/schema/specrc.schema.json',
    title: 'speclint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop looking for configs in parent directories (configs are not merged across directories; this is accepted for compatibility).' },
      extends: { ...stringOrStrings, description: '"speclint:recommended", "speclint:all", a path to another config file, or a package name.' },
      ignores: { type: 'array', items: { type: 'string' }, description: 'Globs (relative to this config file) of files never linted.' },
      types: {
        type: 'object',
        description: 'User document types: id → template path (relative to this config file).',
        additionalProperties: {
          type: 'object',
          required: ['template'],
          additionalProperties: false,
          properties: typeProperties,
        },
      },
      documents: {
        type: 'array',
        description: 'Globs → document type.',
        items: {
          type: 'object',
          required: ['files', 'type'],
          additionalProperties: false,
          properties: { files: stringOrStrings, type: { type: 'string' } },
        },
      },
      rules: rulesSection,
      overrides: {
        type: 'array',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          properties: { files: stringOrStrings, excludedFiles: stringOrStrings, rules: rulesSection, settings: { type: 'object' } },
        },
      },
      settings: { type: 'object', description: 'Shared settings every rule can read.' },
      baseline: {
        type: 'string',
        description: 'A baseline file (relative to this config file) whose recorded findings do not count; `speclint baseline` writes it. A file that does not exist yet suppresses nothing.',
      },
      sets: { ...setsConfigSchema, description: 'Spec sets (docs/sets.md): layouts and numbered collections of your own, zero-config discovery, coverage thresholds for `speclint trace`.' },
      docsUrl: {
        type: 'string',
        pattern: '\\{rule\\}',
        description: 'Where rule documentation lives, for links in output, help and SARIF (a mirror): a URL with {rule} (the rule id) and optionally {version} (the installed speclint version).',
      },
    },
  };
}
