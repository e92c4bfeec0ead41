import type { Rule, Section, SpecDocument } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { compiledTypeOf } from '../src/templates/compile.js';
import { matchOutline } from '../src/templates/match.js';

interface Options {
  allow: string[];
}

/** Body text that is only whitespace, HTML comments (template guidance) and link reference definitions (they do not render) is empty. */
function isBlank(doc: SpecDocument, section: Section): boolean {
  const text = doc.text.slice(section.contentStart, section.contentEnd).replace(/<!--[\s\S]*?-->/g, '');
  return text.split(/\r?\n/).every((line) => line.trim() === '' || /^ {0,3}\[[^\]]+\]:\s*\S+(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/.test(line));
}

/**
 * Filler that stands where the template asks for content: `N/A`, `-`, `None.` (`TBD` and `TODO` are
 * no-placeholders' findings: one defect, one finding).
 */
const FILLER = /^(?:n\/?a|tbc|-+|—|–|none|nothing|not applicable|nil|\.\.\.|…|\?+)\.?$/i;

function onlyFiller(doc: SpecDocument, section: Section): string | undefined {
  const text = doc.text.slice(section.contentStart, section.contentEnd).replace(/<!--[\s\S]*?-->/g, '').replace(/[*_`]/g, '').trim();
  return text && FILLER.test(text) ? text : undefined;
}

const rule: Rule<Options> = {
  meta: {
    id: 'empty-section',
    description: 'A heading has content before the next heading of the same or higher level; a required section holds more than N/A',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('empty-section'),
    optionsSchema: {
      type: 'object',
      properties: { allow: { type: 'array', items: { type: 'string' }, description: 'Headings that may be empty (matched case-insensitively).' } },
      additionalProperties: false,
    },
    defaultOptions: { allow: [] },
    fixable: false,
    tags: ['structure'],
  },
  check({ doc, options, documentType, report }) {
    const allowed = new Set(options.allow.map((h) => h.toLowerCase()));
    // Sections the template requires and asks to be written (its own text under the heading): filler is no content.
    const required = new Set<Section>();
    const type = compiledTypeOf(documentType);
    if (type) {
      const match = matchOutline(doc, type);
      for (const [pattern, sections] of match.matched) {
        if (!pattern.optional && pattern.children.length === 0 && pattern.body.trim() !== '') for (const s of sections) required.add(s);
      }
    }
    for (const section of doc.sections) {
      if (allowed.has(section.text.toLowerCase())) continue;
      // A heading with subsections has content; so does any text before the next heading of the same or higher level.
      if (section.children.length > 0) continue;
      if (isBlank(doc, section)) {
        report({ message: `Section "${section.text}" is empty: write its content, or remove the heading`, node: section.heading, key: `empty:${section.text}` });
        continue;
      }
      const filler = required.has(section) ? onlyFiller(doc, section) : undefined;
      if (filler) report({ message: `Section "${section.text}" holds only "${filler}" where the template asks for content: write it, or mark the section optional in the type`, node: section.heading, key: `filler:${section.text}` });
    }
  },
};

export default rule;
