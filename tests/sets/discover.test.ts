/** Set discovery from paths alone: spec-kit, Kiro, config layouts, numbered collections and their indexes. */
import { describe, expect, it } from 'vitest';
import { affectedPaths, discoverSets, setsContaining } from '../../src/sets/index.js';
import type { SpecSet } from '../../src/sets/index.js';

const shape = (sets: SpecSet[]) => sets.map((s) => ({ id: s.id, kind: s.kind, members: s.members.map((m) => `${m.role} ${m.path}`) }));

describe('discoverSets', () => {
  it('finds spec-kit feature folders under specs/, with every Markdown file below them', () => {
    const sets = discoverSets([
      'specs/001-login/spec.md', 'specs/001-login/plan.md', 'specs/001-login/tasks.md', 'specs/001-login/research.md',
      'specs/001-login/checklists/requirements.md', 'specs/001-login/contracts/api.md',
      'services/billing/specs/002-invoices/spec.md',
      'specs/notes/spec.md', 'docs/001-intro/spec.md', 'README.md',
    ]);
    expect(shape(sets)).toEqual([
      { id: 'speckit:services/billing/specs/002-invoices', kind: 'speckit', members: ['spec services/billing/specs/002-invoices/spec.md'] },
      {
        id: 'speckit:specs/001-login', kind: 'speckit', members: [
          'supporting specs/001-login/checklists/requirements.md', 'supporting specs/001-login/contracts/api.md', 'plan specs/001-login/plan.md',
          'supporting specs/001-login/research.md', 'spec specs/001-login/spec.md', 'tasks specs/001-login/tasks.md',
        ],
      },
    ]);
    expect(sets[1]!.reason).toMatch(/spec-kit layout/);
  });

  it('gives a file to the deepest feature folder above it: a feature nested in another belongs to itself', () => {
    const sets = discoverSets(['specs/001-a/spec.md', 'specs/001-a/notes/x.md', 'specs/001-a/specs/002-b/spec.md', 'specs/001-a/specs/002-b/extra/y.md', '/abs/specs/003-c/tasks.md']);
    expect(shape(sets)).toEqual([
      { id: 'speckit:/abs/specs/003-c', kind: 'speckit', members: ['tasks /abs/specs/003-c/tasks.md'] },
      { id: 'speckit:specs/001-a', kind: 'speckit', members: ['supporting specs/001-a/notes/x.md', 'spec specs/001-a/spec.md'] },
      { id: 'speckit:specs/001-a/specs/002-b', kind: 'speckit', members: ['supporting specs/001-a/specs/002-b/extra/y.md', 'spec specs/001-a/specs/002-b/spec.md'] },
    ]);
  });

  it('finds Kiro specs under .kiro/specs/<name>/, and takes Windows paths as given', () => {
    const sets = discoverSets(['.kiro\\specs\\reset\\requirements.md', '.kiro\\specs\\reset\\design.md', '.kiro\\specs\\reset\\tasks.md', '.kiro/steering/tech.md']);
    expect(shape(sets)).toEqual([{ id: 'kiro:.kiro/specs/reset', kind: 'kiro', members: ['plan .kiro\\specs\\reset\\design.md', 'spec .kiro\\specs\\reset\\requirements.md', 'tasks .kiro\\specs\\reset\\tasks.md'] }]);
  });

  it('forms sets from the config: a folder glob and a glob per role, before the built-in layouts', () => {
    const config = { sets: [{ name: 'features', root: 'docs/features/*', spec: 'prd.md', plan: 'design/*.md', tasks: 'tasks.md' }] };
    const sets = discoverSets(['docs/features/search/prd.md', 'docs/features/search/design/index.md', 'docs/features/search/tasks.md', 'docs/features/search/notes.md', 'docs/features/empty/notes.md'], config);
    expect(shape(sets)).toEqual([{ id: 'features:docs/features/search', kind: 'custom', members: ['plan docs/features/search/design/index.md', 'spec docs/features/search/prd.md', 'tasks docs/features/search/tasks.md'] }]);
  });

  it('turns zero-config discovery off', () => {
    const paths = ['specs/001-a/spec.md', 'adr/0001-a.md', 'adr/0002-b.md', 'adr/0003-c.md'];
    expect(discoverSets(paths, { auto: false })).toEqual([]);
    expect(discoverSets(paths, { auto: { collections: false } }).map((s) => s.kind)).toEqual(['speckit']);
  });

  it('finds numbered collections: three or more numbered files in a folder, its README as the index', () => {
    const sets = discoverSets([
      'docs/adr/0001-record.md', 'docs/adr/0002-postgres.md', 'docs/adr/0003-kafka.md', 'docs/adr/README.md', 'docs/adr/0000-template.md', 'docs/adr/_template.md',
      'docs/guide/01-intro.md', 'docs/guide/02-setup.md',
      'rfcs/20190501-tensor-cord.md', 'rfcs/20190601-other.md', 'rfcs/20190701-third.md',
      'EIPS/eip-1.md', 'EIPS/eip-2.md', 'EIPS/eip-20.md',
    ]);
    expect(shape(sets)).toEqual([
      { id: 'collection:EIPS', kind: 'collection', members: ['document EIPS/eip-1.md', 'document EIPS/eip-2.md', 'document EIPS/eip-20.md'] },
      { id: 'collection:docs/adr', kind: 'collection', members: ['document docs/adr/0001-record.md', 'document docs/adr/0002-postgres.md', 'document docs/adr/0003-kafka.md', 'index docs/adr/README.md'] },
    ]);
  });

  it('makes sibling folders of numbered folders one collection, at any depth (KEPs by SIG)', () => {
    const sets = discoverSets([
      'keps/README.md',
      'keps/sig-auth/1001-a/README.md', 'keps/sig-node/1002-b/README.md', 'keps/sig-node/1003-c/README.md',
      'keps/sig-cloud/1004-d/README.md', 'keps/sig-cloud/azure/1005-e/README.md', 'keps/sig-lifecycle/kubeadm/1006-f/README.md', 'keps/sig-lifecycle/addons/1007-g/README.md',
      'other/adr/0001-x.md', 'other/adr/0002-y.md', 'other/adr/0003-z.md',
    ]);
    expect(sets.map((s) => `${s.id} ${s.members.length} ${s.members.filter((m) => m.role === 'index').map((m) => m.path).join()}`)).toEqual([
      'collection:keps/*/ 8 keps/README.md',
      'collection:other/adr 3 ',
    ]);
  });

  it('never puts a feature set\'s files into a collection, and reads config collections with their own patterns', () => {
    const config = { collections: [{ name: 'decisions', files: 'decisions/*.md', filePattern: '^DR(\\d+)_', index: 'decisions/INDEX.md' }] };
    const sets = discoverSets(['specs/001-a/spec.md', 'specs/002-b/spec.md', 'specs/003-c/spec.md', 'decisions/DR1_a.md', 'decisions/DR2_b.md', 'decisions/INDEX.md'], config);
    expect(shape(sets).map((s) => `${s.id}: ${s.members.join(', ')}`)).toEqual([
      'collection:decisions: document decisions/DR1_a.md, document decisions/DR2_b.md, index decisions/INDEX.md',
      'speckit:specs/001-a: spec specs/001-a/spec.md',
      'speckit:specs/002-b: spec specs/002-b/spec.md',
      'speckit:specs/003-c: spec specs/003-c/spec.md',
    ]);
    expect(sets[0]!.numbering?.file).toEqual(['^DR(\\d+)_']);
    expect(() => discoverSets(['a.md'], { collections: [{ files: '*.md', filePattern: '(' }] })).toThrow(/Invalid regular expression/);
  });

  it('is serialisable and tells the project layer which files a change affects', () => {
    const sets = discoverSets(['specs/001-a/spec.md', 'specs/001-a/tasks.md', 'specs/002-b/spec.md']);
    expect(JSON.parse(JSON.stringify(sets))).toEqual(sets);
    expect(setsContaining(sets, 'specs/001-a/tasks.md').map((s) => s.id)).toEqual(['speckit:specs/001-a']);
    expect([...affectedPaths(sets, ['specs/001-a/tasks.md'])]).toEqual(['specs/001-a/spec.md', 'specs/001-a/tasks.md']);
  });
});
