/**
 * speclint parses GFM without the autolink-literal extension (a third of the parse time) and finds bare URLs in
 * text instead: they must be the very links remark-gfm would have made.
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { findBareUrls } from '../../src/parse/bare-urls.js';

const lines = [
  'See https://go.dev/issue/17913, then www.example.com/feature-1.',
  'Quoted “www.example.com/feature-1” and (https://en.wikipedia.org/wiki/Foo_(bar)) work.',
  '[https://github.com/kubernetes/community/blob/master/slos.md] in brackets',
  'Mail release-team@kubernetes.io or mailto:ops@company.io, not a@b or x@host_1.',
  'Trailing punctuation: https://a.io/x?!, https://b.io/y; and https://c.io/z).',
  'Not links: foohttps://a.io, wwwx.io, http://localhost, www.a_b.c_d, 1.2.3, file.md.',
  'Path ends at space: https://a.io/[NAME]/x and www.b.io/<tag>',
  'see (http://a.io/x_(y)) and http://a.io/x). q https://a.io/x_ y [x https://a.io/y] z',
  'Emoji 🎉www.a.io and https://日本.jp/パス end, (www.c.io/a_b_)*',
];

function remarkGfmLinks(line: string): Array<{ text: string; url: string }> {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(line) as Root;
  const links: Array<{ text: string; url: string }> = [];
  visit(tree, 'link', (node) => {
    const child = node.children[0];
    // Autolink literals are the links whose source is exactly their text (no `[…](…)`, no `<…>`); the ones
    // remark-gfm finds after parsing have no position at all.
    if (child?.type === 'text' && (!node.position || line.slice(node.position.start.offset, node.position.end.offset) === child.value)) {
      links.push({ text: child.value, url: node.url });
    }
  });
  return links;
}

describe('findBareUrls', () => {
  it.each(lines)('finds the links remark-gfm makes in %s', (line) => {
    const ours = findBareUrls(line).map((u) => ({ text: line.slice(u.start, u.end), url: u.url }));
    expect(ours).toEqual(remarkGfmLinks(line));
  });

  it('finds the links of a real example', () => {
    expect(findBareUrls('Status of “www.example.com/feature-1” is false.')).toEqual([{ start: 11, end: 37, url: 'http://www.example.com/feature-1”' }]);
  });
});
