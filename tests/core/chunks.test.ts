/**
 * The piecewise parse (src/parse/chunks.ts) must give the tree of one whole parse, positions included, for every
 * construct that could cross a cut, cold and after edits through a warm cache.
 */
import { describe, expect, it } from 'vitest';
import { ChunkCache, candidateCuts, parseMarkdownChunked } from '../../src/parse/chunks.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { parseDocument } from '../../src/parse/document.js';
import { computeLineStarts } from '../../src/parse/positions.js';
import { useIncrementalParsing } from '../../src/parse/chunks.js';

/** Whole parse vs piecewise parse, cold and then warm after each of `edits` (text → text). */
function expectSameTrees(text: string, ...edits: ((text: string) => string)[]): ChunkCache {
  const cache = new ChunkCache();
  expect(parseMarkdownChunked(text, cache)).toEqual(parseMarkdown(text));
  let current = text;
  for (const edit of edits) {
    current = edit(current);
    expect(parseMarkdownChunked(current, cache)).toEqual(parseMarkdown(current));
  }
  return cache;
}

const sections = (n: number, body = (i: number) => `Text of section ${i} with *emphasis*.\n`) =>
  Array.from({ length: n }, (_, i) => `## Section ${i}\n\n${body(i)}\n`).join('');

const insertAt = (marker: string, inserted: string) => (text: string) => text.replace(marker, `${inserted}${marker}`);

describe('piecewise parse', () => {
  it('cuts at top-level ATX headings and re-parses only the edited piece', () => {
    const text = `# Title\n\n${sections(20)}`;
    const cache = expectSameTrees(text);
    const before = cache.parses;
    const edited = text.replace('section 7 with', 'section 7 now with');
    expect(parseMarkdownChunked(edited, cache)).toEqual(parseMarkdown(edited));
    expect(cache.parses - before).toBe(1);
  });

  it('a fence opened in one piece and closed in another: the headings inside are code', () => {
    const text = `# Title\n\n${sections(3)}\`\`\`md\n## Not a heading\n\ntext\n\n# Nor this\n\`\`\`\n\n${sections(3)}`;
    expectSameTrees(
      text,
      // Opening a fence that the old closing fence now closes, then one that runs to the end.
      insertAt('## Section 1\n', '```\n'),
      insertAt('## Section 2\n', '~~~~\n'),
      (t) => t.replace('~~~~\n', ''),
    );
  });

  it('an HTML comment or block holding headings, a table running into a heading line', () => {
    expectSameTrees(`# T\n\n<!--\n## Inside a comment\n-->\n\n## After\n\n<div>\n## In HTML\n</div>\n\n${sections(2)}`);
    expectSameTrees(`# T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n## Heading after a table\n\n${sections(2)}`);
    expectSameTrees(`# T\n\n<pre>\n# x\n\n## y\n</pre>\n${sections(2)}`, insertAt('</pre>', 'more\n'));
  });

  it('lists, quotes and footnote definitions closed by a heading', () => {
    expectSameTrees(`# T\n\n- a\n\n  b\n## H\n> quote\nlazy\n## H2\n1. x\n\n\n## H3\n[^n]: note\n    more\n## H4\nUse[^n].\n`);
  });

  it('setext headings, and a heading-like line after a paragraph', () => {
    const text = `# T\n\nTitle\n=====\n\nParagraph\n## Interrupts\nSub\n---\n${sections(2)}`;
    expectSameTrees(text, insertAt('## Interrupts', 'x\n'), (t) => t.replace('=====', '= ='));
  });

  it('reference definitions and footnotes used across pieces, added and removed', () => {
    const text = `# T\n\nSee [the doc][doc] and [Other] and [^1].\n\n${sections(5)}## Refs\n\n[doc]: https://example.com\n[other]: ./other.md\n\n[^1]: A note.\n`;
    expectSameTrees(
      text,
      insertAt('## Section 3', 'Now [new] and [^2].\n\n'),
      (t) => `${t}[new]: ./new.md\n[^2]: Two.\n`,
      (t) => t.replace('[doc]: https://example.com\n', ''),
      (t) => t.replace('text of', 'Text of'),
    );
  });

  it('definitions with labels it cannot stand in for: one whole parse, same tree', () => {
    expectSameTrees(`# T\n\n[Ünïcode] and [^x]\n\n${sections(2)}[ünïcode]: /u\n[^x]: /caret\n`);
  });

  it('CRLF, lone CR, a BOM, no final line ending, tabs', () => {
    expectSameTrees(`# T\r\n\r\n${sections(3).replace(/\n/g, '\r\n')}`, insertAt('## Section 1', 'x\r\n'));
    expectSameTrees(`# T\r\r${sections(3).replace(/\n/g, '\r')}`);
    expectSameTrees(`\ufeff# T\n\n${sections(3)}`);
    expectSameTrees(`# T\n\n${sections(3)}Last line \\`);
    expectSameTrees(`# T\n\n${sections(2)}See [a].\n\n[a]: /a\n\nend\\`, (t) => t.replace('end', 'the end  '));
    expectSameTrees(`# T\n\n##\tTabbed\n\n\tcode\n#\n##\n${sections(2)}`);
  });

  it('front matter stays front matter; a later `---` block does not become one', () => {
    expectSameTrees(`---\ntitle: x\n---\n# T\n\n## A\n---\nnot: yaml\n---\n\n## B\n`);
    // YAML comments in front matter look like headings; a front matter left open is a thematic break.
    const commented = `---\n# FIXME: check\nstage: x\n# another\n---\n# T\n\n${sections(3)}`;
    expectSameTrees(commented, (t) => t.replace('stage: x\n# another\n---\n', 'stage: x\n# another\n'), (t) => t.replace('stage: x', 'stage: x\n---'));
  });

  it('an edit that opens a fence to the end, then one inside it, then closing it', () => {
    const text = `# T\n\n${sections(10)}`;
    expectSameTrees(
      text,
      insertAt('## Section 4', '```\n'),
      (t) => t.replace('section 8 with', 'section 8 still with'),
      (t) => `${t}\`\`\`\n`,
      (t) => t.replace('section 2 with', 'section 2 again with'),
    );
  });

  it('many refuted cuts in a row (heading lines in an HTML block), many definitions', () => {
    const headingsInHtml = `<div>\n${Array.from({ length: 40 }, (_, i) => `# not a heading ${i}\n`).join('')}</div>\n\n`;
    expectSameTrees(`# T\n\n${headingsInHtml}${sections(5)}`, insertAt('## Section 3', 'x\n'), insertAt('# not a heading 30', 'y '));
    const many = Array.from({ length: 400 }, (_, i) => `[d${i}]: /d${i}\n`).join('');
    expectSameTrees(`# T\n\nSee [d1] and [d399].\n\n${sections(5)}${many}`, insertAt('## Section 2', 'See [d7].\n'));
  });

  it('proposes cuts outside fences and comments only', () => {
    const text = '# A\n## B\n```\n# no\n```\n<!--\n# no\n-->\n### C\n#not\n####### no\n';
    const { offsets } = candidateCuts(text, computeLineStarts(text));
    expect(offsets.map((o) => text.slice(o, text.indexOf('\n', o)))).toEqual(['## B', '### C']);
  });

  it('parseDocument uses it once turned on, with the same model', () => {
    const text = `---\ntitle: x\n---\n# T\n\n${sections(150, (i) => `- [ ] task ${i}\n\n| a | b |\n| - | - |\n| ${i} | [x] |\n`)}`;
    const whole = parseDocument(text);
    useIncrementalParsing({ minLength: 1000 });
    try {
      const first = parseDocument(text);
      const again = parseDocument(text.replace('task 100', 'task two hundred'));
      expect(first.root).toEqual(whole.root);
      expect(first.sections.map((s) => [s.text, s.line, s.contentEnd])).toEqual(whole.sections.map((s) => [s.text, s.line, s.contentEnd]));
      expect(first.tables.length).toBe(150);
      expect(again.taskItems[100]!.text).toBe('task two hundred');
    } finally {
      useIncrementalParsing(false);
    }
  });
});
