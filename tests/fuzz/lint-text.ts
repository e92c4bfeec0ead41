/**
 * Property-based: arbitrary Markdown never breaks lintText, and what it reports is inside the document. The unit tier
 * runs a few cases of each property (lint-text.test.ts), the slow tier many (lint-text.slow.test.ts): the full runs
 * took 16 s of a 45 s unit tier.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine.js';
import { computeLineStarts } from '../../src/parse/positions.js';

const word = fc.stringMatching(/^[A-Za-z0-9_\-[\]|:`*#>.]{0,12}$/);
const words = fc.array(word, { maxLength: 8 }).map((w) => w.join(' '));
const block = fc.oneof(
  words.map((t) => `${t}\n`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), words).map(([level, t]) => `${'#'.repeat(level)} ${t}\n`),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] ', '- [] ', '-[ ] '), words).map(([marker, t]) => `${marker}${t}\n`),
  fc.array(words, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|\n| ${cells.join(' | ')} |\n`),
  fc.tuple(fc.constantFrom('json', 'yaml', 'sql', 'jsonc', 'json5', ''), fc.string({ maxLength: 60 })).map(([lang, body]) => `\`\`\`${lang}\n${body}\n\`\`\`\n`),
  words.map((t) => `---\ntitle: ${t}\nstatus: ${t}\n---\n`),
  words.map((t) => `> ${t}\n`),
  words.map((t) => `<!-- speclint-disable ${t} -->\n`),
  fc.string({ maxLength: 40 }),
);
const markdown = fc.tuple(fc.array(block, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r')).map(([blocks, eol]) => blocks.join('\n').replace(/\n/g, eol));

/** Declares the two properties with `arbitrary` random documents and `fix` random partial specs. */
export function fuzzLintText(runs: { arbitrary: number; fix: number }): void {
  describe('lintText on arbitrary Markdown', () => {
    it('never throws, reports inside the document, and is deterministic', async () => {
      await fc.assert(
        fc.asyncProperty(markdown, async (text) => {
          const first = await lintText(text, { filePath: '/tmp/fuzz.md' });
          const second = await lintText(text, { filePath: '/tmp/fuzz.md' });
          expect(second.messages).toEqual(first.messages);
          const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
          const starts = computeLineStarts(body);
          const lineLength = (line: number) => (line < starts.length ? starts[line]! - starts[line - 1]! : body.length - starts[line - 1]!);
          for (const m of first.messages) {
            expect(m.line).toBeGreaterThanOrEqual(1);
            expect(m.line).toBeLessThanOrEqual(starts.length);
            expect(m.column).toBeGreaterThanOrEqual(1);
            expect(m.column).toBeLessThanOrEqual(lineLength(m.line) + 1);
            expect(m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column)).toBe(true);
            expect(m.message).not.toMatch(/failed on this file/);
          }
        }),
        { numRuns: runs.arbitrary, seed: 20261124 },
      );
    });

    it('--fix output keeps every original line and leaves no required section missing', async () => {
      const headings = fc.subarray(['## Executive Summary', '## Background', '### Problem Statement', '### Goals', '## Requirements', '## Architecture', '## Testing Strategy', '## Timeline'], { minLength: 0 });
      await fc.assert(
        fc.asyncProperty(headings, words, async (present, filler) => {
          const text = `---\ntype: design-doc\n---\n\n# Technical Specification: Fuzz\n\n${present.map((h) => `${h}\n\n${filler || 'text'}\n`).join('\n')}`;
          const fixed = await lintText(text, { fix: true });
          const output = fixed.output ?? text;
          const again = await lintText(output);
          // Nothing left missing; a section under the wrong parent is reported, never duplicated or moved.
          expect(again.messages.filter((m) => m.ruleId === 'required-sections' && m.message.startsWith('Missing section') && !m.message.startsWith('Missing section at least one'))).toEqual([]);
          let cursor = 0;
          const lines = output.split('\n');
          for (const line of text.split('\n')) {
            const at = lines.indexOf(line, cursor);
            expect(at).toBeGreaterThanOrEqual(0);
            cursor = at + 1;
          }
        }),
        { numRuns: runs.fix, seed: 7 },
      );
    });
  });
}
