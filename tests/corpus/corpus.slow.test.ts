/**
 * Real-world regression, like markdownlint's test-repos: every collection of ../shared/corpus, linted with its own
 * template as a type, must give the findings recorded in snapshots.json (counts per rule and a hash of the list).
 * A change that moves them is visible here; if the move is intended, review a sample and run
 * `npx tsx scripts/corpus-snapshot.ts`. Every document is also linted with --fix, and the fixed text checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collections, fixProblems, lintCollection, snapshotOf, CORPUS } from '../../scripts/corpus-lib.js';

const snapshots = JSON.parse(readFileSync(join(import.meta.dirname, 'snapshots.json'), 'utf8')) as Record<string, ReturnType<typeof snapshotOf>>;

describe.skipIf(!existsSync(CORPUS))('corpus snapshots', () => {
  it('covers every collection', () => {
    expect(Object.keys(snapshots).sort()).toEqual(collections());
  });

  for (const collection of Object.keys(snapshots)) {
    it(collection, async () => {
      const result = await lintCollection(collection);
      expect(snapshotOf(result)).toEqual(snapshots[collection]);
      // --fix on every document: no heading occurs more often afterwards than before, and a second --fix changes nothing.
      expect(await fixProblems(collection, result)).toEqual([]);
    }, 600_000);
  }
});
