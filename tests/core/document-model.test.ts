import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeBlockPoint, parseDocument } from '../../src/parse/document.js';

const seeds = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const seed = (name: string) => readFileSync(join(seeds, name), 'utf8');
const fields = (text: string) =>
  parseDocument(text).metadata.map((m) => `${m.key}=${m.value} @${m.valueRange.start.line}:${m.valueRange.start.column} (${m.source})`);

describe('section tree', () => {
  const doc = parseDocument('intro\n\n# Title\n\n## A\n\ntext\n\n### A.1\n\n## B\n\n> ## quoted is not a section\n');

  it('nests headings by level, with content ranges', () => {
    expect(doc.sections.map((s) => `${s.level}:${s.text}<${s.parent?.text ?? ''}`)).toEqual(['1:Title<', '2:A<Title', '3:A.1<A', '2:B<Title']);
    const a = doc.sections[1]!;
    expect(doc.text.slice(a.contentStart, a.bodyEnd).trim()).toBe('text');
    expect(doc.text.slice(a.contentStart, a.contentEnd)).toContain('### A.1');
    expect(doc.title?.text).toBe('Title');
  });

  it('finds the innermost section of an offset', () => {
    expect(doc.sectionAt(doc.text.indexOf('text')).text).toBe('A');
    expect(doc.sectionAt(0).level).toBe(0);
  });
});

describe('metadata, in every form the seeds use', () => {
  it('plain `Key: value` lines under the title (seed 000)', () => {
    expect(fields(seed('000_47e45386563bdbb7.txt')).slice(0, 2)).toEqual([
      'Status=Planning | In Progress | Review | Complete @2:9 (line)',
      'Created=[DATE] @3:10 (line)',
    ]);
  });

  it('`- **Key**: value` list items in a Metadata section (seed 001)', () => {
    expect(fields(seed('001_656560509e81ce9c.txt')).slice(0, 2)).toEqual(['Spec ID=SPEC-[YYYY-MM-DD]-[NUMBER] @4:16 (list-item)', 'Status=Draft @5:15 (list-item)']);
  });

  it('`**Key**: value` lines with hard breaks (seed 002) and `**Key:** value` (seed 003)', () => {
    expect(fields(seed('002_ddf2a5e02a30f102.txt'))[1]).toBe('Version=4.0 @4:14 (line)');
    expect(fields(seed('003_0347ca7ea2d10b3b.txt'))[0]).toBe('Version=1.0 @3:14 (line)');
  });

  it('YAML front matter, with positions in the Markdown file', () => {
    expect(fields('---\ntitle: Rate limits\nstatus: Draft\n---\n# T\n')).toEqual(['title=Rate limits @2:8 (frontmatter)', 'status=Draft @3:9 (frontmatter)']);
  });

  it('ignores prose further down', () => {
    expect(fields('# T\n\n## Section\n\nNote: this is prose.\n')).toEqual([]);
  });
});

describe('code blocks', () => {
  it('map block positions to the file through list indentation and quotes', () => {
    const doc = parseDocument('# T\n\n- item\n\n  ```json\n  {"a": 1,}\n  ```\n\n> ```sql\n> select 1\n> ```\n');
    const [json, sql] = doc.codeBlocks;
    expect([json!.lang, json!.contentStartLine]).toEqual(['json', 6]);
    expect(codeBlockPoint(json!, 0, 9)).toEqual({ line: 6, column: 11 });
    expect(codeBlockPoint(sql!, 0, 1)).toEqual({ line: 10, column: 3 });
  });

  it('keeps the info string meta', () => {
    const doc = parseDocument('```sql dialect=mysql\nselect 1;\n```\n');
    expect([doc.codeBlocks[0]!.lang, doc.codeBlocks[0]!.meta]).toEqual(['sql', 'dialect=mysql']);
  });
});

describe('tables, task items, links', () => {
  const doc = parseDocument(
    '# T\n\n| Version | Date |\n|---|---|\n| 1.0 | 2025-01-01 |\n\n- [ ] open\n- [x] done\n- [] bad\n-[ ] bad\n- [ x] bad\n\n```md\n- [] in code\n```\n\nSee [a](#t) and [b][ref].\n\n[ref]: ./other.md\n',
  );

  it('tables: header and cells with positions', () => {
    const [table] = doc.tables;
    expect(table!.header.map((c) => c.text)).toEqual(['Version', 'Date']);
    expect(table!.rows[0]!.map((c) => `${c.text}@${c.range.start.line}:${c.range.start.column}`)).toEqual(['1.0@5:1', '2025-01-01@5:7']);
    expect(table!.rowLines).toEqual([5]);
  });

  it('task items: checked state, and malformed look-alikes outside code', () => {
    expect(doc.taskItems.map((t) => `${t.range.start.line}:${t.range.start.column} ${t.checked} ${t.malformed?.found ?? ''}`)).toEqual([
      '7:3 false ',
      '8:3 true ',
      '9:1 false - []',
      '10:1 false -[ ]',
      '11:1 true - [ x]',
    ]);
  });

  it('links and definitions', () => {
    expect(doc.links.map((l) => `${l.kind}:${l.url}`)).toEqual(['link:#t', 'definition:./other.md']);
    expect(doc.definitions.has('ref')).toBe(true);
  });
});
