/**
 * parseMarkdown leaves out what a document cannot use (autolink literals always; tables and footnotes when the
 * text cannot hold one). For text without bare URLs, its tree must be remark-gfm's, node for node.
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { containerDepth, MAX_CONTAINER_DEPTH, mayHoldTable, NestingError, parseMarkdown } from '../../src/parse/markdown.js';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

const documents: Record<string, string> = {
  'a plain table': '# T\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n',
  'a table without outer pipes': 'a | b\n--|--\n1 | 2\n',
  'a one-column table': '| a |\n| - |\n| 1 |\n',
  'a table in a quote': '> | a | b |\n> | --- | --- |\n> | 1 | 2 |\n',
  'a table in a list item': '- item\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n',
  'pipes but no delimiter row': 'a | b\nc | d\n\n---\n\nx | y\n',
  'a setext heading and a thematic break': 'Title\n-----\n\n***\n\n- - -\n',
  'footnotes': 'Text[^1] and [^note].\n\n[^1]: One.\n[^note]: Two\n    continued.\n',
  'brackets but no footnote': 'See [RFC 2119] and [link][ref].\n\n[ref]: ./x.md\n',
  'tasks, strikethrough, front matter': '---\ntitle: x\n---\n\n- [ ] open\n- [x] done ~~old~~\n',
  'CRLF table': '| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n',
};

describe('parseMarkdown', () => {
  it.each(Object.entries(documents))('gives remark-gfm\'s tree for %s', (_name, text) => {
    expect(parseMarkdown(text)).toEqual(remark.parse(text));
  });
});

describe('mayHoldTable', () => {
  it('sees every delimiter row and ignores lines that cannot be one', () => {
    expect(mayHoldTable('| a |\n|:-|\n')).toBe(true);
    expect(mayHoldTable('> > | - |\n')).toBe(true);
    expect(mayHoldTable('\t|---|---|\r\n')).toBe(true);
    expect(mayHoldTable('a | b\nc | d\n')).toBe(false);
    expect(mayHoldTable('-----\n| text |\n')).toBe(false);
    expect(mayHoldTable('x'.repeat(10) + '\n' + '-'.repeat(1_000_000))).toBe(false);
  });
});

describe('containerDepth: the nesting estimate that guards the parser', () => {
  it('counts list items by indentation, several markers on a line, and quotes', () => {
    expect(containerDepth('- a\n  - b\n    - c\n')).toBe(3);
    expect(containerDepth('- - - a\n')).toBe(3);
    expect(containerDepth('> > - a\n')).toBe(3);
    expect(containerDepth('1. a\n   1. b\n')).toBe(2);
  });

  it('a closed item, a thematic break and a fenced block indented deeply do not count', () => {
    expect(containerDepth('- a\n  - b\n- c\n- d\n')).toBe(2);
    expect(containerDepth('- - -\n* * *\n')).toBe(0);
    expect(containerDepth(`\`\`\`\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}- x`).join('\n')}\n\`\`\`\n`)).toBe(0);
  });

  it('a document past the limit is refused with NestingError before parsing', () => {
    const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    expect(() => parseMarkdown(nested(MAX_CONTAINER_DEPTH))).not.toThrow();
    expect(() => parseMarkdown(nested(MAX_CONTAINER_DEPTH + 1))).toThrow(NestingError);
  });
});
