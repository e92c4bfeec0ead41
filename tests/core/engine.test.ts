import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine.js';
import type { ResolvedConfig, Rule } from '../../src/types.js';

/** A rule that reports every occurrence of the word FOO, with a fix to BAR. */
const fooRule: Rule = {
  meta: { id: 'no-foo', description: 'test', defaultSeverity: 'error', docsUrl: '', fixable: true },
  check({ doc, report }) {
    for (let i = doc.text.indexOf('FOO'); i >= 0; i = doc.text.indexOf('FOO', i + 1)) {
      report({ message: 'FOO found', range: { start: doc.pointAt(i), end: doc.pointAt(i + 3) }, fix: { range: [i, i + 3], text: 'BAR' } });
    }
  },
};

const throwingRule: Rule = {
  meta: { id: 'broken', description: 'test', defaultSeverity: 'error', docsUrl: '', fixable: false },
  check() {
    throw new Error('boom');
  },
};

function config(rules: Record<string, 'error' | 'warn' | 'off'>): ResolvedConfig {
  return { rules: Object.fromEntries(Object.entries(rules).map(([id, severity]) => [id, { severity, options: {} }])), types: {}, settings: {} };
}

const lint = (text: string, severity: 'error' | 'warn' = 'error', fix = false) =>
  lintText(text, { config: config({ 'no-foo': severity }), rules: [fooRule], fix });

// Findings about the directives themselves (unknown rule names such as "other-rule") are tested in tests/cli/directives.test.ts.
const positions = (messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number; suppressed?: unknown }>) =>
  messages.filter((m) => !m.suppressed && m.ruleId !== 'directives').map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);

describe('lintText positions', () => {
  it('reports 1-based line and UTF-16 column', async () => {
    const result = await lint('# Title\n\nSome 😀 FOO here\n');
    expect(positions(result.messages)).toEqual(['3:9-3:12']);
    expect(result.errorCount).toBe(1);
  });

  it('is right for CRLF, lone CR and a UTF-8 BOM', async () => {
    expect(positions((await lint('\ufeff# T\r\n\r\nFOO\r\n')).messages)).toEqual(['3:1-3:4']);
    expect(positions((await lint('# T\r\rx FOO\r')).messages)).toEqual(['3:3-3:6']);
  });

  it('counts warnings separately', async () => {
    const result = await lint('FOO FOO', 'warn');
    expect([result.errorCount, result.warningCount]).toEqual([0, 2]);
  });

  it('turns a throwing rule into a finding instead of crashing', async () => {
    const result = await lintText('# x\n', { config: config({ broken: 'error' }), rules: [throwingRule] });
    expect(result.messages.map((m) => [m.ruleId, m.message])).toEqual([['broken', 'Rule "broken" failed on this file: boom']]);
  });

  it('skips rules that are off', async () => {
    const result = await lintText('FOO', { config: config({ 'no-foo': 'off' }), rules: [fooRule] });
    expect(result.messages).toEqual([]);
  });
});

describe('inline directives', () => {
  it('disable … enable covers the lines between', async () => {
    const text = 'FOO\n<!-- speclint-disable no-foo -->\nFOO\n<!-- speclint-enable no-foo -->\nFOO\n';
    expect(positions((await lint(text)).messages)).toEqual(['1:1-1:4', '5:1-5:4']);
  });

  it('disable without a list covers every rule; other rule lists do not', async () => {
    expect(positions((await lint('<!-- speclint-disable -->\nFOO\n')).messages)).toEqual([]);
    expect(positions((await lint('<!-- speclint-disable other-rule -->\nFOO\n')).messages)).toEqual(['2:1-2:4']);
  });

  it('disable-next-line covers only the next line, and keeps the reason', async () => {
    const result = await lint('<!-- speclint-disable-next-line no-foo -- legacy wording -->\nFOO\nFOO\n');
    expect(positions(result.messages)).toEqual(['3:1-3:4']);
    expect(result.messages[0]!.suppressed).toEqual({ kind: 'inSource', justification: 'legacy wording' });
    expect(result.errorCount).toBe(1);
  });

  it('disable-line covers its own line', async () => {
    expect(positions((await lint('FOO <!-- speclint-disable-line -->\nFOO\n')).messages)).toEqual(['2:1-2:4']);
  });

  it('disable-file covers the whole file, before and after the comment', async () => {
    expect(positions((await lint('FOO\n\n<!-- speclint-disable-file no-foo, other -->\n\nFOO\n')).messages)).toEqual([]);
  });

  it('a comment that only mentions a directive is not one', async () => {
    expect(positions((await lint('<!-- see speclint-disable docs -->\nFOO\n')).messages)).toEqual(['2:1-2:4']);
  });
});

describe('fixes', () => {
  it('applies fixes and keeps the BOM', async () => {
    const result = await lint('\ufeffFOO and FOO\n', 'error', true);
    expect(result.output).toBe('\ufeffBAR and BAR\n');
  });

  it('gives no output when nothing was fixed', async () => {
    expect((await lint('nothing\n', 'error', true)).output).toBeUndefined();
  });
});

describe('fingerprints', () => {
  it('survive lines inserted above, and differ between repeated identical findings', async () => {
    const before = await lint('# T\n\nFOO\n\nFOO\n');
    const after = await lint('# T\n\nnew paragraph\n\nanother\n\nFOO\n\nFOO\n');
    const prints = (r: typeof before) => r.messages.map((m) => m.fingerprint);
    expect(prints(after)).toEqual(prints(before));
    expect(new Set(prints(before)).size).toBe(2);
  });
});
