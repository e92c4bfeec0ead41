/**
 * -f junit: what Jenkins, GitLab and GitHub test reporters read. Exact bytes for a small tree, validity against
 * Jenkins' junit-10.xsd with a real XML Schema validator (xmllint, from Debian's libxml2-utils: .ci/run installs
 * it; without it the schema checks are skipped with a message), and escaping of hostile names and messages.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import junit from '../../src/reporters/junit.js';
import { runInProcess, tempProject } from '../cli/run-cli.js';
import { context, fileReport, finding } from './context.js';

const root = join(import.meta.dirname, '..', '..');
const XSD = join(root, 'fixtures/junit/junit-10.xsd');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const docs = (rule: string) => `https://github.com/speclint/speclint/blob/v${version}/docs/rules/${rule}.md`;

const hasXmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasXmllint) console.warn('xmllint is not installed: the JUnit XSD validation is skipped (.ci/run installs libxml2-utils with apt)');

/** xmllint's verdict on a report: valid against the XSD (or, without a schema, well-formed). */
function xmllint(xml: string, schema?: string): { ok: boolean; output: string } {
  const dir = tempProject({});
  const file = join(dir, 'report.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', ...(schema ? ['--schema', schema] : []), file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const SPEC = '# Notes for [SERVICE_NAME]\n\n<!-- speclint-disable-next-line checkboxes -- legacy -->\n- [] suppressed\n\nSee [SERVICE_NAME] again.\n';

describe('junit reporter', () => {
  it('writes one suite per document, one failing case per finding, a passing case for a clean document', async () => {
    const dir = tempProject({ 'docs/a "b" <c>.md': SPEC, 'docs/ok.md': '# Fine\n\nText.\n' });
    const run = await runInProcess(['-f', 'junit', 'docs'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="speclint" tests="3" failures="2" errors="0" time="0">',
      '  <testsuite name="docs/a &quot;b&quot; &lt;c&gt;.md" tests="2" failures="2" errors="0" skipped="0" time="0" file="docs/a &quot;b&quot; &lt;c&gt;.md">',
      '    <testcase name="no-placeholders: Unfilled placeholder &quot;[SERVICE_NAME]&quot;: replace it with the real value, or add it to no-placeholders\' allow list if it is meant literally" classname="docs/a &quot;b&quot; &lt;c&gt;" time="0">',
      `      <failure type="no-placeholders" message="error at line 1: Unfilled placeholder &quot;[SERVICE_NAME]&quot;: replace it with the real value, or add it to no-placeholders' allow list if it is meant literally">docs/a "b" &lt;c&gt;.md:1:13: error: Unfilled placeholder "[SERVICE_NAME]": replace it with the real value, or add it to no-placeholders' allow list if it is meant literally\nRule: no-placeholders (${docs('no-placeholders')})</failure>`,
      '    </testcase>',
      '    <testcase name="no-placeholders: Unfilled placeholder &quot;[SERVICE_NAME]&quot;: replace it with the real value, or add it to no-placeholders\' allow list if it is meant literally (2)" classname="docs/a &quot;b&quot; &lt;c&gt;" time="0">',
      `      <failure type="no-placeholders" message="error at line 6: Unfilled placeholder &quot;[SERVICE_NAME]&quot;: replace it with the real value, or add it to no-placeholders' allow list if it is meant literally">docs/a "b" &lt;c&gt;.md:6:5: error: Unfilled placeholder "[SERVICE_NAME]": replace it with the real value, or add it to no-placeholders' allow list if it is meant literally\nRule: no-placeholders (${docs('no-placeholders')})</failure>`,
      '    </testcase>',
      '  </testsuite>',
      '  <testsuite name="docs/ok.md" tests="1" failures="0" errors="0" skipped="0" time="0" file="docs/ok.md">',
      '    <testcase name="speclint" classname="docs/ok" time="0"/>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n'));
    if (hasXmllint) expect(xmllint(run.stdout, XSD)).toEqual({ ok: true, output: expect.stringContaining('validates') });
  });

  it('counts match the JSON report, and files that could not be read are <error>s', async () => {
    const dir = tempProject({ 'a.md': SPEC, 'b.md': '# B\n\n- [] one\n- [] two\n', 'bad.md': 'ok' });
    writeFileSync(join(dir, 'bad.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    const xml = (await runInProcess(['-f', 'junit', '.'], { cwd: dir })).stdout;
    const json = JSON.parse((await runInProcess(['-f', 'json', '.'], { cwd: dir })).stdout);
    const findings = json.results.reduce((n: number, r: { messages: unknown[] }) => n + r.messages.length, 0);
    expect(findings).toBe(4);
    expect(xml).toContain(`<testsuites name="speclint" tests="${findings + 1}" failures="${findings}" errors="1" time="0">`);
    expect(xml.match(/<failure /g)).toHaveLength(findings);
    expect(xml).toContain('<error type="error" message="Cannot lint: not valid UTF-8 (first bad byte at offset 2)">bad.md: Cannot lint: not valid UTF-8 (first bad byte at offset 2)</error>');
    if (hasXmllint) expect(xmllint(xml, XSD).ok).toBe(true);
  });

  it('keeps hostile names and messages as text: quotes, <, ]]>, newlines, tabs, control characters, lone surrogates', () => {
    const message = 'a "quoted" <tag> & ]]> end\nsecond line\twith tab \u0001\u0008 \uD800 done';
    const xml = junit.format([fileReport('docs/<x> & "y".md', [finding({ line: 3, message, ruleId: 'checkboxes' })])], context());
    expect(xml).toContain('message="error at line 3: a &quot;quoted&quot; &lt;tag&gt; &amp; ]]&gt; end&#10;second line&#9;with tab \uFFFD\uFFFD \uFFFD done"');
    expect(xml).toContain('name="checkboxes: a &quot;quoted&quot; &lt;tag&gt; &amp; ]]&gt; end second line&#9;with tab \uFFFD\uFFFD \uFFFD done"');
    expect(xml).toContain('classname="docs/&lt;x&gt; &amp; &quot;y&quot;"');
    if (hasXmllint) {
      expect(xmllint(xml).ok).toBe(true);
      expect(xmllint(xml, XSD).ok).toBe(true);
    }
  });

  it.skipIf(!hasXmllint)('the schema check can fail: a suite without its counts is rejected', () => {
    const broken = '<?xml version="1.0"?>\n<testsuites><testsuite name="x"><testcase name="y"/></testsuite></testsuites>\n';
    const verdict = xmllint(broken, XSD);
    expect(verdict.ok).toBe(false);
    expect(verdict.output).toMatch(/attribute 'tests' is required/);
  });

  it('an empty run is a valid, empty report', () => {
    const xml = junit.format([], context());
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="speclint" tests="0" failures="0" errors="0" time="0">\n</testsuites>\n');
    if (hasXmllint) expect(xmllint(xml, XSD).ok).toBe(true);
  });
});
