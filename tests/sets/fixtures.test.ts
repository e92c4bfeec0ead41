/**
 * Every set rule's fixtures: fixtures/sets/<rule>/<case>/ is a small project tree. pass-* cases give no finding of
 * the rule; fail-* cases give exactly the findings in <case>/expected.txt (one `path:line:column message` a line,
 * sorted by path and position). Only the rule under test runs, at error, with the options of <case>/options.json
 * (or <rule>/options.json) and the sets config of <case>/sets.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding, only, readTree, ruleIds, runSets } from './helpers.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'sets');
const readJson = (path: string) => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : undefined);

describe.each(ruleIds)('%s', (ruleId) => {
  const dir = join(fixtures, ruleId);
  const cases = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];

  it('has a passing and a failing fixture', () => {
    expect(cases.some((c) => c.startsWith('pass'))).toBe(true);
    expect(cases.some((c) => c.startsWith('fail'))).toBe(true);
  });

  for (const name of cases) {
    it(name, async () => {
      const root = join(dir, name);
      const options = readJson(join(root, 'options.json')) ?? readJson(join(dir, 'options.json')) ?? {};
      const config = readJson(join(root, 'sets.json'));
      const { findings } = await runSets(readTree(root), config, { ruleConfig: only(ruleId, options) });
      const found = findings.filter((f) => f.ruleId === ruleId && !f.suppressed).map(formatFinding);
      if (name.startsWith('pass')) {
        expect(found).toEqual([]);
      } else {
        const expected = readFileSync(join(root, 'expected.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
        expect(found).toEqual(expected);
      }
    });
  }
});
