import type { Rule, Section, SpecDocument } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { compiledTypeOf, type SectionPattern } from '../src/templates/compile.js';
import { INSERTS_ALL_FROM_TEMPLATE, INSERTS_FROM_TEMPLATE, matchOutline, type MissingSection } from '../src/templates/match.js';

const heading = (pattern: { level: number; text: string }) => `${'#'.repeat(pattern.level)} ${pattern.text}`;

/** A close call between two types: report, but insert nothing from a template that may not be the document's. */
const closeCall = (rival: string | undefined) => `; the type is a close call with "${rival}", so --fix inserts nothing: name the type (front matter speclint: { type: … }, or "documents" in config)`;

const rule: Rule = {
  meta: {
    id: 'required-sections',
    description: 'Every required heading of the document type is present, under the right parent',
    defaultSeverity: 'error',
    docsUrl: docsUrl('required-sections'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: true,
    requiresType: true,
    tags: ['structure'],
  },
  check({ doc, documentType, documentTypeRival, report }) {
    const type = compiledTypeOf(documentType);
    if (!type) return;
    const match = matchOutline(doc, type);
    if (match.titleMismatch && type.title) {
      const { section } = match.titleMismatch;
      report({
        message: section
          ? `Title "${section.text}" does not follow the ${type.id} template's "${heading(type.title)}" (template line ${type.title.line}): rename it to that pattern`
          : plainTitle(doc)
            ? `The title "${plainTitle(doc)}" is not a heading: write it as "${'#'.repeat(type.title.level)} ${plainTitle(doc)}" (${type.id} template line ${type.title.line})`
            : `Missing title "${heading(type.title)}" (${type.id} template line ${type.title.line}): start the document with it`,
        ...(section ? { node: section.heading } : { line: 1, column: 1 }),
        key: 'title',
      });
    }
    const groupOf = new Map(match.unanswered.flatMap((group) => group.missing.map((missing) => [missing, group] as const)));
    const reportedGroups = new Set<Section>();
    for (const missing of match.missing) {
      const { pattern } = missing;
      const group = groupOf.get(missing);
      if (group) {
        if (!reportedGroups.has(group.scope)) {
          reportedGroups.add(group.scope);
          reportUnanswered(group.scope, group.missing);
        }
        continue;
      }
      const where = missing.after ? `after "${missing.after.text}"` : missing.before ? `before "${missing.before.text}"` : missing.parent ? `at the start of "${missing.parent.text}"` : 'at the start of the document';
      const what = pattern.wildcard ? `(one or more headings in place of "${heading(pattern)}")` : `"${heading(pattern)}"`;
      const subsections = pattern.children.filter((c) => !c.optional).length;
      const point = doc.pointAt(Math.min(missing.insertAt, doc.text.length));
      const insertion = documentTypeRival === undefined ? missing.insertion : undefined;
      const remedy = insertion !== undefined ? `; ${INSERTS_FROM_TEMPLATE}`
        : missing.insertion !== undefined ? closeCall(documentTypeRival)
        : pattern.wildcard ? '' : '; a heading of that name is elsewhere in the document — move it here';
      const optionalHint = pattern.since ? '' : ` (or list it in the type's "optionalSections")`;
      report({
        message: `Missing section ${what}, expected ${where} (${type.id} template line ${pattern.line}${subsections ? `, with ${subsections} subsection${subsections === 1 ? '' : 's'}` : ''})${remedy}${missing.insertion !== undefined ? '' : optionalHint}`,
        line: missing.after ? missing.after.line : missing.before ? missing.before.line : missing.parent ? missing.parent.line : point.line,
        column: 1,
        key: `missing:${path(pattern)}`,
        fix: insertion === undefined ? undefined : { range: [missing.insertAt, missing.insertAt], text: insertion, fromTemplate: true },
      });
    }
    /** One finding for a section none of whose (three or more) required subsections is there. */
    function reportUnanswered(scope: Section, missing: MissingSection[]): void {
      const parent = missing[0]!.pattern.parent;
      const names = missing.map((m) => `"${heading(m.pattern)}"`);
      const listed = names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.join(' and ');
      const insertAt = missing[0]!.insertAt;
      // Each insertion goes where the others do: --fix inserts them one after the other, in the template's order.
      const texts = missing.map((m) => m.insertion);
      const insertion = documentTypeRival === undefined && texts.every((t): t is string => t !== undefined) && missing.every((m) => m.insertAt === insertAt) ? texts.join('') : undefined;
      const remedy = insertion !== undefined ? `; ${INSERTS_ALL_FROM_TEMPLATE}`
        : documentTypeRival !== undefined && texts.every((t) => t !== undefined) ? closeCall(documentTypeRival)
        : '';
      report({
        message: `Section "${scope.text}" has none of the ${missing.length} subsections the ${type!.id} template puts under it (${listed}, template line ${missing[0]!.pattern.line}${parent ? ` under "${heading(parent)}"` : ''}): add each under its own heading${remedy}`,
        line: scope.line,
        column: 1,
        key: `unanswered:${parent ? path(parent) : scope.text}`,
        fix: insertion === undefined ? undefined : { range: [insertAt, insertAt], text: insertion, fromTemplate: true },
      });
    }
    for (const misplaced of match.misplaced) {
      const { pattern, section } = misplaced;
      report({
        message: `Section "${section.text}" belongs ${misplaced.expectedParent ? `under "${heading(misplaced.expectedParent)}"` : 'at the top level'} in the ${type.id} template (template line ${pattern.line}): move it there`,
        node: section.heading,
        key: `misplaced:${path(pattern)}`,
      });
    }
  },
};

/** The first line of text, when the document opens with a title written as plain text (no `#`). */
function plainTitle(doc: SpecDocument): string | undefined {
  const first = doc.root.children.find((n) => n.type !== 'yaml' && n.type !== 'html');
  if (first?.type !== 'paragraph') return undefined;
  const line = doc.lineText(first.position!.start.line).trim();
  return line.length > 0 && line.length <= 120 && !/[.!?]$/.test(line) && first.position!.start.line === first.position!.end.line ? line : undefined;
}

/** `Motivation > Goals`: a pattern's place in the template, for stable finding keys. */
function path(pattern: SectionPattern): string {
  const parts: string[] = [];
  for (let p: SectionPattern | undefined = pattern; p; p = p.parent) parts.unshift(p.text);
  return parts.join(' > ');
}

export default rule;
