import type { Rule, Range } from '../src/types.js';
import { docsUrl, escapeRegExp } from '../src/rule-helpers.js';

interface Options {
  prefixes: string[];
}

interface Occurrence {
  id: string;
  prefix: string;
  separator: string;
  digits: string;
  number: number;
  range: Range;
  definition: boolean;
  /** Index of the innermost section: the same id defined in two sections is usually a cross-reference list. */
  section: number;
}

const DEFAULT_PREFIXES = ['FR', 'NFR', 'REQ', 'SC', 'US', 'AC', 'UC', 'BR', 'TR', 'SR'];

// What may stand before an id that opens a list item, a task item, a heading or a table row's first cell.
const DEFINITION_LEAD = /^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?|#{1,6}\s+|\|\s*)[*_]*$/;

const DEFINITION_TAIL = /^(?:\*\*|__|\*|_|\])*\s*(?:$|[:.)|]|\s[-–—]\s|\s*\()/;

const padded = (digits: string) => digits.length > 1 && digits.startsWith('0');

/** Same separator, and the same zero-padding width as the first id of the prefix. */
function sameForm(first: Occurrence, other: Occurrence): boolean {
  if (first.separator !== other.separator) return false;
  if (padded(first.digits)) return other.digits.length === first.digits.length;
  return !padded(other.digits);
}

const rule: Rule<Options> = {
  meta: {
    id: 'requirement-ids',
    description: 'Requirement ids (FR-1, NFR-2, REQ-003, ...) are unique and consistently formed',
    defaultSeverity: 'error',
    docsUrl: docsUrl('requirement-ids'),
    optionsSchema: {
      type: 'object',
      properties: { prefixes: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z]+$' }, description: 'Id prefixes to check; an id is a prefix, an optional `-` or `_`, and a number.' } },
      additionalProperties: false,
    },
    defaultOptions: { prefixes: DEFAULT_PREFIXES },
    fixable: false,
    tags: ['content'],
  },
  check({ doc, options, report }) {
    if (options.prefixes.length === 0) return;
    const pattern = new RegExp(`(?<![\\w-])(${options.prefixes.map(escapeRegExp).join('|')})([-_]?)(\\d{1,6})(?![\\w-]|\\.\\d)`, 'g');
    const occurrences: Occurrence[] = [];
    const skip = new Set<number>();
    for (const block of doc.codeBlocks) {
      for (let l = block.node.position!.start.line; l <= block.node.position!.end.line; l++) skip.add(l);
    }
    // Ids are text: look at the source, but not inside code blocks or inline code.
    for (let m = pattern.exec(doc.text); m; m = pattern.exec(doc.text)) {
      const start = doc.pointAt(m.index);
      if (skip.has(start.line)) continue;
      const lineText = doc.lineText(start.line);
      const before = lineText.slice(0, start.column - 1);
      if ((before.match(/`/g)?.length ?? 0) % 2 === 1) continue;
      occurrences.push({
        id: `${m[1]}${m[2]}${m[3]}`,
        prefix: m[1]!,
        separator: m[2]!,
        digits: m[3]!,
        number: Number(m[3]),
        range: { start, end: doc.pointAt(m.index + m[0].length) },
        // A definition opens a list item, a table row or a heading, possibly in bold (`- **FR-001**: …`), and is
        // followed by its text, not by more words of a label (`**SC-001 verification intent**` refers to SC-001).
        definition: DEFINITION_LEAD.test(before) && DEFINITION_TAIL.test(lineText.slice(start.column - 1 + m[0].length)),
        section: doc.sectionAt(m.index).index,
      });
    }

    const firstDefinition = new Map<string, Occurrence>();
    for (const occurrence of occurrences) {
      if (!occurrence.definition) continue;
      const key = `${occurrence.section}:${occurrence.id}`;
      const first = firstDefinition.get(key);
      if (first) report({ message: `Duplicate requirement id "${occurrence.id}": already defined on line ${first.range.start.line}`, range: occurrence.range });
      else firstDefinition.set(key, occurrence);
    }

    const firstForm = new Map<string, Occurrence>();
    for (const occurrence of occurrences) {
      const first = firstForm.get(occurrence.prefix);
      if (!first) firstForm.set(occurrence.prefix, occurrence);
      else if (!sameForm(first, occurrence)) {
        report({
          message: `Requirement id "${occurrence.id}" is written differently from "${first.id}" (line ${first.range.start.line}): use one form per prefix`,
          range: occurrence.range,
        });
      }
    }
  },
};

export default rule;
