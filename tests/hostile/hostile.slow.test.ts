/**
 * Large hostile inputs (the slow tier: `npm run test:slow`, run by CI). Each case ends with a result or one clear
 * line, within LIMIT seconds, changing no file.
 *
 * The big table: micromark's GFM table construct (upstream, and markdownlint-cli2's parser too) costs about
 * 0.1–0.4 ms and 20 KB of heap per row here, linearly: a 100,000-row table took 33 s of CPU and a 2.3 GB heap, so
 * on a loaded 2-core machine it met its 60 s timeout. speclint's own code is under 2 % of that time. What the test
 * is for — no construct grows worse than linearly, and a big document ends — is asserted on 20,000 rows, with a
 * scaling check that a quadratic parser (markdownlint-cli2 on the same rows: 26 s for 5,000, 466 s for 20,000)
 * would fail.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../cli/run-cli.js';
import { lintText } from '../../src/engine.js';
import { json, lint } from './lint-safely.js';

/** The bounded time each case asserts, and the test timeout: three times that, so a loaded machine stays green. */
const LIMIT = 60;
const TIMEOUT = LIMIT * 3 * 1000;

const table = (rows: number) => `# T\n\n| Version | Date |\n|---|---|\n${Array.from({ length: rows }, (_, i) => `| 1.${i} | 2025-01-01 |`).join('\n')}\n`;

describe('size', () => {
  it('a 50 MB file is skipped with a warning instead of parsed for minutes', async () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'huge.md'), 'Some text in a paragraph.\n\n'.repeat(2_000_000));
    const run = await lint(dir, ['huge.md'], LIMIT);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('warning  huge.md: Skipped: 51.5 MB is over the 10.0 MB limit for one document (--max-file-size)\n\n');
  }, TIMEOUT);

  it('a 5 MB single line', async () => {
    const dir = tempProject({ 'line.md': `# T\n\n${'word '.repeat(1_000_000)}\n` });
    expect((await lint(dir, ['line.md'], LIMIT)).code).toBe(0);
  }, TIMEOUT);

  it('10,000-deep nested lists and blockquotes end with a result or one clear line', async () => {
    const lists = Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    const quotes = `${'>'.repeat(10_000)} deep\n`;
    const dir = tempProject({ 'lists.md': `# T\n\n${lists}\n`, 'quotes.md': `# T\n\n${quotes}` });
    for (const file of ['lists.md', 'quotes.md']) {
      const run = await lint(dir, [file], LIMIT);
      expect([0, 2]).toContain(run.code);
      if (run.code === 2) expect(run.stdout.trim()).toMatch(/^error {2}\S+\.md: Cannot lint: .+$/);
    }
  }, TIMEOUT);

  it('a 20,000-row table: a result, and time that grows linearly with the rows', async () => {
    const dir = tempProject({ 'table.md': table(20_000) });
    const run = await lint(dir, ['-f', 'json', 'table.md'], LIMIT);
    expect(json(run.stdout).results).toHaveLength(1);
    const seconds = async (rows: number) => {
      const text = table(rows);
      const started = performance.now();
      await lintText(text);
      return (performance.now() - started) / 1000;
    };
    await seconds(1_000); // warm-up
    const small = await seconds(4_000);
    const large = await seconds(16_000);
    // Linear: 4×; quadratic: 16×. The margin absorbs a loaded machine (the two timings can meet different loads).
    expect(large / small).toBeLessThan(12);
  }, TIMEOUT);

  it('a 1 MB code block', async () => {
    const code = `\`\`\`json\n{"a": 1}\n${' '.repeat(1_000_000)}\n\`\`\`\n`;
    const dir = tempProject({ 'code.md': `# T\n\n${code}` });
    expect(json((await lint(dir, ['-f', 'json', 'code.md'], LIMIT)).stdout).results).toHaveLength(1);
  }, TIMEOUT);

  it('5,000 headings', async () => {
    const headings = Array.from({ length: 5000 }, (_, i) => `## Section ${i}\n\nText.\n`).join('\n');
    const dir = tempProject({ 'headings.md': `# T\n\n${headings}` });
    expect(json((await lint(dir, ['-f', 'json', 'headings.md'], LIMIT)).stdout).results).toHaveLength(1);
  }, TIMEOUT);
});
