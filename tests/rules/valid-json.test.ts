/** valid-json in process: what a user sees (rule id, line, column, message) and the finding's key. */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/valid-json.js';
import { descriptorsOf, fenced, findingsOf } from './only-rule.js';

const RULE = 'valid-json';

const findings = (text: string, options: Record<string, unknown> = {}) => findingsOf(RULE, text, options);

const descriptors = (text: string) => descriptorsOf(rule, text);

const block = fenced('json');

describe('valid-json: a block whose only problems are elisions is a fragment', () => {
  it.each([
    ['an elision line between members', '{\n  "a": 1,\n  ...\n  "b": 2\n}'],
    ['a trailing elision after a comma', '{\n  "a": 1,\n  ...\n}'],
    ['a leading elision', '{\n  …\n  "a": 1\n}'],
    ['an elision without the commas around it', '{\n  "a": 1\n  ...\n  "b": 2\n}'],
    ['an elided value', '{ "a": ..., "b": … }'],
    ['elided objects and arrays', '{ "a": { ... }, "b": [ . . . ], "c": {…}, "d": [...] }'],
    ['an elided array element', '[\n  "x",\n  ...\n]'],
    ['a `// ...` comment line', '{\n  "a": 1,\n  // ...\n}'],
    ['a `# ...` line', '{\n  "a": 1,\n  # ... more fields\n}'],
    ['an elision with a remark', '[\n  { "name": "std" },\n  ... # as above\n]'],
    ['a spread-like elision', '[\n  ...{ "a": 1 }\n]'],
    ['angle-bracket stand-ins', '{ "id": <USER_ID>, <...SNIP...> }'],
    ['template stand-ins', '{ "region": {{ region }}, "pid": $pid, "home": ${HOME} }'],
    ['the members of an object without braces', '"metadata": {\n  "name": "x"\n},\n"spec": { ... }'],
    ['the elements of an array without brackets', '{ "id": 1 },\n{ "id": 2 },'],
    ['several values, each on its own line', '{"a": 1}\n{"b": 2}\n[3]'],
  ])('%s', async (_, body) => {
    expect(await findings(block(body))).toEqual([]);
  });

  it('JSON Lines: ```jsonl, ```ndjson and ```json lines read one value per line', async () => {
    expect(await findings(block('{"a": 1}\n{"b": 2}', 'jsonl'))).toEqual([]);
    expect(await findings(block('{"a": 1}\n{"b": 2}', 'ndjson'))).toEqual([]);
    expect(await findings(block('{"a": 1}\n{"b": 2}', 'json lines'))).toEqual([]);
    expect(await findings(block('{"a": 1}\n{"b": 2} {"c": 3}', 'jsonl'))).toEqual([
      { ruleId: RULE, line: 5, column: 10, message: 'Unexpected content after the value: a JSON Lines block holds one value per line' },
    ]);
  });
});

describe('valid-json: a block that really fails', () => {
  it('reports the error at its place in the block as written, naming the opt-out', async () => {
    expect(await findings(block('{\n  "name": "Ada",\n  ...\n  "email" "ada@example.org"\n}'))).toEqual([
      { ruleId: RULE, line: 7, column: 11, message: "Expected ':' after property name (mark the block ```json fragment if it is an excerpt)" },
    ]);
  });

  it('two values on one line', async () => {
    expect(await findings(block('{"a": 1} {"b": 2}'))).toEqual([
      { ruleId: RULE, line: 4, column: 10, message: 'Unexpected content after the JSON value: start each value on its own line, or put it in its own block' },
    ]);
  });

  it('comments and trailing commas suggest ```jsonc; ```jsonc accepts them', async () => {
    expect(await findings(block('{\n  "id": 1, // the id\n  "b": 2\n}'))).toEqual([
      { ruleId: RULE, line: 5, column: 12, message: 'Comments are not allowed in JSON (use ```jsonc or ```json5)' },
    ]);
    expect(await findings(block('{"a": 1,}'))).toEqual([
      { ruleId: RULE, line: 4, column: 9, message: 'Trailing comma before "}" is not allowed in JSON (use ```jsonc or ```json5)' },
    ]);
    expect(await findings(block('{\n  "id": 1, // the id\n  "b": 2,\n}', 'jsonc'))).toEqual([]);
  });

  it('an unquoted property name says how to write it', async () => {
    expect(await findings(block('{ retries: 3 }'))).toEqual([
      { ruleId: RULE, line: 4, column: 3, message: 'Property name retries is not in double quotes: write "retries" (or mark a JavaScript-style object ```json5)' },
    ]);
  });

  it('a duplicate key in one of several values', async () => {
    expect(await findings(block('{"a": 1}\n{"a": 1, "a": 2}'))).toEqual([
      { ruleId: RULE, line: 5, column: 10, message: 'Duplicate key "a": one of the two values is lost (first on line 5)' },
    ]);
  });

  it('columns count UTF-16 units after an emoji', async () => {
    expect(await findings(block('{"emoji": "😀", "x" 1}'))).toEqual([
      { ruleId: RULE, line: 4, column: 21, message: "Expected ':' after property name (mark the block ```json fragment if it is an excerpt)" },
    ]);
  });

  it('```json fragment opts out', async () => {
    expect(await findings(block('"name" "x"', 'json fragment'))).toEqual([]);
  });
});

describe('valid-json: keys', () => {
  it('a key is the block content hash and the error class, not the position', async () => {
    const broken = '{"a": 1 "b": 2}';
    const [first] = await descriptors(block(broken));
    const [moved] = await descriptors(`# Spec\n\nMore text above.\n\n- In a list:\n\n  \`\`\`json\n  ${broken}\n  \`\`\`\n`);
    expect(first!.key).toMatch(/^[0-9a-f]{12}:CommaExpected$/);
    expect(moved!.key).toBe(first!.key);
    const [comment] = await descriptors(block('{"a": 1 // x\n}'));
    expect(comment!.key).toMatch(/:comment$/);
  });
});
