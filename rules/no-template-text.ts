import { toString } from 'mdast-util-to-string';
import type { Nodes, Parents } from 'mdast';
import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { normalizeSample, type CompiledType } from '../src/templates/compile.js';

const rule: Rule = {
  meta: {
    id: 'no-template-text',
    description: 'No instructions or stand-in text copied verbatim from the template of the document type',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('no-template-text'),
    optionsSchema: {
      type: 'object',
      properties: {
        includeComments: { type: 'boolean', description: 'Also report the template\'s HTML guidance comments left in (off: many templates, like KEP\'s, keep them on purpose; they do not render).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { includeComments: false },
    fixable: false,
    requiresType: true,
    tags: ['content'],
  },
  check({ doc, documentType, options, report }) {
    const type = documentType as CompiledType;
    if (type.sampleText.size === 0) return;
    const check = (text: string, node: Nodes) => {
      const normalized = normalizeSample(text);
      // Lines with bracket stand-ins are reported by no-placeholders: one defect, one finding.
      if (/\[[^\]]+\]/.test(normalized)) return;
      const line = type.sampleText.get(normalized);
      if (line === undefined) return;
      const flat = text.replace(/\s+/g, ' ').trim();
      const shown = flat.length > 70 ? `${flat.slice(0, 67)}…` : flat;
      report({ message: `Template text left in: "${shown}" (${type.id} template line ${line})`, node });
    };
    const visit = (node: Nodes) => {
      if (node.type === 'paragraph') {
        // Soft line breaks separate sample lines, as the compiler splits them.
        const lines = toString(node).split('\n');
        if (lines.length === 1) check(lines[0]!, node);
        else {
          let lineNumber = node.position!.start.line;
          for (const line of lines) {
            const normalized = normalizeSample(line);
            const templateLine = type.sampleText.get(normalized);
            if (templateLine !== undefined && !/\[[^\]]+\]/.test(normalized)) {
              const column = doc.lineText(lineNumber).indexOf(line.trim().slice(0, 10)) + 1;
              report({ message: `Template text left in: "${line.trim().slice(0, 70)}" (${type.id} template line ${templateLine})`, line: lineNumber, column: Math.max(1, column), endLine: lineNumber, endColumn: doc.lineText(lineNumber).length + 1 });
            }
            lineNumber++;
          }
        }
        return;
      }
      if (node.type === 'tableCell') {
        check(toString(node), node);
        return;
      }
      if (node.type === 'html') {
        if (!options.includeComments) return;
        for (const comment of doc.htmlComments) {
          if (comment.node === node && type.sampleText.has(normalizeSample(`<!-- ${comment.body} -->`))) {
            const body = comment.body.replace(/\s+/g, ' ');
            report({ message: `Template guidance comment left in: "<!-- ${body.slice(0, 50)}${body.length > 50 ? '…' : ''} -->"`, range: comment.range });
          }
        }
        return;
      }
      if (node.type === 'code' || node.type === 'heading') return;
      if ('children' in node) for (const child of (node as Parents).children) visit(child as Nodes);
    };
    visit(doc.root);
  },
};

export default rule;
