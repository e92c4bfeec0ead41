/** The RuleTester fails where a rule's tests are wrong: positions, messages, fixes, meta.fixable, options, types. */
import { describe, expect, it } from 'vitest';
import checkboxes from '../../rules/checkboxes.js';
import requirementIds from '../../rules/requirement-ids.js';
import sectionOrder from '../../rules/section-order.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import type { Rule } from '../../src/types.js';

const tester = new RuleTester();
const malformed = '# Export\n\n- [] Docs\n';
const fixed = '# Export\n\n- [ ] Docs\n';

/** A rule that reports every `XXX` and replaces it, declaring fixable as told. */
const xxxRule = (fixable: boolean): Rule => ({
  meta: { id: 'no-xxx', description: 'no XXX', defaultSeverity: 'error', docsUrl: '', fixable },
  check({ doc, report }) {
    for (const match of doc.text.matchAll(/XXX/g)) {
      const start = doc.pointAt(match.index);
      report({ message: 'XXX left in: write the text', line: start.line, column: start.column, endColumn: start.column + 3, fix: { range: [match.index, match.index + 3], text: 'done' } });
    }
  },
});

describe('RuleTester', () => {
  it('passes a correct case', async () => {
    await tester.checkInvalid(checkboxes, { code: malformed, errors: [{ line: 3, column: 1, endColumn: 5, message: 'Malformed task item' }], output: fixed });
    await tester.checkValid(checkboxes, { code: fixed });
  });

  it('fails on a wrong line, column, end or message part', async () => {
    await expect(tester.checkInvalid(checkboxes, { code: malformed, errors: [{ line: 2, column: 1, message: 'Malformed' }], output: fixed })).rejects.toThrow(/findings differ/);
    await expect(tester.checkInvalid(checkboxes, { code: malformed, errors: [{ line: 3, column: 2, message: 'Malformed' }], output: fixed })).rejects.toThrow(/findings differ/);
    await expect(tester.checkInvalid(checkboxes, { code: malformed, errors: [{ line: 3, column: 1, endColumn: 9, message: 'Malformed' }], output: fixed })).rejects.toThrow(/findings differ/);
    await expect(tester.checkInvalid(checkboxes, { code: malformed, errors: [{ line: 3, column: 1, message: 'Broken' }], output: fixed })).rejects.toThrow(/findings differ/);
  });

  it('fails on a missing or an extra finding, and on a finding in a valid case', async () => {
    await expect(tester.checkInvalid(checkboxes, { code: `${malformed}-[ ] More\n`, errors: [{ line: 3, column: 1, message: 'Malformed' }], output: `${fixed}- [ ] More\n` })).rejects.toThrow(/findings differ/);
    await expect(tester.checkInvalid(checkboxes, { code: malformed, errors: 2, output: fixed })).rejects.toThrow(/expected 2 finding/);
    await expect(tester.checkValid(checkboxes, { code: malformed })).rejects.toThrow(/no finding/);
    await expect(tester.checkInvalid(checkboxes, { code: fixed, errors: [], output: null })).rejects.toThrow(/at least one expected finding/);
  });

  it('checks the text after --fix, and null means no fix', async () => {
    await expect(tester.checkInvalid(checkboxes, { code: malformed, errors: 1, output: malformed })).rejects.toThrow(/after --fix differs/);
    await expect(tester.checkInvalid(checkboxes, { code: malformed, errors: 1, output: null })).rejects.toThrow(/output is null/);
  });

  it('checks meta.fixable: a fix without the declaration, a fixable rule without output, output from a rule that cannot fix', async () => {
    const code = '# Spec\n\nXXX here\n';
    await expect(tester.checkInvalid(xxxRule(false), { code, errors: [{ line: 3, column: 1, endColumn: 4, message: 'XXX left in' }] })).rejects.toThrow(/meta\.fixable is false/);
    await expect(tester.checkInvalid(xxxRule(true), { code, errors: 1 })).rejects.toThrow(/is fixable: give this case's output/);
    await tester.checkInvalid(xxxRule(true), { code, errors: 1, output: '# Spec\n\ndone here\n' });
    await expect(tester.checkInvalid(requirementIds, { code: '# S\n\n- **FR-1**: a\n- **FR-1**: b\n', errors: 1, output: '# S\n' })).rejects.toThrow(/meta\.fixable is false/);
  });

  it('a fix that leaves work for a second --fix fails', async () => {
    const growing: Rule = { ...xxxRule(true), check({ doc, report }) {
      const at = doc.text.indexOf('XXX');
      if (at >= 0) report({ message: 'XXX left in', line: 1, column: 1, fix: { range: [at, at + 3], text: 'XXXX' } });
    } };
    await expect(tester.checkInvalid(growing, { code: 'XXX\n', errors: 1, output: 'XXXX\n' })).rejects.toThrow(/does not converge/);
  });

  it('checks options against the rule\'s schema', async () => {
    await expect(tester.checkValid(checkboxes, { code: fixed, options: { sections: 'Done' } })).rejects.toThrow(/options of checkboxes are invalid/);
  });

  it('a rule that needs a type fails a valid case that has none (it never ran), and knows the built-in types', async () => {
    await expect(tester.checkValid(sectionOrder, { code: '# Notes\n\nText.\n' })).rejects.toThrow(/give documentType/);
    await expect(tester.checkValid(sectionOrder, { code: '# Notes\n', documentType: 'design-dok' })).rejects.toThrow(/did you mean "design-doc"/);
  });

  it('an inline template is a document type', async () => {
    const template = '# [Title]\n\n## Summary\n\n## Risks\n';
    await tester.checkValid(sectionOrder, { code: '# Search\n\n## Summary\n\nS.\n\n## Risks\n\nR.\n', documentType: template });
    await tester.checkInvalid(sectionOrder, { code: '# Search\n\n## Risks\n\nR.\n\n## Summary\n\nS.\n', documentType: template, errors: [{ line: 7, column: 1, message: 'move it before "Risks"' }] });
  });

  it('a rule that throws fails the case with its message', async () => {
    const broken: Rule = { meta: { id: 'broken', description: '', defaultSeverity: 'error', docsUrl: '', fixable: false }, check: () => { throw new Error('boom'); } };
    await expect(tester.checkValid(broken, { code: '# A\n' })).rejects.toThrow(/boom/);
  });
});
