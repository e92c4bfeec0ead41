import type { ErrorObject } from 'ajv';
import type { MetadataField, Rule, RuleContext } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { findPlaceholders, isUnpickedChoice } from '../src/placeholders.js';
import { canonicalKey } from '../src/parse/metadata.js';
import { readDate, dateProblem } from '../src/dates.js';
import { didYouMean } from '../src/errors.js';
import { compiledTypeOf, type CompiledType, type MetadataFieldSpec } from '../src/templates/compile.js';
import { stemOf } from '../src/templates/match.js';
import { schemaValidator } from '../src/schema-validators.js';

/** A value still holding a template stand-in is no-placeholders' finding, not this rule's. */
const unfilled = (field: MetadataField) => findPlaceholders(field.value, { words: ['TBD', 'TODO', 'TBA', 'FIXME'] }).length > 0 || isUnpickedChoice(field.value) || /^(?:<[^>]*>|\{[^}]*\}|\(fill [^)]*\)?|y{4}-m{2}-d{2}|yyyy\/mm\/dd)$/i.test(field.value.trim());

/** Keys that hold a date in any document, typed or not. */
const DATE_KEY = /^(?:date|created|updated|last updated|last modified|creation date|start date|created at|created on|date created|last reviewed|release date|accepted at|implemented at)$/;

/** The value as a status reads: no markup, no leading emoji or symbols, no trailing parenthetical. */
const plainValue = (value: string) => value.replace(/[*_`]/g, '').replace(/^[^\p{L}\p{N}]+/u, '').trim();

/** `Implemented (Swift 5.9)`, `**Accepted**`, `accepted`: one of the choices, whatever the case and what follows it. */
function enumMatch(value: string, choices: string[]): boolean {
  const plain = plainValue(value).toLowerCase();
  return choices.some((choice) => {
    const c = choice.toLowerCase().trim();
    return plain === c || (plain.startsWith(c) && /^[\s(,;:.–—-]/.test(plain.slice(c.length)));
  });
}

function describeAjv(error: ErrorObject, field: MetadataField | undefined, key: string): string {
  const name = field?.key ?? key;
  const value = field?.value ?? '';
  switch (error.keyword) {
    case 'enum':
      return `${name} "${value}" is not one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'format':
      return (error.params as { format: string }).format.startsWith('date') ? `${name} "${value}" is not an ISO date that exists (YYYY-MM-DD)` : `${name} "${value}" is not a valid ${(error.params as { format: string }).format}`;
    case 'pattern':
      return `${name} "${value}" does not match ${(error.params as { pattern: string }).pattern}`;
    case 'minLength':
      return `Metadata field "${name}" is empty: fill it in`;
    case 'type':
      return `${name} should be ${(error.params as { type: string }).type}`;
    default:
      return `${name}: ${error.message ?? 'invalid'}`;
  }
}

const rule: Rule = {
  meta: {
    id: 'metadata',
    description: 'Document metadata is valid against the schema of its document type; dates exist',
    defaultSeverity: 'error',
    docsUrl: docsUrl('metadata'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    tags: ['metadata'],
  },
  async check(context: RuleContext) {
    const { doc, report } = context;
    const type = compiledTypeOf(context.documentType);
    const fields = new Map<string, MetadataField>();
    for (const field of doc.metadata) {
      const key = canonicalKey(field.key);
      if (!fields.has(key)) fields.set(key, field);
    }
    const anchor = doc.title?.heading ? { node: doc.title.heading } : { line: 1, column: 1 };

    if (!type) {
      // Without a template nobody asked for ISO dates; a date that cannot exist is wrong whatever the format.
      for (const [key, field] of fields) {
        if (!DATE_KEY.test(key) || unfilled(field)) continue;
        const reading = readDate(field.value);
        if (reading.kind === 'impossible') report({ message: dateProblem(field.key, field.value)!, range: field.valueRange, key: `date:${key}` });
      }
      checkUpdatedAfterCreated(context, fields);
      return;
    }

    if (type.userMetadataSchema) {
      // A schema the team wrote: checked as written, with ajv, keyed by the fields' names in lower case.
      const data: Record<string, unknown> = {};
      for (const field of doc.metadata) {
        if (unfilled(field) || field.normalizedKey in data) continue;
        data[field.normalizedKey] = field.source === 'frontmatter' && typeof field.data === 'object' && field.data !== null && !(field.data instanceof Date) ? field.data : field.value;
      }
      const validate = schemaValidator('metadata', type.metadataSchema);
      if (!validate(data)) {
        for (const error of validate.errors ?? []) {
          if (error.keyword === 'required') {
            const key = (error.params as { missingProperty: string }).missingProperty;
            report({ message: `Missing metadata field "${key}" (required by the ${type.id} type's schema): add it`, ...anchor, key: `missing-field:${key}` });
            continue;
          }
          const key = (error.instancePath.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
          const field = doc.metadata.find((f) => f.normalizedKey === key);
          report({ message: describeAjv(error, field, key), ...(field ? { range: field.valueRange } : anchor), key: `${error.keyword}:${key}` });
        }
      }
    } else {
      for (const spec of type.metadataFields) checkField(context, type, spec, fields.get(spec.canonicalKey) ?? byPrefix(fields, spec.canonicalKey) ?? byStem(fields, spec.canonicalKey), anchor);
    }
    checkUpdatedAfterCreated(context, fields);
  },
};

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
/** A line that is a date and nothing else: `August 27, 2018`, `27 August 2018`, `December 2022`, `2018-08-27`. */
const DATE_LINE = new RegExp(String.raw`^(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?\s+\d{4}|${MONTH},?\s+\d{4}|\d{4}-\d{2}-\d{2})$`, 'i');
/** A line of one to three names (`Russ Cox`, `Marcel van Lohuizen`, `Ian Lance Taylor, Robert Griesemer`). */
const NAMES_LINE = /^\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,4}(?:\s*(?:,|&|\band\b)\s*\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,4}){0,2}$/u;

/**
 * A byline: the paragraph right under the title, of at most three short lines, one of them a date alone and the
 * others names (`Marcel van Lohuizen\` / `August 27, 2018`). Only for a document that labels no header field of its
 * own (no `Key: value` lines, lists or tables): one that does follows the template's label convention and is held to it.
 */
function bylineOf(doc: RuleContext['doc']): { author: boolean; date: boolean } | undefined {
  if (!doc.title?.heading || doc.metadata.some((m) => m.source !== 'frontmatter')) return undefined;
  const titleNode = doc.title.heading;
  const at = doc.root.children.indexOf(titleNode);
  const next = at >= 0 ? doc.root.children.slice(at + 1).find((n) => n.type !== 'html') : undefined;
  if (next?.type !== 'paragraph') return undefined;
  const lines = doc.text.slice(next.position!.start.offset!, next.position!.end.offset!).split(/\r\n|\r|\n/).map((l) => l.replace(/\\$|\s{2,}$/, '').replace(/[*_]/g, '').trim()).filter(Boolean);
  if (lines.length === 0 || lines.length > 3 || lines.some((l) => l.length > 80)) return undefined;
  const dates = lines.filter((l) => DATE_LINE.test(l));
  if (dates.length !== 1 || !lines.every((l) => DATE_LINE.test(l) || NAMES_LINE.test(l))) return undefined;
  return { date: true, author: lines.length > 1 };
}

function checkField(context: RuleContext, type: CompiledType, spec: MetadataFieldSpec, field: MetadataField | undefined, anchor: object): void {
  const { report } = context;
  if (!field) {
    // A field the document writes as a section of its own (`### Decision`) is there.
    const asHeading = context.doc.sections.some((s) => canonicalKey(s.text.replace(/[:.]+$/, '')) === spec.canonicalKey);
    // An unlabelled byline under the title gives the date and the author.
    const byline = spec.kind === 'date' || /^(?:author|written by|owner)$/.test(spec.canonicalKey) ? bylineOf(context.doc) : undefined;
    const inByline = Boolean(byline && (spec.kind === 'date' ? byline.date : byline.author));
    if (!spec.optional && !asHeading && !inByline) {
      report({ message: `Missing metadata field "${spec.key}" (the ${type.id} template declares "${spec.key}: ${spec.templateValue}"): add it`, ...anchor, key: `missing-field:${spec.canonicalKey}` });
    }
    return;
  }
  if (unfilled(field)) return;
  const value = field.value.trim();
  if (spec.kind === 'any') return;
  if (value === '') {
    if (!spec.optional) report({ message: `Metadata field "${field.key}" is empty: fill it in`, range: field.valueRange, key: `empty:${spec.canonicalKey}` });
    return;
  }
  if (spec.kind === 'enum' && spec.values && !enumMatch(value, spec.values)) {
    const suggestion = didYouMean(plainValue(value), spec.values);
    report({
      message: `${field.key} "${value}" is not one of: ${spec.values.join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
      range: field.valueRange,
      key: `enum:${spec.canonicalKey}:${value.toLowerCase()}`,
    });
  } else if (spec.kind === 'date') {
    // `[Date]` asks for a real date in any form; `YYYY-MM-DD` for that form.
    const reading = readDate(value);
    const problem = spec.iso || reading.kind === 'impossible' ? dateProblem(field.key, value) : undefined;
    if (problem) report({ message: problem, range: field.valueRange, key: `date:${spec.canonicalKey}` });
  } else if (spec.kind === 'version' && !/^v?\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.test(plainValue(value))) {
    report({ message: `${field.key} "${value}" is not a version: write semver like 1.2.0 or major.minor like 1.2`, range: field.valueRange, key: `version:${spec.canonicalKey}` });
  }
}

/**
 * A label that is the field's name with a word more or less at either end: `Review threads` for `Review`,
 * `Updated` for `Last updated`.
 */
function byPrefix(fields: Map<string, MetadataField>, key: string): MetadataField | undefined {
  const wanted = key.split(' ');
  for (const [name, field] of fields) {
    const have = name.split(' ');
    const [longer, shorter] = have.length > wanted.length ? [have, wanted] : [wanted, have];
    if (longer.length - shorter.length > 2 || shorter.length === 0 || longer.length === shorter.length) continue;
    const head = longer.slice(0, shorter.length).join(' ') === shorter.join(' ');
    const tail = longer.slice(-shorter.length).join(' ') === shorter.join(' ');
    if (head || tail) return field;
  }
  return undefined;
}

/** A label that is the field's name in another inflection: `Last update` for `Last updated`. */
function byStem(fields: Map<string, MetadataField>, key: string): MetadataField | undefined {
  const stems = (k: string) => k.split(' ').map(stemOf).join(' ');
  const wanted = stems(key);
  for (const [name, field] of fields) if (stems(name) === wanted) return field;
  return undefined;
}

/** Last Updated cannot be before Created. */
function checkUpdatedAfterCreated(context: RuleContext, fields: Map<string, MetadataField>): void {
  const created = fields.get('created') ?? fields.get('creation date') ?? fields.get('date');
  const updated = fields.get('last updated') ?? fields.get('updated') ?? fields.get('last modified');
  const iso = (f?: MetadataField) => {
    if (!f) return undefined;
    const reading = readDate(f.value);
    return reading.kind === 'iso' ? reading.iso : undefined;
  };
  const [from, to] = [iso(created), iso(updated)];
  if (from && to && to < from) {
    context.report({ message: `${updated!.key} ${updated!.value} is before ${created!.key} ${created!.value}: one of them is wrong`, range: updated!.valueRange, key: 'updated-before-created' });
  }
}

export default rule;
