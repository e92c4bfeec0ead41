/**
 * speclint's own documentation, linted with the embedded defaults as a user would (`npx speclint docs/`): it must
 * pass. The docs quote stand-ins, broken links and template text on purpose; each quote is marked as an example
 * (inline code, a fenced block) rather than hidden by a disable comment, so a real defect in a page still shows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('speclint docs/', () => {
  it('reports nothing on its own documentation and README', async () => {
    const run = await runInProcess(['docs', 'README.md', '--format', 'compact'], { cwd: ROOT });
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });
});
