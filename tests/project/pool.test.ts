/** How many worker processes a run starts (src/project/pool.ts): by the amount of Markdown and the machine's cores. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_BYTES_FOR_WORKERS, MIN_BYTES_PER_WORKER, plannedWorkers } from '../../src/project/pool.js';
import { tempProject } from '../cli/run-cli.js';

const files = (bytes: number) => {
  const dir = tempProject({ 'a.md': 'x'.repeat(bytes / 2), 'b.md': 'x'.repeat(bytes / 2) });
  return [join(dir, 'a.md'), join(dir, 'b.md')];
};

describe('plannedWorkers', () => {
  it('none for a small run, one past 1 MB, two past twice the bytes per worker on a 2-core machine', () => {
    expect(plannedWorkers(files(MIN_BYTES_FOR_WORKERS - 2), undefined, 2)).toBe(0);
    expect(plannedWorkers(files(MIN_BYTES_FOR_WORKERS), undefined, 2)).toBe(1);
    expect(plannedWorkers(files(2 * MIN_BYTES_PER_WORKER - 2), undefined, 2)).toBe(1);
    expect(plannedWorkers(files(2 * MIN_BYTES_PER_WORKER), undefined, 2)).toBe(2);
  });

  it('never more workers than cores (or files), whatever the load: a busy machine shares its cores per process', () => {
    expect(plannedWorkers(files(4 * MIN_BYTES_PER_WORKER), undefined, 2)).toBe(2);
    expect(plannedWorkers(files(4 * MIN_BYTES_PER_WORKER), undefined, 1)).toBe(1);
    expect(plannedWorkers(files(4 * MIN_BYTES_PER_WORKER), undefined, 8)).toBe(2);
  });

  it('--threads decides when given (never more workers than files)', () => {
    expect(plannedWorkers(files(10), 2, 2)).toBe(2);
    expect(plannedWorkers(files(2 * MIN_BYTES_PER_WORKER), 0, 2)).toBe(0);
    expect(plannedWorkers(files(10), 5, 2)).toBe(2);
  });
});
