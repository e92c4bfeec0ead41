/**
 * Every rule's fixtures: fixtures/rules/<id>/pass*.md must give no finding of that rule; fail*.md must give
 * exactly the findings listed in the matching fail*.expected (one `line:column-endLine:endColumn message` a line).
 * Only the rule under test runs, at error, with the built-in document types and options from an optional
 * `options.json` beside the fixtures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText } from '../../src/engine.js';
import { rules } from '../../rules/index.js';
import type { ResolvedConfig } from '../../src/types.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'rules');

function configFor(ruleId: string, options: Record<string, unknown>): ResolvedConfig {
  const base = defaultConfig();
  const ruleConfigs = Object.fromEntries(rules.map((r) => [r.meta.id, { severity: 'off' as const, options: {} }]));
  ruleConfigs[ruleId] = { severity: 'error', options } as never;
  return { ...base, rules: ruleConfigs };
}

const format = (m: { line: number; column: number; endLine: number; endColumn: number; message: string }) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`;

describe.each(rules.map((r) => r.meta.id))('%s', (ruleId) => {
  const dir = join(fixtures, ruleId);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];
  const optionsPath = join(dir, 'options.json');
  const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Record<string, unknown>) : {};

  // A rule's passing and failing cases live here or in its RuleTester suite (tests/rules/cases/<id>.ts, which
  // itself requires at least one valid and one invalid case): a new rule needs no fixture folder.
  it('has a passing and a failing fixture, or a RuleTester suite', () => {
    if (existsSync(join(import.meta.dirname, 'cases', `${ruleId}.ts`))) return;
    expect(files.some((f) => f.startsWith('pass'))).toBe(true);
    expect(files.some((f) => f.startsWith('fail'))).toBe(true);
  });

  for (const file of files) {
    it(file, async () => {
      const filePath = join(dir, file);
      const result = await lintText(readFileSync(filePath, 'utf8'), { filePath, config: configFor(ruleId, options), fileExists: existsSync });
      const found = result.messages.filter((m) => m.ruleId === ruleId && !m.suppressed).map(format);
      if (file.startsWith('pass')) {
        expect(found).toEqual([]);
      } else {
        const expectedPath = filePath.replace(/\.md$/, '.expected');
        const expected = readFileSync(expectedPath, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
        expect(found).toEqual(expected);
      }
    });
  }
});
