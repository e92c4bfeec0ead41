import type { Rule, SpecDocument } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import type { CompiledType, SectionPattern } from '../src/templates/compile.js';
import { matchOutline, type MissingSection } from '../src/templates/match.js';

const heading = (pattern: SectionPattern) => `${'#'.repeat(pattern.level)} ${pattern.text}`;

/** The template's Markdown for a missing section, with the blank lines it needs where it goes. */
function insertion(doc: SpecDocument, missing: MissingSection): string {
  const body = missing.pattern.markdown.replace(/\r\n?/g, doc.text.includes('\r\n') ? '\r\n' : '\n');
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const before = doc.text.slice(0, missing.insertAt);
  const lead = before.length === 0 || before.endsWith(`${eol}${eol}`) ? '' : before.endsWith(eol) ? eol : `${eol}${eol}`;
  const atEnd = missing.insertAt >= doc.text.length;
  return `${lead}${body}${eol}${atEnd ? '' : eol}`;
}

const rule: Rule = {
  meta: {
    id: 'required-sections',
    description: 'Every required heading of the document type is present, at the right level and under the right parent',
    defaultSeverity: 'error',
    docsUrl: docsUrl('required-sections'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: true,
    requiresType: true,
    tags: ['structure'],
  },
  check({ doc, documentType, report }) {
    const type = documentType as CompiledType;
    const match = matchOutline(doc, type);
    if (match.titleMismatch) {
      const { pattern, section } = match.titleMismatch;
      report({
        message: section
          ? `Title "${section.text}" does not follow the ${type.id} template's "${heading(pattern)}" (template line ${pattern.line})`
          : `Missing title "${heading(pattern)}" (${type.id} template line ${pattern.line})`,
        ...(section ? { node: section.heading } : { line: 1, column: 1 }),
      });
    }
    for (const missing of match.missing) {
      const { pattern } = missing;
      const where = missing.after ? `after "${missing.after.text}"` : missing.parent ? `at the start of "${missing.parent.text}"` : 'at the start of the document';
      const what = pattern.wildcard ? `at least one level-${pattern.level} heading for "${heading(pattern)}"` : `"${heading(pattern)}"`;
      const subsections = pattern.children.filter((c) => !c.optional).length;
      const point = doc.pointAt(Math.min(missing.insertAt, doc.text.length));
      report({
        message: `Missing section ${what}, expected ${where} (${type.id} template line ${pattern.line}${subsections ? `, with ${subsections} subsection${subsections === 1 ? '' : 's'}` : ''})`,
        line: missing.after ? missing.after.line : missing.parent ? missing.parent.line : point.line,
        column: 1,
        fix: pattern.wildcard ? undefined : { range: [missing.insertAt, missing.insertAt], text: insertion(doc, missing) },
      });
    }
    for (const misplaced of match.misplaced) {
      const { pattern, section } = misplaced;
      report({
        message: misplaced.problem === 'level'
          ? `Section "${section.text}" is a level-${section.level} heading; the ${type.id} template has "${heading(pattern)}" at level ${pattern.level} (template line ${pattern.line})`
          : `Section "${section.text}" belongs under "${pattern.parent ? heading(pattern.parent) : 'the title'}" in the ${type.id} template (template line ${pattern.line})`,
        node: section.heading,
      });
    }
  },
};

export default rule;
