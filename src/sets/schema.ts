/**
 * JSON Schema of the `sets` key of the config file (SetsConfig), to merge into schema/specrc.schema.json as
 * `properties.sets`. The set rules' options schemas are in their meta (setRules), like the file rules'.
 */
const globs = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }] };
const regexes = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }] };
const percent = { type: 'number', minimum: 0, maximum: 100 };

export const setsConfigSchema: Record<string, unknown> = {
  type: 'object',
  description: 'Spec sets: documents checked together (spec → plan → tasks, numbered collections). See docs/sets.md.',
  properties: {
    auto: {
      description: 'Zero-config discovery of spec-kit and Kiro layouts and numbered collections; false turns it off.',
      oneOf: [
        { type: 'boolean' },
        {
          type: 'object',
          properties: { speckit: { type: 'boolean' }, kiro: { type: 'boolean' }, collections: { type: 'boolean' } },
          additionalProperties: false,
        },
      ],
    },
    sets: {
      type: 'array',
      description: 'Layouts of your own: each folder matching `root` is a set; members found by a glob per role, relative to it.',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          root: { type: 'string', minLength: 1, description: 'Glob of set folders, e.g. "docs/features/*"; "." for one set at the project root.' },
          spec: { ...globs, description: 'Glob(s) of the defining document(s), e.g. "prd.md".' },
          plan: globs,
          tasks: globs,
          supporting: globs,
        },
        required: ['root', 'spec'],
        additionalProperties: false,
      },
    },
    collections: {
      type: 'array',
      description: 'Numbered collections of your own (ADRs, RFCs, …) and how their numbers are written.',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          files: { ...globs, description: 'Glob(s) of the collection\'s documents.' },
          filePattern: { ...regexes, description: 'Regex(es) against the file name without .md (the folder name for README.md); the last capture group is the number. Case-insensitive.' },
          titlePattern: { ...regexes, description: 'Regex(es) against the title; the last capture group is the number. Case-insensitive.' },
          fields: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Metadata keys that hold the number.' },
          index: { oneOf: [{ type: 'string', minLength: 1 }, { const: false }], description: 'The index file (path from the project root), or false for none. Default: README.md / index.md in the collection\'s folder.' },
        },
        required: ['files'],
        additionalProperties: false,
      },
    },
    coverage: {
      type: 'object',
      description: 'Least coverage `speclint trace` accepts, in per cent; below it the command exits 1.',
      properties: { stories: percent, requirements: percent, tasksDone: percent },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

/** Problems JSON Schema cannot see: invalid regexes. One line each, with the JSON path. */
export function validateSetsConfig(config: unknown): string[] {
  const problems: string[] = [];
  const collections = (config as { collections?: unknown[] } | undefined)?.collections;
  if (!Array.isArray(collections)) return problems;
  collections.forEach((entry, i) => {
    for (const key of ['filePattern', 'titlePattern'] as const) {
      const value = (entry as Record<string, unknown> | null)?.[key];
      const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
      list.forEach((pattern, j) => {
        try {
          new RegExp(String(pattern), 'i');
        } catch (error) {
          problems.push(`sets.collections[${i}].${key}${Array.isArray(value) ? `[${j}]` : ''}: not a valid regular expression (${(error as Error).message})`);
        }
      });
    }
  });
  return problems;
}
