import { toString } from 'mdast-util-to-string';
import type { Nodes, Parents } from 'mdast';
import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { compiledTypeOf, normalizeSample } from '../src/templates/compile.js';

const shorten = (text: string, max = 70) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}…` : flat;
};

/** Lines with bracket stand-ins are reported by no-placeholders: one defect, one finding. */
const holdsStandIn = (normalized: string) => /\[[^\]]+\]/.test(normalized);

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
    const type = compiledTypeOf(documentType);
    if (!type) return;
    if (type.sampleText.size === 0 && type.sampleParagraphs.size === 0) return;
    const advice = 'replace it with this document\'s own text, or delete it';
    const visit = (node: Nodes) => {
      if (node.type === 'paragraph') {
        const text = toString(node);
        const whole = normalizeSample(text);
        if (holdsStandIn(whole)) return;
        // One finding per template paragraph left in, however it is wrapped.
        const paragraphLine = type.sampleParagraphs.get(whole) ?? type.sampleText.get(whole);
        if (paragraphLine !== undefined) {
          report({ message: `Template text left in: "${shorten(text)}" (${type.id} template line ${paragraphLine}): ${advice}`, node, key: `template-text:${whole.slice(0, 80)}` });
          return;
        }
        const lines = text.split('\n');
        if (lines.length === 1) return;
        const kept: Array<{ line: number; text: string; templateLine: number }> = [];
        lines.forEach((line, i) => {
          const normalized = normalizeSample(line);
          const templateLine = type.sampleText.get(normalized);
          if (templateLine !== undefined && !holdsStandIn(normalized)) kept.push({ line: node.position!.start.line + i, text: line.trim(), templateLine });
        });
        if (kept.length === 0) return;
        const first = kept[0]!;
        const column = doc.lineText(first.line).indexOf(first.text.slice(0, 10)) + 1;
        const more = kept.length > 1 ? ` and ${kept.length - 1} more line${kept.length > 2 ? 's' : ''} of it` : '';
        report({
          message: `Template text left in: "${shorten(first.text)}"${more} (${type.id} template line ${first.templateLine}): ${advice}`,
          line: first.line,
          column: Math.max(1, column),
          endLine: kept[kept.length - 1]!.line,
          endColumn: doc.lineText(kept[kept.length - 1]!.line).length + 1,
          key: `template-text:${normalizeSample(first.text).slice(0, 80)}`,
        });
        return;
      }
      if (node.type === 'tableCell') {
        const text = toString(node);
        const normalized = normalizeSample(text);
        const templateLine = holdsStandIn(normalized) ? undefined : type.sampleText.get(normalized);
        if (templateLine !== undefined) report({ message: `Template text left in: "${shorten(text)}" (${type.id} template line ${templateLine}): ${advice}`, node, key: `template-text:${normalized.slice(0, 80)}` });
        return;
      }
      if (node.type === 'html') {
        if (!options.includeComments) return;
        for (const comment of doc.htmlComments) {
          if (comment.node === node && type.sampleText.has(normalizeSample(`<!-- ${comment.body} -->`))) {
            const body = comment.body.replace(/\s+/g, ' ');
            report({ message: `Template guidance comment left in: "<!-- ${body.slice(0, 50)}${body.length > 50 ? '…' : ''} -->": delete it once the section is written`, range: comment.range, key: `template-comment:${body.slice(0, 80)}` });
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
