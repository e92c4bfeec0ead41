/** How many worker processes a run starts (src/project/pool.ts): by the amount of Markdown and the cores to spare. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_BYTES_FOR_WORKERS, MIN_BYTES_PER_WORKER, coresToSpare, cpuSample, plannedWorkers } from '../../src/project/pool.js';
import { tempProject } from '../cli/run-cli.js';

const files = (bytes: number) => {
  const dir = tempProject({ 'a.md': 'x'.repeat(bytes / 2), 'b.md': 'x'.repeat(bytes / 2) });
  return [join(dir, 'a.md'), join(dir, 'b.md')];
};

const idle = (cores: number) => ({ cores, spare: () => cores });

describe('plannedWorkers', () => {
  it('none for a small run, one past 1 MB, two past the bytes per extra worker on an idle 2-core machine', () => {
    expect(plannedWorkers(files(MIN_BYTES_FOR_WORKERS - 2), undefined, idle(2))).toBe(0);
    expect(plannedWorkers(files(MIN_BYTES_FOR_WORKERS), undefined, idle(2))).toBe(1);
    expect(plannedWorkers(files(MIN_BYTES_PER_WORKER - 2), undefined, idle(2))).toBe(1);
    expect(plannedWorkers(files(MIN_BYTES_PER_WORKER), undefined, idle(2))).toBe(2);
  });

  it('no more lanes than cores to spare (rounded), cores, or files; always at least one', () => {
    const big = files(4 * MIN_BYTES_PER_WORKER);
    expect(plannedWorkers(big, undefined, { cores: 2, spare: () => 1.4 })).toBe(1);
    expect(plannedWorkers(big, undefined, { cores: 2, spare: () => 1.6 })).toBe(2);
    expect(plannedWorkers(big, undefined, { cores: 2, spare: () => -8 })).toBe(1);
    expect(plannedWorkers(big, undefined, idle(1))).toBe(1);
    expect(plannedWorkers(big, undefined, idle(8))).toBe(2);
  });

  it('--threads decides when given (never more workers than files)', () => {
    expect(plannedWorkers(files(10), 2, idle(2))).toBe(2);
    expect(plannedWorkers(files(2 * MIN_BYTES_PER_WORKER), 0, idle(2))).toBe(0);
    expect(plannedWorkers(files(10), 5, idle(2))).toBe(2);
  });
});

describe('coresToSpare', () => {
  it('counts the cores this process kept busy since the sample (they move to the lanes)', () => {
    const since = cpuSample();
    const end = performance.now() + 300;
    while (performance.now() < end) {
      // busy: this process's share of a core counts as a core to spare
    }
    const spare = coresToSpare(since, 2);
    expect(spare).toBeGreaterThan(0);
    expect(spare).toBeLessThanOrEqual(2.2);
  });
});
