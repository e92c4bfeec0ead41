/** version-table in process: what a user sees (rule id, line, column, message). */
import { describe, expect, it } from 'vitest';
import { findingsOf } from './only-rule.js';
import { compareVersions, readVersion, readVersionCell } from '../../src/validators/versions.js';

const RULE = 'version-table';

const findings = (text: string, options: Record<string, unknown> = {}) => findingsOf(RULE, text, options);

const table = (header: string, rows: string[]) => `# Spec\n\n| ${header} |\n|${header.split('|').map(() => '---').join('|')}|\n${rows.map((r) => `| ${r} |`).join('\n')}\n`;
const HINT = 'expected a version such as 1.2.0, v1beta1 or 2024-01-15; a label such as Unreleased or GA is fine too';

describe('version-table: only a column whose cells look like versions is a version column', () => {
  it('a Release column of release stages is not checked', async () => {
    expect(await findings(table('Release | Date | Scope', ['Alpha | 2024-03-01 | a', 'Beta | Q3 2024 | b', 'GA | TBD | c', 'Stable | 2025-01-01 | d']))).toEqual([]);
    expect(await findings(table('Release | Notes', ['Major | x', 'Minor | y', 'Patch | z']))).toEqual([]);
  });

  it('a mostly-versions column reports the odd cell', async () => {
    expect(await findings(table('Component | Version', ['api | 1.2.0', 'web | 2.0', 'db | banana']))).toEqual([
      { ruleId: RULE, line: 7, column: 8, message: `"banana" is not a version or version range (${HINT})` },
    ]);
  });

  it('the share is an option', async () => {
    const rows = ['api | 1.2.0', 'web | soon', 'db | later'];
    expect(await findings(table('Component | Version', rows))).toEqual([]);
    expect((await findings(table('Component | Version', rows), { minVersionShare: 0.3 })).length).toBe(2);
  });

  it.each([
    ['v1', 'v1beta1', 'v2alpha3', 'go1.22'],
    ['2024-01-15', '2024-01-15-preview', 'Rev A', '1.0.0-rc.1'],
    ['n/a', '20.x', '^18.2.0', '>= 3.11'],
    ['Node 20', 'ES2022', '1.30+', 'latest'],
  ])('accepts %s, %s, %s, %s', async (...cells) => {
    expect(await findings(table('Tool | Version', cells.map((c, i) => `t${i} | ${c}`)))).toEqual([]);
  });
});

describe('version-table: change logs', () => {
  it('label rows (Unreleased, Next, TBD) are allowed and skipped for order', async () => {
    expect(await findings(table('Version | Date | Changes', ['Unreleased | | wip', '1.2 | 2025-03-01 | b', 'Next | TBD | c', '1.1 | 2025-02-01 | a']))).toEqual([]);
  });

  it('Kubernetes API versions have their own order: v1alpha1 < v1beta1 < v1', async () => {
    expect(await findings(table('Version | Date | Notes', ['v1alpha1 | 2024-01-10 | a', 'v1beta1 | 2024-04-02 | b', 'v1beta2 | 2024-05-02 | c', 'v1 | 2024-08-20 | d', 'v2alpha1 | 2025-01-01 | e']))).toEqual([]);
    expect(await findings(table('Version | Date | Notes', ['v1 | 2024-08-20 | d', 'v1alpha1 | 2024-09-01 | x']))).toEqual([
      { ruleId: RULE, line: 6, column: 14, message: 'Date 2024-09-01 goes forward in time while versions go down (previous row: 2024-08-20): correct the date or the order of the rows' },
    ]);
    expect(await findings(table('Version | Date | Notes', ['v1alpha1 | 2024-01-10 | a', 'v1 | 2024-08-20 | d', 'v1beta1 | 2024-09-01 | x']))).toEqual([
      { ruleId: RULE, line: 7, column: 3, message: 'Version v1beta1 breaks the ascending order of the table (previous row: v1): move the row or correct the version' },
    ]);
  });

  it('versions of different families are not ordered against each other', async () => {
    // 2024-01-15 is a date-style API version: not "greater" than 2.0.
    expect(await findings(table('Version | Date | Notes', ['2.0 | 2024-06-01 | a', '2024-01-15 | 2024-03-01 | api', '1.0 | 2024-01-01 | b']))).toEqual([]);
  });

  it('dates in common unambiguous forms are dates; an impossible one is reported', async () => {
    expect(await findings(table('Version | Date | Changes', ['1.0 | March 3, 2024 | a', '1.1 | 2024/04/10 | b', '1.2 | 5 May 2024 | c', '1.3 | 2024-06 | d']))).toEqual([]);
    expect(await findings(table('Version | Date | Changes', ['1.0 | 2025-02-30 | a']))).toEqual([
      { ruleId: RULE, line: 5, column: 9, message: '"2025-02-30" is not a date that exists: correct it (YYYY-MM-DD)' },
    ]);
  });

  it('the metadata version is compared with the newest real version only', async () => {
    const doc = (version: string) => `# Spec\n\n**Version**: ${version}\n\n| Version | Date | Changes |\n|---|---|---|\n| Unreleased | | next |\n| 1.2 | 2025-03-01 | b |\n| 1.1 | 2025-02-01 | a |\n`;
    expect(await findings(doc('1.2'))).toEqual([]);
    expect(await findings(doc('1.3'))).toEqual([
      { ruleId: RULE, line: 3, column: 14, message: 'Metadata Version 1.3 does not match the newest change-log version 1.2 (line 8): update one of them' },
    ]);
  });

  it('a continuation row without version or date is not a missing version', async () => {
    expect(await findings(table('Version | Date | Changes', ['1.1 | 2025-02-01 | a', ' | | and b', '1.2 | 2025-03-01 | c']))).toEqual([]);
    expect(await findings(table('Version | Date | Changes', ['1.1 | 2025-02-01 | a', ' | 2025-02-15 | b']))).toEqual([
      { ruleId: RULE, line: 6, column: 3, message: 'Missing version in the change log: fill in the version of this dated row' },
    ]);
  });
});

describe('versions', () => {
  it('orders pre-releases, Kubernetes versions and numeric versions', () => {
    const order = ['v1alpha1', 'v1alpha2', 'v1beta1', 'v1', '1.0.1', '1.1.0-rc.1', '1.1', 'v2alpha1', '2.0.0'];
    for (let i = 1; i < order.length; i++) expect(compareVersions(readVersion(order[i - 1]!)!, readVersion(order[i]!)!), `${order[i - 1]} < ${order[i]}`).toBe(-1);
    expect(readVersion('1.1')!.normal).toBe(readVersion('1.1.0')!.normal);
  });

  it('reads stages and labels as labels', () => {
    for (const label of ['Alpha', 'Beta 2', 'GA', 'Stable', 'Major', 'Q3 2024', 'Unreleased', 'Next', 'TBD', 'n/a', '—']) expect(readVersionCell(label).kind, label).toBe('label');
    expect(readVersionCell('banana').kind).toBe('other');
  });
});
