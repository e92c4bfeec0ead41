/** How many worker processes a run starts (src/project/pool.ts): by the amount of Markdown and the idle cores. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_BYTES_FOR_WORKERS, MIN_BYTES_PER_WORKER, coresForNewLanes, cpuSample, extraLanes, idleCoresSince, plannedLanes } from '../../src/project/pool.js';
import { tempProject } from '../cli/run-cli.js';

const files = (bytes: number) => {
  const dir = tempProject({ 'a.md': 'x'.repeat(bytes / 2), 'b.md': 'x'.repeat(bytes / 2) });
  return [join(dir, 'a.md'), join(dir, 'b.md')];
};

describe('plannedLanes', () => {
  it('none for a small run; one lane at once past 1 MB, room for one more per extra MIN_BYTES_PER_WORKER', () => {
    expect(plannedLanes(files(MIN_BYTES_FOR_WORKERS - 2), undefined, 2)).toEqual({ first: 0, upTo: 0 });
    expect(plannedLanes(files(MIN_BYTES_FOR_WORKERS), undefined, 2)).toEqual({ first: 1, upTo: 1 });
    expect(plannedLanes(files(MIN_BYTES_PER_WORKER - 2), undefined, 2)).toEqual({ first: 1, upTo: 1 });
    expect(plannedLanes(files(MIN_BYTES_PER_WORKER), undefined, 2)).toEqual({ first: 1, upTo: 2 });
  });

  it('never more lanes than cores or files', () => {
    const big = files(4 * MIN_BYTES_PER_WORKER);
    expect(plannedLanes(big, undefined, 1)).toEqual({ first: 1, upTo: 1 });
    expect(plannedLanes(big, undefined, 8)).toEqual({ first: 1, upTo: 2 });
  });

  it('--threads decides when given, all lanes at once (never more workers than files)', () => {
    expect(plannedLanes(files(10), 2, 2)).toEqual({ first: 2, upTo: 2 });
    expect(plannedLanes(files(2 * MIN_BYTES_PER_WORKER), 0, 2)).toEqual({ first: 0, upTo: 0 });
    expect(plannedLanes(files(10), 5, 2)).toEqual({ first: 2, upTo: 2 });
  });
});

describe('extraLanes', () => {
  const plan = { first: 1, upTo: 2 };
  it('one more lane for a core the machine left idle while the first lane worked', () => {
    expect(extraLanes(plan, 1, 1.0, 400, 500)).toBe(1);
    expect(extraLanes(plan, 1, 0.75, 400, 500)).toBe(1);
  });

  it('none when the other core is busy, when the plan is full, or when most files are handed out', () => {
    expect(extraLanes(plan, 1, 0.5, 400, 500)).toBe(0);
    expect(extraLanes(plan, 1, 0.0, 400, 500)).toBe(0);
    expect(extraLanes(plan, 2, 1.0, 400, 500)).toBe(0);
    expect(extraLanes(plan, 1, 1.0, 100, 500)).toBe(0);
    expect(extraLanes({ first: 1, upTo: 4 }, 1, 6.9, 400, 500)).toBe(3);
  });
});

describe('idleCoresSince', () => {
  it('nothing to tell over less than 100 ms (the kernel counts idle time in 10 ms ticks)', () => {
    const now = cpuSample();
    expect(idleCoresSince({ ...now, at: now.at - 99 }, now)).toBeUndefined();
  });

  it('the idle core time per elapsed time, with this process\'s own CPU time counted as idle', () => {
    const now = cpuSample();
    const own = process.cpuUsage();
    // 1.5 s of idle core time over 1 s, and no CPU time of our own: 1.5 idle cores.
    expect(idleCoresSince({ at: now.at - 1000, idleMs: now.idleMs - 1500, own }, now)).toBeCloseTo(1.5, 1);
    // The same, with 0.5 s of our own CPU time since: 2 cores this run may use.
    expect(idleCoresSince({ at: now.at - 1000, idleMs: now.idleMs - 1500, own: { user: own.user - 500_000, system: own.system } }, now)).toBeCloseTo(2, 1);
  });
});

describe('coresForNewLanes', () => {
  it('over a span measured while the lanes ran, the idle cores themselves', () => {
    const now = cpuSample();
    const own = process.cpuUsage();
    // 1 s with 1.2 idle cores; one lane running since before the span began.
    expect(coresForNewLanes({ at: now.at - 1000, idleMs: now.idleMs - 1200, own }, 1, now.at - 2000, now)).toBeCloseTo(1.2, 1);
  });

  it('over a span that began before the lanes, a running lane\'s core counts as ours from the moment it started', () => {
    const now = cpuSample();
    const own = process.cpuUsage();
    // An idle 2-core machine: 60 ms of start-up, then a lane for 40 ms that took a whole core (160 of the 200 core-ms
    // idle or this process's own).
    expect(coresForNewLanes({ at: now.at - 100, idleMs: now.idleMs - 160, own }, 1, now.at - 40, now)).toBeCloseTo(1, 1);
    // The other core was busy all along (a build beside the run): 60 ms idle before the lane, none after.
    expect(coresForNewLanes({ at: now.at - 100, idleMs: now.idleMs - 60, own }, 1, now.at - 40, now)).toBeCloseTo(0, 1);
    // Too short a span to tell.
    expect(coresForNewLanes({ at: now.at - 50, idleMs: now.idleMs - 100, own }, 1, now.at - 10, now)).toBeUndefined();
  });
});
