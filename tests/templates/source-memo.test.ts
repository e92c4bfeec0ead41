/** Values derived from a type's source, computed once (src/templates/source-memo.ts). */
import { describe, expect, it } from 'vitest';
import { memoBySource } from '../../src/templates/source-memo.js';
import type { DocumentTypeSource } from '../../src/types.js';

describe('memoBySource', () => {
  const counting = () => {
    const calls: string[] = [];
    const memo = memoBySource(['template', 'optionalSections'], (source) => {
      calls.push(source.id);
      return { headings: source.template.split('\n').length };
    });
    return { calls, memo };
  };

  it('derives once per source object, and once per text for another object with the same fields', () => {
    const { calls, memo } = counting();
    const source: DocumentTypeSource = { id: 'a', template: '# A\n## B', source: 'builtin' };
    const first = memo(source);
    expect(memo(source)).toBe(first);
    expect(memo({ ...source, id: 'copy' })).toBe(first);
    expect(calls).toEqual(['a']);
  });

  it('derives again when a field the value depends on changed', () => {
    const { calls, memo } = counting();
    const source: DocumentTypeSource = { id: 'a', template: '# A', source: 'builtin' };
    memo(source);
    source.optionalSections = ['A'];
    memo(source);
    source.template = '# A\n## B';
    expect(memo(source)).toEqual({ headings: 2 });
    expect(calls).toEqual(['a', 'a', 'a']);
  });
});
