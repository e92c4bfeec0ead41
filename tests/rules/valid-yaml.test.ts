/** valid-yaml in process: what a user sees (rule id, line, column, message) and the finding's key. */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/valid-yaml.js';
import { descriptorsOf, fenced, findingsOf } from './only-rule.js';

const RULE = 'valid-yaml';

const findings = (text: string, options: Record<string, unknown> = {}) => findingsOf(RULE, text, options);

const descriptors = (text: string) => descriptorsOf(rule, text);

const block = fenced('yaml');

describe('valid-yaml: a block whose only problems are elisions is a fragment', () => {
  it.each([
    ['`...` inside a map', 'spec:\n  ...\n  replicas: 3'],
    ['`...` at the end of a map', 'spec:\n  replicas: 3\n  ...'],
    ['`…` between top-level keys', 'kind: Pod\n…\nspec:\n  a: 1'],
    ['`- ...` in a list', 'items:\n  - a\n  - ...\n  - b'],
    ['`[ . . . ]`', 'spec:\n  [ . . . ]\n  backoffLimit: 3'],
    ['`{ ... }`', 'spec:\n  { ... }\n  backoffLimit: 3'],
    ['`// ...`', 'a: 1\n  // ...\nb: 2'],
    ['`... # omitted`', 'command:\n  - run\n  ... # omitted to save space\nsecurityContext: {}'],
    ['a line that is only a <stand-in>', 'metadata:\n  name: x\n  <more-fields>'],
    ['`...{` opening a collection', '"priorities": [\n   ...{\n      "name": "x"\n   }\n]'],
    ['Helm / Jinja templating', 'spec:\n  replicas: {{ .Values.replicas }}\n  {{- if .Values.strategy }}\n  strategy: {{ toYaml .Values.strategy | nindent 4 }}\n  {{- end }}\n{% for x in xs %}\nname: {{ x }}\n{% endfor %}'],
  ])('%s', async (_, body) => {
    expect(await findings(block(body))).toEqual([]);
  });

  it('a `---` multi-document block, also when the whole block is indented', async () => {
    expect(await findings(block('a: 1\n---\nb: 2\n...\n---\nc: 3'))).toEqual([]);
    expect(await findings(block('    a: 1\n    ---\n    b: 2'))).toEqual([]);
  });
});

describe('valid-yaml: a block that really fails', () => {
  it('reports the error at its place in the block as written, naming the opt-out', async () => {
    expect(await findings(block('spec:\n  ...\n  replicas: 3\n   image: api:1.2'))).toEqual([
      { ruleId: RULE, line: 6, column: 13, message: 'Nested mappings are not allowed in compact mappings (mark the block ```yaml fragment if it is an excerpt)' },
    ]);
  });

  it('an indented block reports columns in the Markdown file', async () => {
    expect(await findings(block('    a: 1\n      b: 2'))).toEqual([
      { ruleId: RULE, line: 4, column: 8, message: 'Nested mappings are not allowed in compact mappings (mark the block ```yaml fragment if it is an excerpt)' },
    ]);
  });

  it('a top-level duplicate key suggests separating examples with ---; a nested one does not', async () => {
    expect(await findings(block('# Example 1\nname: a\n\n# Example 2\nname: b'))).toEqual([
      { ruleId: RULE, line: 8, column: 1, message: 'Duplicate key "name": the second value replaces the first (if the block shows several examples, separate them with a `---` line)' },
    ]);
    expect(await findings(block('a:\n  b: 1\n  b: 2'))).toEqual([
      { ruleId: RULE, line: 6, column: 3, message: 'Duplicate key "b": the second value replaces the first' },
    ]);
  });

  it('front matter is checked without the excerpt opt-out', async () => {
    expect(await findings('---\ntitle: a\ntitle: b\n---\n\n# Spec\n')).toEqual([
      { ruleId: RULE, line: 3, column: 1, message: 'Front matter: Duplicate key "title": the second value replaces the first' },
    ]);
  });

  it('```yaml fragment opts out', async () => {
    expect(await findings(block('a: 1\n  b: 2', 'yaml fragment'))).toEqual([]);
  });
});

describe('valid-yaml: keys', () => {
  it('a key is the block content hash and the error class, not the position', async () => {
    const [first] = await descriptors(block('a: [1, 2'));
    const [moved] = await descriptors(`# Spec\n\nText.\n\n> \`\`\`yaml\n> a: [1, 2\n> \`\`\`\n`);
    expect(first!.key).toMatch(/^[0-9a-f]{12}:[A-Z_]+$/);
    expect(moved!.key).toBe(first!.key);
  });
});
