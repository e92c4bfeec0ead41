// Rewrites tests/corpus/snapshots.json: every collection of ../shared/corpus linted with its own template as a
// type. Run it after a change whose effect on real documents you have reviewed:  npx tsx scripts/corpus-snapshot.ts
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { collections, lintCollection, snapshotOf } from './corpus-lib.js';

const snapshots: Record<string, ReturnType<typeof snapshotOf>> = {};
for (const collection of collections()) {
  snapshots[collection] = snapshotOf(await lintCollection(collection));
  process.stderr.write(`${collection}: ${snapshots[collection]!.documents} documents, ${snapshots[collection]!.clean} without errors\n`);
}
const out = join(import.meta.dirname, '..', 'tests', 'corpus');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'snapshots.json'), `${JSON.stringify(snapshots, null, 2)}\n`);
