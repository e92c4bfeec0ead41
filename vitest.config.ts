/**
 * Three tiers (docs/testing.md):
 *   unit         everything in-process: core, rules, templates, the project layer and the CLI's `run` (no build)
 *                → `npm run test:unit`, the inner loop
 *   integration  `*.bin.test.ts`: needs the build (spawns the binary, starts worker processes, reads dist/)
 *   slow         `*.slow.test.ts`: the corpus, real pre-commit and npm installs, large hostile inputs
 * `npm test` runs unit and integration; `npm run test:slow` the slow tier; CI (.ci/run) runs both.
 */
import { defineConfig } from 'vitest/config';

const BIN = 'tests/**/*.bin.test.ts';
const SLOW = 'tests/**/*.slow.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['tests/setup.ts'],
    projects: [
      // Threads start faster than processes; nothing in-process needs a process of its own. isolate: false: a worker
      // imports the engine, the rules and the precompiled validators once, not once per test file (that import was
      // about 1 s of CPU per file, 45 s of a 90 s tier); a test that needs fresh module state calls vi.resetModules().
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [BIN, SLOW], pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'integration', include: [BIN], globalSetup: ['tests/global-setup.ts'] } },
      { extends: true, test: { name: 'slow', include: [SLOW], globalSetup: ['tests/global-setup.ts'] } },
    ],
  },
});
