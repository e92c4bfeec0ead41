import type { ErrorObject } from 'ajv';
import type { MetadataField, Rule, RuleContext } from '../src/types.js';
import { docsUrl, isRealDate } from '../src/rule-helpers.js';
import { findPlaceholders, isUnpickedChoice } from '../src/placeholders.js';
import type { CompiledType } from '../src/templates/compile.js';
import { schemaValidator } from '../src/schema-validators.js';

/** A value still holding a template stand-in is no-placeholders' finding, not this rule's. */
const unfilled = (field: MetadataField) => findPlaceholders(field.value, { words: [] }).length > 0 || isUnpickedChoice(field.value);

function describe(error: ErrorObject, field: MetadataField | undefined, key: string): string {
  const name = field?.key ?? key;
  const value = field?.value ?? '';
  switch (error.keyword) {
    case 'enum':
      return `${name} "${value}" is not one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'format':
      return (error.params as { format: string }).format.startsWith('date') ? `${name} "${value}" is not an ISO date that exists (YYYY-MM-DD)` : `${name} "${value}" is not a valid ${(error.params as { format: string }).format}`;
    case 'pattern':
      return /version/i.test(name) ? `${name} "${value}" is not a version (expected semver like 1.2.0 or major.minor like 1.2)` : `${name} "${value}" does not match ${(error.params as { pattern: string }).pattern}`;
    case 'minLength':
      return `Metadata field "${name}" is empty`;
    case 'type':
      return `${name} should be ${(error.params as { type: string }).type}`;
    default:
      return `${name}: ${error.message ?? 'invalid'}`;
  }
}

const rule: Rule = {
  meta: {
    id: 'metadata',
    description: 'Document metadata is valid against the schema of its document type',
    defaultSeverity: 'error',
    docsUrl: docsUrl('metadata'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    requiresType: true,
    tags: ['metadata'],
  },
  async check(context: RuleContext) {
    const { doc, report } = context;
    const type = context.documentType as CompiledType;
    const fields = new Map<string, MetadataField>();
    for (const field of doc.metadata) if (!fields.has(field.normalizedKey)) fields.set(field.normalizedKey, field);
    const data: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      if (unfilled(field)) continue;
      // Scalars are checked as written (`requires: 1109` is the text 1109); lists and maps as data.
      data[key] = field.source === 'frontmatter' && typeof field.data === 'object' && field.data !== null && !(field.data instanceof Date) ? field.data : field.value;
    }
    const validate = schemaValidator('metadata', type.metadataSchema);
    if (!validate(data)) {
      const anchor = doc.title?.heading ? { node: doc.title.heading } : { line: 1, column: 1 };
      for (const error of validate.errors ?? []) {
        if (error.keyword === 'required') {
          const key = (error.params as { missingProperty: string }).missingProperty;
          if (fields.has(key)) continue; // present but unfilled: no-placeholders reports it
          const spec = type.metadataFields.find((f) => f.normalizedKey === key);
          report({ message: `Missing metadata field "${spec?.key ?? key}"${spec ? ` (the ${type.id} template declares "${spec.key}: ${spec.templateValue}")` : ''}`, ...anchor });
          continue;
        }
        const key = error.instancePath.split('/')[1] ?? '';
        const field = fields.get(key.replace(/~1/g, '/').replace(/~0/g, '~'));
        report({ message: describe(error, field, key), ...(field ? { range: field.valueRange } : anchor) });
      }
    }
    // Last Updated cannot be before Created.
    const created = fields.get('created') ?? fields.get('date');
    const updated = fields.get('last updated') ?? fields.get('updated');
    const iso = (f?: MetadataField) => (f && isRealDate(f.value) ? f.value : undefined);
    if (iso(created) && iso(updated) && iso(updated)! < iso(created)!) {
      report({ message: `${updated!.key} ${updated!.value} is before ${created!.key} ${created!.value}`, range: updated!.valueRange });
    }
  },
};

export default rule;
