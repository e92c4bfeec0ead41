/** How many worker processes a run starts (src/project/pool.ts): by the amount of Markdown and the machine's load. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_BYTES_FOR_SECOND_WORKER, MIN_BYTES_FOR_WORKERS, plannedWorkers } from '../../src/project/pool.js';
import { tempProject } from '../cli/run-cli.js';

const files = (bytes: number) => {
  const dir = tempProject({ 'a.md': 'x'.repeat(bytes / 2), 'b.md': 'x'.repeat(bytes / 2) });
  return [join(dir, 'a.md'), join(dir, 'b.md')];
};
const idle = { cores: 2, load: 0.1 };

describe('plannedWorkers', () => {
  it('none for a small run, one past 1 MB, two past 3 MB on an idle 2-core machine', () => {
    expect(plannedWorkers(files(MIN_BYTES_FOR_WORKERS - 2), undefined, idle)).toBe(0);
    expect(plannedWorkers(files(MIN_BYTES_FOR_WORKERS), undefined, idle)).toBe(1);
    expect(plannedWorkers(files(MIN_BYTES_FOR_SECOND_WORKER), undefined, idle)).toBe(2);
  });

  it('one when the cores are busy (a second would only add its warm-up), or on one core', () => {
    expect(plannedWorkers(files(MIN_BYTES_FOR_SECOND_WORKER), undefined, { cores: 2, load: 1.2 })).toBe(1);
    expect(plannedWorkers(files(MIN_BYTES_FOR_SECOND_WORKER), undefined, { cores: 1, load: 0 })).toBe(1);
  });

  it('--threads decides when given (never more workers than files)', () => {
    expect(plannedWorkers(files(10), 2, idle)).toBe(2);
    expect(plannedWorkers(files(MIN_BYTES_FOR_SECOND_WORKER), 0, idle)).toBe(0);
    expect(plannedWorkers(files(10), 5, idle)).toBe(2);
  });
});
