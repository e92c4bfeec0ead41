/**
 * Every rule's RuleTester suite (tests/rules/cases/<id>.ts), in one test file: a file of its own would cost each
 * suite a worker's setup (about a second of CPU apiece), more than its cases take. A new suite is picked up
 * by its file name; `npx vitest run tests/rules/cases.test.ts -t <id>` runs one.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'cases');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) await import(join(dir, file));
